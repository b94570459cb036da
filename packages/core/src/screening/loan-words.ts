import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { featureTerm, type ScoreTerm } from './feature-table.ts';

/**
 * What an English word and its spelling read back from a Russian or Ukrainian romanisation agree
 * at ("konsalting" / "consulting", "inzhiniring" / "engineering", "klinpauer" / "cleanpower"): as
 * much as a word and its translation (0.9), less than a spelling fold of the reference (0.92).
 */
export const LOAN_WORD_SIMILARITY = 0.9;

/** Fewest letters of either word of a loan-word pair. */
const LOAN_MIN_LETTERS = 5;

/** Fewest consonants of a loan key (`loanWordKeys`): a short skeleton is shared by many words ("trd": trade, trud). */
const LOAN_MIN_CONSONANTS = 4;

/**
 * How the English spelling's letters come back when the word is written in Cyrillic and
 * romanised again, folded to one form with the romanised spelling's (`ROMANISED_FOLDS`), in
 * order: "ph" as f, "th" as t, "ck", "ch", "q" and a hard "c" as k, a soft "c" (before e, i, y)
 * as s, "x" as ks, "j" and a soft "g" as G (the romanised "dzh" or "zh": "engineering" /
 * "inzhiniring", "technology" / "tekhnolodzhi"), a final silent e after a consonant dropped
 * ("cargoline" / "kargolayn"), every run of vowels (with y and w) as one vowel slot
 * ("consulting" / "konsalting", "cleanpower" / "klinpauer"), doubled letters single.
 */
const ENGLISH_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/ch/g, 'k'],
  [/q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/x/g, 'ks'],
  [/j|g(?=[eiy])/g, 'G'],
  [/(?<=[^aeiouyw])e$/, ''],
  [/[aeiouyw]+/g, 'a'],
  [/(.)\1+/g, '$1'],
];

/**
 * The romanised spelling's letters, folded as `ENGLISH_FOLDS` folds the English ones: the ending
 * "-tsiya" as "-tion" ("korporatsiya" / "corporation"), "kh" as k ("tekhnolodzhi"), "dzh" and
 * "zh" as G; "ch" (the Russian ch) kept apart from every English letter (as "C"), and c, q, x
 * and "ph" as written (no English fold holds them); vowel runs and doubled letters as there.
 */
const ROMANISED_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/ts(?:iy?a|ii|iy?u)$/, 'tion'],
  [/kh/g, 'k'],
  [/ch/g, 'C'],
  [/dzh|zh/g, 'G'],
  [/[aeiouyw]+/g, 'a'],
  [/(.)\1+/g, '$1'],
];

const ASCII_WORD = /^[a-z]+$/;
const VOWEL_SLOT = 97; // 'a', the one vowel slot of a loan key

/** A word's two loan keys and its consonants (letters but a, e, i, o, u, y, w; doubled ones once). */
interface LoanKeys {
  english: string;
  romanised: string;
  consonants: string;
}

const NO_KEYS: LoanKeys = Object.freeze({ english: '', romanised: '', consonants: '' });

function foldAll(word: string, folds: readonly (readonly [RegExp, string])[]): string {
  let out = word;
  for (const [pattern, replacement] of folds) out = out.replace(pattern, replacement);
  let consonants = 0;
  for (let i = 0; i < out.length; i++) if (out.charCodeAt(i) !== VOWEL_SLOT) consonants++;
  return consonants >= LOAN_MIN_CONSONANTS ? out : '';
}

/**
 * The loan keys of a word: read as an English spelling (`ENGLISH_FOLDS`) and as one romanised
 * from Russian (`ROMANISED_FOLDS`); empty when the word is not one a loan-word pair may hold
 * (under `LOAN_MIN_LETTERS` letters, not plain ASCII letters, a key of fewer than
 * `LOAN_MIN_CONSONANTS` consonants).
 *
 * @example
 * loanWordKeys('consulting').english === loanWordKeys('konsalting').romanised // 'kansaltang'
 */
export function loanWordKeys(word: string): LoanKeys {
  const known = memo.get(word);
  if (known !== undefined) return known;
  let keys = NO_KEYS;
  if (word.length >= LOAN_MIN_LETTERS && ASCII_WORD.test(word)) {
    const english = foldAll(word, ENGLISH_FOLDS);
    const romanised = foldAll(word, ROMANISED_FOLDS);
    if (english !== '' || romanised !== '')
      keys = { english, romanised, consonants: word.replace(/[aeiouyw]+/g, '').replace(/(.)\1+/g, '$1') };
  }
  if (memo.size > 100_000) memo.clear();
  memo.set(word, keys);
  return keys;
}

