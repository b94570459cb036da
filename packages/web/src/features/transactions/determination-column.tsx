import type { Determination, Jurisdiction } from '../../api/licensing-types.ts';
import { AuthorisationList } from './authorisation-list.tsx';
import { OutcomeBadge } from './outcome-badge.tsx';

const NAMES: Record<Jurisdiction, string> = {
  US: 'United States (EAR)',
  EU: 'European Union',
  UK: 'United Kingdom',
  JP: 'Japan',
};

/** One jurisdiction's determinations for every item: outcome, why, authorisations, citations and the rule trace. */
export function DeterminationColumn({
  jurisdiction,
  determinations,
}: {
  jurisdiction: Jurisdiction;
  determinations: { itemIndex: number; description: string; basis: string; determination: Determination }[];
}) {
  return (
    <section className="det-col" aria-label={`${jurisdiction} determinations`}>
      <h3>
        <span className="jur">{jurisdiction}</span> {NAMES[jurisdiction]}
      </h3>
      {determinations.map(({ itemIndex, description, basis, determination: d }) => (
        <div key={itemIndex} className="det">
          <div className="det-head">
            <OutcomeBadge outcome={d.outcome} />
            <code>{d.item}</code>
          </div>
          <div className="det-item">{description}</div>
          <div className="muted small">Why this law applies: {basis}</div>
          {d.reasons.length ? (
            <div className="det-line">
              <strong>Reasons</strong> {d.reasons.join('; ')}
            </div>
          ) : null}
          {d.exceptions.length ? (
            <div className="det-line">
              <strong>Licence exceptions</strong> {d.exceptions.join(', ')}
            </div>
          ) : null}
          {d.generalAuthorisations.length ? (
            <div className="det-line">
              <strong>General authorisations</strong> {d.generalAuthorisations.join(', ')}
            </div>
          ) : null}
          {d.licencePolicy ? (
            <div className="det-line">
              <strong>Licence policy</strong> {d.licencePolicy}
            </div>
          ) : null}
          <AuthorisationList authorisations={d.authorisations ?? []} />
          {d.toCheck.length ? (
            <div className="det-line">
              <strong>To check</strong>
              <ul className="plain">
                {d.toCheck.map((t) => (
                  <li key={t.id}>
                    {t.id}
                    {t.status === 'unverified' ? (
                      <>
                        {' '}
                        <span className="badge badge-warn">unverified</span>
                      </>
                    ) : null}
                    : {t.conditions} <span className="muted small">({t.citation})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.citations.length ? <div className="citations small">{d.citations.join(' · ')}</div> : null}
          <details className="trace">
            <summary>Rule trace ({d.trace.length} rules)</summary>
            <ol>
              {d.trace.map((t, i) => (
                <li key={i} className={`trace-${t.result}`}>
                  <strong>{t.rule}</strong> — <em>{t.result}</em>: {t.detail}
                </li>
              ))}
            </ol>
          </details>
        </div>
      ))}
    </section>
  );
}
