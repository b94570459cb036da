import type { Alert } from '@entente/core';
import { allyOfList } from './inbox-view.ts';

/**
 * The subject of a hit alert (one alert per counterparty and subject, as single screening groups
 * its matches): every current listing of it, with the counterparty's score on those it matches,
 * and the loaded lists that do not list it.
 */
export function SubjectListings({ alert }: { alert: Alert }) {
  if (alert.kind === 'ownership') return null;
  return (
    <>
      <h4>
        Subject {alert.subjectName ?? alert.listedName}{' '}
        <span className="muted small">
          ({alert.subjectId} · {alert.listings.length} {alert.listings.length === 1 ? 'listing' : 'listings'})
        </span>
      </h4>
      <table className="kv-table small" data-testid="alert-listings">
        <tbody>
          {alert.listings.map((l) => (
            <tr key={l.entityId}>
              <th scope="row">
                {l.source} <span className="muted">{allyOfList(l.source)}</span>
              </th>
              <td>{l.entityId}</td>
              <td>{l.score !== undefined ? `score ${l.score.toFixed(2)}` : 'not matched'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {alert.notListedBy.length > 0 ? (
        <p className="small" data-testid="alert-not-listed-by">
          Not listed by: {alert.notListedBy.join(', ')}
        </p>
      ) : null}
    </>
  );
}
