import { ARTICLES } from './article-lift.ts';
import { FEATURE_WEIGHTS } from './feature-table.ts';
import { CONNECTORS } from './generic-words-lift.ts';
import { compareReadTokenFacts } from './compare-tokens.ts';
import type { CompiledNameReference } from './compile-name-reference.ts';
import { isOrganisationPair } from './name-features.ts';
import { NAME_PARTICLES } from './name-particles.ts';
import type { PreparedQuery } from './score-indexed-name.ts';
import type { ScreeningIndex } from './screening-index.ts';

/**
 * Fewest rare (`MIN_RARITY`) distinctive query words the party's names must account for: two
 * words found in two names (a given name of one alias, a surname of another) are what any two
 * people share, and a common given name ("muhammad") says little of whose name it is.
 */
export const MIN_PARTY_WORDS = 3;

/** Weakest pair of a query word with a word of the party's names: a spelling, not a near miss. */
export const PARTY_WORD_SIMILARITY = 0.9;

/**
 * The most the party's names together can score: under a whole-name match of exact words
 * (1), since no listed name of the party is written so; the query's words each spell a listed
 * word, so it reaches the default threshold (0.86) only when they spell them closely.
 */
export const PARTY_WORDS_CAP = 0.9;

/**
 * Least rarity (token weight over length) of a query word that only the second name spells:
 * above the 0.6 at which a common given name ("muhammad", `genericNames`) is capped, and
 * reached by a word of up to about 1,250 listed names (1 up to 50, then less by a log).
 */
export const MIN_RARITY = 0.65;

/** Most names of a party read for its words: past this an alias-rich party's words would explain any query. */
export const MAX_PARTY_NAMES = 40;

/**
 * For a person query written "SURNAME, Given …", or "SURNAME Given …" with its surname alone in
 * capitals (`writtenNameOrder`): the positions among its distinctive words (`words`) of its
 * surname's words and of its first given name, which the name spelling the most words must
 * spell. Null when the query does not say which words are its surname, or when neither role
 * holds a distinctive word.
 */
function personRoles(query: PreparedQuery, words: readonly number[]): number[] | null {
  const order = query.orders.query;
  if (!order || order.surnameStart !== 0) return null;
  const out: number[] = [];
  let given = -1;
  for (let w = 0; w < words.length; w++) {
    const i = words[w]!;
    if (i < order.surnameEnd) out.push(w);
    else if (given < 0 || i < words[given]!) given = w;
  }
  if (out.length === 0 || given < 0) return null;
  out.push(given);
  return out;
}

/** The query's words spelled by two names of one party, and the score they give. */
export interface PartyWords {
  score: number;
  /** The name that spells most of the words, and the one that spells the rest (name ids). */
  first: number;
  second: number;
  /** Distinctive query words accounted for. */
  words: number;
}

/** Han, Hangul and kana. */
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const ignoredMemo = new WeakMap<CompiledNameReference, Set<string>>();

/**
 * Words never distinctive across names: the generic organisation words and every word of a
 * legal form ("joint", "stock", "limited", "inc"). A name made only of a legal form keeps its
 * words as its name ("JOINT STOCK Inc."), and those words are rare in the index (legal forms
 * are read apart from listed names), so they would pass for three rare distinctive words.
 */
export function partyWordsIgnored(ref: CompiledNameReference): ReadonlySet<string> {
  let set = ignoredMemo.get(ref);
  if (!set) {
    set = new Set(ref.genericOrgWords);
    for (const list of ref.phrases.values())
      for (const phrase of list) if (phrase.kind === 'legal') for (const t of phrase.tokens) set.add(t);
    ignoredMemo.set(ref, set);
  }
  return set;
}

/** The distinctive words of a prepared query (indices), or undefined when it has too few or an initial. */
const distinctiveMemo = new WeakMap<PreparedQuery, number[] | null>();

