import { useMemo, useState } from 'react';
import {
  ALERT_STATES,
  alertAgeDays,
  alertStrength,
  type Alert,
  type AlertKind,
  type AlertState,
} from '@entente/core';
import { ScoreBar } from '../../components/score-bar.tsx';
import { Empty } from '../../components/states.tsx';
import { AlertDetail } from './alert-detail.tsx';
import { allyOfList, filterAlerts, listOfAlert, sortAlerts, type InboxSort } from './inbox-view.ts';
import { changeAlerts } from './monitoring-api.ts';

const OPEN_STATES: AlertState[] = ['open', 'in-review', 'escalated'];
const DECISIONS: AlertState[] = ['true-match', 'false-positive'];

/** The inbox: filter, sort, select and change the state of many alerts, and read one beside its counterparty. */
export function AlertInbox({ alerts, onChanged }: { alerts: Alert[]; onChanged: () => void }) {
  const [states, setStates] = useState<AlertState[]>(OPEN_STATES);
  const [list, setList] = useState('');
  const [ally, setAlly] = useState('');
  const [kind, setKind] = useState<AlertKind | ''>('');
  const [sort, setSort] = useState<InboxSort>('age-desc');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState<string | undefined>(undefined);
  const lists = useMemo(() => [...new Set(alerts.map(listOfAlert))].sort(), [alerts]);
  const allies = useMemo(() => [...new Set(lists.map(allyOfList))].sort(), [lists]);
  const shown = sortAlerts(
    filterAlerts(alerts, {
      states,
      ...(list ? { list } : {}),
      ...(ally ? { ally } : {}),
      ...(kind ? { kind } : {}),
    }),
    sort,
  );
  const focused = alerts.find((a) => a.id === focus);
  const now = new Date();
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section aria-labelledby="h-inbox">
      <h2 id="h-inbox">Alert inbox</h2>
      <div className="filters table-toolbar" role="group" aria-label="Filter and sort">
        <fieldset className="checks checks-inline">
          <legend>State</legend>
          {ALERT_STATES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={states.includes(s)}
                onChange={() => setStates((x) => (x.includes(s) ? x.filter((y) => y !== s) : [...x, s]))}
              />
              {s}
            </label>
          ))}
        </fieldset>
        <label className="field field-inline">
          <span>List</span>
          <select aria-label="List" value={list} onChange={(e) => setList(e.target.value)}>
            <option value="">all</option>
            {lists.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>Ally</span>
          <select aria-label="Ally" value={ally} onChange={(e) => setAlly(e.target.value)}>
            <option value="">all</option>
            {allies.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>Kind</span>
          <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as AlertKind | '')}>
            <option value="">all</option>
            <option value="new">new</option>
            <option value="changed">changed</option>
            <option value="gone">gone</option>
            <option value="ownership">ownership</option>
          </select>
        </label>
        <label className="field field-inline">
          <span>Sort</span>
          <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as InboxSort)}>
            <option value="age-desc">oldest first</option>
            <option value="age-asc">newest first</option>
            <option value="score-desc">highest score</option>
            <option value="score-asc">lowest score</option>
          </select>
        </label>
      </div>
      <BulkBar
        ids={[...selected]}
        onDone={() => {
          setSelected(new Set());
          onChanged();
        }}
      />
      {shown.length === 0 ? (
        <Empty title="No alerts match these filters" />
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="alert-table">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all shown"
                    checked={shown.every((a) => selected.has(a.id))}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(shown.map((a) => a.id)) : new Set())
                    }
                  />
                </th>
                <th scope="col">Counterparty</th>
                <th scope="col">Listed party</th>
                <th scope="col">Kind</th>
                <th scope="col">List</th>
                <th scope="col">Score or share</th>
                <th scope="col">Age</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id} data-alert={a.id} aria-selected={a.id === focus}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${a.counterpartyName}`}
                      checked={selected.has(a.id)}
                      onChange={() => toggle(a.id)}
                    />
                  </td>
                  <td>
                    <button type="button" className="cell-btn cell-btn-start" onClick={() => setFocus(a.id)}>
                      {a.counterpartyName}
                    </button>
                  </td>
                  <td>
                    {a.listedName}
                    {a.kind !== 'ownership' && a.listings.length > 1 ? (
                      <span className="muted small"> · {a.listings.length} listings</span>
                    ) : null}
                  </td>
                  <td>
                    {a.kind === 'ownership' ? <span className="badge badge-warn">ownership</span> : a.kind}
                  </td>
                  <td>
                    {listOfAlert(a)} <span className="muted small">{allyOfList(listOfAlert(a))}</span>
                  </td>
                  <td>
                    <AlertStrengthCell alert={a} />
                  </td>
                  <td>{alertAgeDays(a, now)} d</td>
                  <td>
                    <span className={`badge ${OPEN_STATES.includes(a.state) ? 'badge-warn' : 'badge-ok'}`}>
                      {a.state}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {focused ? (
        <AlertDetail alert={focused} />
      ) : (
        <p className="muted small">Choose a counterparty to see the hit beside it.</p>
      )}
    </section>
  );
}

/** A name hit's score as a bar; an ownership alert's share held by listed owners (or control) in words. */
function AlertStrengthCell({ alert }: { alert: Alert }) {
  const strength = alertStrength(alert);
  return strength.measure === 'score' ? (
    <ScoreBar value={strength.value} width={80} />
  ) : (
    <span className="small">{strength.text}</span>
  );
}

/** Changes the state of every selected alert; decisions need a reason; refusals are listed, not hidden. */
function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const [to, setTo] = useState<AlertState>('in-review');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const decision = DECISIONS.includes(to);
  const apply = async () => {
    setBusy(true);
    try {
      const result = await changeAlerts(ids, { state: to, ...(decision ? { reason } : {}) });
      const refused = result.errors.map((e) => e.message);
      setMessage(
        `${result.alerts.length} of ${ids.length} moved to ${to}${refused.length ? `; refused: ${refused.join(' · ')}` : ''}`,
      );
      onDone();
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="btn-row" role="group" aria-label="Bulk actions">
      <span className="muted">{ids.length} selected</span>
      <label className="field field-inline">
        <span>Move to</span>
        <select aria-label="Move to" value={to} onChange={(e) => setTo(e.target.value as AlertState)}>
          {ALERT_STATES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      {decision ? (
        <label className="field field-inline">
          <span>Reason</span>
          <input aria-label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      ) : null}
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={busy || ids.length === 0 || (decision && !reason.trim())}
        onClick={() => void apply()}
      >
        Apply
      </button>
      {message ? (
        <span role="status" className="small">
          {message}
        </span>
      ) : null}
    </div>
  );
}
