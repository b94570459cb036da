import { DomainError } from '../errors.ts';
import type { PartySchema } from '../model/party.ts';
import { primaryName } from '../model/party.ts';
import { commaSeparatedNames, slashSeparatedNames } from './comma-names.ts';
import {
  candidateSearchPlan,
  findCandidateNames,
  findRestrictedCandidateNames,
  type CandidateCut,
  type SearchPlan,
} from './find-candidates.ts';
import { RESTRICTED_SEARCH_MAX_PARTIES, restrictedPostingsFor } from './restricted-postings.ts';
import { resolveTranscription } from './resolve-transcription.ts';
import { arabicReading } from './arabic-reading.ts';
import { namePartsOf } from './name-parts.ts';
import { normalizeName, type NormalizedName } from './normalize-name.ts';
import { normalizeIdentifier } from './normalize-identifier.ts';
import { ofacNameScore } from './ofac-name-score.ts';
import {
  FEATURE_WEIGHTS,
  featureTerm,
  isFeatureListed,
  scoreOfTerms,
  type ScoreTerm,
} from './feature-table.ts';
import { legalKindsConflict } from './legal-form-kinds.ts';
import { hasSyllables, syllableConflicts, syllableConflictTerm } from './syllable-conflicts.ts';
import {
  compareBirthDates,
  compareCountries,
  compareIdentifiers,
  compareSchemas,
  explainNameComparison,
} from './score-features.ts';
import type { IndexedEntry, ScreeningIndex } from './screening-index.ts';
import {
  explainIndexedName,
  prepareQuery,
  scoreIndexedName,
  type PreparedQuery,
} from './score-indexed-name.ts';
import { nameScoreBound, partyWordsBound } from './name-score-bound.ts';
import { mayReadAcrossNames, partyWordsScore, PARTY_WORDS_CAP, type PartyWords } from './party-words.ts';
import { reachesFloorAt } from './same-name-bounds.ts';
import { indexTokenWeight, nameCommonness } from './token-weight.ts';
import type { TokenWeight } from './compare-names.ts';
import { wadeGilesToPinyin } from './wade-giles.ts';

/** Who to screen: a name, and whatever else is known. */
export interface ScreeningQuery {
  name: string;
  schema?: PartySchema;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string;
  /** Passport, IMO, LEI… numbers; an exact match is decisive. */
  identifiers?: string[];
  /** Only screen against these sources. */
  sources?: string[];
}

/** How to screen. */
export interface ScreeningOptions {
  /** Maximum matches returned (default 10). */
  limit?: number;
  /** Minimum score in [0,1] (default `DEFAULT_SCREENING_THRESHOLD`, or 0.8 for `ofac`). */
  threshold?: number;
  /** `entente` (default): explained multi-feature score; `ofac`: OFAC Sanctions List Search's score. */
  algorithm?: 'entente' | 'ofac';
  /**
   * Only score these listed parties (entity ids). The whole index still retrieves the
   * candidates and weighs the tokens, so a match is exactly the one an unrestricted
   * screening gives for that party; only the `limit` counts the restricted matches alone.
   */
  entities?: ReadonlySet<string>;
  /**
   * Most candidate names scored per query name (`entente` only; an integer in
   * 1..`CANDIDATE_CAP`, default `DEFAULT_CANDIDATE_CAP`): the best by the share of the
   * query they explain and the share of their own words the query reaches (an estimate of
   * both sides of the name score, `findCandidateNames`). Names beyond it that could reach the
   * threshold are counted in `ScreeningOutcome.unscored`, so that a caller can say so and
   * screen again with more.
   */
  candidateCap?: number;
}

/** The matches of one screening, and whether the candidate cap left names unscored. */
export interface ScreeningOutcome {
  matches: ScreeningMatch[];
  /**
   * Candidate names beyond `candidateCap` that could reach the threshold and were not scored:
   * of the names the retrieval found past the cap, those not ruled out by the name-score
   * bound (`nameScoreBound` against `nameScoreFloor`, the test a scored name passes). They
   * are bounded in the retrieval's order: when some of the first cap's worth could reach the
   * threshold, the count stops there (`unscoredAtLeast`: there may be more); when none of
   * them could, up to four times the cap (and at least `CANDIDATE_CAP`) are bounded and the rest
   * counted as not ruled out
   * (so the count is then never too low). Exact when no more than the cap are left; for a
   * query with identifiers, every name past the cap. The most over the query's readings.
   */
  unscored: number;
  /**
   * Whether more than `unscored` names may have been left: the cap stopped the search early,
   * or the count stopped once it had found names that could reach the threshold.
   */
  unscoredAtLeast: boolean;
}

/**
 * What a single screening tells its user when the cap left names unscored (`ScreeningOutcome`),
 * without the way to score them, which each surface words (a CLI option, an API field, a button).
 *
 * @example
 * unscoredNote(312, false); // "312 more candidate names could reach the threshold and were not scored"
 */
export function unscoredNote(unscored: number, atLeast: boolean): string {
  return `${atLeast ? 'At least ' : ''}${unscored} more candidate names could reach the threshold and were not scored`;
}