function distinctiveWords(index: ScreeningIndex, query: PreparedQuery): number[] | undefined {
  let out = distinctiveMemo.get(query);
  if (out === undefined) {
    // A name written in Han, Hangul or kana (or read from one) is told apart by its syllables,
    // not by words: its readings' one-syllable words are found across many names.
    out = query.syllabic || query.syllables || CJK.test(query.name.text) ? null : [];
    const generic = partyWordsIgnored(index.compiled);
    let rare = 0;
    for (let i = 0; out && i < query.name.tokens.length; i++) {
      const t = query.name.tokens[i]!;
      // An initial may stand for any word: a query holding one is not read across names.
      if (t.length === 1) {
        out = null;
        break;
      }
      if (ARTICLES.has(t) || CONNECTORS.has(t) || NAME_PARTICLES.has(t) || generic.has(t)) continue;
      if (query.name.tokens.slice(0, i).includes(t)) continue;
      out.push(i);
      if (query.weights[i]! >= MIN_RARITY * t.length) rare++;
    }
    if (out && rare < MIN_PARTY_WORDS) out = null;
    // The rarest (heaviest) word first: it is the one least likely to be found, so a party
    // that cannot account for the query is left after one word, usually.
    if (out) out.sort((a, b) => query.weights[b]! - query.weights[a]!);
    distinctiveMemo.set(query, out);
  }
  return out ?? undefined;
}

/** Whether the query can be read across a party's names at all (enough distinctive words, no initial). */
export function mayReadAcrossNames(index: ScreeningIndex, query: PreparedQuery): boolean {
  return distinctiveWords(index, query) !== undefined;
}

/**
 * The least query coverage (its share of the query's token weight) of the name of a party
 * that spells the most of the query's distinctive words when `partyWordsScore` scores the
 * party: that name spells at least half of them, each at `PARTY_WORD_SIMILARITY` or closer,
 * so at least the lightest half at that similarity. Infinity when the query cannot be read
 * across names. The candidate retrieval keeps names that reach it, so that the party's
 * names are found although none of them alone reaches the threshold.
 */
export function acrossNamesCoverage(
  text: string,
  tokens: readonly string[],
  weight: (token: string) => number,
  generic: ReadonlySet<string>,
): number {
  if (CJK.test(text)) return Infinity;
  const weights: number[] = [];
  let total = 0;
  let rare = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = weight(t);
    total += w;
    if (t.length === 1) return Infinity;
    if (ARTICLES.has(t) || CONNECTORS.has(t) || NAME_PARTICLES.has(t) || generic.has(t)) continue;
    if (tokens.indexOf(t) < i) continue;
    weights.push(w);
    if (w >= MIN_RARITY * t.length) rare++;
  }
  if (rare < MIN_PARTY_WORDS || total <= 0) return Infinity;
  weights.sort((a, b) => a - b);
  let least = 0;
  for (let k = 0; k < Math.ceil(weights.length / 2); k++) least += weights[k]!;
  return (PARTY_WORD_SIMILARITY * least) / total;
}

let best = new Float64Array(64);
let joined = new Uint8Array(64);

/** Least length of a query word read as two adjacent listed words written together. */
const MIN_JOINED_LENGTH = 7;

/**
 * Whether two adjacent words of a listed name (`ids`), written together, are the query word
 * `token` exactly ("abdulkareem" / "Abdul Kareem"): a joined spelling, not a near one.
 */
function writtenTogether(index: ScreeningIndex, token: string, ids: readonly number[]): boolean {
  if (token.length < MIN_JOINED_LENGTH) return false;
  for (let j = 0; j + 1 < ids.length; j++) {
    const a = index.tokenAt(ids[j]!);
    if (a.length >= token.length || !token.startsWith(a)) continue;
    const b = index.tokenAt(ids[j + 1]!);
    if (a.length + b.length === token.length && token.endsWith(b)) return true;
  }
  return false;
}

/**
 * The score of an organisation pair (either side an organisation, vessel or aircraft) whose
 * query's distinctive words (not articles, connectors, name particles or
 * generic organisation words or words of legal forms; at least `MIN_PARTY_WORDS`, no initial) are each spelled, at
 * `PARTY_WORD_SIMILARITY` or closer, by a word of one of two names of a party (`names`) and
 * not all by one of them: `PARTY_WORDS_CAP` times the query-weighted mean similarity of those
 * words, less the weak-alias weight when either name is weak. The name spelling most of
 * them must spell at least half, and the words only the other spells must be rare (`MIN_RARITY`). Undefined when the words cannot be so accounted for.
 *
 * A person pair only when the query is written "SURNAME, Given …" (`personRoles`): the name
 * spelling the most words then spells the surname and the first given name by its own words,
 * the two names share a word the query spells, and a word the other name spells may be two of
 * its adjacent words written together ("abdulkareem" / "Abdul Kareem", `writtenTogether`).
 * A person's aliases share words with relatives' and namesakes' names; these say whose name it is.
 */
