import type { PartySchema } from '../model/party.ts';
import { FEATURE_WEIGHTS, featureTerm, type ScoreTerm } from './feature-table.ts';

/** What the name-level features read of a token alignment. */
export interface AlignmentView {
  /** 1 for each query token paired with a candidate token. */
  usedQ: Uint8Array;
  /** 1 for each candidate token paired with a query token. */
  usedC: Uint8Array;
  pairs: number;
  candidateCoverage: number;
  /** The candidate's token weight over its length: 1 for rare words, less for common ones. */
  candidateRarity: number;
}

/** Listed-name coverage from which the listed name counts as found whole inside the query (exact words or spellings of one name; a nickname or a near miss is not enough). */
const CONTAINED_COVERAGE = 0.98;

/** Extra query words beyond which a contained listed name is no longer credited. */
export const MAX_EXTRA_PARTS = 3;

/** Fewest letters a contained listed name must have: short names ("john lee") are found inside many. */
const CONTAINED_MIN_LETTERS = 9;

/** Most syllables a differing Hangul or kana spelling is penalised for. */
const MAX_SYLLABLE_CONFLICTS = 3;

const DIGITS = /^\d+$/;

/** Hangul and kana: scripts where each character is a syllable, and one changed syllable is another name. */
const SYLLABIC = /^[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

/** Han, Hangul and kana: names whose words are syllables, with no extra name parts to speak of. */
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const isOrgLike = (s: PartySchema | undefined): boolean =>
  s === 'organization' || s === 'vessel' || s === 'aircraft';

/** Whether either name was normalised as an organisation, vessel or aircraft. */
export function isOrganisationPair(q: { schema?: PartySchema }, c: { schema?: PartySchema }): boolean {
  return isOrgLike(q.schema) || isOrgLike(c.schema);
}

/** Whether a name is written in Han, Hangul or kana, whose words are syllables. */
export function isSyllabicName(name: { originalTokens?: string[] }): boolean {
  return !!name.originalTokens && CJK.test(name.originalTokens.join(''));
}

/** The number tokens of a name, sorted and joined ('' when it has none). */
function numbersOf(tokens: readonly string[]): string {
  let out: string[] | undefined;
  for (const t of tokens) if (DIGITS.test(t)) (out ??= []).push(String(Number(t)));
  return out ? out.sort().join(' ') : '';
}

function letters(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) n += t.length;
  return n;
}

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

/** Unmatched single letters on one side while a full word is unmatched on the other. */
function initialConflicts(
  a: readonly string[],
  usedA: Uint8Array,
  b: readonly string[],
  usedB: Uint8Array,
): string[] {
  let fullLeft = false;
  for (let j = 0; j < b.length; j++)
    if (!usedB[j] && b[j]!.length >= 2 && !DIGITS.test(b[j]!)) fullLeft = true;
  if (!fullLeft) return [];
  const out: string[] = [];
  for (let i = 0; i < a.length; i++)
    if (!usedA[i] && a[i]!.length === 1 && !DIGITS.test(a[i]!)) out.push(a[i]!);
  return out;
}

/**
 * The name score after the name-level features of the feature table, from
 * an alignment's base similarity: when `containable` (person names not
 * written in syllables), a listed name of some length found whole inside
 * the query is strong evidence (the score rises to the listed name's
 * coverage, less a little per extra query word); an initial that contradicts
 * a full given name, and different numbers ("Group 2" vs "Group 3"), lower
 * it. Pushes one explained term per feature to `terms` when given (the
 * ranking calls it without, for speed); the terms add up to the returned
 * score less `base`, before clamping to [0,1].
 */
export function nameFeatureScore(
  base: number,
  a: AlignmentView,
  q: readonly string[],
  c: readonly string[],
  containable: boolean,
  terms?: ScoreTerm[],
): number {
  let score = base;
  const extras = q.length - a.pairs;
  if (
    containable &&
    letters(c) >= CONTAINED_MIN_LETTERS &&
    c.length >= 2 &&
    a.pairs === c.length &&
    extras >= 1 &&
    extras <= MAX_EXTRA_PARTS &&
    a.candidateCoverage >= CONTAINED_COVERAGE
  ) {
    const common = 1 - a.candidateRarity;
    const contained =
      a.candidateCoverage +
      FEATURE_WEIGHTS.extraNamePart * extras +
      (common > 0 ? FEATURE_WEIGHTS.containedCommonName * common : 0);
    if (contained > base) {
      score = contained;
      if (terms) {
        const extra = q.filter((_, i) => !a.usedQ[i]);
        terms.push(
          featureTerm(
            'containedName',
            `listed name contained in the query (listed-name coverage ${a.candidateCoverage.toFixed(2)})`,
            a.candidateCoverage - base,
          ),
          featureTerm(
            'extraNamePart',
            `extra name part${extras > 1 ? 's' : ''} not on the list: ${extra.join(' ')}`,
            extras,
          ),
        );
        if (common > 0)
          terms.push(
            featureTerm(
              'containedCommonName',
              `the contained listed name is common (commonness ${common.toFixed(2)})`,
              common,
            ),
          );
      }
    }
  }
  const initials = [...initialConflicts(q, a.usedQ, c, a.usedC), ...initialConflicts(c, a.usedC, q, a.usedQ)];
  if (initials.length > 0) {
    const n = Math.min(2, initials.length);
    score += FEATURE_WEIGHTS.initialConflict * n;
    terms?.push(
      featureTerm(
        'initialConflict',
        `initial${n > 1 ? 's' : ''} ${initials.map((x) => x.toUpperCase() + '.').join(' ')} contradict${n > 1 ? '' : 's'} a given name`,
        n,
      ),
    );
  }
  const qn = numbersOf(q);
  if (qn) {
    const cn = numbersOf(c);
    if (cn && cn !== qn) {
      score += FEATURE_WEIGHTS.numberConflict;
      terms?.push(featureTerm('numberConflict', `numbers differ (${qn} vs ${cn})`));
    }
  }
  return Math.min(1, Math.max(0, score));
}