/** One listed party that matches the query, with the score and why. */
export interface ScreeningMatch {
  source: string;
  sourceId: string;
  entityId: string;
  /** The listed primary name. */
  name: string;
  /** The listed name or alias that matched best. */
  matchedName: string;
  score: number;
  /** Named feature values (name similarity and each adjustment). */
  features: Record<string, number>;
  explanation: string[];
  programs: string[];
  schema: PartySchema;
  versionId?: number;
}

/**
 * Default threshold of the `entente` algorithm, calibrated on the evaluation
 * data (bench/eval-screening.ts): recall ≥ 0.98 on the UN altered-spelling
 * pairs at a false-positive rate ≤ 1 % on 2,000 invented persons.
 */
export const DEFAULT_SCREENING_THRESHOLD = 0.86;

/** Default threshold of the `ofac` algorithm (OFAC users commonly screen at 80). */
export const DEFAULT_OFAC_THRESHOLD = 0.8;

/**
 * Largest `candidateCap` accepted. Every name whose bound can reach the threshold is scored
 * up to the cap; at 10,000 it does not bind on the mirror's eval sets (most passing 9,928).
 */
export const CANDIDATE_CAP = 10_000;

/**
 * Default `candidateCap`: the best 150 candidate names by bound, the engine's cost and results
 * before 2026-12-04, now with the rest reported (`ScreeningOutcome.unscored`) rather than
 * dropped silently. Scoring every name costs about x2 CPU on the mirror and x7 at 1M parties
 * (decision note 2026-12-04-candidate-cut.md, "Adopted"); with the name-score bound, x1.6-2.4
 * (2026-12-04-name-score-bound.md): not yet today's cost, so the default stays.
 */
export const DEFAULT_CANDIDATE_CAP = 150;

/**
 * Candidate names the `ofac` algorithm scores: the best by the share of the query they
 * explain (its threshold gives no bound). Unchanged, so that its results stay OFAC's.
 */
const OFAC_CANDIDATE_LIMIT = 600;

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * How many names beyond the cap `screenPartyOutcome` bounds to count those that could reach the
 * threshold (`ScreeningOutcome.unscored`) when none of the first cap's worth can (`countBeyond`):
 * UNSCORED_BOUNDED times the cap, and at least UNSCORED_BOUNDED_NAMES; the names past that are
 * counted unbounded, so that a query retrieving tens of thousands (a common name over 1,000,000
 * parties) pays a bounded cost for its note. Until 2026-12-06 it was four times the cap alone (600
 * names at the default cap): a family name listed many times ("Aisha Muammar el Qaddafi": 1,498
 * names beyond the cap, none of which could reach the threshold) was told that 898 could.
 */
const UNSCORED_BOUNDED = 4;

/**
 * Fewest names beyond the cap bounded for the note (`UNSCORED_BOUNDED`): the largest cap, the
 * most a user can be told to score, so that on the mirror a note counts no name unbounded
 * (bounding a name costs a few microseconds, a note's worst case some tens of milliseconds).
 */
const UNSCORED_BOUNDED_NAMES = CANDIDATE_CAP;

/** Most that birth date and country can add to a name score. */
const MAX_BONUS = FEATURE_WEIGHTS.birthDateMatch + FEATURE_WEIGHTS.countryMatch;

/** Commonness below which a conflict on the name weighs only its own weight. */
const MIN_COMMONNESS = 0.05;

/** Allowance for the rare token pairs the index does not expand (three edits in a long word's first letters). */
const BOUND_MARGIN = 0.03;

/**
 * Below the threshold by this much a party's score still rounds up to it (`toMatch` rounds
 * to three decimals), with room for the floating-point sums of the bound.
 */
const ROUNDING = 0.0005 + 1e-9;

/**
 * The least name score a candidate name must be able to reach (`nameScoreBound`) to be
 * scored: the threshold less the bonuses this query can earn (birth date and country
 * agree only when the query gives them; every other term of `scoreEntente` lowers the
 * score or, the identifier, is handled apart) and the rounding of the party's score.
 */
export function nameScoreFloor(
  query: Pick<ScreeningQuery, 'birthDate' | 'country'>,
  threshold: number,
): number {
  const bonus =
    (query.birthDate ? FEATURE_WEIGHTS.birthDateMatch : 0) +
    (query.country ? FEATURE_WEIGHTS.countryMatch : 0);
  return threshold - bonus - ROUNDING;
}

/**
 * How far below the threshold a candidate's name score may be and still be scored: every
 * bonus the other features can add (`maxBonus`) and the bound's allowance (`margin`).
 */
export const CANDIDATE_FLOOR = { maxBonus: MAX_BONUS, margin: BOUND_MARGIN } as const;

/**
 * One party's `entente` match for a prepared query over the names given (undefined when it is
 * left out before its explanation: below `threshold` whatever its other terms say). The caller
 * keeps it only at or above the threshold. Exported for the property test that checks the early
 * leaving-out against the match at threshold 0.
 */
