/** One named scoring feature: a plain-language label and the weight its value is scaled by. */
export interface ScoringFeature {
  label: string;
  weight: number;
}

/**
 * The one table of scoring features of the `entente` algorithm. Every term
 * of a match's score is one of these features at its weight (times a
 * measured amount where the feature says so); the score is the sum of the
 * terms, clamped to [0,1]. Ranking and explanation both read this table, so
 * the explained terms always add up to the ranked score.
 */
export const SCORING_FEATURES = Object.freeze({
  /** Token alignment: 82 % query coverage + 18 % listed-name coverage. */
  nameSimilarity: { label: 'Name similarity', weight: 1 },
  /** Lift from pairing, in a vowel-less reading, a compound one side writes as one word and the other as two. */
  joinedWords: { label: 'Words written joined on one side and apart on the other', weight: 1 },
  /** Lift from pairing, between two organisation names, a word with its translation ("jaish" / "army": `ORGANISATION_TRANSLATIONS`). */
  translatedWord: { label: 'Word translated from another language', weight: 1 },
  /** Lift from pairing, between two organisation names, an acronym with the run of words whose initials it spells ("ISIL" / "Islamic State in Iraq and the Levant": `acronymLift`). */
  acronymWords: { label: "Acronym of the other name's words", weight: 1 },
  /** Lift from leaving out of the coverages an article ("al", "el") one side writes and the other does not. */
  articleOneSide: { label: 'Article written on one side only', weight: 1 },
  /** Lift from name similarity to listed-name coverage when the whole listed person name is in the query. */
  containedName: { label: 'Listed name contained in the query', weight: 1 },
  /** Lift from name similarity when two organisation names differ only in generic words (the generic words left out). */
  genericWordsOnly: { label: 'Organisation names differ only in generic words', weight: 1 },
  /** Lift from name similarity when the query is a listed branch's or office's organisation name without the branch word and country the listed name adds (those words left out: `branchLift`). */
  branchLeftOut: { label: "Listed branch's qualifier not in the query", weight: 1 },
  /** Fall from name similarity when two organisation names pair one distinctive word only, below 0.9, beside generic words and articles (those pairs left out). */
  oneLooseWord: { label: 'Only one distinctive word agrees, loosely', weight: 1 },
  /**
   * Fall to 0.7 when every word two organisation names pair says what kind of body it is (generic
   * words, organisation symbol words, legal-form words) and a word naming the body is left over
   * ("Management Company" / "Westminister Management Company": `genericOnlyCut`).
   */
  genericOnly: { label: 'Only generic organisation words agree', weight: 1 },
  /**
   * Lift from the best name's score to `partyWordsScore` when the query's distinctive words (three
   * or more) are each spelled by a word of one of two names of the party and not all by one name
   * (organisations; persons only when the query is written surname first, see `partyWordsScore`).
   */
  partyWords: { label: "Words found across two of the party's names", weight: 1 },
  /**
   * Lift from name similarity when a person query gives the listed name's first and last words
   * and the listed middle names are all that is left over: they are taken out of the listed-name
   * coverage, scaled by the query's rarity (`middleNamesLift`).
   */
  middleNamesLeftOut: { label: 'Listed middle names not in the query', weight: 1 },
  /** Per listed middle name part (up to three) a query leaves out beside the listed first and last names. */
  omittedMiddleName: { label: 'Listed middle name not in the query', weight: -0.02 },
  /** Per query word beyond a contained listed name (middle name, patronymic, second surname). */
  extraNamePart: { label: 'Extra name part not on the list', weight: -0.05 },
  /**
   * Per query word beyond a contained listed person name, instead of `extraNamePart`, when the
   * listed name is whole in the query in its order and every extra part stands where a name part
   * may be added without contradicting it: after the listed first given name (a middle name, a
   * patronymic, a nasab chain) or after the surname (a second surname), not in the first given
   * name's place, and no initial (`extraPartsBeside`).
   */
  extraPartBeside: {
    label: 'Extra middle name or second surname beside the whole listed name',
    weight: -0.03,
  },
  /** Per generic word (company, institute, complex) a query adds to a contained listed organisation name, or either name has beside the same distinctive words. */
  extraGenericWord: { label: 'Extra generic organisation word not on the list', weight: -0.04 },
  /** Times the commonness of a contained listed name: a common name inside a longer query says less. */
  containedCommonName: { label: 'Contained name is common', weight: -0.2 },
  /** An initial whose letter starts no unmatched word of the other name, beside a full word left over. */
  initialConflict: { label: 'Initial contradicts a given name', weight: -0.12 },
  /** Initials on both sides, left over, that disagree ("William G. Frost" / "William W. Frost"); once per name pair. */
  initialsDiffer: { label: 'Initials differ', weight: -0.12 },
  /** Per word pair (up to two) of a person name where one word is the other in the other gender's form ("Michel" / "Michelle", "Daniel" / "Daniela"; not a Slavic surname's "-ova"). */
  genderedForm: { label: "Name in the other gender's form", weight: -0.1 },
  /** Two person names of two words each, one word the same and the other differing by more than a letter and in sound. */
  looseWordOfTwo: { label: 'Of two names, one differs by more than a letter and in sound', weight: -0.05 },
  /** Both names carry numbers (digits, number words, Roman numerals) and they differ. */
  numberConflict: { label: 'Numbers differ', weight: -0.3 },
  /**
   * Between organisation names, one carries a number (digits, number words, Roman numerals) and
   * the other none, while every other word is paired: the number is all that tells the two apart.
   */
  numberOneSide: { label: 'Number on one side only', weight: -0.1 },
  /** Per Hangul or kana syllable by which two names in that script differ, whatever their romanisation. */
  syllableConflict: { label: 'Different syllable in the original script', weight: -0.15 },
  birthDateMatch: { label: 'Birth date agrees', weight: 0.05 },
  birthDateConflict: { label: 'Birth date conflicts', weight: -0.15 },
  countryMatch: { label: 'Country agrees', weight: 0.03 },
  countryConflict: { label: 'Country differs', weight: -0.05 },
  /** Extra weight of a birth-date or country conflict, times how common the matched name is (0–1). */
  commonNameConflict: { label: 'Conflict on a common name', weight: -0.4 },
  schemaConflict: { label: 'Different kind of party', weight: -0.15 },
  /**
   * The matched name is a weak (low-quality) alias. −0.02 since issue 14 part 7 (was −0.05): a spelling
   * of a weak alias one letter off ("Bogarora" / "Bogorora", 0.88) is still that alias; the penalty
   * kept such spellings under the threshold while the invented persons it guards against did not move.
   */
  weakAlias: { label: 'Weak alias', weight: -0.02 },
  legalFormConflict: { label: 'Legal form differs', weight: -0.02 },
  /**
   * Beside `legalFormConflict`, when one name's legal form is a non-profit body's and the other's
   * a company's ("ANO X" / "LLC X": two bodies sharing a name, `legalKindsConflict`).
   */
  legalKindConflict: { label: 'Non-profit body and company', weight: -0.15 },
  /** An exact identifier raises the score to this weight whatever the other terms say. */
  identifierMatch: { label: 'Identifier matches', weight: 0.99 },
} satisfies Record<string, ScoringFeature>);

