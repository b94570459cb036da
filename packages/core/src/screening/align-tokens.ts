import type { TokenMatchKind, TokenSimilarity } from './compare-tokens.ts';
import type { ScoreTerm } from './feature-table.ts';

/** One aligned pair of query and candidate tokens. */
export interface AlignedTokens {
  query: string;
  candidate: string;
  similarity: number;
  kind: TokenMatchKind;
}

/** The result of comparing two normalised names, with what explains it. */
export interface NameComparison {
  /** Name similarity in [0,1]. */
  score: number;
  /** Weighted share of the query explained by the candidate. */
  queryCoverage: number;
  /** Weighted share of the candidate explained by the query. */
  candidateCoverage: number;
  pairs: AlignedTokens[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
  /** How the score was reached: token alignment, joined tokens, or original script. */
  method: 'tokens' | 'joined' | 'original-script';
  /** The alignment's similarity before the name-level terms (`score` when there are none). */
  baseScore: number;
  /** Name-level terms (contained name, extra parts, initials, numbers) added to `baseScore`. */
  terms: ScoreTerm[];
}

/** Weight of a token in a name (default: its length, so short words weigh little). */
export type TokenWeight = (token: string) => number;

/** Share of a word's weight that its initial explains ("V." for Vladimir). */
const INITIAL_CREDIT = 0.5;

/** How much of the score rests on covering the query rather than the listed name. */
export const QUERY_SHARE = 0.82;

/** The default token weight: its length, so short words weigh little. */
export const lengthWeight: TokenWeight = (t) => t.length;

/** Similarity of query token `i` and candidate token `j`. */
export type PairSimilarity = (i: number, j: number) => TokenSimilarity;

const KINDS: TokenMatchKind[] = ['exact', 'symbol', 'initial', 'fuzzy', 'phonetic', 'none'];
/** Index of each kind in KINDS (a property read per cell instead of a search). */
const KIND_INDEX: Readonly<Record<TokenMatchKind, number>> = Object.freeze({
  exact: 0,
  symbol: 1,
  initial: 2,
  fuzzy: 3,
  phonetic: 4,
  none: 5,
});
const INITIAL_KIND = KIND_INDEX.initial;

/** Scratch of the last alignment (alignments are synchronous): chosen pairs and coverages. */
const last = {
  pairs: 0,
  pairI: new Int32Array(16),
  pairJ: new Int32Array(16),
  pairS: new Float64Array(16),
  pairK: new Uint8Array(16),
  queryCoverage: 0,
  candidateCoverage: 0,
  candidateRarity: 1,
};
/** The token weights of the last alignment, for features that discount unmatched words. */
let weightQ = new Float64Array(16);
let weightC = new Float64Array(16);
let cellS = new Float64Array(64);
let cellK = new Uint8Array(64);
/** The similarities before the greedy pass retired them, for `improvePairs`. */
let origS = new Float64Array(64);
let usedQ = new Uint8Array(16);
let usedC = new Uint8Array(16);

/** What the last `alignmentScore` call paired, its coverages and the weights they were computed from. */
export interface LastAlignment {
  usedQ: Uint8Array;
  usedC: Uint8Array;
  pairs: number;
  queryCoverage: number;
  candidateCoverage: number;
  candidateRarity: number;
  /** Matched and total query weight (queryCoverage = qMatched / qTotal). */
  qMatched: number;
  qTotal: number;
  /** Matched and total candidate weight (candidateCoverage = cMatched / cTotal). */
  cMatched: number;
  cTotal: number;
  /** The lowest similarity of a chosen pair (1 when there is none). */
  minPairSimilarity: number;
  /** Each query and candidate token's weight. */
  weightQ: Float64Array;
  weightC: Float64Array;
  /**
   * The query and candidate token of each chosen pair and its similarity
   * (entries 0 … pairs−1, as the alignment chose them: the lifts that pair
   * more words, `translatedWordsLift` and `joinedWordsLift`, do not add theirs).
   */
  pairI: Int32Array;
  pairJ: Int32Array;
  pairS: Float64Array;
}

/** The one view `lastAlignment` returns, refreshed by each `alignmentScore` call (no allocation per candidate). */
const view: LastAlignment = {
  usedQ,
  usedC,
  pairs: 0,
  queryCoverage: 0,
  candidateCoverage: 0,
  candidateRarity: 1,
  qMatched: 0,
  qTotal: 0,
  cMatched: 0,
  cTotal: 0,
  minPairSimilarity: 1,
  weightQ,
  weightC,
  pairI: last.pairI,
  pairJ: last.pairJ,
  pairS: last.pairS,
};

/**
 * Which query and candidate tokens the last `alignmentScore` call paired, and
 * its coverages. The view is shared and overwritten by the next alignment:
 * read it before aligning again.
 */
export function lastAlignment(): LastAlignment {
  return view;
}

/** The name score of a query and a candidate coverage: 82 % query, 18 % candidate. */
export function coverageScore(queryCoverage: number, candidateCoverage: number): number {
  return QUERY_SHARE * queryCoverage + (1 - QUERY_SHARE) * candidateCoverage;
}

/**
 * The score of the best one-to-one alignment of `qn` query and `cn`
 * candidate tokens (greedy on similarity; ties go to the listed order, then
 * to the first query word), weighted by token weight. Leaves the chosen
 * pairs in `last` for `describeAlignment`.
 */
export function alignmentScore(
  qn: number,
  cn: number,
  sim: PairSimilarity,
  qWeight: (i: number) => number,
  cWeight: (j: number) => number,
  cLength?: (j: number) => number,
): number {
  const cells = qn * cn;
  if (cellS.length < cells) {
    cellS = new Float64Array(cells * 2);
    cellK = new Uint8Array(cells * 2);
    origS = new Float64Array(cells * 2);
  }
  if (usedQ.length < qn) {
    usedQ = new Uint8Array(qn * 2);
    weightQ = new Float64Array(qn * 2);
  }
  if (usedC.length < cn) {
    usedC = new Uint8Array(cn * 2);
    weightC = new Float64Array(cn * 2);
  }
  const maxPairs = Math.min(qn, cn);
  if (last.pairI.length < maxPairs) {
    last.pairI = new Int32Array(maxPairs * 2);
    last.pairJ = new Int32Array(maxPairs * 2);
    last.pairS = new Float64Array(maxPairs * 2);
    last.pairK = new Uint8Array(maxPairs * 2);
  }
  usedQ.fill(0, 0, qn);
  usedC.fill(0, 0, cn);
  let live = 0;
  for (let i = 0; i < qn; i++) {
    for (let j = 0; j < cn; j++) {
      const t = sim(i, j);
      // Small bonus for keeping the order, so ties resolve to the listed order.
      const s = t.similarity > 0 ? t.similarity + (i === j ? 1e-6 : 0) : 0;
      cellS[i * cn + j] = s;
      origS[i * cn + j] = s;
      cellK[i * cn + j] = KIND_INDEX[t.kind];
      if (s > 0) live++;
    }
  }
  let pairs = 0;
  while (live > 0 && pairs < maxPairs) {
    let best = -1;
    let bestS = 0;
    for (let c = 0; c < cells; c++) {
      if (cellS[c]! > bestS) {
        bestS = cellS[c]!;
        best = c;
      }
    }
    if (best < 0) break;
    const i = (best / cn) | 0;
    const j = best - i * cn;
    usedQ[i] = 1;
    usedC[j] = 1;
    // Retire the row and column of the chosen pair.
    for (let x = 0; x < cn; x++)
      if (cellS[i * cn + x]! > 0) {
        cellS[i * cn + x] = 0;
        live--;
      }
    for (let y = 0; y < qn; y++)
      if (cellS[y * cn + j]! > 0) {
        cellS[y * cn + j] = 0;
        live--;
      }
    last.pairI[pairs] = i;
    last.pairJ[pairs] = j;
    pairs++;
  }
  if (pairs < qn && pairs < cn) pairs = improvePairs(qn, cn, pairs);
  let qMatched = 0;
  let cMatched = 0;
  let minPair = 1;
  for (let p = 0; p < pairs; p++) {
    const i = last.pairI[p]!;
    const j = last.pairJ[p]!;
    const s = Math.min(1, origS[i * cn + j]!);
    if (s < minPair) minPair = s;
    const kind = cellK[i * cn + j]!;
    last.pairS[p] = s;
    last.pairK[p] = kind;
    const wq = qWeight(i);
    const wc = cWeight(j);
    if (kind === INITIAL_KIND) {
      // An initial stands for the word it begins, at a discount: the
      // initial counts fully, the word it abbreviates at INITIAL_CREDIT of its weight.
      qMatched += s * (wq <= wc ? wq : Math.max(wc, INITIAL_CREDIT * wq));
      cMatched += s * (wc <= wq ? wc : Math.max(wq, INITIAL_CREDIT * wc));
    } else {
      qMatched += s * wq;
      cMatched += s * wc;
    }
  }
  let qTotal = 0;
  let cTotal = 0;
  for (let i = 0; i < qn; i++) {
    const w = qWeight(i);
    weightQ[i] = w;
    qTotal += w;
  }
  let cLengths = 0;
  for (let j = 0; j < cn; j++) {
    const w = cWeight(j);
    weightC[j] = w;
    cTotal += w;
    cLengths += cLength ? Math.max(1, cLength(j)) : 0;
  }
  last.pairs = pairs;
  last.candidateRarity = cLength && cLengths > 0 ? Math.min(1, cTotal / cLengths) : 1;
  last.queryCoverage = qTotal > 0 ? qMatched / qTotal : 0;
  last.candidateCoverage = cTotal > 0 ? cMatched / cTotal : 0;
  view.usedQ = usedQ;
  view.usedC = usedC;
  view.pairs = pairs;
  view.queryCoverage = last.queryCoverage;
  view.candidateCoverage = last.candidateCoverage;
  view.candidateRarity = last.candidateRarity;
  view.qMatched = qMatched;
  view.qTotal = qTotal;
  view.cMatched = cMatched;
  view.cTotal = cTotal;
  view.minPairSimilarity = minPair;
  view.weightQ = weightQ;
  view.weightC = weightC;
  view.pairI = last.pairI;
  view.pairJ = last.pairJ;
  view.pairS = last.pairS;
  return coverageScore(last.queryCoverage, last.candidateCoverage);
}

/**
 * Repairs what the greedy pass got wrong when its best pair took the
 * partner of two others ("bazargani tejerat" against "barzagani tejarat":
 * bazargani≈tejarat, both words for trade, left tejerat and barzagani
 * apart): while one chosen pair (i, j) and an unpaired query word x and
 * listed word y agree better as (x, j) and (i, y), re-pairs them. Returns
 * the new number of pairs; updates `usedQ`, `usedC` and the pairs in `last`.
 */
function improvePairs(qn: number, cn: number, pairs: number): number {
  for (let round = 0; round < qn && pairs < qn && pairs < cn; round++) {
    let bestGain = 1e-9;
    let bestP = -1;
    let bestX = -1;
    let bestY = -1;
    for (let p = 0; p < pairs; p++) {
      const i = last.pairI[p]!;
      const j = last.pairJ[p]!;
      const kept = origS[i * cn + j]!;
      for (let x = 0; x < qn; x++) {
        if (usedQ[x]) continue;
        const xj = origS[x * cn + j]!;
        if (xj <= 0) continue;
        for (let y = 0; y < cn; y++) {
          if (usedC[y]) continue;
          const iy = origS[i * cn + y]!;
          if (iy <= 0) continue;
          const gain = xj + iy - kept;
          if (gain > bestGain) {
            bestGain = gain;
            bestP = p;
            bestX = x;
            bestY = y;
          }
        }
      }
    }
    if (bestP < 0) break;
    const i = last.pairI[bestP]!;
    last.pairI[bestP] = bestX;
    last.pairI[pairs] = i;
    last.pairJ[pairs] = bestY;
    usedQ[bestX] = 1;
    usedC[bestY] = 1;
    pairs++;
  }
  return pairs;
}

/** The `NameComparison` of the last `alignmentScore` call, for the tokens it aligned. */
export function describeAlignment(
  score: number,
  q: string[],
  c: string[],
  method: NameComparison['method'],
  baseScore = score,
  terms: ScoreTerm[] = [],
): NameComparison {
  const pairs: AlignedTokens[] = [];
  const matchedQ = new Uint8Array(q.length);
  const matchedC = new Uint8Array(c.length);
  for (let p = 0; p < last.pairs; p++) {
    const i = last.pairI[p]!;
    const j = last.pairJ[p]!;
    matchedQ[i] = 1;
    matchedC[j] = 1;
    pairs.push({ query: q[i]!, candidate: c[j]!, similarity: last.pairS[p]!, kind: KINDS[last.pairK[p]!]! });
  }
  return {
    score,
    queryCoverage: last.queryCoverage,
    candidateCoverage: last.candidateCoverage,
    pairs,
    unmatchedQuery: q.filter((_, i) => !matchedQ[i]),
    unmatchedCandidate: c.filter((_, j) => !matchedC[j]),
    method,
    baseScore,
    terms,
  };
}
