import { coverageScore } from './align-tokens.ts';
import { ARTICLES } from './article-lift.ts';
import { compareJoined } from './compare-joined.ts';
import { FEATURE_WEIGHTS } from './feature-table.ts';
import { tokenSimilarityUpperBound } from './compare-tokens.ts';
import { CONNECTORS, MIN_DISTINCTIVE_LETTERS, MIN_PAIR_SIMILARITY } from './generic-words-lift.ts';
import { MAX_MIDDLE_PARTS, MIDDLE_NAMES_MIN_PAIR, middleNamesMayLift } from './middle-names.ts';
import { isOrganisationPair } from './name-features.ts';
import { joinsAsOneWord, MIN_COMPOUND } from './compound-words.ts';
import { MIN_ALIKE, NAME_PARTICLES, particleRunAt, rejoinParticles } from './name-particles.ts';
import { indexedNameOrder, originalScriptScore, type PreparedQuery } from './score-indexed-name.ts';
import type { IndexedName, ScreeningIndex } from './screening-index.ts';
import { tokenIdWeight } from './token-weight.ts';
import { JOINED_WORDS_SIMILARITY } from './joined-words.ts';
import { TokenSlots } from './token-slots.ts';
import { mayReadAcrossNames, partyWordsScore } from './party-words.ts';
import { TRANSLATION_SIMILARITY } from './translated-words.ts';
import { ACRONYM_SIMILARITY, acronymRunEnd, MIN_ACRONYM_LETTERS, mayBeAcronym } from './acronym-words.ts';
import { BRANCH_WORDS } from './branch-words.ts';

/**
 * Allowances of `nameScoreBound`, one per thing that can raise `scoreIndexedName` above
 * the plain token alignment, each read from the code that raises it (exported so that the
 * property test can check that taking one out breaks the bound).
 */
export const BOUND_ALLOWANCES: Readonly<Record<BoundAllowance, boolean>> = Object.freeze({
  /**
   * `joinedWordsLift` (vowel-less readings only) pairs words left unpaired at
   * `JOINED_WORDS_SIMILARITY`, two words of one side to one of the other: every word's
   * similarity is taken as at least that, and the one-to-one pair count is not assumed.
   */
  joinedWords: true,
  /**
   * `articleLift` and `genericWordsLift` take unpaired articles ("al", "el") and, for an
   * organisation pair, generic words and connectors out of both coverages: the coverage
   * bound is the best over every such set of words left out. Generic words and connectors
   * only when `genericWordsLift` can lift the pair (`mayLiftGenericWords`).
   */
  droppedWords: true,
  /**
   * `translatedWordsLift` (organisation pairs): a word and its translation in another
   * group member ("jaish", "army") may be paired at `TRANSLATION_SIMILARITY`, one to one.
   */
  translatedWords: true,
  /**
   * `acronymLift` (organisation pairs): a word of 2–6 letters may be paired at
   * `ACRONYM_SIMILARITY` with a run of words of the other side whose initials it spells, one
   * word with several: those words' similarities are taken as at least that, and the one-to-one
   * pair count is not assumed.
   */
  acronyms: true,
  /**
   * `branchLift` (organisation pairs): a listed name holding a branch or office word may leave
   * its unpaired words out of its coverage: its coverage is taken as at most 1.
   */
  branchWords: true,
  /** `containedScore`: a listed name found whole in a longer query scores at most its own coverage. */
  contained: true,
  /**
   * `middleNamesLift`: a person query of two words or more giving a longer listed name's first
   * and last words scores at most its query coverage with the listed name fully covered, less
   * one listed middle name (`omittedMiddleName`).
   */
  middleNames: true,
  /** `rejoinParticles` realigns rejoined words: such a name is not bounded (always scored). */
  rejoined: true,
  /** `compareJoined`: the names written without spaces, computed exactly when the lengths allow it. */
  joined: true,
  /** The original-script alignment, computed exactly when both names have original-script words. */
  originalScript: true,
  /**
   * `partyWordsScore` scores a party above its best name when two of its names spell the
   * query's words between them: a party whose names all fall under the floor is still
   * scored when that score, computed exactly (`partyWordsBound`), reaches it.
   */
  partyWords: true,
});

/** The lifts `nameScoreBound` allows for. */
export type BoundAllowance =
  | 'translatedWords'
  | 'acronyms'
  | 'branchWords'
  | 'joinedWords'
  | 'droppedWords'
  | 'contained'
  | 'middleNames'
  | 'rejoined'
  | 'joined'
  | 'originalScript'
  | 'partyWords';

/** Which allowances are in force (all of them but in the property test, which checks each is needed). */
export type BoundAllowances = Readonly<Record<BoundAllowance, boolean>>;

