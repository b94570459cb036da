import { featureLabel as coreFeatureLabel, isFeatureListed } from '@entente/core';
import type { ScreeningMatch } from '../../api/types.ts';
import { ScoreBar } from '../../components/score-bar.tsx';

/** Plain-language name of a scoring feature: the label of core's feature table, or the OFAC score's parts. */
function featureLabel(key: string): string {
  return OFAC_LABELS[key] ?? coreFeatureLabel(key);
}

const OFAC_LABELS: Record<string, string> = {
  ofacFullString: 'Whole-name similarity (OFAC)',
  ofacNameParts: 'Name-part similarity (OFAC)',
};

/** Features that are similarities in [0,1], shown as bars; the others are score adjustments. */
const SIMILARITIES = new Set(['nameSimilarity', 'ofacFullString', 'ofacNameParts']);

/** "Why this matched": each scoring term with its value (they add up to the score), and the matcher's explanation. */
export function FeatureBreakdown({ match }: { match: ScreeningMatch }) {
  // An adjustment that did not move the score is not listed (its reason is, below).
  const entries = Object.entries(match.features).filter(([k, v]) => isFeatureListed(k, v));
  return (
    <div className="why">
      <h3>Why this matched</h3>
      <table className="kv-table" aria-label={`Scoring features of ${match.name}`}>
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{featureLabel(k)}</th>
              <td>
                {SIMILARITIES.has(k) ? (
                  <ScoreBar value={v} label={featureLabel(k)} width={160} />
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
