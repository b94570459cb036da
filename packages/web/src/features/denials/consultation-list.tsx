import { apiGet } from '../../api/client.ts';
import type { Consultation } from '../../api/sharing-types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { navigate } from '../../router.ts';

/** The agency's consultations: addressed to it (inbox) or opened by it (outbox). */
export function ConsultationList({ box }: { box: string }) {
  const state = useApi(`cons:${box}`, (s) => apiGet<Consultation[]>('/consultations', { box }, s));
  return (
    <Async state={state}>
      {(list) => (
        <DataTable
          label="Consultations"
          rows={list}
          rowKey={(c) => c.id}
          onRowClick={(c) => navigate(['denials', 'consultations', c.id])}
          emptyTitle={
            box === 'outbox' ? 'Your agency has opened no consultation' : 'No consultation awaits your agency'
          }
          initialSort={{ key: 'created', dir: 'desc' }}
          toolbar={
            <label className="field field-inline">
              <span>Box</span>
              <select
                value={box}
                onChange={(e) => navigate(['denials', 'consultations'], { box: e.target.value })}
              >
                <option value="inbox">Inbox (addressed to us)</option>
                <option value="outbox">Outbox (opened by us)</option>
                <option value="all">All</option>
              </select>
            </label>
          }
          columns={[
            { key: 'id', header: 'Consultation', value: (c) => c.id },
            {
              key: 'state',
              header: 'State',
              value: (c) => c.state,
              render: (c) => <span className={`badge state-${c.state}`}>{c.state}</span>,
            },
            { key: 'denial', header: 'Denial', value: (c) => c.denialId },
            {
              key: 'respond',
              header: 'Respond by',
              value: (c) => c.respondBy,
              render: (c) => formatDate(c.respondBy),
            },
            { key: 'messages', header: 'Messages', numeric: true, value: (c) => c.messages.length },
            {
              key: 'created',
              header: 'Opened',
              value: (c) => c.createdAt,
              render: (c) => formatDate(c.createdAt),
            },
          ]}
        />
      )}
    </Async>
  );
}
