import type { CodeFact, FactSource } from './fact-citation.ts';
import type { ParagraphScope } from './paragraph-scope.ts';
import type { UsEmbargoRule } from './us-embargoes.ts';
import type { UsOffChartRules } from './us-off-chart.ts';
import type { UsExceptionRestriction } from './us-exception-restrictions.ts';

/** The four jurisdictions whose licence rules Entente evaluates. */
export const JURISDICTIONS = ['US', 'EU', 'UK', 'JP'] as const;

/** One jurisdiction code: US (EAR), EU (Reg. 2021/821), UK, JP (FEFTA). */
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** How sure a curated dataset record is. */
export type AuthorisationConfidence = 'high' | 'medium' | 'low';

/** The control-list facts the engine needs about one entry, as the catalogue returns them. */
export interface ListedEntry {
  code: string;
  heading?: string;
  reasons: string[];
  regimeRefs: string[];
  /** Destinations a national entry is limited to (ISO-2); absent means every destination. */
  destinations?: string[];
  /** The act and provision the entry rests on, e.g. "Export Control Order 2008, Schedule 3, entry PL9014". */
  citation?: string;
  /** True when the entry's text could not be read (its heading or scope may be wrong). */
  unverified?: boolean;
}

/** Looks an item code up in one jurisdiction's control list. */
export type EntryLookup = (jurisdiction: Jurisdiction, code: string) => ListedEntry | undefined;

/** Suggests codes in other jurisdictions' lists for a code unknown in `jurisdiction`. */
export type CrosswalkSuggest = (jurisdiction: Jurisdiction, code: string) => string[];

/** A destination rule of the CCL that is not a Country Chart column, already interpreted. */
export interface DestinationRule {
  /** 'listed': `countries` and members of `groups`; 'all': every destination; 'unresolved': a question. */
  kind: 'listed' | 'all' | 'unresolved';
  countries: string[];
  groups: string[];
  /** Destinations (ISO-2) and country groups excluded from the rule. */
  except: string[];
  exceptGroups: string[];
  citation?: string;
  text: string;
}

/** One licence-requirement row of an ECCN: reason, paragraph scope, and column or destination rule. */
export interface UsRequirementRow {
  reason: string;
  control: string;
  scope: ParagraphScope;
  /** Country Chart column such as "NS2", when the row names one. */
  column?: string;
  destinationRule?: DestinationRule;
}

/** LVS value limits of one ECCN. */
export interface UsLvsRule {
  limits: { value: number; scope: ParagraphScope }[];
  naReasons: string[];
  naScope?: ParagraphScope;
  text: string;
}

/** One ECCN of the Commerce Control List with its licence requirements and exception flags. */
export interface UsEccn {
  eccn: string;
  heading: string;
  reasons: string[];
  rows: UsRequirementRow[];
  flags: Record<string, string>;
  lvs?: UsLvsRule;
  /** GBS eligibility: undefined when N/A. */
  gbs?: { scope: ParagraphScope; naReasons: string[] };
  /** Paragraphs excluded from STA and the groups the exclusion concerns. */
  staExclusions: { scope: ParagraphScope; groups: string[]; text: string }[];
}

/** The US EAR tables (CCL, Country Chart, Country Groups, exception catalogue, Part 746 embargoes). */
export interface UsEarTables {
  eccns: ReadonlyMap<string, UsEccn>;
  /** The Part 746 embargo and sanctions rules. */
  embargoes: readonly UsEmbargoRule[];
  exceptionSections: Readonly<Record<string, { section: string; title: string }>>;
  chartFootnotes: Readonly<Record<string, string>>;
  asOf: string;
  /** Requirements ECCNs state off the Country Chart (§738.3(a)), by ECCN or paragraph. */
  offChart?: UsOffChartRules;
  /** The restrictions of §740.2(a) that withdraw licence exceptions from some items. */
  exceptionRestrictions?: readonly UsExceptionRestriction[];
}

/** Everything the engine knows about one country, keyed by ISO-2. */
export interface CountryFact {
  iso2: string;
  name: string;
  euMember: boolean;
  eu001: boolean;
  japanGroupA: boolean;
  regimes: { wassenaar: boolean; mtcr: boolean; nsg: boolean; australiaGroup: boolean };
  usGroups: string[];
  /** Country Chart marks such as "NS2"; undefined when the destination has no chart row. */
  usChartMarks?: string[];
  usChartFootnotes: number[];
  /** Part 746 pointer text for the embargoed rows. */
  usEmbargoPointer?: string;
}

/** Country facts by ISO-2 code, plus sub-national regions (e.g. UA-43 Crimea). */
export type CountryFacts = ReadonlyMap<string, CountryFact>;

/** One general authorisation or open general licence of a curated dataset. */
export interface GeneralAuthorisation {
  id: string;
  title: string;
  legalBasis: string;
  /** Where the authorisation itself is set out and read. */
  source: FactSource;
  /** ISO-2 destinations; null when the dataset does not know them. */
  destinations: string[] | null;
  destinationsSource: FactSource;
  /** Item codes (paragraphs) the authorisation covers; null when it covers the whole list. */
  itemScope: string[] | null;
  itemScopeSource: FactSource;
  /** Item codes excluded, at paragraph precision, each with its citation. */
  excludedItems: CodeFact[];
  /** Whether the exclusion list is complete as recorded (and where that was read). */
  exclusionsSource: FactSource;
  excludeAnnexIv: boolean;
  /**
   * Items whose coverage was not read: entries added to the list after the text of the
   * authorisation that was read (EU x5xx entries of Delegated Regulation (EU) 2025/2003 against
   * the 2021 Annex II). The engine never declares the authorisation available for them.
   */
  unreadItems?: CodeFact[];
  conditions: string[];
  /** 'determined': the engine may declare it available; 'may-apply': only ever a question. */
  use: 'determined' | 'may-apply';
  /** True when only an exporter granted this licence may use it (Japanese bulk licences). */
  holderOnly: boolean;
  confidence: AuthorisationConfidence;
  note?: string;
}

/** One entry of Annex IV of Regulation (EU) 2021/821 (items needing an intra-EU transfer authorisation). */
export interface AnnexIvEntry extends CodeFact {
  /** Annex IV Part I or II, when the part was read; null when not. */
  part: 'I' | 'II' | null;
}

/** EU tables: general authorisations and the Annex IV list of intra-EU transfer items. */
export interface EuTables {
  generalAuthorisations: GeneralAuthorisation[];
  annexIv: AnnexIvEntry[];
  /** Whether the Annex IV list is complete as recorded (and where that was read). */
  annexIvSource: FactSource;
  source: string;
}

/** UK tables: the documented subset of open general licences. */
export interface UkTables {
  openGeneralLicences: GeneralAuthorisation[];
  source: string;
}

/** JP tables: the bulk licences. */
export interface JpTables {
  bulkLicences: GeneralAuthorisation[];
  source: string;
}

/** All the plain data the determination engine reads. */
export interface DeterminationData {
  us: UsEarTables;
  eu: EuTables;
  uk: UkTables;
  jp: JpTables;
  countries: CountryFacts;
  lookup: EntryLookup;
  suggest?: CrosswalkSuggest;
  /** HS-6 codes of the Common High Priority List with their tier. */
  /** HS-6 code → CHPL tier label ("1", "2", "3.A", "4.B", …). */
  chpl: ReadonlyMap<string, string>;
}
