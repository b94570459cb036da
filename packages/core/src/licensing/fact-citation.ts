/**
 * Where a licensing fact (a destination list, an item scope, an exclusion, an
 * Annex IV entry) comes from: the act and provision, where its text was read
 * and when, or the mark that it could not be read anywhere.
 */

/** 'verified': read in a text of the provision; 'unverified': recorded without such a reading. */
export type FactStatus = 'verified' | 'unverified';

/** The citation of one recorded fact. */
export interface FactSource {
  /** Act and provision, e.g. "Regulation (EU) 2021/821, Annex II Section I". */
  citation: string;
  status: FactStatus;
  /** Where the text was read (address or repository path); required when verified. */
  readIn?: string;
  /** ISO date the text was read; required when verified. */
  readOn?: string;
  note?: string;
}

/** One item code with the citation of the provision that names it. */
export interface CodeFact {
  code: string;
  /** True when the code stands for a whole category ("0" = all of Category 0). */
  wholeCategory?: boolean;
  /** Codes the provision leaves out of a whole-category entry. */
  except?: string[];
  source: FactSource;
}

/** The citation as shown to a person: the provision, then where it was read or "unverified". */
export function describeSource(source: FactSource): string {
  return source.status === 'verified'
    ? `${source.citation} (read in ${source.readIn ?? 'an unrecorded text'}, ${source.readOn ?? 'undated'})`
    : `${source.citation} (unverified)`;
}

/** True when every source given is verified. */
export function allVerified(...sources: (FactSource | undefined)[]): boolean {
  return sources.every((s) => s !== undefined && s.status === 'verified');
}
