import type { PartySchema } from '../model/party.ts';
import type { LastAlignment } from './align-tokens.ts';
import { acronymLift } from './acronym-words.ts';
import { ARTICLES, articleLift } from './article-lift.ts';
import { branchLift } from './branch-words.ts';
import { CONNECTORS, genericOnlyCut, genericWordsLift, oneLooseWordCut } from './generic-words-lift.ts';
import { joinedWordsLift } from './joined-words.ts';
import { middleNamesLift, type NameOrders } from './middle-names.ts';
import { givenFirstPositions } from './name-order.ts';
import { translatedWordsLift } from './translated-words.ts';
import { FEATURE_WEIGHTS, featureTerm, type ScoreTerm } from './feature-table.ts';
import { unpairedParts } from './name-particles.ts';
import { nameFormFall } from './name-form-conflicts.ts';

/**
 * What the name-level features read of a token alignment (`lastAlignment()`):
 * which tokens were paired, the coverages, the candidate's rarity (its token
 * weight over its length) and the weights the coverages were computed from.
 */
export type AlignmentView = LastAlignment;

/** Listed-name coverage from which the listed name counts as found whole inside the query (exact words or spellings of one name; a nickname or a near miss is not enough). */
const CONTAINED_COVERAGE = 0.98;

/** Extra query words beyond which a contained listed name is no longer credited. */
export const MAX_EXTRA_PARTS = 3;

/** Fewest letters a contained listed name must have: short names ("john lee") are found inside many. */
const CONTAINED_MIN_LETTERS = 9;

/**
 * Fewest letters of a shorter contained listed name ("Abou Alam" in "Abou
 * Ronald Alam"): credited only for one extra part set between the query's
 * first and last words, which both belong to the listed name.
 */
const CONTAINED_SHORT_MIN_LETTERS = 6;

/**
 * Fewest letters of the extra part inside a short contained name: a given
 * name ("Ronald"), not a syllable or a misspelt listed word ("Kim Sko Chol"
 * is "Kim Sok Chol" more than it is "Kim Chol").
 */
const SHORT_EXTRA_MIN_LETTERS = 4;

const DIGITS = /^\d+$/;

const NO_INITIALS: readonly string[] = Object.freeze([]);

/** Han, Hangul and kana: names whose words are syllables, with no extra name parts to speak of. */
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const isOrgLike = (s: PartySchema | undefined): boolean =>
  s === 'organization' || s === 'vessel' || s === 'aircraft';

/** The parts of a name `isOrganisationPair` reads: its schema and its legal forms. */
type PairSide = { schema?: PartySchema; legalForms?: readonly string[] };

/** Whether a name is a body's: an organisation's, vessel's or aircraft's schema, or a legal form. */
const isBodyName = (n: PairSide): boolean => isOrgLike(n.schema) || (n.legalForms?.length ?? 0) > 0;

/**
 * Whether either name is a body's: normalised as an organisation, vessel or aircraft, or carrying
 * a legal form. A name listed or screened with no given kind ("Korea X General Corporation",
 * `unknown`) is an organisation's when it has a legal form (a person's name never gets one), so
 * the organisation terms (a number on one side only, generic words) apply whatever the schema.
 */
export function isOrganisationPair(q: PairSide, c: PairSide): boolean {
  return isBodyName(q) || isBodyName(c);
}

/** Whether a name is written in Han, Hangul or kana, whose words are syllables. */
export function isSyllabicName(name: { originalTokens?: string[] }): boolean {
  return !!name.originalTokens && CJK.test(name.originalTokens.join(''));
}

/** Whether a token starts with a digit (cheap test before `DIGITS`). */
const startsWithDigit = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/** The number tokens of a name, sorted and joined ('' when it has none). */
function numbersOf(tokens: readonly string[]): string {
  let out: string[] | undefined;
  for (const t of tokens) if (startsWithDigit(t) && DIGITS.test(t)) (out ??= []).push(String(Number(t)));
  return out ? out.sort().join(' ') : '';
}

/** Whether every unpaired token of both names is a number in digits (and at least one is). */
function onlyNumbersUnpaired(
  q: readonly string[],
  usedQ: Uint8Array,
  c: readonly string[],
  usedC: Uint8Array,
): boolean {
  let any = false;
  for (const [tokens, used] of [
    [q, usedQ],
    [c, usedC],
  ] as const)
    for (let i = 0; i < tokens.length; i++) {
      if (used[i]) continue;
      const t = tokens[i]!;
      if (!startsWithDigit(t) || !DIGITS.test(t)) return false;
      any = true;
    }
  return any;
}