export function scoreEntente(
  index: ScreeningIndex,
  query: ScreeningQuery,
  entry: IndexedEntry,
  nameIds: number[],
  prepared: PreparedQuery,
  threshold: number,
): ScreeningMatch | undefined {
  const queryName = prepared.name;
  let bestId = -1;
  let bestScore = -Infinity;
  let bestRaw = 0;
  for (const nameId of nameIds) {
    const name = index.name(nameId);
    if (!name) continue;
    const raw = scoreIndexedName(index, prepared, name);
    const s = raw + (name.quality === 'weak' ? FEATURE_WEIGHTS.weakAlias : 0);
    if (s > bestScore) {
      bestScore = s;
      bestRaw = raw;
      bestId = nameId;
    }
  }
  // Two of the party's names may spell the query's words between them, none alone.
  const across = bestRaw < PARTY_WORDS_CAP ? partyWordsScore(index, prepared, entry.names) : undefined;
  const lift = across && across.score > bestScore ? across.score - bestScore : 0;
  // Below the threshold whatever the other features say: skip the explanations. Only the
  // birth date and country this query gives can raise a score above its name score (the
  // best name's, or the lift across two names; every other term lowers it; the name's own
  // terms add up to `bestRaw` below 1, within 1e-9), and a score that far below rounds below
  // the threshold (`nameScoreFloor`).
  const nameBound = Math.max(bestRaw, bestScore + lift);
  if (nameBound < nameScoreFloor(query, threshold) && !query.identifiers?.length) return undefined;
  const party = entry.party;
  const matched = bestId >= 0 ? index.name(bestId) : undefined;
  // The terms of the score that are known before the explanation, as this party has them: its
  // birth date, country and kind of party, the extra weight of a conflict on a common name, a
  // legal form that differs, syllables that differ in the query's script. With them the score
  // is bounded as tightly as its name allows: the explanation's own terms add up to `bestRaw`
  // below 1 (within 1e-9), so the name's share is the best name's score with its weak-alias
  // term and the lift across two names (`bestScore + lift`). Not for a best name scored 1, whose
  // own terms may add up to more before the clamp.
  const birth = compareBirthDates(query.birthDate, party.birthDates);
  const country = compareCountries(query.country, party);
  const schema = compareSchemas(query.schema, party.schema);
  // Their values only: the terms' explanations are written for the parties explained.
  const conflicts =
    (birth?.feature === 'birthDateConflict' ? 1 : 0) + (country?.feature === 'countryConflict' ? 1 : 0);
  const commonness = matched && conflicts ? nameCommonness(index, matched) : 0;
  const sameLegalForm = matched && legalFormsAgree(queryName, matched.normalized);
  const otherKind =
    matched !== undefined &&
    sameLegalForm === false &&
    legalKindsConflict(queryName.legalForms, matched.normalized.legalForms);
  // A query in Hangul or kana that matched a Latin name of a party whose own spelling in
  // that script differs: the romanisation hid the different syllables.
  const own =
    matched && queryName.originalTokens && !matched.normalized.originalTokens
      ? closestSyllabicSpelling(index, entry, queryName.originalTokens)
      : undefined;
  const syllables =
    own && queryName.originalTokens && syllableConflictTerm(queryName.originalTokens, own.tokens, own.differ);
  if (
    bestRaw < 1 &&
    !query.identifiers?.length &&
    Math.max(
      0,
      (matched ? bestScore + lift : nameBound) +
        (birth?.value ?? 0) +
        (country?.value ?? 0) +
        (commonness >= MIN_COMMONNESS ? FEATURE_WEIGHTS.commonNameConflict * (commonness * conflicts) : 0) +
        (schema?.value ?? 0) +
        (sameLegalForm === false ? FEATURE_WEIGHTS.legalFormConflict : 0) +
        (otherKind ? FEATURE_WEIGHTS.legalKindConflict : 0) +
        (syllables?.value ?? 0),
    ) <
      threshold - ROUNDING
  )
    return undefined;
  const best = matched ? explainIndexedName(index, prepared, matched) : undefined;
  const terms: ScoreTerm[] = [];
  const notes: string[] = [];
  if (best && matched) {
    if (queryName.via) notes.push(queryName.via);
    terms.push({
      feature: 'nameSimilarity',
      value: best.baseScore,
      explanation: explainNameComparison(best, matched.text),
    });
    terms.push(...best.terms);
    const phonetic = best.pairs.filter((p) => p.kind === 'phonetic').length;
    if (phonetic) notes.push(`${phonetic} word(s) agree by sound only`);
    if (syllables) terms.push(syllables);
  }
  if (matched?.quality === 'weak')
    terms.push(featureTerm('weakAlias', `"${matched.text}" is a weak (low-quality) alias`));
  if (across && lift > 0) terms.push(partyWordsTerm(index, across, lift));
  if (birth) terms.push(birth);
  if (country) terms.push(country);
  if (matched && commonness >= MIN_COMMONNESS)
    terms.push(
      featureTerm(
        'commonNameConflict',
        `"${matched.text}" is a common name (commonness ${commonness.toFixed(2)}): the conflict weighs more`,
        commonness * conflicts,
      ),
    );
  if (schema) terms.push(schema);
  if (matched && sameLegalForm !== undefined)
    terms.push(legalFormTerm(queryName, matched.normalized, sameLegalForm));
  if (otherKind)
    terms.push(
      featureTerm(
        'legalKindConflict',
        `a non-profit body's legal form on one side and a company's on the other: two bodies sharing a name`,
      ),
    );
  const id = compareIdentifiers(query.identifiers, party);
  if (id) {
    // An exact identifier is decisive: its term lifts the sum to the feature's weight.
    const sum = terms.reduce((acc, t) => acc + t.value, 0);
    terms.push({ ...id, value: Math.max(0, id.value - sum) });
  }
  const features: Record<string, number> = {};
  // Each term that moved the score (`isFeatureListed`); every term's reason stays in the explanation.
  for (const t of terms)
    if (isFeatureListed(t.feature, t.value))
      features[t.feature] = round((features[t.feature] ?? 0) + t.value);
  return toMatch(entry, matched?.text ?? primaryName(party), scoreOfTerms(terms), features, [
    ...notes.slice(0, queryName.via ? 1 : 0),
    ...terms.map((t) => t.explanation),
    ...notes.slice(queryName.via ? 1 : 0),
  ]);
}

