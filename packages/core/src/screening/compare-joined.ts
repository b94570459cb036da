import type { NameComparison } from './align-tokens.ts';
import { isVowelPoor } from './compare-tokens.ts';
import { phoneticKey } from './phonetic-key.ts';
import { jaroWinkler } from './string-similarity.ts';
import { osaDistance } from './string-similarity-osa.ts';

/** The comparison of names written without spaces, as a `NameComparison`. */
export function joinedComparison(query: string[], candidate: string[], joined: number): NameComparison {
  return {
    score: joined,
    queryCoverage: joined,
    candidateCoverage: joined,
    pairs: [
      {
        query: query.join(''),
        candidate: candidate.join(''),
        similarity: joined,
        kind: joined === 1 ? 'exact' : 'fuzzy',
      },
    ],
    unmatchedQuery: [],
    unmatchedCandidate: [],
    method: 'joined',
    baseScore: joined,
    terms: [],
  };
}

/** Whether two token lists of more than one word break at the same letter positions. */
function sameWordBreaks(q: string[], c: string[]): boolean {
  if (q.length !== c.length || q.length < 2) return false;
  let a = 0;
  let b = 0;
  for (let i = 0; i < q.length - 1; i++) {
    a += q[i]!.length;
    b += c[i]!.length;
    if (a !== b) return false;
  }
  return true;
}

/** Whether `x` is a vowel-less spelling in several words and `y` one word written with vowels. */
function isAbjadSplit(x: string[], y: string[]): boolean {
  return x.length > 1 && y.length === 1 && x.every(isVowelPoor) && !isVowelPoor(y[0]!);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Whether two strings carry the same digits in the same order (no allocation: run on every joined pair). */
function sameDigits(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isDigit(a.charCodeAt(i))) i++;
    while (j < b.length && !isDigit(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i++) !== b.charCodeAt(j++)) return false;
  }
}

/**
 * Similarity of the names written without spaces ("ramimakhlouf" = "rami
 * makhlouf", "lauren tnkunda" = "laurent nkunda"), unless their words break
 * at the same places (then the words themselves are compared).
 */
export function compareJoined(q: string[], c: string[], a = q.join(''), b = c.join('')): number {
  if (a.length < 4 || b.length < 4) return 0;
  // Names whose words break at the same places are compared word by word: written without
  // spaces, "vladimir vladimirovich putin" and "… tyulin" would differ by 3 letters in 27.
  if (sameWordBreaks(q, c)) return 0;
  // An abjad spelling split into words ("bd llh") against one word ("abdullah").
  if (
    (isAbjadSplit(q, c) || isAbjadSplit(c, q)) &&
    phoneticKey(a).length >= 3 &&
    phoneticKey(a) === phoneticKey(b) &&
    jaroWinkler(a, b) >= 0.7
  )
    return 0.88;
  if (a.length < 6 || b.length < 6) return 0;
  const n = Math.max(a.length, b.length);
  const max = Math.floor(n * 0.12);
  const d = osaDistance(a, b, max);
  // Digits are not letters of a word written joined: "nova shipping 2" is not "nova shipping"
  // (read only for the few pairs that are close).
  return d > max || !sameDigits(a, b) ? 0 : 1 - d / n;
}