export function partyWordsScore(
  index: ScreeningIndex,
  query: PreparedQuery,
  names: readonly number[],
): PartyWords | undefined {
  const words = distinctiveWords(index, query);
  if (!words || names.length < 2 || names.length > MAX_PARTY_NAMES) return undefined;
  const listed = index.name(names[0]!);
  if (!listed) return undefined;
  // A person's aliases share words with relatives' and namesakes' names: a person query is
  // read across names only when it says which of its words are the surname (`personRoles`).
  const roles = isOrganisationPair(query.name, listed.normalized) ? undefined : personRoles(query, words);
  if (roles === null) return undefined;
  const n = words.length;
  const m = names.length;
  if (best.length < n * m) best = new Float64Array(n * m * 2);
  const vowelless = !!query.name.vowelless;
  if (joined.length < n * m) joined = new Uint8Array(n * m * 2);
  // best[w * m + k]: query word w's best similarity to a word of name k (0 under the bar);
  // joined[w * m + k]: 1 when only two adjacent words of a person's name k written together
  // spell it ("abdulkareem" / "Abdul Kareem").
  for (let w = 0; w < n; w++) {
    const i = words[w]!;
    const facts = query.facts[i]!;
    let found = false;
    for (let k = 0; k < m; k++) {
      let s = 0;
      let together = 0;
      const name = index.name(names[k]!);
      if (name) {
        for (const id of name.tokenIds) {
          // Not memoised: only queries of three rare distinctive words, organisation pairs or
          // person queries written surname first, reach here, and a party has at most
          // MAX_PARTY_NAMES names.
          const t = compareReadTokenFacts(facts, index.factsAt(id), vowelless);
          if (t.similarity > s) s = t.similarity;
        }
        if (
          roles &&
          s < PARTY_WORD_SIMILARITY &&
          writtenTogether(index, query.name.tokens[i]!, name.tokenIds)
        ) {
          s = 1;
          together = 1;
        }
      }
      best[w * m + k] = s >= PARTY_WORD_SIMILARITY ? s : 0;
      joined[w * m + k] = together;
      if (s >= PARTY_WORD_SIMILARITY) found = true;
    }
    if (!found) return undefined;
  }
  // A name that spells at least half of the words (one spelling them all is a whole-name
  // match, which the name's own score rates), and another that spells the rest.
  let result: PartyWords | undefined;
  for (let first = 0; first < m; first++) {
    // Words written together count for the other name only: the retrieval allowance
    // (`acrossNamesCoverage`) reads the name that spells the most by its own words.
    let count = 0;
    for (let w = 0; w < n; w++) if (best[w * m + first]! > 0 && !joined[w * m + first]) count++;
    if (count === n || 2 * count < n) continue;
    // A person's surname and first given name are both of the name that spells the most.
    if (roles && roles.some((w) => best[w * m + first] === 0 || joined[w * m + first])) continue;
    for (let k = 0; k < m; k++) {
      if (k === first) continue;
      // A person's two names share one of the query's words (a surname, a given name): two
      // names with nothing in common are as likely a relative's or a namesake's.
      if (roles) {
        let shared = false;
        for (let w = 0; w < n && !shared; w++)
          shared =
            best[w * m + first]! > 0 && !joined[w * m + first] && best[w * m + k]! > 0 && !joined[w * m + k];
        if (!shared) continue;
      }
      let weight = 0;
      let sum = 0;
      let ok = true;
      for (let w = 0; w < n && ok; w++) {
        const s = Math.max(joined[w * m + first] ? 0 : best[w * m + first]!, best[w * m + k]!);
        const qw = query.weights[words[w]!]!;
        // A word only the second name spells must be a rare one: a common given name
        // ("muhammad") in another alias says little about whose name the query is.
        const onlySecond = best[w * m + first] === 0 || joined[w * m + first] === 1;
        if (s === 0 || (onlySecond && qw < MIN_RARITY * query.name.tokens[words[w]!]!.length)) ok = false;
        weight += qw;
        sum += qw * s;
      }
      if (!ok || weight <= 0) continue;
      const weak = index.name(names[first]!)?.quality === 'weak' || index.name(names[k]!)?.quality === 'weak';
      const score = PARTY_WORDS_CAP * (sum / weight) + (weak ? FEATURE_WEIGHTS.weakAlias : 0);
      if (!result || score > result.score)
        result = { score, first: names[first]!, second: names[k]!, words: n };
    }
  }
  return result;
}