/**
 * Adds to `byEntry` (with every name: an empty list) the parties of the pruned candidate names
 * `pruned` that are not there yet and whose `partyWordsBound` reaches `floor`.
 */
function addPartiesAcrossNames(
  index: ScreeningIndex,
  prepared: PreparedQuery,
  pruned: readonly number[],
  byEntry: Map<number, number[]>,
  floor: number,
): void {
  const seen = new Set<number>();
  for (const nameId of pruned) {
    const entryId = index.nameEntry(nameId);
    if (byEntry.has(entryId) || seen.has(entryId)) continue;
    seen.add(entryId);
    if (partyWordsBound(index, prepared, entryId) >= floor) byEntry.set(entryId, []);
  }
}

/**
 * Whether the query's and the listed name's legal forms agree (share one), when both carry one;
 * undefined otherwise.
 */
function legalFormsAgree(queryName: NormalizedName, listed: NormalizedName): boolean | undefined {
  if (!queryName.legalForms.length || !listed.legalForms.length) return undefined;
  return queryName.legalForms.some((f) => listed.legalForms.includes(f));
}

/**
 * The `legalFormConflict` term of two names that both carry legal forms: nothing when they
 * share one (legal forms never make a match alone), its weight when they differ.
 */
function legalFormTerm(queryName: NormalizedName, listed: NormalizedName, same: boolean): ScoreTerm {
  return same
    ? featureTerm(
        'legalFormConflict',
        `same legal form (${queryName.legalForms.join(', ')}); legal forms never make a match alone`,
        0,
      )
    : featureTerm(
        'legalFormConflict',
        `legal forms differ (${queryName.legalForms.join(', ')} vs ${listed.legalForms.join(', ')})`,
      );
}

/** The `partyWords` term: the lift to the score of the two names that spell the query's words. */
function partyWordsTerm(index: ScreeningIndex, across: PartyWords, lift: number): ScoreTerm {
  const a = index.name(across.first)?.text ?? '';
  const b = index.name(across.second)?.text ?? '';
  return featureTerm(
    'partyWords',
    `the query's ${across.words} distinctive words are spelled by "${a}" and "${b}" together (${across.score.toFixed(2)})`,
    lift,
  );
}

/** The party's name in the query's syllabic script that differs least from it, if it differs. */
function closestSyllabicSpelling(
  index: ScreeningIndex,
  entry: IndexedEntry,
  query: string[],
): { tokens: string[]; differ: number } | undefined {
  let best: { tokens: string[]; differ: number } | undefined;
  for (const nameId of entry.names) {
    const tokens = index.name(nameId)?.normalized.originalTokens;
    if (!tokens) continue;
    const differ = syllableConflicts(query, tokens);
    // A spelling whose syllables agree (or share no close word) says the romanisation hid nothing.
    if (differ === 0 && (query.join('') === tokens.join('') || hasSyllables(tokens))) return undefined;
    if (differ > 0 && (!best || differ < best.differ)) best = { tokens, differ };
  }
  return best;
}

function scoreOfac(index: ScreeningIndex, query: ScreeningQuery, entry: IndexedEntry): ScreeningMatch {
  let best = { score: -1, fullString: 0, nameParts: 0 };
  let matchedName = primaryName(entry.party);
  for (const nameId of entry.names) {
    const name = index.name(nameId);
    if (!name) continue;
    const s = ofacNameScore(query.name, name.text);
    if (s.score > best.score) {
      best = s;
      matchedName = name.text;
    }
  }
  const score = Math.max(0, best.score);
  const features = { ofacFullString: round(best.fullString), ofacNameParts: round(best.nameParts) };
  const explanation = [
    `OFAC-compatible score ${Math.round(score * 100)} for "${matchedName}": the higher of whole-name Jaro-Winkler (${Math.round(best.fullString * 100)}) and mean best name-part Jaro-Winkler (${Math.round(best.nameParts * 100)})`,
  ];
  return toMatch(entry, matchedName, score, features, explanation);
}

