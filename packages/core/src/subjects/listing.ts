import type { Party } from '../model/party.ts';
import type { ListingJurisdiction } from './jurisdiction.ts';

/** One listing of a party by one source, as resolution sees it. */
export interface Listing {
  /** `source:sourceId`. */
  entityId: string;
  source: string;
  /** The jurisdiction whose list the source is (undefined: none, e.g. a custom list). */
  jurisdiction?: ListingJurisdiction;
  party: Party;
  /** In the source's latest version (false: listed before, no longer: delisted). */
  current: boolean;
  /** The list version the listing was read from (the last one it was in, for a former listing). */
  versionId: number;
  /** When that version was published (`YYYY-MM-DD…`). */
  publishedAt: string;
}

/** What a link between two listings rests on. */
export type SubjectLinkKind = 'un-reference' | 'cross-reference' | 'identifier' | 'name' | 'analyst';

/** Two listings of one subject, and why. */
export interface SubjectLink {
  a: string;
  b: string;
  kind: SubjectLinkKind;
  /** 1 for strong evidence and analysts' decisions; the screening score for names. */
  score: number;
  /** In words: the shared key, or the screening explanation. */
  evidence: string[];
}

/** An analyst's decision on two listings, kept across list versions (by entity id). */
export interface SubjectDecision {
  /** `merge`: one subject (also how a proposal is confirmed); `split`: never one subject. */
  kind: 'merge' | 'split';
  a: string;
  b: string;
  decidedBy: string;
  decidedAt: string;
  reason: string;
}