/** Most that a chosen pair's similarity exceeds the token similarity (the alignment's order tie-break). */
const TIE_BREAK = 1e-6;

/** Most edits `compareJoined` accepts, as a share of the longer joined spelling (compare-joined.ts). */
const JOINED_MAX_EDITS = 0.12;

let qBest = new Float64Array(16);
let cBest = new Float64Array(16);
let cWeights = new Float64Array(16);
let topScratch = new Float64Array(16);

/**
 * The query reading's word weights (`PreparedQuery.weights`, a plain array) copied into a typed
 * array once per reading, so that `weightedTop` and `bestDroppedCoverage` read one kind of array
 * on both sides (the listed side's are `cWeights`): read through an array of either kind, their
 * element loads went through V8's generic path, which boxes each number it reads (≈ 4.5 KiB a
 * batch subject, the largest of `alignmentBound`'s allocations). The same numbers: a double
 * stored in a `Float64Array` reads back unchanged.
 */
let weightsQuery: PreparedQuery | undefined;
let qWeights = new Float64Array(16);

function queryWeights(query: PreparedQuery): Float64Array {
  if (weightsQuery !== query) {
    const w = query.weights;
    if (qWeights.length < w.length) qWeights = new Float64Array(w.length * 2);
    for (let i = 0; i < w.length; i++) qWeights[i] = w[i]!;
    weightsQuery = query;
  }
  return qWeights;
}

/** Sum of the `k` largest of `best[i] · weight[i]` over `i < n` (n is a name's word count: a few passes). */
function weightedTop(best: Float64Array, weight: Float64Array, n: number, k: number): number {
  let s = 0;
  if (k >= n) {
    for (let i = 0; i < n; i++) s += best[i]! * weight[i]!;
    return s;
  }
  if (topScratch.length < n) topScratch = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) topScratch[i] = best[i]! * weight[i]!;
  for (let m = 0; m < k; m++) {
    let at = 0;
    for (let i = 1; i < n; i++) if (topScratch[i]! > topScratch[at]!) at = i;
    s += topScratch[at]!;
    topScratch[at] = -Infinity;
  }
  return s;
}

/** Flags of a token in `SimilarityCache.values`: an article; a generic organisation word or connector; a branch word. */
const ARTICLE = 1;
const GENERIC = 2;
const BRANCH = 8;

/** Per token id of `flagIndex`: its `ARTICLE`, `GENERIC` and `BRANCH` flags plus `KNOWN` once computed. */
let flagIndex: ScreeningIndex | undefined;
let tokenFlags = new Uint8Array(0);
const KNOWN = 4;

/**
 * Whether index token `id` may be left out of a coverage (`ARTICLE`, `GENERIC`) or is a branch
 * word (`BRANCH`), computed once per token of the index rather than once per query (a token
 * id's word never changes).
 */
function dropFlagsOf(index: ScreeningIndex, id: number): number {
  if (flagIndex !== index) {
    flagIndex = index;
    tokenFlags = new Uint8Array(Math.max(index.tokenCount, id + 1) * 2);
  } else if (tokenFlags.length <= id) {
    const grown = new Uint8Array(Math.max(index.tokenCount, id + 1) * 2);
    grown.set(tokenFlags);
    tokenFlags = grown;
  }
  const known = tokenFlags[id]!;
  if (known) return known & ~KNOWN;
  const token = index.tokenAt(id);
  const flags =
    (token === 'al' || token === 'el' ? ARTICLE : 0) |
    (index.compiled.genericOrgWords.has(token) || CONNECTORS.has(token) ? GENERIC : 0) |
    (BRANCH_WORDS.has(token) ? BRANCH : 0);
  tokenFlags[id] = flags | KNOWN;
  return flags;
}

/**
 * Per query, each index token's similarity to each query token (exact: read from the
 * score's own memo, `PreparedQuery.align.sim`; or its cheap upper bound), computed once and then
 * read from typed arrays: `stamp[id]` says whether the token was read for the current
 * query, `slot[id]` where its `qn` similarities start in `values`.
 */
interface SimilarityCache {
  query: PreparedQuery | undefined;
  epoch: number;
  stamp: Uint32Array;
  slot: Int32Array;
  values: Float64Array;
  used: number;
}

const newCache = (): SimilarityCache => ({
  query: undefined,
  epoch: 0,
  stamp: new Uint32Array(0),
  slot: new Int32Array(0),
  values: new Float64Array(1024),
  used: 0,
});
const exactCache = newCache();
const upperCache = newCache();