function toMatch(
  entry: IndexedEntry,
  matchedName: string,
  score: number,
  features: Record<string, number>,
  explanation: string[],
): ScreeningMatch {
  const party = entry.party;
  const match: ScreeningMatch = {
    source: party.source,
    sourceId: party.sourceId,
    entityId: entry.entityId,
    name: primaryName(party),
    matchedName,
    score: round(score),
    features,
    explanation,
    programs: party.programs,
    schema: party.schema,
  };
  if (entry.versionId !== undefined) match.versionId = entry.versionId;
  return match;
}

/**
 * The names an `entente` screening of `query` is screened under (`queryName`, its normalised
 * name, first): a Han-character name's Korean and Japanese readings, the lists' Latin spellings
 * of a transcribed foreign name, the parts of a packed or bracketed name, an Arabic-script
 * name's vowelled reading, a Wade–Giles name's pinyin. The best variant counts.
 */
export function queryVariants(
  index: ScreeningIndex,
  query: ScreeningQuery,
  queryName: NormalizedName,
): NormalizedName[] {
  // A Han-character name is also screened under its Korean and Japanese readings; the best reading counts.
  const variants: NormalizedName[] = [queryName];
  for (const tokens of queryName.readings ?? [])
    variants.push({
      text: queryName.text,
      tokens,
      legalForms: queryName.legalForms,
      titles: queryName.titles,
      via: `Han characters read as "${tokens.join(' ')}"`,
    });
  // A foreign name transcribed into Hangul, katakana, Chinese, Burmese or Greek is also
  // screened under the Latin spellings of its words that the lists hold.
  for (const spelled of resolveTranscription(index, queryName.text)) {
    const reading = normalizeName(spelled, index.reference, query.schema);
    if (reading.tokens.join(' ') !== queryName.tokens.join(' '))
      variants.push({
        ...reading,
        text: queryName.text,
        readings: undefined,
        originalTokens: queryName.originalTokens,
        via: `transcribed foreign name read as "${reading.tokens.join(' ')}"`,
      });
  }
  // A query that packs several names ("A; B", or spellings of one name "A B, A C" or "A B / A C")
  // or qualifies one in brackets ("A (ACR)") is also screened under each name, outside the brackets.
  const text = query.name ?? '';
  for (const part of [
    ...namePartsOf(text, false),
    ...commaSeparatedNames(text),
    ...slashSeparatedNames(text),
  ]) {
    const name = normalizeName(part, index.reference, query.schema);
    if (name.tokens.length > 0)
      variants.push({ ...name, text: queryName.text, via: `the query's part "${part}"` });
  }
  // A name in the Arabic script is also screened under a reading with the vowels it writes.
  const arabic = arabicReading(queryName.text);
  if (arabic) {
    const reading = normalizeName(arabic, index.reference, query.schema);
    if (reading.tokens.join(' ') !== queryName.tokens.join(' '))
      variants.push({
        ...reading,
        text: queryName.text,
        originalTokens: queryName.originalTokens,
        vowelless: true,
        via: `Arabic script read as "${arabic}"`,
      });
  }
  // A Chinese name in Wade–Giles is also screened in pinyin.
  const pinyin = wadeGilesToPinyin(queryName.text);
  if (pinyin)
    variants.push({
      ...normalizeName(pinyin, index.reference, query.schema),
      text: queryName.text,
      via: `Wade–Giles read as pinyin "${pinyin}"`,
    });
  return variants;
}

/**
 * A query's variants (`queryVariants`) and each one prepared (`prepareQuery`) against an index
 * as it stands, kept per query object for as long as the index is not changed (`changes`): a
 * monitoring delta bounds a counterparty's names against the changed listed names
 * (`mayMatchNames`, its forward search) and then screens the same query objects against them
 * (`screenParty`), and each did both again. Both depend on the index (its token weights and
 * facts, the Latin spellings it holds) and on the query alone otherwise. The memo is kept per
 * index (weakly: a replaced index is not held by it) and dropped whole when that index changes,
 * so that it never holds more than one state's preparations of an index. A query object must not
 * be changed once screened.
 */
interface PreparedVariants {
  variants: NormalizedName[];
  prepared: PreparedQuery[];
}
const preparedMemos = new WeakMap<
  ScreeningIndex,
  { changes: number; memo: WeakMap<ScreeningQuery, PreparedVariants> }
>();

function preparedVariants(
  index: ScreeningIndex,
  query: ScreeningQuery,
  normalized?: NormalizedName,
): PreparedVariants {
  let at = preparedMemos.get(index);
  if (at?.changes !== index.changes) {
    at = { changes: index.changes, memo: new WeakMap() };
    preparedMemos.set(index, at);
  }
  const preparedMemo = at.memo;
  let kept = preparedMemo.get(query);
  if (!kept) {
    const weight = indexTokenWeight(index);
    const queryName = normalized ?? normalizeName(query.name ?? '', index.reference, query.schema);
    const variants = queryVariants(index, query, queryName);
    kept = { variants, prepared: variants.map((v) => prepareQuery(index, v, weight)) };
    preparedMemo.set(query, kept);
  }
  return kept;
}

/**
 * Per entry id, 1 for the entry of a party in `entities` (`ScreeningOptions.entities`), kept per
 * set while the index is unchanged: the candidate names of a screening restricted to a few
 * parties are tested by their entry rather than by looking their entity id up in the set.
 */
