import { useState } from 'react';
import { apiGet } from '../../api/client.ts';
import type { Denial } from '../../api/sharing-types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { countryName, formatDate } from '../../components/format.ts';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { navigate } from '../../router.ts';

/** Valid denials shared with the agency (and its own), with expired and revoked ones on request. */
export function DenialList() {
  const [all, setAll] = useState(false);
  const state = useApi(`denials:${all}`, (s) =>
    apiGet<Denial[]>('/denials', all ? { all: 'true' } : undefined, s),
  );
  return (
    <Async state={state}>
      {(denials) => (
        <DataTable
          label="Denials"
          rows={denials}
          rowKey={(d) => d.id}
          onRowClick={(d) => navigate(['denials', 'denial', d.id])}
          emptyTitle="No denial has been shared with your agency yet"
          initialSort={{ key: 'denied', dir: 'desc' }}
          toolbar={
            <label className="check">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Include
              expired and revoked
            </label>
          }
          columns={[
            { key: 'ref', header: 'Reference', value: (d) => d.reference ?? d.id },
            { key: 'gov', header: 'Notified by', value: (d) => d.notifyingGovernment ?? d.orgId },
            {
              key: 'denied',
              header: 'Denied on',
              value: (d) => d.deniedOn,
              render: (d) => formatDate(d.deniedOn),
            },
            {
              key: 'dest',
              header: 'Destination',
              value: (d) => d.destination,
              render: (d) => `${countryName(d.destination)} (${d.destination})`,
            },
            { key: 'items', header: 'Items', value: (d) => d.items.map((i) => i.code).join(', ') },
            { key: 'parties', header: 'Parties', value: (d) => d.parties.map((p) => p.name).join('; ') },
            { key: 'status', header: 'Status', value: (d) => d.status },
          ]}
        />
      )}
    </Async>
  );
}