/** Where the similarities of the name's `j`-th token (index token `id`) to the query's tokens start in `cache.values`. */
function similaritiesOf(
  index: ScreeningIndex,
  query: PreparedQuery,
  cache: SimilarityCache,
  id: number,
  j: number,
): number {
  if (cache.query !== query) {
    cache.query = query;
    cache.epoch = (cache.epoch + 1) >>> 0;
    if (cache.epoch === 0) {
      cache.stamp.fill(0);
      cache.epoch = 1;
    }
    cache.used = 0;
  }
  if (cache.stamp.length <= id) {
    const size = Math.max(index.tokenCount, id + 1) * 2;
    const stamp = new Uint32Array(size);
    stamp.set(cache.stamp);
    const slot = new Int32Array(size);
    slot.set(cache.slot);
    cache.stamp = stamp;
    cache.slot = slot;
  }
  if (cache.stamp[id] === cache.epoch) return cache.slot[id]!;
  const qn = query.facts.length;
  if (cache.values.length < cache.used + qn + 2) {
    const values = new Float64Array((cache.used + qn + 2) * 2);
    values.set(cache.values);
    cache.values = values;
  }
  const at = cache.used;
  // After the similarities: the token's weight, and whether it may be left out of a coverage.
  cache.values[at + qn] = tokenIdWeight(index, id);
  cache.values[at + qn + 1] = dropFlagsOf(index, id);
  if (cache === exactCache)
    for (let i = 0; i < qn; i++) cache.values[at + i] = query.align.sim(i, j).similarity;
  else {
    const facts = index.factsAt(id);
    const vowelless = !!query.name.vowelless;
    for (let i = 0; i < qn; i++)
      cache.values[at + i] = tokenSimilarityUpperBound(query.facts[i]!, facts, vowelless);
  }
  cache.used += qn + 2;
  cache.stamp[id] = cache.epoch;
  cache.slot[id] = at;
  return at;
}

/**
 * The largest coverage one side can have when any of its droppable words (`drop[i]`) may be
 * left out of its total (and then count as unpaired): matched[i] ≤ weight[i] · best[i]. Words
 * are kept in order of their best similarity, and the best ratio over those prefixes is the
 * best over every set (a word raises the ratio only when its similarity exceeds it).
 */
function bestDroppedCoverage(n: number, weights: Float64Array, best: Float64Array, drop: Uint8Array): number {
  let num = 0;
  let den = 0;
  if (dropOrder.length < n) dropOrder = new Int32Array(n * 2);
  let drops = 0;
  for (let i = 0; i < n; i++) {
    if (drop[i]) {
      // Insertion by best similarity, highest first, ties in word order (as a stable sort).
      let at = drops++;
      while (at > 0 && best[dropOrder[at - 1]!]! < best[i]!) {
        dropOrder[at] = dropOrder[at - 1]!;
        at--;
      }
      dropOrder[at] = i;
    } else {
      num += weights[i]! * best[i]!;
      den += weights[i]!;
    }
  }
  let out = den > 0 ? num / den : 0;
  for (let k = 0; k < drops; k++) {
    const i = dropOrder[k]!;
    num += weights[i]! * best[i]!;
    den += weights[i]!;
    if (den > 0 && num / den > out) out = num / den;
  }
  return Math.min(1, out);
}

/** `bestDroppedCoverage`'s droppable words in the order it adds them (scratch, no array per name). */
let dropOrder = new Int32Array(16);

let qDrop = new Uint8Array(16);
let cDrop = new Uint8Array(16);
let cFlags = new Uint8Array(16);

/** Whether a word may be left out of a coverage: an article (`articleLift`), or, for an organisation pair, a generic word or a connector (`genericWordsLift`). */
function droppable(t: string, generic: ReadonlySet<string> | undefined): boolean {
  return t === 'al' || t === 'el' || (!!generic && (generic.has(t) || CONNECTORS.has(t)));
}

/**
 * Whether `genericWordsLift` can lift the pair, from each word's best similarity on the other
 * side (`qBest`, `cBest`, upper bounds): it lifts only when every word left unpaired is generic
 * or a connector and every pair agrees at `MIN_PAIR_SIMILARITY` or better, so a word of either side
 * that is neither and has no counterpart that close is unpaired or in a weaker pair whatever the
 * alignment; and when the paired query words hold `MIN_DISTINCTIVE_LETTERS` letters of
 * non-generic words. When it cannot, only articles may be left out (`articleLift`: an unpaired
 * article that is not a generic word stops the generic words' lift, so the two never add up).
 */
function mayLiftGenericWords(
  qt: readonly string[],
  ct: readonly string[],
  cn: number,
  generic: ReadonlySet<string>,
): boolean {
  let distinctive = 0;
  for (let i = 0; i < qt.length; i++) {
    const t = qt[i]!;
    const general = generic.has(t);
    if (!general && qBest[i]! >= MIN_PAIR_SIMILARITY) distinctive += t.length;
    if (!general && !CONNECTORS.has(t) && qBest[i]! < MIN_PAIR_SIMILARITY) return false;
  }
  if (distinctive < MIN_DISTINCTIVE_LETTERS) return false;
  for (let j = 0; j < cn; j++) {
    const t = ct[j]!;
    if (!generic.has(t) && !CONNECTORS.has(t) && cBest[j]! < MIN_PAIR_SIMILARITY) return false;
  }
  return true;
}

