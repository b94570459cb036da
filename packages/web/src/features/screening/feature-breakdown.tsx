import type { ScreeningMatch } from '../../api/types.ts';
import { ScoreBar } from '../../components/score-bar.tsx';

/** Plain-language names of the scoring features. */
const FEATURE_LABELS: Record<string, string> = {
  nameSimilarity: 'Name similarity',
  phoneticAgreement: 'Sounds alike',
  birthDateMatch: 'Birth date agrees',
  birthDateConflict: 'Birth date conflicts',
  countryMatch: 'Country agrees',
  countryConflict: 'Country differs',
  schemaConflict: 'Different kind of party',
  weakAlias: 'Weak alias',
  legalFormConflict: 'Legal form differs',
  identifierMatch: 'Identifier matches',
};

/** Features that are similarities in [0,1], shown as bars; the others are score adjustments. */
const SIMILARITIES = new Set(['nameSimilarity', 'phoneticAgreement']);

/** "Why this matched": each scoring feature with its value, and the matcher's explanation. */
export function FeatureBreakdown({ match }: { match: ScreeningMatch }) {
  const entries = Object.entries(match.features);
  return (
    <div className="why">
      <h3>Why this matched</h3>
      <table className="kv-table" aria-label={`Scoring features of ${match.name}`}>
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{FEATURE_LABELS[k] ?? k}</th>
              <td>
                {SIMILARITIES.has(k) ? (
                  <ScoreBar value={v} label={FEATURE_LABELS[k] ?? k} width={160} />
                ) : (
                  <span className={v < 0 ? 'adj adj-neg' : 'adj adj-pos'}>
                    {v > 0 ? '+' : ''}
                    {v.toFixed(2)}
                  </span>
                )}
              </td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">Score</th>
            <td>
              <ScoreBar value={match.score} label="Total score" width={160} />
            </td>
          </tr>
        </tbody>
      </table>
      <ul className="explanations">
        {match.explanation.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
