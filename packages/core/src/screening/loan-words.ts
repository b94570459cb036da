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

/** Fewest consonants of a loan key (`loanWordKey`): a short skeleton is shared by many words ("trd": trade, trud). */
const LOAN_MIN_CONSONANTS = 4;

/**
 * How English letters come back when an English word is written in Cyrillic and romanised again,
 * folded to one form, in order: the Russian ending "-tsiya" as "-tion" ("korporatsiya" /
 * "corporation"), "ph" as f, "th" as t, "ck", "ch", "kh", "q", "c" (not before e, i,
 * y) and "k" as k, a soft "c" as s, "x" as ks, "dzh", "zh" and "j" as g (the English g before e
 * and i: "engineering" / "inzhiniring", "technology" / "tekhnolodzhi"), a final silent e after a
 * consonant dropped ("trade" / "treyd"), every run of vowels (with y and w) as one vowel slot
 * ("consulting" / "konsalting", "cloud" / "klaud", "eastern" / "istern"), doubled letters single.
 */
const LOAN_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/ts(?:iy?a|ii|iy?u)$/, 'tion'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/[ck]h/g, 'k'],
  [/q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/x/g, 'ks'],
  [/dzh|zh|j/g, 'g'],
  [/(?<=[^aeiouyw])e$/, ''],
  [/[aeiouyw]+/g, 'a'],
  [/(.)\1+/g, '$1'],
];

const ASCII_WORD = /^[a-z]+$/;
const VOWEL_SLOT = 97; // 'a', the one vowel slot of a loan key

/**
 * The loan-word key of a word (`LOAN_FOLDS`), or '' when the word is not one a loan-word pair
 * may hold: under `LOAN_MIN_LETTERS` letters, not plain ASCII letters, or a key of fewer than
 * `LOAN_MIN_CONSONANTS` consonants.
 *
 * @example
 * loanWordKey('konsalting') === loanWordKey('consulting') // 'kansaltang'
 */
export function loanWordKey(word: string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  let key = '';
  if (word.length >= LOAN_MIN_LETTERS && ASCII_WORD.test(word)) {
    let out = word;
    for (const [pattern, replacement] of LOAN_FOLDS) out = out.replace(pattern, replacement);
    let consonants = 0;
    for (let i = 0; i < out.length; i++) if (out.charCodeAt(i) !== VOWEL_SLOT) consonants++;
    if (consonants >= LOAN_MIN_CONSONANTS) key = out;
  }
  if (memo.size > 100_000) memo.clear();
  memo.set(word, key);
  return key;
}

const memo = new Map<string, string>();

/** Whether two different words are one English word, one of them read back from Russian (their loan keys agree). */
export function loanWordPair(x: string, y: string): boolean {
  if (x === y) return false;
  const k = loanWordKey(x);
  return k !== '' && k === loanWordKey(y);
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
    if (loanWordKey(qi) === '') continue;
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
