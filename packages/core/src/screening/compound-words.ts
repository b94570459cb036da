import { foldSpelling } from './spelling-fold.ts';
import { osaDistance } from './string-similarity-osa.ts';

/** Fewest letters a compound must have: shorter joins ("al" + "i") say nothing. */
export const MIN_COMPOUND = 6;

const LETTERS = /^[a-z]+$/;

/**
 * Whether two adjacent words `x` `y` of one name are written as one word of
 * `other` — Persian and Arabic compound given names written joined on one
 * side and apart on the other ("gholam reza" / "gholamreza", "abdul rahim" /
 * "abdolrahim", "imen sazan" / "imensazan"): the joined spelling equals a word
 * of `other` that is not one of the two words, after the spelling folds, or
 * within one edit of it. Checked by length and first letter before any string
 * is built, since it runs for every candidate scored below 1.
 *
 * @example
 * joinsAsOneWord('abdul', 'rahim', ['abdolrahim', 'karimi']) // true
 */
export function joinsAsOneWord(x: string, y: string, other: readonly string[]): boolean {
  const n = x.length + y.length;
  if (n < MIN_COMPOUND || x.length < 2 || y.length < 2) return false;
  let joined: string | undefined;
  for (const w of other) {
    if (w.length < MIN_COMPOUND || Math.abs(w.length - n) > 2 || w.charCodeAt(0) !== x.charCodeAt(0))
      continue;
    if (w === x || w === y || !LETTERS.test(w)) continue;
    joined ??= x + y;
    if (!LETTERS.test(joined)) return false;
    if (w === joined || osaDistance(foldSpelling(joined), foldSpelling(w), 1) <= 1) return true;
  }
  return false;
}