/** The name of a scoring feature. */
export type FeatureName = keyof typeof SCORING_FEATURES;

/** One term of a score: a feature, what it adds (or takes), and why. */
export interface ScoreTerm {
  feature: FeatureName;
  value: number;
  explanation: string;
}

/** The weights of the scoring features, by name (a view of `SCORING_FEATURES`). */
export const FEATURE_WEIGHTS: Readonly<Record<FeatureName, number>> = Object.freeze(
  Object.fromEntries(Object.entries(SCORING_FEATURES).map(([k, f]) => [k, f.weight])) as Record<
    FeatureName,
    number
  >,
);

/** A feature's term: its weight times `amount`. */
export function featureTerm(feature: FeatureName, explanation: string, amount = 1): ScoreTerm {
  return { feature, value: SCORING_FEATURES[feature].weight * amount, explanation };
}

/** The score the terms add up to, clamped to [0,1] as the engine ranks it. */
export function scoreOfTerms(terms: readonly ScoreTerm[]): number {
  let sum = 0;
  for (const t of terms) sum += t.value;
  return Math.min(1, Math.max(0, sum));
}

/** A feature's plain-language label (`SCORING_FEATURES`), or `key` itself for a key the table does not hold. */
export function featureLabel(key: string): string {
  return key in SCORING_FEATURES ? SCORING_FEATURES[key as FeatureName].label : key;
}

/**
 * Whether a match lists feature `key` with `value` beside its reasons: a similarity always, an
 * adjustment only when it moved the score. A term that did not fire keeps its reason in the
 * explanation but is not listed under its label, which may say the opposite ("Legal form
 * differs +0.00" beside "same legal form (LLC)"). Matches stored before this rule may hold such
 * zeros; the surfaces that show features ask this too.
 */
export function isFeatureListed(key: string, value: number): boolean {
  return value !== 0 || key === 'nameSimilarity' || !(key in SCORING_FEATURES);
}

/**
 * A match's features in words, as a person reads them: each label with its signed value,
 * "Name similarity 0.83, Name in the other gender's form -0.10" (those `isFeatureListed`).
 */
export function describeFeatures(features: Readonly<Record<string, number>>): string {
  return Object.entries(features)
    .filter(([k, v]) => isFeatureListed(k, v))
    .map(([k, v]) => `${featureLabel(k)} ${k === 'nameSimilarity' || v < 0 ? '' : '+'}${v.toFixed(2)}`)
    .join(', ');
}
