import type { Alert } from './alert.ts';

/** How strong an alert is, in its own terms: a name-match score, or a share held by listed owners, or control. */
export interface AlertStrength {
  measure: 'score' | 'share' | 'control';
  /** In [0,1]: the score, or the share as a fraction. */
  value: number;
  /** For people: "0.92", "70 % owned", "controlled". */
  text: string;
}

/**
 * The alert's strength as a reader should see it. An ownership alert's `score` is the share
 * listed owners hold (1 when control alone caught it), not a name-match score: showing it as
 * "score 0.7" would read as a weak name match, so it reads "70 % owned" instead.
 *
 * @example
 * alertStrength(ownershipAlert).text // '70 % owned'
 */
export function alertStrength(alert: Pick<Alert, 'kind' | 'score' | 'features'>): AlertStrength {
  if (alert.kind !== 'ownership')
    return { measure: 'score', value: alert.score, text: alert.score.toFixed(2) };
  if ((alert.features.control ?? 0) > 0) return { measure: 'control', value: 1, text: 'controlled' };
  const share = alert.features.ownership ?? alert.score;
  return { measure: 'share', value: share, text: `${Math.round(share * 1000) / 10} % owned` };
}
