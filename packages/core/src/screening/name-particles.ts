import { joinsAsOneWord } from './compound-words.ts';
import { foldSpelling } from './spelling-fold.ts';

/**
 * Particles that names write joined, hyphenated or apart ("al-Hamdani",
 * "Alhamdani", "al Hamdani"; "van der Hoven", "Vanderhoven"; "Abd al Karim",
 * "Abdalkarim"). Data of `rejoinParticles`.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'az',
  'an',
  'bin',
  'ibn',
  'ben',
  'bint',
  'abd',
  'abdel',
  'abdul',
  'abdal',
  'abu',
  'bou',
  'van',
  'von',
  'der',
  'den',
  'de',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'mac',
  'mc',
  'ter',
]);

/**
 * The Arabic article's other Latin spelling: lists write one article "al" or "el", apart or
 * joined ("Nur al-Din", "Nor Eldin"; "Salah el Din", "Salahaldin"), so a run that starts with
 * one may be spelt joined with the other.
 */
const OTHER_ARTICLE: Readonly<Record<string, string>> = Object.freeze({ al: 'el', el: 'al' });

/**
 * `word` with a leading article written the other way ("eldin" → "aldin"), when it starts with
 * one and more follows; undefined otherwise. For the candidate keys that must find what
 * `particleRunAt` pairs.
 */
export function otherArticleSpelling(word: string): string | undefined {
  if (word.length <= 2) return undefined;
  const other = OTHER_ARTICLE[word.slice(0, 2)];
  return other === undefined ? undefined : other + word.slice(2);
}

/** Fewest letters a rejoined particle run needs to match a word by its folded spelling. */
export const MIN_ALIKE = 6;

/** Whether a word of `words` has the spelling of `joined` after the spelling folds ("abdelrahman", "abdalrahman"). */
function spelledAlike(joined: string, words: readonly string[]): boolean {
  // A short join ("al" + "ly") folds alike to too many words.
  if (joined.length < MIN_ALIKE) return false;
  // The join is folded only when some word is long enough to spell it (most are not).
  let f: string | undefined;
  for (const w of words)
    if (w.length >= joined.length - 2 && foldSpelling(w) === (f ??= foldSpelling(joined))) return true;
  return false;
}

/**
 * How many words of `b` from `j` on (a particle, any particles after it, and the word after
 * them) one word of `a` spells joined, exactly or by its folded spelling; 0 when none does
 * (always when `b[j]` is not a particle). The step of `rejoinParticles` at `j`.
 */
export function particleRunAt(a: readonly string[], b: readonly string[], j: number): number {
  if (!NAME_PARTICLES.has(b[j]!)) return 0;
  let joined = b[j]!;
  // The article's other spelling, for a run that starts with it ("al din" against "eldin").
  const other = OTHER_ARTICLE[b[j]!];
  let otherJoined = other ?? '';
  for (let k = j + 1; k < b.length && k <= j + 3; k++) {
    joined += b[k]!;
    if (a.includes(joined) || spelledAlike(joined, a)) return k - j + 1;
    if (other !== undefined) {
      otherJoined += b[k]!;
      if (a.includes(otherJoined) || spelledAlike(otherJoined, a)) return k - j + 1;
    }
    if (!NAME_PARTICLES.has(b[k]!)) break;
  }
  return 0;
}

/**
 * The word a particle run of `b` (`took` words from `j`, `particleRunAt`) becomes: joined as
 * written, or with the article's other spelling when that is how `a` spells it (so that the
 * rejoined word pairs as the same word, not as a loose spelling of it).
 */
function runSpelling(a: readonly string[], b: readonly string[], j: number, took: number): string {
  const joined = b.slice(j, j + took).join('');
  const other = OTHER_ARTICLE[b[j]!];
  if (other === undefined || a.includes(joined) || spelledAlike(joined, a)) return joined;
  return other + joined.slice(b[j]!.length);
}

/**
 * Rewrites `b` so that a run of particles and the word after them that one
 * word of `a` spells joined ("van der hoven" against "vanderhoven") become
 * that one word, and so do two adjacent words that one word of `a` spells
 * joined, give or take a spelling variant (compound names: "gholam reza"
 * against "gholamreza", `joinsAsOneWord`). Returns undefined when nothing is
 * rejoined (the common case, decided by set lookups and word lengths).
 *
 * @example
 * rejoinParticles(['vanderhoven', 'pieter'], ['pieter', 'van', 'der', 'hoven']) // ['pieter', 'vanderhoven']
 */
export function rejoinParticles(a: readonly string[], b: readonly string[]): string[] | undefined {
  let out: string[] | undefined;
  let j = 0;
  while (j < b.length) {
    const took = particleRunAt(a, b, j);
    if (took > 0) {
      out ??= b.slice(0, j);
      out.push(runSpelling(a, b, j, took));
      j += took;
      continue;
    }
    if (j + 1 < b.length && joinsAsOneWord(b[j]!, b[j + 1]!, a)) {
      out ??= b.slice(0, j);
      out.push(b[j]! + b[j + 1]!);
      j += 2;
      continue;
    }
    out?.push(b[j]!);
    j++;
  }
  return out;
}

/**
 * A name's words left unpaired (`used` 0) as name parts, a particle counted with the unpaired
 * word it introduces ("bin Khudr", "abu minyar"): a query's extra parts, a listed name's middle
 * names.
 */
export function unpairedParts(words: readonly string[], used: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (used[i]) continue;
    if (NAME_PARTICLES.has(words[i]!) && i + 1 < words.length && !used[i + 1]) {
      out.push(`${words[i]} ${words[i + 1]}`);
      i++;
    } else out.push(words[i]!);
  }
  return out;
}