/** Whether an unpaired token of the name is a single letter (an initial that may conflict). */
function hasUnpairedInitial(tokens: readonly string[], used: Uint8Array): boolean {
  for (let i = 0; i < tokens.length; i++) if (!used[i] && tokens[i]!.length === 1) return true;
  return false;
}

function letters(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) n += t.length;
  return n;
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
 * Unmatched single letters of `a` that are not among `b`'s unmatched single letters, while `b`
 * holds an unmatched single letter of its own: two initials that disagree ("William G. Frost" /
 * "William W. Frost"), the rest of the names the same. An initial of one name with nothing left
 * over on the other side is a name part left out, not a contradiction.
 */
function differingInitials(
  a: readonly string[],
  usedA: Uint8Array,
  b: readonly string[],
  usedB: Uint8Array,
): string[] {
  let other: string[] | undefined;
  for (let j = 0; j < b.length; j++)
    if (!usedB[j] && b[j]!.length === 1 && !DIGITS.test(b[j]!)) (other ??= []).push(b[j]!);
  if (!other) return [];
  const out: string[] = [];
  for (let i = 0; i < a.length; i++)
    if (!usedA[i] && a[i]!.length === 1 && !DIGITS.test(a[i]!) && !other.includes(a[i]!)) out.push(a[i]!);
  return out;
}

/**
 * How a listed name found whole inside the query is credited: as a person
 * name (extra name parts cost a little each), as an organisation name (only
 * when every extra query word is a generic word: "Makin Institute" holds
 * "Makin"), or not at all (names written in syllables).
 */
export type Containment = 'person' | 'organisation' | 'none';

/** How a query and a listed name are credited for containment (`Containment`). */
export function containmentOf(
  query: PairSide & { originalTokens?: string[] },
  listed: PairSide,
): Containment {
  if (isSyllabicName(query)) return 'none';
  return isOrganisationPair(query, listed) ? 'organisation' : 'person';
}

/** Fewest letters a listed organisation name must have to be credited as contained. */
const CONTAINED_ORG_MIN_LETTERS = 4;

/**
 * Whether a listed organisation name (its words left after its legal forms) holds a word that
 * names the body: one that is not a generic word, an article ("al", "the") or a connector joining
 * two words (a connector written first joins nothing: "DES International" is named by "des").
 * "Center", "Engineering Group", "Lab Service" name what kind of body each is, not which one, so
 * such a listed name is not found "contained" in a longer query: every "Center X LLC" whose X is
 * generic too would hold it (`docs/decisions/2026-12-07-generic-only-listed-names.md`).
 */
export function namesBody(c: readonly string[], generic: ReadonlySet<string>): boolean {
  for (let j = 0; j < c.length; j++) {
    const t = c[j]!;
    if (generic.has(t) || ARTICLES.has(t) || t === 'the' || (j > 0 && CONNECTORS.has(t))) continue;
    return true;
  }
  return false;
}

/**
 * Whether the query's extra parts beside a contained listed person name (every listed word
 * paired) stand where name parts are added to a name without contradicting it, so that they
 * cost `extraPartBeside` rather than `extraNamePart` each: the query read given names first (by
 * its comma, `orders.query`) pairs the listed words in the listed order (given names first by the
 * listed name's own order, else as written), or in that order turned round once when the query
 * has no comma (its surname written first: "Sidorov Ivan Petrovich"); no extra part comes before
 * every paired word, nor just before the word paired with the listed first given name (another
 * first given name: "Peter Hans Muller" against "Hans Muller"); and none is an initial or a number.
 * So a middle name, a patronymic or a nasab chain after the first given name, and a second
 * surname after the surname, are let go cheaply ("Ivan Petrovich Sidorov", "Lucia Fernanda
 * Barrientos Olmedo").
 */
export function extraPartsBeside(
  a: AlignmentView,
  q: readonly string[],
  c: readonly string[],
  orders: NameOrders,
): boolean {
  const qn = q.length;
  const cn = c.length;
  for (let i = 0; i < qn; i++) {
    if (a.usedQ[i]) continue;
    const t = q[i]!;
    if (t.length < 2 || startsWithDigit(t)) return false;
  }
  const qPos = givenFirstPositions(qn, orders.query);
  const cPos = givenFirstPositions(cn, orders.listed());
  // The listed position of each query word in the query's given-first reading (−1: an extra part).
  const seq = new Int32Array(qn).fill(-1);
  for (let p = 0; p < a.pairs; p++) seq[qPos[a.pairI[p]!]!] = cPos[a.pairJ[p]!]!;
  let last = -1;
  let turns = 0;
  let firstPaired = -1;
  for (let k = 0; k < qn; k++) {
    const at = seq[k]!;
    if (at < 0) continue;
    if (firstPaired < 0) firstPaired = k;
    if (at < last) turns++;
    last = at;
    // The listed first given name: the word read before it must not be an extra part.
    if (at === 0 && k > 0 && seq[k - 1]! < 0) return false;
  }
  if (firstPaired !== 0 || turns > 1) return false;
  // Turned round once: only a query without a comma, its last paired word before its first.
  if (turns === 1 && (orders.query || last >= seq[0]!)) return false;
  return true;
}

