/** Letters a romanisation writes for one sound or another of the same letter (q/k, w/v). */
const SAME: Readonly<Record<string, string>> = { q: 'k', k: 'q', w: 'v', v: 'w', y: 'i', i: 'y' };

const VOWEL = new Set(['a', 'e', 'i', 'o', 'u']);

/** Similarity of a read token that fits a spelled one (see `abjadFit`). */
export const ABJAD_FIT_SIMILARITY = 0.9;

/**
 * Whether `read`, a token read from a script that writes no short vowels
 * (Arabic: "mstfa", "tarq", "hdad"), fits `spelled`, a Latin spelling of
 * the same name ("mostafa", "tarek", "haddad"): walking both, the spelled
 * token may add vowels and double a consonant, a written vowel may stand
 * for another vowel (u for o, a for e), q for k and w for v, and one written
 * vowel may go unspelled (عيسى "aisi", "issa"); it may not end in vowels the
 * read token lacks ("ali" is not "alia"). Both must start alike (the
 * same letter, or two vowels) and the read token must have 3 letters or more.
 *
 * @example
 * abjadFit('mstfa', 'mostafa') // true
 */
export function abjadFit(read: string, spelled: string): boolean {
  if (read.length < 3 || spelled.length < read.length) return false;
  const r0 = read[0]!;
  const s0 = spelled[0]!;
  if (r0 !== s0 && SAME[r0] !== s0 && !(VOWEL.has(r0) && VOWEL.has(s0))) return false;
  let i = 0;
  let j = 0;
  let dropped = 0;
  while (i < read.length && j < spelled.length) {
    const r = read[i]!;
    const s = spelled[j]!;
    if (r === s || SAME[r] === s || (VOWEL.has(r) && VOWEL.has(s))) {
      i++;
      j++;
    } else if (VOWEL.has(s) || (j > 0 && s === spelled[j - 1])) {
      j++;
    } else if (VOWEL.has(r) && dropped === 0) {
      dropped++;
      i++;
    } else return false;
  }
  // What is left of the spelled token may only be a doubled last letter.
  while (j < spelled.length && spelled[j] === spelled[j - 1]) j++;
  return i === read.length && j === spelled.length;
}
