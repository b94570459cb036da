import { Fragment } from 'react';
import type { DestinationReach, ProductAnalysis } from '../../api/supply-types.ts';
import { countryName } from '../../components/format.ts';
import { OutcomeBadge } from '../transactions/outcome-badge.tsx';
import { ALLIES, money, pct, pctWhole } from './supply-format.ts';

/** The US controlled share against the de minimis level: a bar with the level marked. */
function ShareMeter({ share, threshold, label }: { share: number; threshold: number; label: string }) {
  const scale = Math.max(threshold * 2, share * 1.1, 0.01);
  return (
    <span
      className={share > threshold ? 'dm-meter over' : 'dm-meter'}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Number((share * 100).toFixed(1))}
      aria-valuetext={`${pct(share)} against a de minimis level of ${pctWhole(threshold)}`}
    >
      <span className="dm-fill" style={{ width: `${Math.min(100, (share / scale) * 100)}%` }} />
      <span
        className="dm-level"
        style={{ left: `${(threshold / scale) * 100}%` }}
        title={`level ${pctWhole(threshold)}`}
      />
    </span>
  );
}

function ReachDetails({ r, currency }: { r: DestinationReach; currency: string }) {
  const dm = r.us.deMinimis;
  return (
    <details className="trace reach-details">
      <summary>
        {countryName(r.destination)}: US-origin lines{dm ? ` (${dm.lines.length})` : ''} and allied controls
        per component
      </summary>
      {dm ? (
        <>
          <ul className="small">
            {dm.reasons.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
          {dm.lines.length ? (
            <table className="kv-table small" aria-label={`US-origin content to ${r.destination}`}>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">US code</th>
                  <th scope="col">Value</th>
                  <th scope="col">Counted</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {dm.lines.map((l) => (
                  <tr key={l.partId}>
                    <th scope="row">
                      <code>{l.partId}</code>
                    </th>
                    <td>{l.usCode ?? '—'}</td>
                    <td className="num">{money(l.value, currency)}</td>
                    <td>{l.counted ? <strong>yes</strong> : 'no'}</td>
                    <td>{l.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      {r.components.length ? (
        <table
          className="kv-table small"
          aria-label={`Controlled components shipped alone to ${r.destination}`}
        >
          <caption className="muted">
            Each controlled component, were it shipped alone to {r.destination}
          </caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              {ALLIES.map((j) => (
                <th key={j} scope="col">
                  {j}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.components.map((c) => (
              <tr key={c.partId}>
                <th scope="row">
                  <code>{c.partId}</code>
                </th>
                {ALLIES.map((j) => (
                  <td key={j}>
                    <OutcomeBadge outcome={c.outcomes[j]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}

/** Who reaches the product at each destination: the US de minimis calculation against 25% or 10%, and the allies. */
export function ReachPanel({ product, currency }: { product: ProductAnalysis; currency: string }) {
  if (product.reach.length === 0)
    return (
      <p className="muted">No destination: give one above, or list the product’s destinations in the BOM.</p>
    );
  return (
    <>
      <table className="data-table reach-table" aria-label={`US de minimis of ${product.id} by destination`}>
        <thead>
          <tr>
            <th scope="col">Destination</th>
            <th scope="col">US controlled content</th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col" className="num">
              De minimis level
            </th>
            <th scope="col">US reach</th>
          </tr>
        </thead>
        <tbody>
          {product.reach.map((r) => {
            const dm = r.us.deMinimis;
            return (
              <Fragment key={r.destination}>
                <tr className="reach-main">
                  <th scope="row">
                    <span className="jur">{r.destination}</span> {countryName(r.destination)}
                    {r.exportingJurisdiction ? (
                      <div className="muted small">exported under {r.exportingJurisdiction} controls</div>
                    ) : null}
                  </th>
                  <td>
                    {dm ? (
                      <>
                        <ShareMeter
                          share={dm.share}
                          threshold={dm.threshold}
                          label={`US controlled share to ${r.destination}`}
                        />
                        <div className="muted small">
                          {money(dm.usControlledValue, currency)} of {money(dm.productValue, currency)}
                        </div>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="num dm-share">{dm ? pct(dm.share) : '—'}</td>
                  <td className="num">{dm ? pctWhole(dm.threshold) : '—'}</td>
                  <td>
                    {r.us.subjectToEar ? (
                      <span className="outcome outcome-danger">Subject to the EAR</span>
                    ) : (
                      <span className="outcome outcome-ok">Not subject</span>
                    )}
                    {dm?.neverEligible.length ? (
                      <div className="small text-danger">
                        never eligible: {dm.neverEligible.map((n) => `${n.partId} (${n.rule})`).join(', ')}
                      </div>
                    ) : null}
                  </td>
                </tr>
                <tr className="reach-basis">
                  <td colSpan={5} className="small muted">
                    {r.us.basis}
                    {r.questions.map((q, i) => (
                      <div key={i}>? {q}</div>
                    ))}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {product.reach.map((r) => (
        <ReachDetails key={r.destination} r={r} currency={currency} />
      ))}
    </>
  );
}
