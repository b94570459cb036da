import { useState } from 'react';
import type { Alert } from '@entente/core';
import { Empty } from '../../components/states.tsx';
import { summariseRegister } from './inbox-view.ts';

const days = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} d`);

/** The register's state by list or by ally: counterparties with open alerts, backlog, time to decision. */
export function RegisterStatePanel({ alerts }: { alerts: Alert[] }) {
  const [by, setBy] = useState<'list' | 'ally'>('ally');
  const rows = summariseRegister(alerts, by, new Date());
  return (
    <section className="panel" aria-labelledby="h-register-state" data-testid="register-state">
      <h2 id="h-register-state">Register by {by}</h2>
      <p className="muted small">Your organisation’s counterparties and alerts only.</p>
      <label className="field field-inline">
        <span>Group by</span>
        <select aria-label="Group by" value={by} onChange={(e) => setBy(e.target.value as 'list' | 'ally')}>
          <option value="ally">ally</option>
          <option value="list">list</option>
        </select>
      </label>
      {rows.length === 0 ? (
        <Empty title="No alerts yet">Import a register and run monitoring.</Empty>
      ) : (
        <table className="summary-table">
          <thead>
            <tr>
              <th scope="col">{by === 'ally' ? 'Ally' : 'List'}</th>
              <th scope="col">Counterparties with open alerts</th>
              <th scope="col">Open alerts</th>
              <th scope="col">Oldest open</th>
              <th scope="col">Decided</th>
              <th scope="col">Median time to decision</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.key}</th>
                <td>{r.counterpartiesWithOpenAlerts}</td>
                <td>{r.openAlerts}</td>
                <td>{r.oldestOpenDays === undefined ? '—' : `${r.oldestOpenDays} d`}</td>
                <td>{r.decidedAlerts}</td>
                <td>{days(r.medianDaysToDecision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
