import { apiGet, seg } from '../../api/client.ts';
import type { ControlEntryView, Counterpart } from '../../api/types.ts';
import { formatDate, labelOf } from '../../components/format.ts';
import { Async, Empty } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { href } from '../../router.ts';
import { CounterpartCard } from './counterpart-card.tsx';
import { EntryCitation, UnverifiedBadge } from './entry-citation.tsx';
import { LIST_NAMES } from './list-catalogue.tsx';

/** How the shown entry relates to a counterpart, in words. */
export const RELATION: Record<string, string> = {
  same: 'Same scope as',
  broader: 'Covers more than',
  narrower: 'Covers less than',
  overlaps: 'Overlaps',
};

/** One control entry: text, reasons, versions and its counterparts in every other list side by side. */
export function EntryPage({ list, code }: { list: string; code: string }) {
  const state = useApi(`${list}:${code}`, (s) =>
    apiGet<ControlEntryView>(`/controls/${seg(list)}/${seg(code)}`, undefined, s),
  );
  return (
    <>
      <p className="crumbs">
        <a href="#/controls">Control lists</a> /{' '}
        <a href={href(['controls', list.toUpperCase()])}>{list.toUpperCase()}</a> / {code}
      </p>
      <Async state={state} loadingLabel="Loading the entry…">
        {(v) => {
          const byList = new Map<string, Counterpart[]>();
          for (const c of v.counterparts) {
            const l = c.id.slice(0, c.id.indexOf(':'));
            byList.set(l, [...(byList.get(l) ?? []), c]);
          }
          const e = v.entry;
          return (
            <>
              <div className="page-header">
                <div>
                  <h1>
                    <span className="jur">{v.list.id}</span> {e.code}
                    {e.citation?.status === 'verified' ? null : (
                      <>
                        {' '}
                        <UnverifiedBadge />
                      </>
                    )}
                  </h1>
                  <p className="lede">{e.heading}</p>
                </div>
              </div>
              {!v.exact ? (
                <p className="callout callout-info" role="note">
                  {v.requested} is not a separate entry: its nearest enclosing entry {v.id} is shown.
                </p>
              ) : null}
              <div className="entry-layout">
                <section className="panel" aria-labelledby="h-entry">
                  <h2 id="h-entry">Entry</h2>
                  <dl className="record-grid">
                    <dt>List</dt>
                    <dd>
                      {v.list.name} · version {v.list.version} (from {formatDate(v.list.validFrom)})
                    </dd>
                    {e.parent ? (
                      <>
                        <dt>Part of</dt>
                        <dd>
                          <a href={href(['controls', v.list.id, e.parent])}>{e.parent}</a>
                        </dd>
                      </>
                    ) : null}
                    <dt>Reasons for control</dt>
                    <dd>
                      {e.reasons.length ? (
                        e.reasons.map((r) => (
                          <span key={r} className="badge">
                            {r}
                          </span>
                        ))
                      ) : (
                        <span className="muted">none stated</span>
                      )}
                    </dd>
                    {e.regimeRefs.length ? (
                      <>
                        <dt>Regime references</dt>
                        <dd>{e.regimeRefs.join(', ')}</dd>
                      </>
                    ) : null}
                    <dt>Source</dt>
                    <dd>
                      {e.source.url ? <a href={e.source.url}>{e.source.act}</a> : e.source.act} (
                      {e.source.version}) · confidence {e.confidence}
                    </dd>
                    <dt>Citation</dt>
                    <EntryCitation citation={e.citation} />
                    {e.destinations ? (
                      <>
                        <dt>Destinations</dt>
                        <dd>controlled only to {e.destinations.join(', ')}</dd>
                      </>
                    ) : null}
                  </dl>
                  {e.text ? <div className="entry-text">{e.text}</div> : null}
                  {e.exceptions && Object.keys(e.exceptions).length ? (
                    <>
                      <h3>Licence exceptions</h3>
                      <dl className="record-grid">
                        {Object.entries(e.exceptions).map(([k, t]) => (
                          <div key={k} className="contents">
                            <dt>{k}</dt>
                            <dd>{t}</dd>
                          </div>
                        ))}
                      </dl>
                    </>
                  ) : null}
                </section>
                <section className="panel" aria-labelledby="h-versions">
                  <h2 id="h-versions">Versions</h2>
                  {v.versions.length === 0 ? (
                    <p className="muted">One version stored.</p>
                  ) : (
                    <ol className="versions">
                      {v.versions.map((x, i) => (
                        <li key={x.version}>
                          <strong>{x.version}</strong>{' '}
                          <span className="muted small">
                            from {formatDate(x.validFrom)}
                            {x.validTo ? ` to ${formatDate(x.validTo)}` : ''}
                          </span>
                          <div className="small">
                            {!x.present
                              ? 'not in this version'
                              : x.changed.length
                                ? `changed: ${x.changed.join(', ')}`
                                : i === 0
                                  ? 'first stored version'
                                  : 'unchanged'}
                          </div>
                        </li>
                      ))}
                    </ol>
                  )}
                </section>
              </div>
              <section aria-labelledby="h-counterparts">
                <h2 id="h-counterparts">Counterparts in the other lists</h2>
                {byList.size === 0 ? (
                  <Empty title="No counterpart in any other list">
                    This may be a unilateral control: see the gap map.
                  </Empty>
                ) : (
                  <div
                    className="side-by-side"
                    style={{ gridTemplateColumns: `repeat(${Math.min(4, byList.size)}, minmax(220px, 1fr))` }}
                  >
                    {[...byList.entries()].map(([l, cs]) => (
                      <section key={l} className="det-col" aria-label={`Counterparts in ${l}`}>
                        <h3>
                          <span className="jur">{l}</span> {LIST_NAMES[l] ?? ''}
                        </h3>
                        {cs.map((c) => (
                          <CounterpartCard
                            key={c.id + (c.via ?? '')}
                            counterpart={c}
                            relation={`${RELATION[c.type] ?? labelOf(c.type)}`}
                          />
                        ))}
                      </section>
                    ))}
                  </div>
                )}
              </section>
            </>
          );
        }}
      </Async>
    </>
  );
}
