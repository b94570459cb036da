import type { Party } from '../model/party.ts';
import { simMetricsJaroWinkler } from '../screening/simmetrics-jaro-winkler.ts';
import { tokenizeName } from '../screening/tokenize-name.ts';

/** Two written names at or above this Jaro-Winkler (letters run together, in either order) are spellings of one name. */
const SAME_NAME_SIMILARITY = 0.9;

/** Names in Latin letters only: another script's alias is a reading of a Latin name, not a name of its own. */
const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The ways one written name can be keyed, whatever its spacing and whether its
 * surname is put first: its letters run together in the written order, and
 * with the first word moved to the end ("NAQDI, Gholamreza" = "Gholam Reza
 * NAQDI": the second key of one meets the first of the other).
 */
function keysOfName(tokens: readonly string[]): string[] {
  return [tokens.join(''), [...tokens.slice(1), tokens[0]!].join('')];
}

interface WrittenName {
  full: string;
  words: Set<string>;
  keys: Set<string>;
  /** The letters run together in the written order (the first of `keysOfName`). */
  written: string;
  /** The letters with the first word moved to the end (the second of `keysOfName`). */
  moved: string;
}

function latinNamesOf(party: Party): WrittenName[] {
  const out: WrittenName[] = [];
  for (const name of party.names) {
    if (name.script && name.script !== 'Latn') continue;
    if (NOT_LATIN.test(name.full)) continue;
    const tokens = tokenizeName(name.full);
    // A single word (a nickname or a surname alone) names too many people to corroborate.
    if (tokens.length < 2) continue;
    const [written, moved] = keysOfName(tokens) as [string, string];
    out.push({ full: name.full, words: new Set(tokens), keys: new Set([written, moved]), written, moved });
  }
  return out;
}

const sameWrittenName = (x: WrittenName, y: WrittenName): boolean => [...x.keys].some((k) => y.keys.has(k));

const wordsWithin = (x: WrittenName, y: WrittenName): boolean => [...x.words].every((w) => y.words.has(w));

const nearlySame = (k: string, m: string): boolean => simMetricsJaroWinkler(k, m) >= SAME_NAME_SIMILARITY;

/**
 * Whether two names are forms of one name: the same words, one's words all in
 * the other ("Tin Win" in "Saw Tin Win": a title or a middle name added), or
 * letters nearly the same in the written order or with one name's first word
 * moved to the end ("Hojjat-al-Eslam Ali Saeedi", "Ali Saidi Hojatoleslam").
 * Two keys that both have their first word moved are not compared: they put
 * the names' shared later words first, and a shared middle and surname then
 * outweighs different given names ("Reza NAQDI Mohammad" and "Reza NAQDI
 * Gholam" are 0.91 alike, "Mohammad Reza NAQDI" and "Gholam Reza NAQDI" 0.75).
 */
const formsOfOneName = (x: WrittenName, y: WrittenName): boolean =>
  sameWrittenName(x, y) ||
  wordsWithin(x, y) ||
  wordsWithin(y, x) ||
  nearlySame(x.written, y.written) ||
  nearlySame(x.written, y.moved) ||
  nearlySame(x.moved, y.written);

/**
 * The distinct names among `names`, as one listing writes them: one per group
 * of names that are forms of one another, joined transitively (so that the
 * answer does not depend on the order the listing gives its names in).
 */
function distinctNames(names: readonly WrittenName[]): string[] {
  const group = names.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      if (formsOfOneName(names[i]!, names[j]!)) group[root(j)] = root(i);
    }
  }
  return names.filter((_, i) => root(i) === i).map((n) => n.full);
}

/** `from`'s names that `to` carries written with the same words. */
const carriedBy = (from: readonly WrittenName[], to: readonly WrittenName[]): WrittenName[] =>
  from.filter((x) => to.some((y) => sameWrittenName(x, y)));

/**
 * The distinct names two listings both carry, written in Latin letters with
 * the same words (spacing, hyphens, case and a surname put first aside): one
 * per name that is not a form of another counted ("Mohammad Reza NAQDI" and
 * "Gholamreza NAQDI" are two; "Mohammad Reza NAGHDI" and "Brig. Mohammad Reza
 * NAQDI" are forms of the first). Two namesakes share one name; sharing two
 * distinct names is evidence that the listings are one subject. Aliases in
 * other scripts do not count: they are readings of the Latin names.
 *
 * The shared names are told apart as each listing writes them, and the
 * listing that tells more apart is taken: a listing that writes its names
 * surname first ("DASTANI, Karim Reza", "DASTANI, Gholam Reza") puts a shared
 * surname at the front of both, which makes two names look alike that the
 * other listing's writing keeps apart. So the answer is the same whichever
 * listing is `a`.
 *
 * @example
 * sharedDistinctNames(eu, au) // ['Mohammad Reza NAQDI', 'Gholamreza NAQDI']
 */
export function sharedDistinctNames(a: Party, b: Party): string[] {
  const [as, bs] = [latinNamesOf(a), latinNamesOf(b)];
  const asA = distinctNames(carriedBy(as, bs));
  const asB = distinctNames(carriedBy(bs, as));
  return asB.length > asA.length ? asB : asA;
}
