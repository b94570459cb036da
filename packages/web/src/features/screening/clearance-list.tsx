import { apiGet } from '../../api/client.ts';
import type { Clearance } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { href } from '../../router.ts';

/** Every match the signed-in organisation has cleared as a false positive, with who, why and until when. */
export function ClearanceList() {
  const state = useApi('clearances', (s) => apiGet<{ clearances: Clearance[] }>('/clearances', undefined, s));
  return (
    <Async state={state}>
      {({ clearances }) => (
        <DataTable
          label="Cleared matches of your organisation"
          rows={clearances}
          rowKey={(c) => c.id}
          emptyTitle="Your organisation has not cleared any match yet"
          initialSort={{ key: 'created', dir: 'desc' }}
          columns={[
            { key: 'subject', header: 'Screened name', value: (c) => c.subject.name },
            {
              key: 'entity',
              header: 'Listed party',
              value: (c) => c.entityId,
              render: (c) => <a href={href(['screening', 'party', c.entityId])}>{c.entityId}</a>,
            },
            { key: 'reason', header: 'Reason', value: (c) => c.reason },
            { key: 'by', header: 'Cleared by', value: (c) => c.clearedBy },
            {
              key: 'created',
              header: 'On',
              value: (c) => c.createdAt,
              render: (c) => formatDate(c.createdAt),
            },
            {
              key: 'status',
              header: 'Status',
              value: (c) =>
                c.revokedAt
                  ? 'revoked'
                  : c.expiresAt && c.expiresAt < new Date().toISOString()
                    ? 'expired'
                    : 'active',
            },
          ]}
        />
      )}
    </Async>
  );
}
