import type { FactSource } from '../licensing/fact-citation.ts';

/** A list held in the catalogue: national lists and the regime lists behind them. */
export type ControlListId = 'US' | 'USML' | 'EU' | 'UK' | 'JP' | 'WA' | 'MTCR' | 'NSG' | 'AG';

/** An ally whose law makes a list binding. */
export type ControlJurisdiction = 'US' | 'EU' | 'UK' | 'JP';

/** A multilateral export control regime (or the CWC) an entry originates from. */
export type Regime = 'WA' | 'MTCR' | 'NSG' | 'AG' | 'CWC';

/** How sure the catalogue is of an entry: read from the text or real data, or derived. */
export type Confidence = 'high' | 'medium' | 'low';

/** The legal act (and its consolidated version) an entry or list was taken from. */
export interface ControlSource {
  act: string;
  version: string;
  url?: string;
}

/** Whether an entry's own text was read (`verified`) or could not be read (`unverified`). */
export type CitationStatus = 'verified' | 'unverified';

/**
 * Where an entry's facts come from: the act, the provision within it, and
 * where its text was read and when. `unverified` marks an entry whose text
 * could not be read; `note` says why.
 */
export interface ControlCitation {
  /** The act as amended, e.g. "Regulation (EU) 2021/821 Annex I as amended by Delegated Regulation (EU) 2025/2003". */
  act: string;
  /** The article, annex, schedule or paragraph, e.g. "entry 3A001.a". */
  provision: string;
  /** An address or `owner/repo:path` (or mirror path) the text was read from. */
  readFrom?: string;
  /** The date the text was read or the source was issued (YYYY-MM-DD). */
  readOn?: string;
  status: CitationStatus;
  /** Why the entry is unverified, or what was read instead of the act. */
  note?: string;
}

/** One licence-requirement row of an entry, scoped the way the act scopes it. */
export interface ReasonScope {
  /** Reason for control (`NS`, `MT`, `AT`, …). */
  reason: string;
  /** The act's own words, e.g. "MT applies to 3A001.a.1.a when usable in missiles". */
  control: string;
  /** Country Chart column (`NS1`) when the row names one. */
  chartColumn?: string;
  /** The destination rule in words when the row names no column. */
  destination?: string;
}

/** One entry (or paragraph) of one control list, e.g. `US:3A001.a.1` or `WA:3.A.1`. */
export interface ControlEntry {
  list: ControlListId;
  code: string;
  /** Code of the enclosing entry or paragraph; absent for top-level entries. */
  parent?: string;
  heading: string;
  text?: string;
  /** Reasons for control that apply to this entry or paragraph. */
  reasons: string[];
  /** Regimes the entry originates from (empty: national or plurilateral control). */
  regimeRefs: Regime[];
  validFrom: string;
  validTo?: string;
  source: ControlSource;
  confidence: Confidence;
  /** Licence-requirement rows of a top-level entry (US CCL). */
  reasonScopes?: ReasonScope[];
  /** Licence-exception eligibility as the act words it, keyed by exception (`LVS`, `GBS`, `STA`, …). */
  exceptions?: Record<string, string>;
  /** Where the entry's facts were read (or that they could not be). */
  citation: ControlCitation;
  /** Destinations (ISO-2) a national entry is limited to; absent: every destination. */
  destinations?: string[];
}

/** Provenance of a project-built dataset: how it was built and what it leaves out. */
export interface ControlListHeader {
  sourceActs: string[];
  builtHow: string;
  leftOut: string[];
}

/** One version of one list, with every entry valid in it. */
export interface ControlList {
  id: ControlListId;
  jurisdiction?: ControlJurisdiction;
  name: string;
  version: string;
  validFrom: string;
  validTo?: string;
  source: ControlSource;
  header: ControlListHeader;
  entries: ControlEntry[];
}

/** The typed relation between two entries of different lists. */
export type CorrespondenceType = 'same' | 'broader' | 'narrower' | 'overlaps';

/** Why two entries correspond. */
export type CorrespondenceBasis =
  | 'shared-regime-code'
  | 'regime-origin'
  | 'curated-plurilateral'
  | 'curated-munitions'
  | 'curated-japan-row'
  | 'curated-other'
  | 'curated-renumbered';

/** A link `from` → `to` (entry ids `LIST:code`): `from` is `type` relative to `to`. */
export interface Correspondence {
  from: string;
  to: string;
  type: CorrespondenceType;
  basis: CorrespondenceBasis;
  note?: string;
  /** Set when the evidence contradicts the link (shared code, headings for different items) or
   * its text could not be read (an unverified curated link): kept and shown, not followed. */
  warning?: string;
  /** For a curated link: the provisions compared, where their texts were read, or `unverified`. */
  source?: FactSource;
}

/** Which jurisdiction a list binds, if any (regime lists bind nobody directly). */
export const LIST_JURISDICTION: Readonly<Partial<Record<ControlListId, ControlJurisdiction>>> = Object.freeze(
  {
    US: 'US',
    USML: 'US',
    EU: 'EU',
    UK: 'UK',
    JP: 'JP',
  },
);

/** The id `LIST:code` of an entry. */
export function entryId(entry: Pick<ControlEntry, 'list' | 'code'>): string {
  return `${entry.list}:${entry.code}`;
}