/** `joinedWordsLift`'s fewest letters of a joined form and of the word it fits (joined-words.ts). */
const JOINED_MIN = 5;

/** Whether token `i` and a neighbour join into JOINED_MIN letters or more. */
function inLongPair(t: readonly string[], i: number): boolean {
  const n = t[i]!.length;
  return (
    (i + 1 < t.length && n + t[i + 1]!.length >= JOINED_MIN) || (i > 0 && n + t[i - 1]!.length >= JOINED_MIN)
  );
}

function longPair(t: readonly string[]): boolean {
  for (let i = 0; i + 1 < t.length; i++) if (t[i]!.length + t[i + 1]!.length >= JOINED_MIN) return true;
  return false;
}

function longWord(t: readonly string[]): boolean {
  for (const w of t) if (w.length >= JOINED_MIN) return true;
  return false;
}

/** `middleNamesMayLift` for a query reading and an indexed name, kept for the name's second (exact) pass. */
let mayLiftQuery: PreparedQuery | undefined;
let mayLiftName: IndexedName | undefined;
let mayLift = false;

function middleNamesMayLiftName(index: ScreeningIndex, query: PreparedQuery, name: IndexedName): boolean {
  if (mayLiftQuery !== query || mayLiftName !== name) {
    mayLiftQuery = query;
    mayLiftName = name;
    mayLift = middleNamesMayLift(query.name.tokens, name.normalized.tokens, query.orders, () =>
      indexedNameOrder(index, name),
    );
  }
  return mayLift;
}

/**
 * Raises to `ACRONYM_SIMILARITY` the best similarity of every word of `a` that may be an
 * acronym of a run of `b`'s words, and of every word of such a run; 1 when one was found.
 * Exported for the property test that checks it against every start `acronymRunEnd` accepts.
 */
export function acronymBound(
  a: readonly string[],
  aBest: Float64Array,
  b: readonly string[],
  bBest: Float64Array,
  generic: ReadonlySet<string>,
): number {
  // A run gives one letter a word at most (`acronymRunEnd`): an acronym of n letters needs n
  // words of `b` from the run's start, and that start must give its first letter. Runs that
  // cannot exist are not tried (most organisation pairs: the same runs found as before).
  const bn = b.length;
  if (bn < MIN_ACRONYM_LETTERS) return 0;
  let found = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]!;
    if (t.length > bn || !mayBeAcronym(t, generic)) continue;
    const first = t.charCodeAt(0);
    for (let j = 0; j + t.length <= bn; j++) {
      if (b[j]!.charCodeAt(0) !== first) continue;
      const end = acronymRunEnd(t, b, j);
      if (end < 0) continue;
      found = 1;
      if (aBest[i]! < ACRONYM_SIMILARITY) aBest[i] = ACRONYM_SIMILARITY;
      for (let k = j; k < end; k++) if (bBest[k]! < ACRONYM_SIMILARITY) bBest[k] = ACRONYM_SIMILARITY;
    }
  }
  return found;
}

