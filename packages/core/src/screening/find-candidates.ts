import { allowedEdits, compareTokens, isVowelPoor } from './compare-tokens.ts';
import type { TokenWeight } from './compare-names.ts';
import type { NormalizedName } from './normalize-name.ts';
import { phoneticKey } from './phonetic-key.ts';
import { tokenTrigrams, type ScreeningIndex } from './screening-index.ts';

/** Index tokens similar to one query token, with their similarity (memoised per index until it changes). */
function expandToken(index: ScreeningIndex, token: string): Map<number, number> {
  const cached = index.expansions.get(token);
  if (cached) return cached;
  const out = computeExpansion(index, token);
  if (index.expansions.size > 50_000) index.expansions.clear();
  index.expansions.set(token, out);
  return out;
}

function computeExpansion(index: ScreeningIndex, token: string): Map<number, number> {
  const out = new Map<number, number>();
  const exact = index.vocabulary.get(token);
  if (exact !== undefined) out.set(exact, 1);
  for (const group of index.compiled.tokenGroups.get(token) ?? []) {
    for (const member of index.compiled.groupMembers[group] ?? []) {
      const id = index.vocabulary.get(member);
      if (id !== undefined && !out.has(id)) out.set(id, 0.95);
    }
  }
  if (token.length < 2) return out;
  const verify = (id: number): void => {
    if (out.has(id)) return;
    const s = compareTokens(token, index.tokens[id]!, index.compiled).similarity;
    if (s > 0) out.set(id, s);
  };
  const key = phoneticKey(token);
  // Short keys ("MT") are shared by thousands of words: read them only for
  // vowel-less spellings, where sound is the only route ("mhmd").
  if (key.length >= 3 || (key.length >= 1 && isVowelPoor(token))) {
    for (const id of index.phonetic.get(key) ?? []) if (Math.abs(index.tokens[id]!.length - token.length) <= 4) verify(id);
  }
  const edits = allowedEdits(token.length);
  if (edits > 0) {
    // Pigeonhole filter: a token within k edits shares at least one of any
    // 3k + 1 of the query's trigrams, so only the rarest 3k + 1 lists are read.
    const lists = [...new Set(tokenTrigrams(token))].map((g) => index.trigrams.get(g) ?? []).sort((a, b) => a.length - b.length);
    const seen = new Set<number>();
    for (const list of lists.slice(0, 3 * edits + 1)) {
      for (const id of list) {
        if (seen.has(id)) continue;
        seen.add(id);
        if (Math.abs(index.tokens[id]!.length - token.length) <= edits) verify(id);
      }
    }
  }
  return out;
}

/**
 * Names likely to match a query, found through the inverted index (exact,
 * symbol, fuzzy and phonetic token matches, joined spellings, original
 * script) and ranked by the weight of the query tokens they share — never by
 * scanning all names. Returns name ids, best first.
 */
export function findCandidateNames(
  index: ScreeningIndex,
  query: NormalizedName,
  weight: TokenWeight,
  limit: number,
  minShare = 0.2,
): number[] {
  const keys = new Set(query.tokens);
  if (query.tokens.length > 1) keys.add(query.tokens.join(''));
  for (const t of query.originalTokens ?? []) keys.add(t);
  const scores = new Map<number, number>();
  let total = 0;
  for (const t of query.tokens) total += weight(t);
  for (const token of keys) {
    const w = query.tokens.includes(token) ? weight(token) : total;
    for (const [tokenId, s] of expandToken(index, token)) {
      for (const nameId of index.postings[tokenId]!) scores.set(nameId, (scores.get(nameId) ?? 0) + s * w);
    }
  }
  const floor = total * minShare;
  const ranked: [number, number][] = [];
  for (const [nameId, s] of scores) if (s >= floor || query.tokens.length === 0) ranked.push([nameId, s]);
  ranked.sort((a, b) => b[1] - a[1]);
  return ranked.slice(0, limit).map(([id]) => id);
}
