/** Letters a romanisation writes for one sound or another of the same letter (q/k, w/v). */
const SAME: Readonly<Record<string, string>> = { q: 'k', k: 'q', w: 'v', v: 'w', y: 'i', i: 'y' };

const VOWEL = new Set(['a', 'e', 'i', 'o', 'u']);

/** Similarity of a read token that fits a spelled one (see `abjadFit`). */
export const ABJAD_FIT_SIMILARITY = 0.9;

/**
 * How many letters of `read` at `i` and of `spelled` at `j` stand for one
 * sound as romanisations write it (0, 0 when they do not): the same letter,
 * q/k, w/v, a vowel for another; ج j as French "dj"; ض or ذ read "dh" as
 * "d" or as the Persian "z"; waw read "u" as "w", waw read "w" as "ou" or "o"
 * (French "Sahraoui").
 */
function sameSound(read: string, i: number, spelled: string, j: number): [number, number] {
  const r = read[i]!;
  const s = spelled[j]!;
  if (r === 'd' && read[i + 1] === 'h' && (s === 'z' || s === 'd') && spelled[j + 1] !== 'h') return [2, 1];
  if (r === s || SAME[r] === s || (VOWEL.has(r) && VOWEL.has(s))) return [1, 1];
  if (r === 'j' && s === 'd' && spelled[j + 1] === 'j') return [1, 2];
  if (r === 'u' && s === 'w') return [1, 1];
  if (r === 'w' && (s === 'o' || s === 'u')) return [1, s === 'o' && spelled[j + 1] === 'u' ? 2 : 1];
  return [0, 0];
}

/**
 * Whether `read`, a token read from a script that writes no short vowels
 * (Arabic: "mstfa", "tarq", "hdad"), fits `spelled`, a Latin spelling of
 * the same name ("mostafa", "tarek", "haddad"): walking both, the spelled
 * token may add vowels and double a consonant, a written vowel may stand
 * for another vowel (u for o, a for e), letters may stand for one sound as
 * `sameSound` reads them, and one written vowel may go unspelled (عيسى
 * "aisi", "issa"); the l of the article may be written as the sun letter
 * after it, doubled ("abdalrhmn", "abderrahmane"); it may not end in vowels
 * the read token lacks ("ali" is not "alia") except a French silent e after
 * a consonant ("rmdhan", "romdhane"). Both must start alike (the same sound,
 * or two vowels) and the read token must have 3 letters or more.
 *
 * @example
 * abjadFit('mstfa', 'mostafa') // true
 */
export function abjadFit(read: string, spelled: string): boolean {
  if (read.length < 3 || spelled.length < read.length - 1) return false;
  if (sameSound(read, 0, spelled, 0)[0] === 0) return false;
  let i = 0;
  let j = 0;
  let dropped = 0;
  while (i < read.length && j < spelled.length) {
    const r = read[i]!;
    const s = spelled[j]!;
    const [di, dj] = sameSound(read, i, spelled, j);
    if (di > 0) {
      i += di;
      j += dj;
    } else if (VOWEL.has(s) || (j > 0 && s === spelled[j - 1])) {
      j++;
    } else if (r === 'l' && i > 0 && VOWEL.has(read[i - 1]!) && read[i + 1] === s && spelled[j + 1] === s) {
      // The article's l written as the sun letter after it: "al-rahman", "ar-rahman".
      i++;
    } else if (VOWEL.has(r) && dropped === 0) {
      dropped++;
      i++;
    } else return false;
  }
  // What is left of the spelled token may only be a doubled last letter, or a French silent e.
  while (j < spelled.length && spelled[j] === spelled[j - 1]) j++;
  if (
    j === spelled.length - 1 &&
    spelled[j] === 'e' &&
    !VOWEL.has(spelled[j - 1]!) &&
    !VOWEL.has(read[read.length - 1]!)
  )
    j++;
  return i === read.length && j === spelled.length;
}
