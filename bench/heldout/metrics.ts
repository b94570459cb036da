/**
 * Figures of the held-out evaluation, from one outcome per case: recall@1 and
 * top-5 recall of should-match cases, the pass rate of should-not-match cases
 * (for invented persons: the false-positive rate), precision–recall points
 * over thresholds, and the threshold-choice rule. Pure functions.
 */
import type { HeldoutCase } from './heldout-case.ts';

/** What screening returned for one case (scores of results at or above the floor threshold). */
export interface Outcome {
  case: HeldoutCase;
  /** Score of the rank-1 result, 0 when nothing reached the floor. */
  top: number;
  /** Rank-1 result is a truth party. */
  topIsTruth: boolean;
  /** Rank (1-based) and score of the best truth party among the results; 0 when none. */
  truthRank: number;
  truthScore: number;
  /** The rank-1 result's name, for reading misses. */
  got?: string;
}

/** Thresholds of the precision–recall points: 0.70, 0.71, … 0.99. */
export const THRESHOLDS = Array.from({ length: 30 }, (_, i) => Math.round((0.7 + i * 0.01) * 100) / 100);

/** True when a should-match case is found at rank 1 at threshold t. */
export const foundAt1 = (o: Outcome, t: number): boolean => o.topIsTruth && o.top >= t;
/** True when a should-match case has a truth party in the top 5 at threshold t. */
export const foundIn5 = (o: Outcome, t: number): boolean =>
  o.truthRank > 0 && o.truthRank <= 5 && o.truthScore >= t;
/** True when a should-not-match case is flagged at threshold t (a truth party, or for invented persons anything). */
export const flagged = (o: Outcome, t: number): boolean =>
  o.case.truth.length === 0 ? o.top >= t : o.truthScore >= t;

/** Figures of one group of cases at one threshold. */
export interface GroupFigures {
  threshold: number;
  match: number;
  noMatch: number;
  /** Should-match cases found at rank 1 (fraction of `match`). */
  recallAt1: number;
  top5: number;
  /** Should-not-match cases not flagged (fraction of `noMatch`). */
  passNoMatch: number;
  /** Should-not-match cases flagged (1 − passNoMatch). */
  falsePositiveRate: number;
  /** Correct rank-1 flags over all flags of the group. */
  precision: number;
}

const frac = (n: number, d: number): number => (d ? n / d : NaN);

/** The figures of a group of outcomes at threshold t. */
export function figures(outcomes: Outcome[], t: number): GroupFigures {
  const pos = outcomes.filter((o) => o.case.expect === 'match');
  const neg = outcomes.filter((o) => o.case.expect === 'no-match');
  const tp = pos.filter((o) => foundAt1(o, t)).length;
  // A should-match case whose rank-1 result at the threshold is another party is a wrong flag too.
  const wrong = pos.filter((o) => !o.topIsTruth && o.top >= t).length;
  const fp = neg.filter((o) => flagged(o, t)).length;
  return {
    threshold: t,
    match: pos.length,
    noMatch: neg.length,
    recallAt1: frac(tp, pos.length),
    top5: frac(pos.filter((o) => foundIn5(o, t)).length, pos.length),
    passNoMatch: frac(neg.length - fp, neg.length),
    falsePositiveRate: frac(fp, neg.length),
    // Without should-match cases (invented persons) there is nothing to be precise about.
    precision: pos.length ? frac(tp, tp + wrong + fp) : NaN,
  };
}

/** Outcomes grouped by a key; cases without a key are left out. */
export function groupBy(
  outcomes: Outcome[],
  key: (o: Outcome) => string | undefined,
): Map<string, Outcome[]> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const k = key(o);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(o);
    else groups.set(k, [o]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Goals of issue 14 the threshold choice must keep. */
export const GOALS = { inventedFalsePositives: 0.01, passNoMatch: 0.95 };

/** The chosen threshold and why. */
export interface ThresholdChoice {
  threshold: number;
  /** Both goals held on the split it was chosen on. */
  goalsMet: boolean;
  reason: string;
}

/**
 * Chooses the threshold on the `threshold` split: the lowest of THRESHOLDS
 * at which the invented persons (set b) are flagged at most 1 % and the
 * should-not-match cases of set d pass at least 95 %. When no threshold keeps
 * both, the lowest that keeps the invented-persons rate, else 0.99.
 */
export function chooseThreshold(outcomes: Outcome[]): ThresholdChoice {
  const invented = outcomes.filter((o) => o.case.set === 'b');
  const negatives = outcomes.filter((o) => o.case.set === 'd' && o.case.expect === 'no-match');
  const fpOk = (t: number): boolean => figures(invented, t).falsePositiveRate <= GOALS.inventedFalsePositives;
  const passOk = (t: number): boolean => figures(negatives, t).passNoMatch >= GOALS.passNoMatch;
  const both = THRESHOLDS.find((t) => fpOk(t) && passOk(t));
  if (both !== undefined)
    return {
      threshold: both,
      goalsMet: true,
      reason: 'lowest threshold with invented persons ≤ 1 % flagged and should-not-match ≥ 95 % passed',
    };
  const fp = THRESHOLDS.find(fpOk);
  if (fp !== undefined)
    return {
      threshold: fp,
      goalsMet: false,
      reason: 'no threshold keeps should-not-match ≥ 95 %: lowest with invented persons ≤ 1 % flagged',
    };
  return { threshold: 0.99, goalsMet: false, reason: 'no threshold keeps invented persons ≤ 1 % flagged' };
}
