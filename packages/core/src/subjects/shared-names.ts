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
}

function latinNamesOf(party: Party): WrittenName[] {
  const out: WrittenName[] = [];
  for (const name of party.names) {
    if (name.script && name.script !== 'Latn') continue;
    if (NOT_LATIN.test(name.full)) continue;
    const tokens = tokenizeName(name.full);
    // A single word (a nickname or a surname alone) names too many people to corroborate.
    if (tokens.length < 2) continue;
    out.push({ full: name.full, words: new Set(tokens), keys: new Set(keysOfName(tokens)) });
  }
  return out;
}

const sameWrittenName = (x: WrittenName, y: WrittenName): boolean => [...x.keys].some((k) => y.keys.has(k));

const wordsWithin = (x: WrittenName, y: WrittenName): boolean => [...x.words].every((w) => y.words.has(w));

/**
 * Whether two names are forms of one name: the same words, one's words all in
 * the other ("Tin Win" in "Saw Tin Win": a title or a middle name added), or
 * letters nearly the same in either order ("Hojjat-al-Eslam Ali Saeedi",
 * "Ali Saidi Hojatoleslam").
 */
const formsOfOneName = (x: WrittenName, y: WrittenName): boolean =>
  sameWrittenName(x, y) ||
  wordsWithin(x, y) ||
  wordsWithin(y, x) ||
  [...x.keys].some((k) => [...y.keys].some((m) => simMetricsJaroWinkler(k, m) >= SAME_NAME_SIMILARITY));

/**
 * The distinct names two listings both carry, written in Latin letters with
 * the same words (spacing, hyphens, case and a surname put first aside): one
 * per name that is not a form of another already counted ("Mohammad Reza
 * NAQDI" and "Gholamreza NAQDI" are two; "Mohammad Reza NAGHDI" and "Brig.
 * Mohammad Reza NAQDI" are forms of the first). Two namesakes share one name; sharing two distinct names is
 * evidence that the listings are one subject. Aliases in other scripts do
 * not count: they are readings of the Latin names.
 *
 * @example
 * sharedDistinctNames(eu, au) // ['Mohammad Reza NAQDI', 'Gholamreza NAQDI']
 */
export function sharedDistinctNames(a: Party, b: Party): string[] {
  const bs = latinNamesOf(b);
  const counted: WrittenName[] = [];
  for (const x of latinNamesOf(a)) {
    if (!bs.some((y) => sameWrittenName(x, y))) continue;
    if (counted.some((c) => formsOfOneName(c, x))) continue;
    counted.push(x);
  }
  return counted.map((c) => c.full);
}