const memo = new Map<string, LoanKeys>();

/** Whether a word has loan keys at all (`loanWordKeys`): a pair may hold it. */
export function mayBeLoanWord(word: string): boolean {
  return loanWordKeys(word) !== NO_KEYS;
}

/**
 * Whether two words are one English word and its spelling read back from Russian: one's English
 * key is the other's romanised key, and their consonants differ (a letter correspondence was
 * needed: two words differing in their vowels only, "support" / "seaport", "shipping" /
 * "shopping", are not paired; the edits compare those).
 */
export function loanWordPair(x: string, y: string): boolean {
  if (x === y) return false;
  const a = loanWordKeys(x);
  if (a === NO_KEYS) return false;
  const b = loanWordKeys(y);
  if (b === NO_KEYS || a.consonants === b.consonants) return false;
  return (a.english !== '' && a.english === b.romanised) || (a.romanised !== '' && a.romanised === b.english);
}

/**
 * How much the name score of two organisation names rises when a word of one is the other's
 * English word read back from a Russian romanisation (`loanWordPair`: "OOO Fort Konsalting" /
 * "Fort Consulting", "Petroinzhiniring" / "Petroengineering"). Each such word pair, left unpaired
 * on both sides or paired with each other below it, counts as paired at `LOAN_WORD_SIMILARITY`
 * in both coverages. Only the whole word: every letter must agree under the correspondences.
 *
 * Updates the alignment view `a` (pairs, coverages, matched weights) as `translatedWordsLift`
 * does, so that the features read after it see the words as paired. Pushes the explained term
 * to `terms` when given.
 */
export function loanWordsLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  terms?: ScoreTerm[],
): number {
  // The alignment's own pairs (this lift runs first: no other lift has added pairs yet).
  const aligned = a.pairs;
  let qMatched = a.qMatched;
  let cMatched = a.cMatched;
  let found: string[] | undefined;
  for (let i = 0; i < q.length; i++) {
    const qi = q[i]!;
    if (!mayBeLoanWord(qi)) continue;
    if (a.usedQ[i]) {
      // Paired with the other word below the loan similarity: the pair's similarity rises.
      for (let p = 0; p < aligned; p++) {
        if (a.pairI[p] !== i) continue;
        const j = a.pairJ[p]!;
        const s = a.pairS[p]!;
        if (s < LOAN_WORD_SIMILARITY && loanWordPair(qi, c[j]!)) {
          qMatched += (LOAN_WORD_SIMILARITY - s) * a.weightQ[i]!;
          cMatched += (LOAN_WORD_SIMILARITY - s) * a.weightC[j]!;
          a.pairS[p] = LOAN_WORD_SIMILARITY;
          (found ??= []).push(`${qi} = ${c[j]}`);
        }
        break;
      }
      continue;
    }
    for (let j = 0; j < c.length; j++) {
      if (a.usedC[j] || !loanWordPair(qi, c[j]!)) continue;
      a.usedQ[i] = 1;
      a.usedC[j] = 1;
      a.pairs++;
      qMatched += LOAN_WORD_SIMILARITY * a.weightQ[i]!;
      cMatched += LOAN_WORD_SIMILARITY * a.weightC[j]!;
      (found ??= []).push(`${qi} = ${c[j]}`);
      break;
    }
  }
  if (!found) return 0;
  a.qMatched = qMatched;
  a.cMatched = cMatched;
  a.queryCoverage = a.qTotal > 0 ? qMatched / a.qTotal : 0;
  a.candidateCoverage = a.cTotal > 0 ? cMatched / a.cTotal : 0;
  let min = LOAN_WORD_SIMILARITY;
  for (let p = 0; p < aligned; p++) if (a.pairS[p]! < min) min = a.pairS[p]!;
  a.minPairSimilarity = min;
  const lift = coverageScore(a.queryCoverage, a.candidateCoverage) - base;
  terms?.push(
    featureTerm(
      'loanWord',
      `English word${found.length > 1 ? 's' : ''} spelt back from Russian: ${found.join(', ')}`,
      lift,
    ),
  );
  return lift;
}
