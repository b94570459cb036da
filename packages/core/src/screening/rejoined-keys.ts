import type { TokenWeight } from './align-tokens.ts';
import { MIN_COMPOUND } from './compound-words.ts';
import { NAME_PARTICLES, otherArticleSpelling, rejoinParticles } from './name-particles.ts';
import type { ScreeningIndex } from './screening-index.ts';
import { foldSpelling } from './spelling-fold.ts';

/**
 * A key of the candidate search for words the query and a listed name write joined on one side
 * and apart on the other (`rejoinParticles`), which the keys of the words as written do not see:
 * finding index token `id` in a name is worth `share` of the query; with `pair`, only in a name
 * that holds token `pair` too.
 */
export interface RejoinedKey {
  id: number;
  pair?: number;
  /**
   * A token id the name must not be posted under (the run's first word): a name holding the
   * run's words as written is found by them, and by this key only as its own joined spelling.
   */
  unless?: number;
  share: number;
}

/** The article's spellings a run may start with and be spelt joined the other way (`particleRunAt`). */
const ARTICLE_FIRST: ReadonlySet<string> = new Set(['al', 'el']);

/** Most words of a query run joined into one (`particleRunAt` reads a particle and up to three more). */
const MAX_RUN = 4;

/**
 * The query's rejoined keys: (1) for a run of query words that `rejoinParticles` would write as
 * one listed word (a particle run, "abu alfazl"; a compound, "gholam reza"), each index token
 * spelling the run, exactly or by its folded spelling, for which `rejoinParticles([token], query)`
 * rewrites the query, worth the joined word's share of the rewritten query (and what the other
 * words' shares rise by when the rewritten query weighs less); (2) for a query word that two
 * listed words spell joined ("abdulaziz" / "abdul aziz"; "aladl" / "al adl"), each split of the
 * word or of its folded spelling into two index tokens for which `rejoinParticles(query, [x, y])`
 * rewrites the pair, worth the word's share in a name holding both tokens. Each is at most the
 * share the rewritten alignment can give the words it pairs (similarity 1); whether the two
 * tokens stand side by side in the name is not read (the scorer's rejoining needs it).
 */
export function rejoinedKeys(
  index: ScreeningIndex,
  tokens: readonly string[],
  weight: TokenWeight,
): RejoinedKey[] {
  const out: RejoinedKey[] = [];
  if (tokens.length === 0) return out;
  let total = 0;
  for (const t of tokens) total += weight(t);
  if (total <= 0) return out;
  const vocabulary = index.vocabulary;
  const seen = new Set<number>();
  // (1) Runs of the query's words spelt by one listed word.
  for (let j = 0; j + 1 < tokens.length; j++) {
    let joined = tokens[j]!;
    for (let k = j + 1; k < tokens.length && k < j + MAX_RUN; k++) {
      joined += tokens[k]!;
      // A run that starts with the article may be spelt with its other spelling ("al din" / "eldin").
      const other = ARTICLE_FIRST.has(tokens[j]!) ? otherArticleSpelling(joined) : undefined;
      const ids = spellingIds(index, joined);
      if (other !== undefined) ids.push(...spellingIds(index, other));
      for (const id of ids) {
        if (seen.has(id)) continue;
        const word = index.tokenAt(id);
        const rewritten = rejoinParticles([word], tokens);
        if (!rewritten) continue;
        seen.add(id);
        const first = vocabulary.get(tokens[j]!);
        const share = joinedShare(tokens, rewritten, weight, total);
        out.push(first === undefined ? { id, share } : { id, unless: first, share });
      }
      // A longer run continues only through particles (`particleRunAt`).
      if (!NAME_PARTICLES.has(tokens[k]!)) break;
    }
  }
  // (2) A query word spelt by two listed words.
  const pairs = new Set<string>();
  for (const w of new Set(tokens)) {
    let times = 0;
    for (const t of tokens) if (t === w) times++;
    const share = (weight(w) * times) / total;
    const spellings = new Set([w, foldSpelling(w)]);
    for (const s of [...spellings]) {
      const other = otherArticleSpelling(s);
      if (other !== undefined) spellings.add(other);
    }
    for (const spelled of spellings) {
      for (let at = 2; at + 2 <= spelled.length; at++) {
        const x = vocabulary.get(spelled.slice(0, at));
        if (x === undefined) continue;
        const y = vocabulary.get(spelled.slice(at));
        if (y === undefined || pairs.has(`${x} ${y}`)) continue;
        if (!rejoinParticles(tokens, [index.tokenAt(x), index.tokenAt(y)])) continue;
        pairs.add(`${x} ${y}`);
        // The rarer token's postings are read, the other looked up in each name's keys.
        const rare = index.postingCount(x) <= index.postingCount(y);
        out.push({ id: rare ? x : y, pair: rare ? y : x, share });
      }
    }
  }
  return out;
}

/** Index tokens spelling `joined` exactly or by its folded spelling. */
function spellingIds(index: ScreeningIndex, joined: string): number[] {
  const ids: number[] = [];
  const exact = index.vocabulary.get(joined);
  if (exact !== undefined) ids.push(exact);
  if (joined.length < MIN_COMPOUND) return ids;
  const fold = foldSpelling(joined);
  const folded = fold === joined ? undefined : index.vocabulary.get(fold);
  if (folded !== undefined) ids.push(folded);
  for (const id of index.foldIds(fold) ?? []) if (id !== exact) ids.push(id);
  return ids;
}

/**
 * The most the joined word of `rewritten` (the query with a run written as one word) adds to
 * the query's share as the candidate search counts it: its weight over the rewritten query's,
 * and, when the rewritten query weighs less than the query, what the other words' shares (counted
 * over the query's weight) fall short of theirs over the rewritten query's.
 */
function joinedShare(
  tokens: readonly string[],
  rewritten: readonly string[],
  weight: TokenWeight,
  total: number,
): number {
  let rewrittenTotal = 0;
  for (const t of rewritten) rewrittenTotal += weight(t);
  let at = 0;
  while (at < rewritten.length && rewritten[at] === tokens[at]) at++;
  const word = weight(rewritten[at]!);
  const others = rewrittenTotal - word;
  const shortfall = rewrittenTotal < total ? others * (1 / rewrittenTotal - 1 / total) : 0;
  return word / rewrittenTotal + shortfall;
}
