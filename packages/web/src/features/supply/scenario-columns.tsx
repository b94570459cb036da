import type { AlternateCheck, ScenarioResult } from '../../api/supply-types.ts';
import { formatDate, labelOf } from '../../components/format.ts';
import { STATUS_LABEL, money, pct } from './supply-format.ts';

function AlternateLine({ a }: { a: AlternateCheck }) {
  const label =
    a.status === 'not-modelled'
      ? 'Not modelled'
      : a.status === 'domestic'
        ? 'Domestic'
        : STATUS_LABEL[a.status];
  const tone =
    a.licenceRequired || a.status === 'controlled' ? 'danger' : a.status === 'unclassified' ? 'warn' : 'ok';
  return (
    <li title={a.reason}>
      {a.supplier ?? 'unnamed'} ({a.country}){' '}
      <span className={`badge badge-${tone}`}>
        {label}
        {a.licenceRequired ? ', licence' : ''}
      </span>
    </li>
  );
}

/** One scenario's effect on one product: value at stake, components hit and what alternates remain. */
function ScenarioColumn({
  s,
  productId,
  currency,
}: {
  s: ScenarioResult;
  productId: string;
  currency: string;
}) {
  const impact = s.products.find((p) => p.productId === productId);
  const titleId = `scn-${s.scenario.id}`;
  return (
    <section className="scenario-col" aria-labelledby={titleId}>
      <h3 id={titleId}>{s.scenario.title}</h3>
      <div className="muted small">
        <span className="jur">{s.scenario.actor}</span>
        {labelOf(s.scenario.kind)}
        {s.scenario.source?.date ? ` · ${formatDate(s.scenario.source.date)}` : ''}
        {s.scenario.entry ? ` · ${s.scenario.entry}` : ''}
      </div>
      <div className="stake">
        <span className="stake-n">{pct(impact?.shareAtStake ?? 0)}</span>
        <span className="muted">
          of the product’s value at stake
          <br />
          {money(impact?.valueAtStake ?? 0, currency)}
          {impact ? ` of ${money(impact.productValue, currency)}` : ''}
        </span>
      </div>
      {!impact ? (
        <p className="muted">No component of this product is affected.</p>
      ) : (
        <>
          <p className="small">
            {impact.components.length} component{impact.components.length === 1 ? '' : 's'} affected
            {impact.components.some((c) => c.unmitigated)
              ? `, ${impact.components.filter((c) => c.unmitigated).length} without a usable alternate`
              : ''}
          </p>
          <ul className="affected">
            {impact.components.map((c) => (
              <li key={c.partId}>
                <div>
                  <code>{c.partId}</code> {c.description}{' '}
                  <span className="muted small">
                    {money(c.value, currency)} · {pct(c.share)}
                  </span>
                  {c.unmitigated ? <span className="badge badge-danger">No usable alternate</span> : null}
                </div>
                <div className="small">{c.reason}</div>
                <div className="small alternates">
                  Alternates remaining:{' '}
                  {c.alternatesRemaining.length === 0 ? (
                    <span className="text-danger">none</span>
                  ) : (
                    <ul className="plain">
                      {c.alternatesRemaining.map((a, i) => (
                        <AlternateLine key={i} a={a} />
                      ))}
                    </ul>
                  )}
                  {c.alternatesLost.length ? (
                    <div className="muted">
                      lost:{' '}
                      {c.alternatesLost.map((a) => `${a.supplier ?? 'unnamed'} (${a.country})`).join(', ')}
                    </div>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {impact.exports.length ? (
            <>
              <h4>Exports of the product stopped</h4>
              <ul className="small">
                {impact.exports.map((e) => (
                  <li key={e.destination}>
                    <span className="jur">{e.destination}</span>
                    {e.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {impact.reachChanges.length ? (
            <>
              <h4>US de minimis changes</h4>
              <ul className="small">
                {impact.reachChanges.map((r) => (
                  <li key={r.destination}>
                    <span className="jur">{r.destination}</span>
                    {pct(r.shareBefore)} → {pct(r.shareAfter)}
                    {r.subjectBefore !== r.subjectAfter
                      ? ` (${r.subjectAfter ? 'now subject to the EAR' : 'no longer subject'})`
                      : ''}
                    <div className="muted">{r.reason}</div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <ul className="muted small reasons">
        {s.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {s.scenario.source || s.scenario.note ? (
        <details className="trace">
          <summary>Source and note</summary>
          {s.scenario.source ? (
            <p className="small">
              {s.scenario.source.url ? (
                <a href={s.scenario.source.url} target="_blank" rel="noreferrer">
                  {s.scenario.source.citation}
                </a>
              ) : (
                s.scenario.source.citation
              )}
            </p>
          ) : null}
          {s.scenario.note ? <p className="small muted">{s.scenario.note}</p> : null}
        </details>
      ) : null}
    </section>
  );
}

/** The scenarios run, one column each, for one product. */
export function ScenarioColumns({
  scenarios,
  productId,
  currency,
}: {
  scenarios: ScenarioResult[];
  productId: string;
  currency: string;
}) {
  return (
    <div
      className="side-by-side scenario-grid"
      style={{ gridTemplateColumns: `repeat(${scenarios.length}, minmax(260px, 1fr))` }}
    >
      {scenarios.map((s) => (
        <ScenarioColumn key={s.scenario.id} s={s} productId={productId} currency={currency} />
      ))}
    </div>
  );
}