const entityMasks = new WeakMap<
  ReadonlySet<string>,
  { index: ScreeningIndex; changes: number; size: number; mask: Uint8Array }
>();

function entityMask(index: ScreeningIndex, entities: ReadonlySet<string>): Uint8Array {
  const kept = entityMasks.get(entities);
  if (kept && kept.index === index && kept.changes === index.changes && kept.size === entities.size)
    return kept.mask;
  const ids: number[] = [];
  for (const entityId of entities) {
    const id = index.entryIdOf(entityId);
    if (id !== undefined) ids.push(id);
  }
  let top = -1;
  for (const id of ids) if (id > top) top = id;
  const mask = new Uint8Array(top + 1);
  for (const id of ids) mask[id] = 1;
  entityMasks.set(entities, { index, changes: index.changes, size: entities.size, mask });
  return mask;
}

/**
 * Whether an `entente` screening of `query` at `threshold` can match a listed party on one of
 * the names `nameIds` (of `index`), or on an identifier of their parties: `screenPartyOutcome`
 * scores a candidate name only when its name-score bound (`nameScoreBound`) reaches
 * `nameScoreFloor` on one of the query's variants (`queryVariants`), and a party matches on its
 * best scored name (a query with identifiers scores every candidate name, but without a shared
 * identifier its score has the same floor). False proves that no screening of `query` matches
 * on these names, whatever the candidate retrieval; true does not say that one does.
 */
export function mayMatchNames(
  index: ScreeningIndex,
  query: ScreeningQuery,
  nameIds: readonly number[],
  threshold = DEFAULT_SCREENING_THRESHOLD,
  /** `normalizeName` of the query's name over this index's reference, when the caller kept it. */
  normalized?: NormalizedName,
): boolean {
  if (nameIds.length === 0) return false;
  if (query.identifiers?.length)
    for (const id of nameIds) {
      const entry = index.entry(index.nameEntry(id));
      if (entry && compareIdentifiers(query.identifiers, entry.party)) return true;
    }
  const floor = nameScoreFloor(query, threshold);
  for (const prepared of preparedVariants(index, query, normalized).prepared) {
    for (const id of nameIds) {
      const name = index.name(id);
      if (name && nameScoreBound(index, prepared, name, floor) >= floor) return true;
    }
    if (mayReadAcrossNames(index, prepared))
      for (const entryId of new Set(nameIds.map((id) => index.nameEntry(id))))
        if (partyWordsBound(index, prepared, entryId) >= floor) return true;
  }
  return false;
}

/**
 * Whether a screening scores candidate name `nameId`: of a party in `entities` (when given),
 * and, when `bounded`, with a name-score bound that reaches `floor`.
 */
function wouldScore(
  index: ScreeningIndex,
  nameId: number,
  prepared: PreparedQuery,
  bounded: boolean,
  floor: number,
  entities: Uint8Array | undefined,
): boolean {
  // A live name's entry is its party's current entry (`entryIdOf`); a removed name's is −1.
  if (entities && entities[index.nameEntry(nameId)] !== 1) return false;
  // A removed name is not scored; the name is made only when its bound is not yet known.
  return index.nameEntry(nameId) >= 0 && (!bounded || reachesFloorAt(index, prepared, nameId, floor));
}

/** Keeps at the front of `nameIds` (returning how many) the names a screening scores (`wouldScore`). */
function keptNames(
  index: ScreeningIndex,
  nameIds: number[],
  prepared: PreparedQuery,
  bounded: boolean,
  floor: number,
  entities: Uint8Array | undefined,
): number {
  let kept = 0;
  for (const nameId of nameIds)
    if (wouldScore(index, nameId, prepared, bounded, floor, entities)) nameIds[kept++] = nameId;
  return kept;
}

/**
 * How many of the names beyond the cap (`beyond`, in the retrieval's order) could reach the
 * threshold, as `keptNames` keeps names, bounding no more than the note needs: once the cap's
 * worth of them are bounded and one or more could reach it, the count stops there and says
 * "at least" (it is then never above the exact count); when none of those could, up to
 * UNSCORED_BOUNDED times the cap (UNSCORED_BOUNDED_NAMES at least) are bounded, and the names
 * past that are counted as not ruled out (never below the exact count). Exact when no more than
 * the cap are beyond it, or none of the first cap's worth could and no more than that budget are.
 */
function countBeyond(
  index: ScreeningIndex,
  beyond: number[],
  prepared: PreparedQuery,
  bounded: boolean,
  floor: number,
  entities: Uint8Array | undefined,
  cap: number,
): { unscored: number; atLeast: boolean } {
  const budget = Math.max(UNSCORED_BOUNDED * cap, UNSCORED_BOUNDED_NAMES);
  let unscored = 0;
  for (let c = 0; c < beyond.length; c++) {
    if (c >= budget) return { unscored: unscored + beyond.length - c, atLeast: false };
    if (c >= cap && unscored > 0) return { unscored, atLeast: true };
    if (wouldScore(index, beyond[c]!, prepared, bounded, floor, entities)) unscored++;
  }
  return { unscored, atLeast: false };
}

