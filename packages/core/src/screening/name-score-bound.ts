import { coverageScore, lengthWeight, alignmentScore } from './align-tokens.ts';
import { compareJoined } from './compare-joined.ts';
import { compareTokenFacts } from './compare-tokens.ts';
import { CONNECTORS } from './generic-words-lift.ts';
import { isOrganisationPair } from './name-features.ts';
import { rejoinParticles } from './name-particles.ts';
import type { PreparedQuery } from './score-indexed-name.ts';
import type { IndexedName, ScreeningIndex } from './screening-index.ts';
import { tokenIdWeight } from './token-weight.ts';
import { JOINED_WORDS_SIMILARITY } from './joined-words.ts';

/**
 * Allowances of `nameScoreBound`, one per thing that can raise `scoreIndexedName` above
 * the plain token alignment, each read from the code that raises it (exported so that the
 * property test can check that taking one out breaks the bound).
 */
export const BOUND_ALLOWANCES = {
  /**
   * `joinedWordsLift` (vowel-less readings only) pairs words left unpaired at
   * `JOINED_WORDS_SIMILARITY`, two words of one side to one of the other: every word's
   * similarity is taken as at least that, and the one-to-one pair count is not assumed.
   */
  joinedWords: true,
  /**
   * `articleLift` and `genericWordsLift` take unpaired articles ("al", "el") and, for an
   * organisation pair, generic words and connectors out of both coverages: the coverage
   * bound is the best over every such set of words left out.
   */
  droppedWords: true,
  /** `containedScore`: a listed name found whole in a longer query scores at most its own coverage. */
  contained: true,
  /** `rejoinParticles` realigns rejoined words: such a name is not bounded (always scored). */
  rejoined: true,
  /** `compareJoined`: the names written without spaces, computed exactly when the lengths allow it. */
  joined: true,
  /** The original-script alignment, computed exactly when both names have original-script words. */
  originalScript: true,
};

/** Set on a copy by the property test only: which allowances are in force. */
export type BoundAllowances = typeof BOUND_ALLOWANCES;

/** Most that a chosen pair's similarity exceeds the token similarity (the alignment's order tie-break). */
const TIE_BREAK = 1e-6;

/** Most edits `compareJoined` accepts, as a share of the longer joined spelling (compare-joined.ts). */
const JOINED_MAX_EDITS = 0.12;

let qBest = new Float64Array(16);
let cBest = new Float64Array(16);
let scratch = new Float64Array(16);

/** Sum of the `k` largest of `a[0..n)` (reorders nothing: copies to scratch). */
function topK(a: Float64Array, n: number, k: number): number {
  if (k >= n) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]!;
    return s;
  }
  if (scratch.length < n) scratch = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) scratch[i] = a[i]!;
  const view = scratch.subarray(0, n).sort();
  let s = 0;
  for (let i = n - k; i < n; i++) s += view[i]!;
  return s;
}

/**
 * The largest coverage one side can have when any of its `droppable` words may be left out
 * of its total (and then count as unpaired): matched[i] ≤ weight[i] · best[i]. Words are
 * kept in order of their best similarity, and the best ratio over those prefixes is the
 * best over every set (a word raises the ratio only when its similarity exceeds it).
 */
function bestDroppedCoverage(
  tokens: readonly string[],
  weights: (i: number) => number,
  best: Float64Array,
  droppable: (t: string) => boolean,
): number {
  let num = 0;
  let den = 0;
  let drops: number[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (droppable(tokens[i]!)) (drops ??= []).push(i);
    else {
      num += weights(i) * best[i]!;
      den += weights(i);
    }
  }
  let out = den > 0 ? num / den : 0;
  if (drops) {
    drops.sort((x, y) => best[y]! - best[x]!);
    for (const i of drops) {
      num += weights(i) * best[i]!;
      den += weights(i);
      if (den > 0 && num / den > out) out = num / den;
    }
  }
  return Math.min(1, out);
}

const ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

/** `joinedWordsLift`'s fewest letters of a joined form and of the word it fits (joined-words.ts). */
const JOINED_MIN = 5;

/** Whether token `i` and a neighbour join into JOINED_MIN letters or more. */
function inLongPair(t: readonly string[], i: number): boolean {
  const n = t[i]!.length;
  return (
    (i + 1 < t.length && n + t[i + 1]!.length >= JOINED_MIN) || (i > 0 && n + t[i - 1]!.length >= JOINED_MIN)
  );
}

function longPair(t: readonly string[]): boolean {
  for (let i = 0; i + 1 < t.length; i++) if (t[i]!.length + t[i + 1]!.length >= JOINED_MIN) return true;
  return false;
}

function longWord(t: readonly string[]): boolean {
  for (const w of t) if (w.length >= JOINED_MIN) return true;
  return false;
}

/**
 * An upper bound of `scoreIndexedName(index, query, name)`, cheaper than the score: the
 * alignment's coverages bounded by each word's best similarity on the other side (the same
 * memoised token comparisons the score makes, without the alignment, the name-level
 * features or the joined comparison), with an allowance for each lift (`BOUND_ALLOWANCES`).
 * Returns as soon as the bound reaches `floor`, so the costlier allowances (the joined and
 * original-script comparisons) are computed only for names that would otherwise be left out.
 * Penalties (initials, numbers, syllables) only lower a score and are not counted.
 */
