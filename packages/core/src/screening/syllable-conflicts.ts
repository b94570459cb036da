import { featureTerm, type ScoreTerm } from './feature-table.ts';

/** Most syllables a differing Hangul or kana spelling is penalised for. */
const MAX_SYLLABLE_CONFLICTS = 3;

/** Hangul and kana: scripts where each character is a syllable, and one changed syllable is another name. */
const SYLLABIC = /^[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

/** A run of Hangul or kana inside a word that mixes scripts (ロシア in ロシア連邦軍事技術協力庁). */
const SYLLABIC_RUN = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;

const SYLLABIC_CHAR = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Whether any token holds Hangul or kana. */
export function hasSyllables(tokens: readonly string[]): boolean {
  return tokens.some((t) => SYLLABIC_CHAR.test(t));
}

/** Edit distance over characters (code points), for short names. */
function charDistance(x: readonly string[], y: readonly string[]): number {
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * Syllables that differ between the Hangul or kana runs of names that mix
 * them with Han characters or Latin letters: each query run the listed name
 * does not carry as such is paired with the closest listed run (once each);
 * a run that differs in at most half its characters is the same word
 * written with other syllables. Runs with no close counterpart are other
 * words, which the token alignment already weighs.
 */
function mixedSyllableConflicts(a: string, b: string): number {
  const ra = a.match(SYLLABIC_RUN);
  const rb = b.match(SYLLABIC_RUN);
  if (!ra || !rb) return 0;
  const left = [...rb];
  const open: string[] = [];
  for (const r of ra) {
    const at = left.indexOf(r);
    if (at >= 0) left.splice(at, 1);
    else open.push(r);
  }
  let differ = 0;
  for (const r of open) {
    const x = [...r];
    let best = -1;
    let bestD = Infinity;
    for (let k = 0; k < left.length; k++) {
      const y = [...left[k]!];
      const d = charDistance(x, y);
      if (d < bestD && 2 * d <= Math.max(x.length, y.length)) {
        bestD = d;
        best = k;
      }
    }
    if (best < 0) continue;
    left.splice(best, 1);
    differ += bestD;
  }
  return differ;
}

/**
 * Characters that differ between two names written in Hangul or kana (0 when
 * either has none): romanisation merges syllables (운 and 은 are both "un";
 * ロシア and ロシタ lose nothing but one letter), the script itself does not.
 * Whole names in those scripts are compared character by character; names
 * that mix them with Han characters or Latin letters by their syllabic runs
 * (`mixedSyllableConflicts`).
 */
export function syllableConflicts(
  qo: readonly string[] | undefined,
  co: readonly string[] | undefined,
): number {
  if (!qo || !co) return 0;
  const a = qo.join('');
  const b = co.join('');
  if (a === b) return 0;
  const differ =
    SYLLABIC.test(a) && SYLLABIC.test(b)
      ? charDistance([...a], [...b])
      : mixedSyllableConflicts(qo.join(' '), co.join(' '));
  return Math.min(MAX_SYLLABLE_CONFLICTS, differ);
}

/** The explained term of `syllableConflicts`. */
export function syllableConflictTerm(
  qo: readonly string[],
  co: readonly string[],
  differ: number,
): ScoreTerm {
  return featureTerm(
    'syllableConflict',
    `written in ${differ} different syllable${differ > 1 ? 's' : ''} (${qo.join(' ')} vs ${co.join(' ')})`,
    differ,
  );
}