/**
 * The candidate names of an `entente` screening of `variant` restricted to the parties whose
 * names `postings` holds (`restrictedPostingsFor`; `entities` their entry mask), found among
 * those names alone, when that gives what the whole index's search would give after
 * `wouldScore`, `addPartiesAcrossNames` and `scoreEntente`: when that search cannot have met its
 * cap (the same names in the same order), or when no party of the names found can reach the
 * threshold on them (the whole search finds some of them, so none on those it finds; none
 * then). Undefined otherwise (a match, which only the whole search's cap can say is kept): the
 * caller searches the whole index.
 */
function restrictedCandidates(
  index: ScreeningIndex,
  query: ScreeningQuery,
  threshold: number,
  variant: NormalizedName,
  weight: TokenWeight,
  limit: number,
  minNameScore: number,
  prepared: PreparedQuery,
  nameFloor: number,
  bounded: boolean,
  entities: Uint8Array,
  postings: ReadonlyMap<number, Int32Array>,
  plan: SearchPlan,
): number[] | undefined {
  const found = findRestrictedCandidateNames(
    index,
    variant,
    weight,
    limit,
    0.2,
    minNameScore,
    postings,
    plan,
  );
  if (!found) return undefined;
  if (found.uncapped) return found.names;
  // The whole search returns some of these names (which ones, the cap decides). A query with
  // identifiers scores every name it is given. Otherwise a party is scored on the names of it
  // the search returns that `wouldScore` keeps, and its score is that of the best of them
  // (`scoreEntente` reads no other): when no name of these alone makes its party match, no
  // subset does. A party read across its names is scored on all of them.
  if (!bounded) return found.names.length > 0 ? undefined : [];
  const matchesOn = (entryId: number, nameIds: number[]): boolean => {
    const entry = index.entry(entryId);
    const match = entry && scoreEntente(index, query, entry, nameIds, prepared, threshold);
    return match !== undefined && match.score >= threshold;
  };
  for (const nameId of found.names)
    if (
      wouldScore(index, nameId, prepared, bounded, nameFloor, entities) &&
      matchesOn(index.nameEntry(nameId), [nameId])
    )
      return undefined;
  if (mayReadAcrossNames(index, prepared))
    for (const entryId of new Set(found.names.map((id) => index.nameEntry(id))))
      if (
        partyWordsBound(index, prepared, entryId) >= nameFloor &&
        matchesOn(entryId, index.entry(entryId)?.names ?? [])
      )
        return undefined;
  return [];
}

/**
 * Screens one party against the index: retrieves candidate names through
 * the index, scores each candidate party with named, explained features (or
 * OFAC's score), and returns the matches at or above the threshold, best first.
 * A match is a result, not an error; only malformed options throw.
 *
 * @example
 * screenParty(index, { name: 'Vladimir Putin', birthDate: '1952-10-07' }, { limit: 5 })
 */
export function screenParty(
  index: ScreeningIndex,
  query: ScreeningQuery,
  options: ScreeningOptions = {},
): ScreeningMatch[] {
  return screening(index, query, options, false).matches;
}

/**
 * `screenParty`, with what the candidate cap left unscored (a note the CLI,
 * API and web can show: "N more candidate names not scored").
 */
export function screenPartyOutcome(
  index: ScreeningIndex,
  query: ScreeningQuery,
  options: ScreeningOptions = {},
): ScreeningOutcome {
  return screening(index, query, options, true);
}

/**
 * `screenPartyOutcome`; with `countUnscored` false the names beyond the cap are not bounded
 * and `unscored` is the retrieval's count (`screenParty`, which returns the matches alone:
 * bounding them costs about as much again as the names scored).
 */