export function nameScoreBound(
  index: ScreeningIndex,
  query: PreparedQuery,
  name: IndexedName,
  floor: number,
  allow: BoundAllowances = BOUND_ALLOWANCES,
): number {
  const qt = query.name.tokens;
  const ct = name.normalized.tokens;
  const ids = name.tokenIds;
  const qn = qt.length;
  const cn = ids.length;
  const vowelless = !!query.name.vowelless && allow.joinedWords;
  if (qBest.length < qn) qBest = new Float64Array(qn * 2);
  if (cBest.length < cn) cBest = new Float64Array(cn * 2);
  qBest.fill(0, 0, qn);
  cBest.fill(0, 0, cn);
  const align = query.align;
  align.ids = ids;
  align.tokens = ct;
  for (let i = 0; i < qn; i++)
    for (let j = 0; j < cn; j++) {
      const s = align.sim(i, j).similarity;
      if (s <= 0) continue;
      const v = Math.min(1, s + TIE_BREAK);
      if (v > qBest[i]!) qBest[i] = v;
      if (v > cBest[j]!) cBest[j] = v;
    }
  if (vowelless) {
    // Only a word of an adjacent pair whose joined form has JOINED_MIN letters, facing a word
    // of that length on the other side, or such a word facing such a pair, can be paired so.
    const qPair = longPair(qt);
    const cPair = longPair(ct);
    const qLong = longWord(qt);
    const cLong = longWord(ct);
    for (let i = 0; i < qn; i++)
      if ((cLong && inLongPair(qt, i)) || (cPair && qt[i]!.length >= JOINED_MIN))
        qBest[i] = Math.max(qBest[i]!, JOINED_WORDS_SIMILARITY);
    for (let j = 0; j < cn; j++)
      if ((qLong && inLongPair(ct, j)) || (qPair && ct[j]!.length >= JOINED_MIN))
        cBest[j] = Math.max(cBest[j]!, JOINED_WORDS_SIMILARITY);
  }
  const weights = query.weights;
  const qWeight = (i: number): number => weights[i]!;
  const cWeight = (j: number): number => tokenIdWeight(index, ids[j]!);
  let qTotal = 0;
  let cTotal = 0;
  for (let i = 0; i < qn; i++) qTotal += weights[i]!;
  for (let j = 0; j < cn; j++) cTotal += cWeight(j);
  // At most min(qn, cn) pairs, one word of each side per pair (not so when compounds are paired).
  const pairs = vowelless ? Math.max(qn, cn) : Math.min(qn, cn);
  for (let i = 0; i < qn; i++) qBest[i] = qBest[i]! * weights[i]!;
  const qTop = qTotal > 0 ? Math.min(1, topK(qBest, qn, pairs) / qTotal) : 0;
  for (let i = 0; i < qn; i++) qBest[i] = weights[i]! > 0 ? qBest[i]! / weights[i]! : 0;
  for (let j = 0; j < cn; j++) cBest[j] = cBest[j]! * cWeight(j);
  const cTop = cTotal > 0 ? Math.min(1, topK(cBest, cn, pairs) / cTotal) : 0;
  for (let j = 0; j < cn; j++) {
    const w = cWeight(j);
    cBest[j] = w > 0 ? cBest[j]! / w : 0;
  }
  let qCover = qTop;
  let cCover = cTop;
  if (allow.droppedWords) {
    const organisation = !query.syllabic && isOrganisationPair(query.name, name.normalized);
    const generic = index.compiled.genericOrgWords;
    const droppable = (t: string): boolean =>
      ARTICLES.has(t) || (organisation && !!generic && (generic.has(t) || CONNECTORS.has(t)));
    let qDroppable = 0;
    let cDroppable = 0;
    for (let i = 0; i < qn; i++) if (droppable(qt[i]!)) qDroppable += weights[i]!;
    for (let j = 0; j < cn; j++) if (droppable(ct[j]!)) cDroppable += cWeight(j);
    if (qDroppable > 0) {
      // Both bounds hold: the best pairs over a smaller total, and every set of words left out.
      const top = qTotal - qDroppable > 0 ? Math.min(1, (qTop * qTotal) / (qTotal - qDroppable)) : 1;
      qCover = Math.min(top, bestDroppedCoverage(qt, qWeight, qBest, droppable));
    }
    if (cDroppable > 0) {
      const top = cTotal - cDroppable > 0 ? Math.min(1, (cTop * cTotal) / (cTotal - cDroppable)) : 1;
      cCover = Math.min(top, bestDroppedCoverage(ct, cWeight, cBest, droppable));
    }
  }
  let bound = coverageScore(qCover, cCover);
  // A contained listed name scores its coverage (less extra parts): only when shorter than the query.
  if (allow.contained && !query.syllabic && cn < qn && cCover > bound) bound = cCover;
  if (bound >= floor) return bound;
  if (allow.rejoined && (rejoinParticles(qt, ct) || rejoinParticles(ct, qt))) return 1;
  if (allow.joined) {
    const a = query.joined;
    const b = name.joined;
    const n = Math.max(a.length, b.length);
    // compareJoined is 0 past 12 % of edits, and the length difference is edits at least
    // (except the abjad spelling split into words, which compareJoined checks itself).
    if (Math.abs(a.length - b.length) <= Math.floor(n * JOINED_MAX_EDITS) || cn === 1 || qn === 1) {
      const joined = compareJoined(qt, ct, a, b);
      if (joined > bound) bound = joined;
      if (bound >= floor) return bound;
    }
  }
  const q = query.name.originalTokens;
  const c = name.normalized.originalTokens;
  if (allow.originalScript && q && c) {
    const qf = (query.originalFacts ??= q.map((t) => index.factsOf(t)));
    const cf = c.map((t) => index.factsOf(t));
    const original = alignmentScore(
      q.length,
      c.length,
      (i, j) => compareTokenFacts(qf[i]!, cf[j]!),
      (i) => lengthWeight(q[i]!),
      (j) => lengthWeight(c[j]!),
    );
    if (original > bound) bound = original;
  }
  return bound;
}
