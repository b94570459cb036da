import type { Assessment, Jurisdiction } from '../../api/licensing-types.ts';
import { ScoreBar } from '../../components/score-bar.tsx';
import { Empty } from '../../components/states.tsx';
import { DeterminationColumn } from './determination-column.tsx';
import { OutcomeBadge } from './outcome-badge.tsx';

/** The assessment of a transaction: harmonised summary, determinations side by side, red flags, risk and open questions. */
export function AssessmentView({ assessment: a }: { assessment: Assessment }) {
  const js = a.jurisdictions.map((j) => j.jurisdiction);
  const divergent = new Map(a.summary.divergences.map((d) => [d.itemIndex, d]));
  const questions = [
    ...new Set([
      ...a.questions,
      ...a.jurisdictions.flatMap((j) => j.determinations.flatMap((d) => d.determination.questions)),
    ]),
  ];
  return (
    <div className="assessment stack">
      <section className="panel" aria-labelledby="h-summary">
        <h2 id="h-summary">Harmonised summary</h2>
        {a.summary.divergences.length ? (
          <p className="callout callout-warn" role="note">
            <strong>
              {a.summary.divergences.length} divergence{a.summary.divergences.length === 1 ? '' : 's'}
            </strong>{' '}
            between jurisdictions: the strictest outcome governs the shipment.
          </p>
        ) : (
          <p className="muted">The jurisdictions agree on every item.</p>
        )}
        <div className="table-scroll">
          <table className="data-table summary-table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                {js.map((j) => (
                  <th key={j} scope="col">
                    {j}
                  </th>
                ))}
                <th scope="col">Strictest</th>
              </tr>
            </thead>
            <tbody>
              {a.summary.items.map((it) => {
                const d = divergent.get(it.itemIndex);
                return (
                  <tr key={it.itemIndex} className={d ? 'divergent' : undefined}>
                    <th scope="row">
                      {it.description}
                      {d ? (
                        <div className="divergence-note">
                          <span className="badge badge-warn">Divergence</span> {d.note}
                        </div>
                      ) : null}
                    </th>
                    {js.map((j) => (
                      <td key={j}>
                        <OutcomeBadge outcome={it.byJurisdiction[j as Jurisdiction]} />
                      </td>
                    ))}
                    <td>
                      <OutcomeBadge outcome={it.strictestOutcome} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="h-dets">
        <h2 id="h-dets">Determinations by jurisdiction</h2>
        {a.jurisdictions.length === 0 ? (
          <Empty title="No jurisdiction’s export rules reach this shipment" />
        ) : (
          <div
            className="side-by-side"
            style={{
              gridTemplateColumns: `repeat(${Math.min(4, a.jurisdictions.length)}, minmax(240px, 1fr))`,
            }}
          >
            {a.jurisdictions.map((j) => (
              <DeterminationColumn
                key={j.jurisdiction}
                jurisdiction={j.jurisdiction}
                determinations={j.determinations}
              />
            ))}
          </div>
        )}
      </section>

      <div className="two-col">
        <section className="panel" aria-labelledby="h-risk">
          <h2 id="h-risk">
            Risk score <span className={`risk-level risk-${a.risk.level}`}>{a.risk.level}</span>
          </h2>
          <ScoreBar value={a.risk.score} width={220} label="Risk score" />
          <table className="kv-table factors" aria-label="Risk score breakdown">
            <thead>
              <tr>
                <th scope="col">Factor</th>
                <th scope="col">Weight</th>
                <th scope="col">Contribution</th>
              </tr>
            </thead>
            <tbody>
              {a.risk.factors.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    {f.label}
                    {f.detail ? <div className="muted small">{f.detail}</div> : null}
                  </th>
                  <td className="num">{f.weight.toFixed(2)}</td>
                  <td>
                    <ScoreBar value={f.contribution} width={100} label={`Contribution of ${f.label}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {a.risk.factors.length === 0 ? <p className="muted">No risk factor applies.</p> : null}
        </section>
        <section className="panel" aria-labelledby="h-flags">
          <h2 id="h-flags">Red flags</h2>
          {a.redFlags.length === 0 ? (
            <p className="muted">No red flag raised.</p>
          ) : (
            <ul className="flag-list">
              {a.redFlags.map((f, i) => (
                <li key={`${f.id}-${i}`}>
                  <span className={`sev sev-${f.severity}`}>{f.severity}</span> {f.detail}
                </li>
              ))}
            </ul>
          )}
          <h3>Parties screened</h3>
          {a.screening.length === 0 ? (
            <p className="muted">No party was screened.</p>
          ) : (
            <ul className="plain">
              {a.screening.map((s, i) => (
                <li key={i}>
                  {s.party.role}: <strong>{s.party.name}</strong> ({s.party.country}) —{' '}
                  {s.hits.length === 0 ? (
                    <span className="text-ok">no match</span>
                  ) : (
                    <span className="text-danger">
                      {s.hits
                        .map(
                          (h) =>
                            `${h.name} on ${h.source} (${h.score.toFixed(2)})${h.licenceRequirement ? `: ${h.licenceRequirement}` : ''}`,
                        )
                        .join('; ')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="h-questions">
        <h2 id="h-questions">Questions still open</h2>
        {questions.length === 0 ? (
          <p className="muted">None: the determinations rest on the facts given.</p>
        ) : (
          <ol className="questions">
            {questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
