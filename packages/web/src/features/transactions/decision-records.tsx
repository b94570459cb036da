import { apiGet } from '../../api/client.ts';
import type { DecisionRecordHead } from '../../api/licensing-types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { countryName, formatDateTime } from '../../components/format.ts';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { navigate } from '../../router.ts';
import { OutcomeBadge } from './outcome-badge.tsx';

/** The organisation's past decision records, newest first. */
export function DecisionRecords() {
  const state = useApi('records', (s) =>
    apiGet<{ records: DecisionRecordHead[] }>('/assessments', { limit: 500 }, s),
  );
  return (
    <Async state={state}>
      {({ records }) => (
        <DataTable
          label="Decision records"
          rows={records}
          rowKey={(r) => r.id}
          onRowClick={(r) => navigate(['transactions', 'records', r.id])}
          emptyTitle="No decision record yet: assess a transaction and its record is kept here for five years"
          initialSort={{ key: 'created', dir: 'desc' }}
          columns={[
            {
              key: 'id',
              header: 'Record',
              value: (r) => r.id,
              render: (r) => <a href={`#/transactions/records/${r.id}`}>{r.id}</a>,
            },
            {
              key: 'created',
              header: 'Assessed',
              value: (r) => r.createdAt,
              render: (r) => formatDateTime(r.createdAt),
            },
            { key: 'ref', header: 'Reference', value: (r) => r.summary.transactionId ?? '' },
            {
              key: 'route',
              header: 'From → to',
              value: (r) => `${r.summary.exportingCountry} → ${r.summary.destination}`,
              text: (r) =>
                `${r.summary.exportingCountry} ${r.summary.destination} ${countryName(r.summary.exportingCountry)} ${countryName(r.summary.destination)}`,
            },
            { key: 'items', header: 'Items', numeric: true, value: (r) => r.summary.items },
            {
              key: 'outcome',
              header: 'Strictest outcome',
              value: (r) => r.summary.strictestOutcome,
              render: (r) => <OutcomeBadge outcome={r.summary.strictestOutcome} />,
            },
            {
              key: 'risk',
              header: 'Risk',
              value: (r) => r.summary.riskScore,
              render: (r) => `${r.summary.riskLevel} (${r.summary.riskScore.toFixed(2)})`,
            },
          ]}
        />
      )}
    </Async>
  );
}