function screening(
  index: ScreeningIndex,
  query: ScreeningQuery,
  options: ScreeningOptions,
  countUnscored: boolean,
): ScreeningOutcome {
  const algorithm = options.algorithm ?? 'entente';
  if (algorithm !== 'entente' && algorithm !== 'ofac') {
    throw new DomainError('invalid-input', `Unknown screening algorithm "${String(algorithm)}"`, {
      field: 'algorithm',
      accepted: ['entente', 'ofac'],
    });
  }
  const threshold =
    options.threshold ?? (algorithm === 'ofac' ? DEFAULT_OFAC_THRESHOLD : DEFAULT_SCREENING_THRESHOLD);
  const limit = options.limit ?? 10;
  if (!(threshold >= 0 && threshold <= 1))
    throw new DomainError('invalid-input', 'threshold must be in [0,1]', { field: 'threshold' });
  if (!(limit >= 1)) throw new DomainError('invalid-input', 'limit must be at least 1', { field: 'limit' });
  const candidateCap = options.candidateCap ?? DEFAULT_CANDIDATE_CAP;
  if (!(Number.isInteger(candidateCap) && candidateCap >= 1 && candidateCap <= CANDIDATE_CAP))
    throw new DomainError('invalid-input', `candidateCap must be an integer from 1 to ${CANDIDATE_CAP}`, {
      field: 'candidateCap',
    });
  const weight = indexTokenWeight(index);
  const sources = query.sources?.length ? new Set(query.sources) : undefined;
  const entities = options.entities;
  // The candidate names the index retrieves (up to the cap, best first by the share of the
  // query they explain) are then bounded by a true bound of their name score
  // (`nameScoreBound`) unless the query has identifiers (its match does not rest on the name).
  const bounded = algorithm === 'entente' && !query.identifiers?.length;
  const nameFloor = nameScoreFloor(query, threshold);
  const candidateLimit = algorithm === 'ofac' ? OFAC_CANDIDATE_LIMIT : candidateCap;
  // The name score a candidate needs to reach the threshold with every bonus.
  const minNameScore = algorithm === 'ofac' ? 0 : threshold - MAX_BONUS - BOUND_MARGIN;
  // The entente algorithm's variants and their preparations are kept per query object while the
  // index is unchanged (`preparedVariants`); the ofac algorithm's one variant is prepared here.
  const kept =
    algorithm === 'entente'
      ? preparedVariants(index, query)
      : { variants: [normalizeName(query.name ?? '', index.reference, query.schema)], prepared: undefined };
  const variants = kept.variants;
  const entityIds = entities && entityMask(index, entities);
  // A screening restricted to a few parties for its matches alone searches their names only
  // (`restrictedCandidates`); one that counts what the cap left unscored searches the index.
  const ownPostings =
    entities && !countUnscored && algorithm === 'entente' && entities.size <= RESTRICTED_SEARCH_MAX_PARTIES
      ? restrictedPostingsFor(index, entities)
      : undefined;
  const best = new Map<number, ScreeningMatch>();
  // The names beyond the cap are kept apart (bounded ones are counted as the scored ones are kept).
  const cut: CandidateCut = {
    unscored: 0,
    atLeast: false,
    beyond: countUnscored && algorithm === 'entente' && (bounded || entities) ? [] : undefined,
  };
  let unscored = 0;
  let unscoredAtLeast = false;
  for (const [v, variant] of variants.entries()) {
    const prepared = kept.prepared?.[v] ?? prepareQuery(index, variant, weight);
    const byEntry = new Map<number, number[]>();
    let pruned: number[] | undefined;
    // A restricted search shares its keys and bounds with the whole one it may fall back on.
    const plan = ownPostings && candidateSearchPlan(index, variant, weight, minNameScore);
    const candidates =
      (plan &&
        restrictedCandidates(
          index,
          query,
          threshold,
          variant,
          weight,
          candidateLimit,
          minNameScore,
          prepared,
          nameFloor,
          bounded,
          entityIds!,
          ownPostings!,
          plan,
        )) ??
      findCandidateNames(
        index,
        variant,
        weight,
        candidateLimit,
        algorithm === 'ofac' ? 0 : 0.2,
        minNameScore,
        cut,
        algorithm === 'entente',
        plan,
      );
    if (bounded || entities) {
      // Names that cannot reach the threshold are not scored (a party matches on its best name,
      // which can; see nameScoreFloor). Names of parties outside `entities` are left out first:
      // they would not be scored. The names beyond the cap are counted by the same test, so
      // that `unscored` counts only names that could reach the threshold.
      // A party two of whose names spell the query between them (`partyWordsBound`) may reach
      // the threshold though none of its names does: its pruned names are looked at again below.
      if (bounded && mayReadAcrossNames(index, prepared)) pruned = candidates.slice();
      candidates.length = keptNames(index, candidates, prepared, bounded, nameFloor, entityIds);
      // A reading whose names beyond the cap are no more than another reading counted cannot
      // raise the count (the most over the readings): they are not bounded.
      if (cut.unscored > unscored && cut.beyond) {
        const count = countBeyond(index, cut.beyond, prepared, bounded, nameFloor, entityIds, candidateLimit);
        cut.unscored = count.unscored;
        cut.atLeast ||= count.atLeast;
      }
    }
    // The ofac algorithm's cut is a ranking by design (no bound), not a loss to report.
    if (algorithm === 'entente' && (cut.unscored > unscored || cut.atLeast)) {
      unscored = Math.max(unscored, cut.unscored);
      unscoredAtLeast ||= cut.atLeast;
    }
    for (const nameId of candidates) {
      const entryId = index.nameEntry(nameId);
      const list = byEntry.get(entryId);
      if (list) list.push(nameId);
      else byEntry.set(entryId, [nameId]);
    }
    if (pruned) addPartiesAcrossNames(index, prepared, pruned, byEntry, nameFloor);
    for (const value of query.identifiers ?? []) {
      for (const entryId of index.entriesWithIdentifier(normalizeIdentifier(value)) ?? [])
        if (!byEntry.has(entryId)) byEntry.set(entryId, []);
    }
    for (const [entryId, nameIds] of byEntry) {
      const entry = index.entry(entryId);
      if (!entry || (sources && !sources.has(entry.party.source))) continue;
      if (entities && !entities.has(entry.entityId)) continue;
      const match =
        algorithm === 'ofac'
          ? scoreOfac(index, query, entry)
          : scoreEntente(index, query, entry, nameIds.length ? nameIds : entry.names, prepared, threshold);
      if (!match || match.score < threshold) continue;
      const previous = best.get(entryId);
      if (!previous || match.score > previous.score) best.set(entryId, match);
    }
  }
  const matches = [...best.values()];
  matches.sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId));
  return { matches: matches.slice(0, limit), unscored, unscoredAtLeast };
}