/** The bound of the token alignment and the name-level lifts, from exact or upper-bound token similarities. */
function alignmentBound(
  index: ScreeningIndex,
  query: PreparedQuery,
  name: IndexedName,
  cache: SimilarityCache,
  allow: BoundAllowances,
  floor: number,
): number {
  const qt = query.name.tokens;
  const ct = name.normalized.tokens;
  const ids = name.tokenIds;
  const qn = qt.length;
  const cn = ids.length;
  const vowelless = !!query.name.vowelless && allow.joinedWords;
  if (qBest.length < qn) {
    qBest = new Float64Array(qn * 2);
    qDrop = new Uint8Array(qn * 2);
  }
  if (cBest.length < cn) {
    cBest = new Float64Array(cn * 2);
    cWeights = new Float64Array(cn * 2);
    cDrop = new Uint8Array(cn * 2);
    cFlags = new Uint8Array(cn * 2);
  }
  qBest.fill(0, 0, qn);
  const align = query.align;
  align.ids = ids;
  align.tokens = ct;
  for (let j = 0; j < cn; j++) {
    const at = similaritiesOf(index, query, cache, ids[j]!, j);
    const v = cache.values;
    let best = 0;
    for (let i = 0; i < qn; i++) {
      const s = v[at + i]!;
      if (s <= 0) continue;
      const x = s + TIE_BREAK < 1 ? s + TIE_BREAK : 1;
      if (x > qBest[i]!) qBest[i] = x;
      if (x > best) best = x;
    }
    cBest[j] = best;
    cWeights[j] = v[at + qn]!;
    cFlags[j] = v[at + qn + 1]!;
  }
  const organisation = !query.syllabic && isOrganisationPair(query.name, name.normalized);
  const translations = index.compiled.translations;
  if (allow.translatedWords && organisation && translations.size > 0) {
    // A word left unpaired may be paired with a translation of it on the other side.
    for (let i = 0; i < qn; i++) {
      const group = translations.get(qt[i]!);
      if (group === undefined) continue;
      for (let j = 0; j < cn; j++)
        if (ct[j] !== qt[i] && translations.get(ct[j]!) === group) {
          qBest[i] = Math.max(qBest[i]!, TRANSLATION_SIMILARITY);
          cBest[j] = Math.max(cBest[j]!, TRANSLATION_SIMILARITY);
        }
    }
  }
  // An acronym may pair one word with a run of the other side's words (`acronymLift`).
  const acronyms =
    allow.acronyms &&
    organisation &&
    (acronymBound(qt, qBest, ct, cBest, index.compiled.genericOrgWords) |
      acronymBound(ct, cBest, qt, qBest, index.compiled.genericOrgWords)) !==
      0;
  if (vowelless) {
    // Only a word of an adjacent pair whose joined form has JOINED_MIN letters, facing a word
    // of that length on the other side, or such a word facing such a pair, can be paired so.
    const qPair = longPair(qt);
    const cPair = longPair(ct);
    const qLong = longWord(qt);
    const cLong = longWord(ct);
    for (let i = 0; i < qn; i++)
      if ((cLong && inLongPair(qt, i)) || (cPair && qt[i]!.length >= JOINED_MIN))
        qBest[i] = Math.max(qBest[i]!, JOINED_WORDS_SIMILARITY);
    for (let j = 0; j < cn; j++)
      if ((qLong && inLongPair(ct, j)) || (qPair && ct[j]!.length >= JOINED_MIN))
        cBest[j] = Math.max(cBest[j]!, JOINED_WORDS_SIMILARITY);
  }
  const weights = queryWeights(query);
  let qTotal = 0;
  let cTotal = 0;
  for (let i = 0; i < qn; i++) qTotal += weights[i]!;
  for (let j = 0; j < cn; j++) cTotal += cWeights[j]!;
  // At most min(qn, cn) pairs, one word of each side per pair (not so when compounds are paired).
  const pairs = vowelless || acronyms ? Math.max(qn, cn) : Math.min(qn, cn);
  const qTop = qTotal > 0 ? Math.min(1, weightedTop(qBest, weights, qn, pairs) / qTotal) : 0;
  const cTop = cTotal > 0 ? Math.min(1, weightedTop(cBest, cWeights, cn, pairs) / cTotal) : 0;
  let qCover = qTop;
  let cCover = cTop;
  if (allow.droppedWords) {
    const generic =
      organisation && (vowelless || mayLiftGenericWords(qt, ct, cn, index.compiled.genericOrgWords))
        ? index.compiled.genericOrgWords
        : undefined;
    let qDroppable = 0;
    let cDroppable = 0;
    for (let i = 0; i < qn; i++) {
      qDrop[i] = droppable(qt[i]!, generic) ? 1 : 0;
      if (qDrop[i]) qDroppable += weights[i]!;
    }
    const dropFlags = generic ? ARTICLE | GENERIC : ARTICLE;
    for (let j = 0; j < cn; j++) {
      cDrop[j] = cFlags[j]! & dropFlags ? 1 : 0;
      if (cDrop[j]) cDroppable += cWeights[j]!;
    }
    if (qDroppable > 0) {
      // Both bounds hold: the best pairs over a smaller total, and every set of words left out.
      const top = qTotal - qDroppable > 0 ? Math.min(1, (qTop * qTotal) / (qTotal - qDroppable)) : 1;
      qCover = Math.min(top, bestDroppedCoverage(qn, weights, qBest, qDrop));
    }
    if (cDroppable > 0) {
      const top = cTotal - cDroppable > 0 ? Math.min(1, (cTop * cTotal) / (cTotal - cDroppable)) : 1;
      cCover = Math.min(top, bestDroppedCoverage(cn, cWeights, cBest, cDrop));
    }
  }
  // A listed branch's qualifier may leave its coverage (`branchLift`): a listed name holding a
  // branch word (`hasBranchWord`), read from its tokens' flags rather than their spellings.
  if (allow.branchWords && organisation && anyFlag(cFlags, cn, BRANCH)) cCover = 1;
  const bound = coverageScore(qCover, cCover);
  // A contained listed name scores its coverage (less extra parts): only when shorter than the query.
  if (allow.contained && !query.syllabic && cn < qn && cCover > bound) return cCover;
  // A longer listed person name's middle names may be left out of its coverage (less one middle
  // name): only when every query word but one (the first given name's) can pair that close.
  // An article of the query may be left unpaired beside them (`middleNamesLift`): it is not a
  // loose pair, and the listed name need only be longer than the query's other words.
  if (allow.middleNames && !query.syllabic && !organisation && qn >= 2 && cn > qn - articlesOf(query)) {
    let loose = 0;
    let letters = 0;
    for (let i = 0; i < qn; i++) {
      if (qBest[i]! < MIDDLE_NAMES_MIN_PAIR && !ARTICLES.has(qt[i]!)) loose++;
      letters += qt[i]!.length;
    }
    // The lift is scaled by the query's rarity r (`middleNamesLift`): the score is at most
    // base·(1 − r) + coverageScore(qCover, 1)·r less one middle part, base at most `bound`.
    const rarity = letters > 0 ? Math.min(1, qTotal / letters) : 0;
    // Less one middle part for every two listed words left unpaired (a part is a word, or a
    // particle and its word: `unpairedParts`), up to MAX_MIDDLE_PARTS.
    const parts = Math.min(MAX_MIDDLE_PARTS, Math.ceil(Math.max(0, cn - qn) / 2));
    // The query's coverage with its articles left out, whether or not dropped words are allowed.
    const articleWeight = articleWeightOf(query);
    const middleCover =
      articleWeight === 0
        ? qCover
        : qTotal - articleWeight > 0
          ? Math.max(qCover, Math.min(1, (qTop * qTotal) / (qTotal - articleWeight)))
          : 1;
    const lifted =
      bound * (1 - rarity) +
      coverageScore(middleCover, 1) * rarity +
      FEATURE_WEIGHTS.omittedMiddleName * parts;
    // The lift's tests that read no alignment (`middleNamesMayLift`), only when they decide.
    if (loose <= 1 && lifted > bound && (lifted < floor || middleNamesMayLiftName(index, query, name)))
      return lifted;
  }
  return bound;
}

