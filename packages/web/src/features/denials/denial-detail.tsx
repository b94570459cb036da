import { apiGet, seg } from '../../api/client.ts';
import type { Denial } from '../../api/sharing-types.ts';
import { countryName, formatDate } from '../../components/format.ts';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';

/** One denial notification. */
export function DenialDetail({ id }: { id: string }) {
  const state = useApi(id, (s) => apiGet<Denial>(`/denials/${seg(id)}`, undefined, s));
  return (
    <>
      <p className="crumbs">
        <a href="#/denials">Denials</a> / {id}
      </p>
      <Async state={state}>
        {(d) => (
          <>
            <div className="page-header">
              <div>
                <h1>Denial {d.reference ?? d.id}</h1>
                <p className="lede">
                  {d.notifyingGovernment ?? d.orgId} denied an export to {countryName(d.destination)} on{' '}
                  {formatDate(d.deniedOn)} ·{' '}
                  <span className={d.status === 'active' ? 'badge badge-danger' : 'badge'}>{d.status}</span>
                </p>
              </div>
            </div>
            <section className="panel">
              <dl className="record-grid">
                <dt>Items</dt>
                <dd>
                  <ul className="plain">
                    {d.items.map((i, k) => (
                      <li key={k}>
                        <code>
                          {i.list ? `${i.list}:` : ''}
                          {i.code}
                        </code>{' '}
                        {i.description}
                      </li>
                    ))}
                  </ul>
                </dd>
                <dt>Parties</dt>
                <dd>
                  <ul className="plain">
                    {d.parties.map((p, k) => (
                      <li key={k}>
                        {p.role}: {p.name}
                        {p.country ? ` (${p.country})` : ''}
                      </li>
                    ))}
                  </ul>
                </dd>
                <dt>End use</dt>
                <dd>{d.endUse || <span className="muted">not stated</span>}</dd>
                <dt>Reason</dt>
                <dd>{d.reason}</dd>
                <dt>Valid until</dt>
                <dd>{formatDate(d.validUntil)}</dd>
                <dt>Shared through</dt>
                <dd>{[...d.scope.regimes, ...d.scope.agencies].join(', ') || 'own agency only'}</dd>
                <dt>Version</dt>
                <dd>
                  {d.version} · updated {formatDate(d.updatedAt)}
                </dd>
              </dl>
            </section>
          </>
        )}
      </Async>
    </>
  );
}
