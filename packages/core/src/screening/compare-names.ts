import type { CompiledNameReference } from './compile-name-reference.ts';
import { compareTokens, isVowelPoor, type TokenMatchKind } from './compare-tokens.ts';
import { phoneticKey } from './phonetic-key.ts';
import type { NormalizedName } from './normalize-name.ts';
import { jaroWinkler } from './string-similarity.ts';
import { osaDistance } from './string-similarity-osa.ts';

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
}

/** Weight of a token in a name (default: its length, so short words weigh little). */
export type TokenWeight = (token: string) => number;

/** How much of the score rests on covering the query rather than the listed name. */
const QUERY_SHARE = 0.82;

const lengthWeight: TokenWeight = (t) => t.length;

function alignTokens(
  q: string[],
  c: string[],
  ref: CompiledNameReference,
  weight: TokenWeight,
  method: NameComparison['method'],
): NameComparison {
  const cells: { i: number; j: number; s: number; kind: TokenMatchKind }[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const t = compareTokens(q[i]!, c[j]!, ref);
      // Small bonus for keeping the order, so ties resolve to the listed order.
      if (t.similarity > 0) cells.push({ i, j, s: t.similarity + (i === j ? 1e-6 : 0), kind: t.kind });
    }
  }
  cells.sort((x, y) => y.s - x.s);
  const usedQ = new Uint8Array(q.length);
  const usedC = new Uint8Array(c.length);
  const pairs: AlignedTokens[] = [];
  let qMatched = 0;
  let cMatched = 0;
  for (const cell of cells) {
    if (usedQ[cell.i] || usedC[cell.j]) continue;
    usedQ[cell.i] = 1;
    usedC[cell.j] = 1;
    const s = Math.min(1, cell.s);
    pairs.push({ query: q[cell.i]!, candidate: c[cell.j]!, similarity: s, kind: cell.kind });
    const wq = weight(q[cell.i]!);
    const wc = weight(c[cell.j]!);
    // An initial explains no more of a full word than its own single letter.
    const both = cell.kind === 'initial' ? Math.min(wq, wc) : -1;
    qMatched += s * (both >= 0 ? both : wq);
    cMatched += s * (both >= 0 ? both : wc);
  }
  let qTotal = 0;
  let cTotal = 0;
  for (const t of q) qTotal += weight(t);
  for (const t of c) cTotal += weight(t);
  const queryCoverage = qTotal > 0 ? qMatched / qTotal : 0;
  const candidateCoverage = cTotal > 0 ? cMatched / cTotal : 0;
  return {
    score: QUERY_SHARE * queryCoverage + (1 - QUERY_SHARE) * candidateCoverage,
    queryCoverage,
    candidateCoverage,
    pairs,
    unmatchedQuery: q.filter((_, i) => !usedQ[i]),
    unmatchedCandidate: c.filter((_, j) => !usedC[j]),
    method,
  };
}

/** Similarity of the names written without spaces ("ramimakhlouf" = "rami makhlouf"). */
function compareJoined(q: string[], c: string[]): number {
  const a = q.join('');
  const b = c.join('');
  if (a.length < 4 || b.length < 4) return 0;
  // An abjad spelling split into words ("bd llh") against one word ("abdullah").
  const abjad = (x: string[], y: string[]): boolean => x.length > 1 && y.length === 1 && x.every(isVowelPoor) && !isVowelPoor(y[0]!);
  if ((abjad(q, c) || abjad(c, q)) && phoneticKey(a).length >= 3 && phoneticKey(a) === phoneticKey(b) && jaroWinkler(a, b) >= 0.7) return 0.88;
  if (a.length < 6 || b.length < 6) return 0;
  const n = Math.max(a.length, b.length);
  const max = Math.floor(n * 0.12);
  const d = osaDistance(a, b, max);
  return d > max ? 0 : 1 - d / n;
}

/**
 * Compares two normalised names: the best one-to-one alignment of their
 * tokens (greedy on similarity, weighted by token weight), scored 82 % on how
 * much of the query is covered and 18 % on how much of the listed name is, so
 * missing middle names cost little but extra query words cost much. Names
 * written with different spacing and original-script aliases are compared too.
 *
 * @example
 * compareNames(normalizeName('Jong Un Kim', ref), normalizeName('KIM Jong Un', ref), compiled).score // 1
 */
export function compareNames(
  query: NormalizedName,
  candidate: NormalizedName,
  ref: CompiledNameReference,
  weight: TokenWeight = lengthWeight,
): NameComparison {
  let best = alignTokens(query.tokens, candidate.tokens, ref, weight, 'tokens');
  if (best.score < 1) {
    const joined = compareJoined(query.tokens, candidate.tokens);
    if (joined > best.score) {
      best = {
        ...best,
        score: joined,
        queryCoverage: joined,
        candidateCoverage: joined,
        pairs: [{ query: query.tokens.join(''), candidate: candidate.tokens.join(''), similarity: joined, kind: joined === 1 ? 'exact' : 'fuzzy' }],
        unmatchedQuery: [],
        unmatchedCandidate: [],
        method: 'joined',
      };
    }
  }
  if (best.score < 1 && query.originalTokens && candidate.originalTokens) {
    const original = alignTokens(query.originalTokens, candidate.originalTokens, ref, lengthWeight, 'original-script');
    if (original.score > best.score) best = original;
  }
  return best;
}