/** The listed name contained in the query: its score and its terms, or undefined. */
function containedScore(
  base: number,
  a: AlignmentView,
  q: readonly string[],
  c: readonly string[],
  containment: Containment,
  generic: ReadonlySet<string> | undefined,
  terms: ScoreTerm[] | undefined,
  orders?: NameOrders,
): number | undefined {
  if (containment === 'none' || a.pairs !== c.length || q.length === a.pairs) return undefined;
  if (a.candidateCoverage < CONTAINED_COVERAGE) return undefined;
  if (containment === 'organisation') {
    if (letters(c) < CONTAINED_ORG_MIN_LETTERS || !generic || !namesBody(c, generic)) return undefined;
    const extra = q.filter((t, i) => !a.usedQ[i]);
    if (extra.length > MAX_EXTRA_PARTS || !extra.every((t) => generic.has(t))) return undefined;
    const contained = a.candidateCoverage + FEATURE_WEIGHTS.extraGenericWord * extra.length;
    if (contained <= base) return undefined;
    terms?.push(
      featureTerm(
        'containedName',
        `listed name contained in the query with generic words only (listed-name coverage ${a.candidateCoverage.toFixed(2)})`,
        a.candidateCoverage - base,
      ),
      featureTerm(
        'extraGenericWord',
        `generic word${extra.length > 1 ? 's' : ''} not on the list: ${extra.join(' ')}`,
        extra.length,
      ),
    );
    return contained;
  }
  const length = letters(c);
  if (length < CONTAINED_SHORT_MIN_LETTERS || c.length < 2) return undefined;
  const extra = unpairedParts(q, a.usedQ);
  if (extra.length > MAX_EXTRA_PARTS) return undefined;
  if (
    length < CONTAINED_MIN_LETTERS &&
    (extra.length !== 1 ||
      extra[0]!.replace(' ', '').length < SHORT_EXTRA_MIN_LETTERS ||
      !a.usedQ[0] ||
      !a.usedQ[q.length - 1])
  )
    return undefined;
  const common = 1 - a.candidateRarity;
  const commonFall = common > 0 ? FEATURE_WEIGHTS.containedCommonName * common : 0;
  // The extra parts at their lesser cost (`extraPartBeside`, above `extraNamePart`): the most the
  // containment can give. When that does not beat `base`, neither cost does, and the order of the
  // extra parts (`extraPartsBeside`, which reads the listed name's order) need not be looked at.
  if (a.candidateCoverage + FEATURE_WEIGHTS.extraPartBeside * extra.length + commonFall <= base)
    return undefined;
  // Extra parts beside a long listed name found whole and in order cost less (`extraPartsBeside`).
  const beside = orders !== undefined && length >= CONTAINED_MIN_LETTERS && extraPartsBeside(a, q, c, orders);
  const extraFeature = beside ? 'extraPartBeside' : 'extraNamePart';
  const contained = a.candidateCoverage + FEATURE_WEIGHTS[extraFeature] * extra.length + commonFall;
  if (contained <= base) return undefined;
  if (terms) {
    terms.push(
      featureTerm(
        'containedName',
        `listed name contained in the query (listed-name coverage ${a.candidateCoverage.toFixed(2)})`,
        a.candidateCoverage - base,
      ),
      beside
        ? featureTerm(
            'extraPartBeside',
            `listed name whole and in order in the query; extra name part${extra.length > 1 ? 's' : ''} beside it, not in the first given name's place: ${extra.join(', ')}`,
            extra.length,
          )
        : featureTerm(
            'extraNamePart',
            `extra name part${extra.length > 1 ? 's' : ''} not on the list: ${extra.join(', ')}`,
            extra.length,
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
  return contained;
}

let formFall = 0;

/**
 * The fall `nameFormFall` gave the last `nameFeatureScore` call (0 or negative): a name whose words
 * were found to be another name's ("Michel" / "Michelle") is not compared again written without
 * spaces, where the two or three letters that make the other name would count as a misspelling.
 */
export function lastNameFormFall(): number {
  return formFall;
}

/**
 * The name score after the name-level features of the feature table, from
 * an alignment's base similarity: a listed name found whole inside the
 * query is strong evidence (`Containment`: the score rises to the listed
 * name's coverage, less a little per extra part or generic word); an
 * initial that contradicts a full given name, and different numbers
 * ("Group 2" vs "Group 3"), lower it. `generic` holds the generic
 * organisation words. An article ("al", "el") written on one side only
 * does not count against the name (`articleLift`); in a vowel-less reading
 * (`vowelless`), a compound written as one word on one side and two on the
 * other is paired (`joinedWordsLift`); between organisation names, a word
 * and its translation (`translations`, "jaish" / "army") are paired first
 * (`translatedWordsLift`), and an acronym and the run of words whose initials it
 * spells (`acronymLift`). Between person names whose order is known (`orders`), a
 * query giving the listed first given name and last surname leaves the listed middle
 * names out (`middleNamesLift`). Pushes one explained term per feature to `terms` when
 * given (the ranking calls it without, for speed); the terms add up to the
 * returned score less `base`, before clamping to [0,1].
 */
export function nameFeatureScore(
  base: number,
  a: AlignmentView,
  q: readonly string[],
  c: readonly string[],
  containment: Containment,
  generic?: ReadonlySet<string>,
  vowelless = false,
  translations?: ReadonlyMap<string, number>,
  terms?: ScoreTerm[],
  orders?: NameOrders,
  formWords?: ReadonlySet<string>,
): number {
  let translated =
    translations && generic && containment === 'organisation'
      ? base + translatedWordsLift(base, a, q, c, translations, generic, terms)
      : base;
  if (generic && containment === 'organisation')
    translated += acronymLift(translated, a, q, c, generic, terms);
  const joined = vowelless ? translated + joinedWordsLift(translated, a, q, c, terms) : translated;
  const lifted = joined + articleLift(joined, a, q, c, terms);
  let score = lifted;
  let genericCut = 0;
  const contained = containedScore(lifted, a, q, c, containment, generic, terms, orders);
  if (contained !== undefined) score = contained;
  else if (containment === 'person' && orders && lifted === base)
    score += middleNamesLift(lifted, a, q, c, orders, terms);
  else if (containment === 'organisation' && generic) {
    const genericLift = genericWordsLift(lifted, a, q, c, generic, terms);
    score += genericLift === 0 ? branchLift(lifted, a, q, c, generic, terms) : genericLift;
    if (translated === base && joined === translated) {
      score += oneLooseWordCut(score, a, q, generic, terms);
      if (formWords) score += genericCut = genericOnlyCut(score, a, q, c, formWords, terms);
    }
  }
  formFall = containment === 'person' && a.pairs > 0 ? nameFormFall(a, q, c, terms) : 0;
  score += formFall;
  const initials =
    hasUnpairedInitial(q, a.usedQ) || hasUnpairedInitial(c, a.usedC)
      ? [...initialConflicts(q, a.usedQ, c, a.usedC), ...initialConflicts(c, a.usedC, q, a.usedQ)]
      : NO_INITIALS;
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
  // Initials on both sides that disagree ("G." / "W."): one fall, however many letters differ.
  // Only when no initial contradicted a full word (that term already says the names differ there).
  const qInitials =
    initials.length > 0 || initials === NO_INITIALS ? NO_INITIALS : differingInitials(q, a.usedQ, c, a.usedC);
  if (qInitials.length > 0) {
    const cInitials = differingInitials(c, a.usedC, q, a.usedQ);
    score += FEATURE_WEIGHTS.initialsDiffer;
    terms?.push(
      featureTerm(
        'initialsDiffer',
        `initials differ: ${qInitials.map((x) => x.toUpperCase() + '.').join(' ')} / ${cInitials.map((x) => x.toUpperCase() + '.').join(' ')} (another given name, not a spelling of it)`,
      ),
    );
  }
  const qn = numbersOf(q);
  // The listed name's numbers are read only where a term can use them (most pairs are persons').
  const cn = qn || containment === 'organisation' ? numbersOf(c) : '';
  if (qn && cn && cn !== qn) {
    score += FEATURE_WEIGHTS.numberConflict;
    terms?.push(featureTerm('numberConflict', `numbers differ (${qn} vs ${cn})`));
  } else if (
    containment === 'organisation' &&
    genericCut === 0 &&
    !qn !== !cn &&
    onlyNumbersUnpaired(q, a.usedQ, c, a.usedC)
  ) {
    // A number tells two bodies of one name apart ("Brigade 4"); the name without it is another
    // body. Only when the number is all that differs: a word left unpaired on the side without
    // digits may be the number in a form not read as one ("VI"), so it gets no fall; nor when
    // `genericOnlyCut` has already said the names are two bodies.
    score += FEATURE_WEIGHTS.numberOneSide;
    terms?.push(featureTerm('numberOneSide', `a number on one side only (${qn || cn})`));
  }
  return Math.min(1, Math.max(0, score));
}