/** Whether any of the first `n` of `flags` holds `flag`. */
function anyFlag(flags: Uint8Array, n: number, flag: number): boolean {
  for (let j = 0; j < n; j++) if (flags[j]! & flag) return true;
  return false;
}

/**
 * How many of the query reading's words are articles (`ARTICLES`), and their weight: read for
 * every person name bounded, computed once per reading (its words and weights do not change).
 */
let articlesQuery: PreparedQuery | undefined;
let queryArticleCount = 0;
let queryArticleWeight = 0;

function readArticles(query: PreparedQuery): void {
  if (articlesQuery === query) return;
  articlesQuery = query;
  queryArticleCount = 0;
  queryArticleWeight = 0;
  const qt = query.name.tokens;
  for (let i = 0; i < qt.length; i++)
    if (ARTICLES.has(qt[i]!)) {
      queryArticleCount++;
      queryArticleWeight += query.weights[i]!;
    }
}

function articlesOf(query: PreparedQuery): number {
  readArticles(query);
  return queryArticleCount;
}

function articleWeightOf(query: PreparedQuery): number {
  readArticles(query);
  return queryArticleWeight;
}

/**
 * Whether `rejoinParticles(a, b)` rewrites `b`: decided by its own code, after a test of what
 * every rejoining needs at some adjacent pair `b[j]`, `b[j + 1]` whose joined length `n` a word
 * of `a` reaches within 2 letters:
 * - a particle run: `b[j]` a particle and either `b[j + 1]` one too (a longer run), or the pair
 *   spelt by a word of `a` (`a.includes`: a word of exactly `n` letters; `spelledAlike`: `n` of
 *   at least `MIN_ALIKE`);
 * - a compound (`joinsAsOneWord`): `n` and a word of `a` of at least `MIN_COMPOUND` letters
 *   each, within 2 of each other, the word starting with `b[j]`'s letter and being neither
 *   word, both words of 2 letters or more.
 * Exported for the property test that checks it against `rejoinParticles` on real names.
 */
export function mayRejoin(a: readonly string[], b: readonly string[]): boolean {
  return mayRejoinByLength(a, b) && rejoinParticles(a, b) !== undefined;
}

/** `mayRejoin`'s test before the call: whether some adjacent pair of `b` could be rejoined. */
function mayRejoinByLength(a: readonly string[], b: readonly string[]): boolean {
  const longest = longestWord(a);
  for (let j = 0; j + 1 < b.length; j++) if (mayRejoinAt(a, longest, b, j)) return true;
  return false;
}

function longestWord(a: readonly string[]): number {
  let longest = 0;
  for (const w of a) if (w.length > longest) longest = w.length;
  return longest;
}

