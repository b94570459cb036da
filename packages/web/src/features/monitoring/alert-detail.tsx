import { alertStrength, type Alert, type Counterparty } from '@entente/core';
import { formatDateTime } from '../../components/format.ts';
import { ScoreBar } from '../../components/score-bar.tsx';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { allyOfList, listOfAlert } from './inbox-view.ts';
import { getCounterparty } from './monitoring-api.ts';
import { SubjectListings } from './subject-listings.tsx';

/** How core's `describeSource` ends a citation whose text could not be read. */
const UNVERIFIED = ' (unverified)';

/** Lines of an explanation, split into the reasoning, the ownership paths and the citations. */
function splitExplanation(lines: readonly string[]) {
  return {
    reasons: lines.filter((l) => !l.startsWith('Path: ') && !l.startsWith('Cited: ')),
    paths: lines.filter((l) => l.startsWith('Path: ')).map((l) => l.slice(6)),
    citations: lines
      .filter((l) => l.startsWith('Cited: '))
      .map((l) => l.slice(7))
      .map((text) =>
        text.endsWith(UNVERIFIED)
          ? { text: text.slice(0, -UNVERIFIED.length), unverified: true }
          : { text, unverified: false },
      ),
  };
}

function CounterpartyCard({ alert }: { alert: Alert }) {
  const state = useApi(`cp:${alert.counterpartyId}`, (s) => getCounterparty(alert.counterpartyId, s));
  return (
    <section className="panel" aria-labelledby="h-cp" data-testid="alert-counterparty">
      <h3 id="h-cp">Your counterparty</h3>
      <p>
        <strong>{alert.counterpartyName}</strong> <span className="muted">({alert.counterpartyId})</span>
      </p>
      <Async state={state}>{(cp: Counterparty) => <CounterpartyFacts cp={cp} />}</Async>
    </section>
  );
}

function CounterpartyFacts({ cp }: { cp: Counterparty }) {
  return (
    <table className="kv-table">
      <tbody>
        <tr>
          <th scope="row">Type</th>
          <td>{cp.type}</td>
        </tr>
        <tr>
          <th scope="row">Names</th>
          <td>{cp.names.join(' · ')}</td>
        </tr>
        <tr>
          <th scope="row">Countries</th>
          <td>{cp.countries.join(', ') || '—'}</td>
        </tr>
        {cp.birthDate ? (
          <tr>
            <th scope="row">Birth date</th>
            <td>{cp.birthDate}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">Identifiers</th>
          <td>{cp.identifiers.map((i) => `${i.type} ${i.value}`).join(', ') || '—'}</td>
        </tr>
        <tr>
          <th scope="row">Owners</th>
          <td>
            {cp.owners.length === 0
              ? '—'
              : cp.owners
                  .map(
                    (o) =>
                      `${o.ownerId}${o.share !== undefined ? ` ${o.share} %` : ''}${o.controls ? ' (controls)' : ''}`,
                  )
                  .join(', ')}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** One alert: the counterparty and the hit's explanation side by side, ownership paths and citations, history. */
export function AlertDetail({ alert }: { alert: Alert }) {
  const { reasons, paths, citations } = splitExplanation(alert.explanation);
  const list = listOfAlert(alert);
  return (
    <div className="side-by-side alert-pair" data-testid="alert-detail">
      <CounterpartyCard alert={alert} />
      <section className="panel" aria-labelledby="h-hit" data-testid="alert-hit">
        <h3 id="h-hit">{alert.kind === 'ownership' ? 'Caught through ownership' : 'Listed party'}</h3>
        <p>
          <strong>{alert.listedName}</strong> <span className="badge badge-source">{list}</span>{' '}
          <span className="badge">{allyOfList(list)}</span>
          {alert.programs.map((p) => (
            <span key={p} className="badge badge-program">
              {p}
            </span>
          ))}
        </p>
        <p className="muted small">
          {alert.kind === 'ownership' ? 'Owned or controlled by' : 'Matched name'}: {alert.matchedName}
        </p>
        {alert.kind === 'ownership' ? (
          <p>
            <strong>{alertStrength(alert).text}</strong> by listed parties, as the rule counts it
          </p>
        ) : (
          <ScoreBar value={alert.score} label="Score" />
        )}
        <ul className="explanations">
          {reasons.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
        <SubjectListings alert={alert} />
        {paths.length > 0 ? (
          <>
            <h4>Ownership paths</h4>
            <ol className="evidence-path" data-testid="ownership-paths">
              {paths.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ol>
          </>
        ) : null}
        {citations.length > 0 ? (
          <>
            <h4>Citations</h4>
            <ul className="citations small" data-testid="alert-citations">
              {citations.map((c, i) => (
                <li key={i}>
                  {c.unverified ? (
                    <>
                      <span
                        className="badge badge-warn"
                        title="Read only in a summary: the text itself could not be read"
                      >
                        unverified
                      </span>{' '}
                    </>
                  ) : null}
                  {c.text}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h4>History</h4>
        <ul className="small">
          {alert.events.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at)} · {e.by} · {e.type}
              {e.to ? ` → ${e.to}` : ''}
              {e.comment ? `: ${e.comment}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