/**
 * What every rejoining of `b` at `j` needs (`mayRejoinByLength`'s test at one pair; `longest`
 * the length of `a`'s longest word): `particleRunAt(a, b, j) > 0` or
 * `joinsAsOneWord(b[j], b[j + 1], a)` only where this holds.
 */
function mayRejoinAt(a: readonly string[], longest: number, b: readonly string[], j: number): boolean {
  const x = b[j]!;
  const y = b[j + 1]!;
  const n = x.length + y.length;
  if (n - 2 > longest) return false;
  if (NAME_PARTICLES.has(x) && (NAME_PARTICLES.has(y) || n >= MIN_ALIKE || hasLength(a, n))) return true;
  if (n >= MIN_COMPOUND && x.length >= 2 && y.length >= 2)
    for (const w of a)
      if (
        w.length >= MIN_COMPOUND &&
        Math.abs(w.length - n) <= 2 &&
        w.charCodeAt(0) === x.charCodeAt(0) &&
        w !== x &&
        w !== y
      )
        return true;
  return false;
}

/** A one-word list for `mayRejoinByLength([word], …)` (scratch, no array per word). */
const oneWord: string[] = [''];

/**
 * Per query reading, whether `rejoinParticles` rewrites the query for one index token, so that
 * names sharing words do not repeat it: `rejoinParticles(a, b)` rewrites `b` when at some `j`
 * a particle run (`particleRunAt`) or the pair `b[j] b[j + 1]` (`joinsAsOneWord`) is spelt
 * joined by a word of `a` (every `j` is tried until one is), and both tests hold for `a`
 * exactly when they hold for one of its words alone. So `rejoinParticles(name, query)`
 * rewrites the query exactly when `rejoinParticles([w], query)` does for a word `w` of the
 * name (memoised per token id); `rejoinParticles(query, name)` is decided by the same two
 * tests at each `j`, without the rewritten name.
 */
let rejoinQuery: PreparedQuery | undefined;
let rejoinIndex: ScreeningIndex | undefined;
/** The length of the current reading's longest word. */
let rejoinLongest = 0;
/** Per index token read for the current reading: where its answer is in `rejoinWord`. */
const rejoinSlots = new TokenSlots();
/** 1 when `rejoinParticles([token], query tokens)` rewrites the query. */
let rejoinWord = new Uint8Array(256);

/**
 * `mayRejoin(query tokens, name tokens) || mayRejoin(name tokens, query tokens)`, memoised per
 * token of the name for the query reading (exported for the property test that checks it).
 */
export function mayRejoinName(index: ScreeningIndex, query: PreparedQuery, name: IndexedName): boolean {
  if (rejoinQuery !== query || rejoinIndex !== index) {
    rejoinQuery = query;
    rejoinIndex = index;
    rejoinSlots.clear();
    rejoinLongest = longestWord(query.name.tokens);
  }
  const qt = query.name.tokens;
  const ct = name.normalized.tokens;
  // Each pair tested only where a rejoining there is possible (`mayRejoinAt`); a particle run
  // or a compound at the name's last word needs a word after it, so none starts there.
  const longest = rejoinLongest;
  for (let j = 0; j + 1 < ct.length; j++)
    if (
      mayRejoinAt(qt, longest, ct, j) &&
      (particleRunAt(qt, ct, j) > 0 || joinsAsOneWord(ct[j]!, ct[j + 1]!, qt))
    )
      return true;
  if (mayRejoinByLength(ct, qt)) {
    const ids = name.tokenIds;
    for (let j = 0; j < ids.length; j++) {
      let at = rejoinSlots.find(ids[j]!);
      if (at < 0) {
        at = rejoinSlots.add(ids[j]!, 1);
        if (at >= rejoinWord.length) {
          const grown = new Uint8Array(rejoinWord.length * 2);
          grown.set(rejoinWord);
          rejoinWord = grown;
        }
        // The word alone must reach some pair of the query by length first (`mayRejoin`).
        oneWord[0] = ct[j]!;
        rejoinWord[at] =
          mayRejoinByLength(oneWord, qt) && rejoinParticles([ct[j]!], qt) !== undefined ? 1 : 0;
      }
      if (rejoinWord[at]) return true;
    }
  }
  return false;
}

function hasLength(words: readonly string[], n: number): boolean {
  for (const w of words) if (w.length === n) return true;
  return false;
}

/**
 * An upper bound of `scoreIndexedName(index, query, name)`, cheaper than the score: the
 * alignment's coverages bounded by each word's best similarity on the other side (the same
 * memoised token comparisons the score makes, without the alignment, the name-level
 * features or the joined comparison), with an allowance for each lift (`BOUND_ALLOWANCES`).
 * Returns as soon as the bound reaches `floor`, so the costlier allowances (the joined and
 * original-script comparisons) are computed only for names that would otherwise be left out.
 * Penalties (initials, numbers, syllables) only lower a score and are not counted.
 */
export function nameScoreBound(
  index: ScreeningIndex,
  query: PreparedQuery,
  name: IndexedName,
  floor: number,
  allow: BoundAllowances = BOUND_ALLOWANCES,
): number {
  // The cheap similarity bounds first: most names are left out on them alone.
  let bound = alignmentBound(index, query, name, upperCache, allow, floor);
  if (bound >= floor) {
    bound = alignmentBound(index, query, name, exactCache, allow, floor);
    if (bound >= floor) return bound;
  }
  const qt = query.name.tokens;
  const ct = name.normalized.tokens;
  const qn = qt.length;
  const cn = ct.length;
  if (allow.rejoined && mayRejoinName(index, query, name)) return 1;
  if (allow.joined) {
    const a = query.joined;
    const b = name.joined;
    const n = Math.max(a.length, b.length);
    // compareJoined is 0 past 12 % of edits, and the length difference is edits at least
    // (except the abjad spelling split into words, which compareJoined checks itself).
    if (Math.abs(a.length - b.length) <= Math.floor(n * JOINED_MAX_EDITS) || cn === 1 || qn === 1) {
      const joined = compareJoined(qt, ct, a, b);
      if (joined > bound) bound = joined;
      if (bound >= floor) return bound;
    }
  }
  const q = query.name.originalTokens;
  const c = name.normalized.originalTokens;
  if (allow.originalScript && q && c) {
    // Its cheap upper bound first: when that stays under the floor (most names), it is the
    // allowance (an upper bound still, and under the floor as the alignment would be).
    const upper = originalScriptBound(index, query, q, c);
    const original = upper < floor ? upper : originalScriptScore(index, query, q, c);
    if (original > bound) bound = original;
  }
  return bound;
}

/** `originalScriptBound`'s scratch: each word's best similarity bound on the other side. */
let oqBest = new Float64Array(16);

/**
 * An upper bound of `originalScriptScore(index, query, q, c)` without the alignment or the
 * exact comparisons: the alignment pairs words one to one at their `compareTokenFacts`
 * similarity (plus its 1e-6 tie-break, at most 1), each at most the pair's
 * `tokenSimilarityUpperBound` (no vowel-less reading there), and weighs a pair at most by each
 * word's own length (less for an initial), so each side's coverage is at most the
 * length-weighted mean of its words' best bounds on the other side; `coverageScore` rises with
 * both. Exported for the property test that checks it against the score on real names.
 */
export function originalScriptBound(
  index: ScreeningIndex,
  query: PreparedQuery,
  q: readonly string[],
  c: readonly string[],
): number {
  const qf = (query.originalFacts ??= q.map((t) => index.factsOf(t)));
  const qn = q.length;
  const cn = c.length;
  if (oqBest.length < qn) oqBest = new Float64Array(qn * 2);
  oqBest.fill(0, 0, qn);
  let cTotal = 0;
  let cMatched = 0;
  for (let j = 0; j < cn; j++) {
    const facts = index.factsOf(c[j]!);
    let best = 0;
    for (let i = 0; i < qn; i++) {
      const s = tokenSimilarityUpperBound(qf[i]!, facts, false);
      if (s <= 0) continue;
      const x = s + TIE_BREAK < 1 ? s + TIE_BREAK : 1;
      if (x > oqBest[i]!) oqBest[i] = x;
      if (x > best) best = x;
    }
    const w = c[j]!.length;
    cTotal += w;
    cMatched += w * best;
  }
  let qTotal = 0;
  let qMatched = 0;
  for (let i = 0; i < qn; i++) {
    const w = q[i]!.length;
    qTotal += w;
    qMatched += w * oqBest[i]!;
  }
  const qCover = qTotal > 0 ? Math.min(1, qMatched / qTotal) : 0;
  const cCover = cTotal > 0 ? Math.min(1, cMatched / cTotal) : 0;
  return coverageScore(qCover, cCover);
}

/**
 * A bound of the score `partyWordsScore` gives a party (entry `entryId`) above its names' own
 * scores: the score itself, when the allowance is in force and the query can be read across
 * names; else 0. A party none of whose names reaches the floor is scored when this does.
 */
export function partyWordsBound(
  index: ScreeningIndex,
  query: PreparedQuery,
  entryId: number,
  allow: BoundAllowances = BOUND_ALLOWANCES,
): number {
  if (!allow.partyWords || !mayReadAcrossNames(index, query)) return 0;
  const entry = index.entry(entryId);
  return entry ? (partyWordsScore(index, query, entry.names)?.score ?? 0) : 0;
}
