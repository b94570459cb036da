// Response shapes of the API routes the app uses, mirrored from packages/api/src/routes/*.ts;
// where a route returns a core type as is, the core type is re-exported.
import type { FactSource, ScreeningMatch as CoreScreeningMatch } from '@entente/core';

/** The signed-in user (`GET /auth/me`). */
export interface Principal {
  userId: string;
  orgId: string;
  orgKind: 'agency' | 'exporter';
  role: string;
  jurisdiction?: string;
}

/** `POST /auth/login` response. */
export interface LoginResponse {
  user: Principal;
  csrfToken: string;
  expiresAt: string;
}

/** The kinds of listed party. */
export type SubjectType = 'person' | 'organization' | 'vessel' | 'aircraft';

/** One subject to screen. */
export interface ScreenSubject {
  name: string;
  type?: SubjectType;
  country?: string;
  birthDate?: string;
}

/** One scored match of a screening, as `POST /screen` returns it. */
export interface ScreeningMatch extends Omit<CoreScreeningMatch, 'versionId'> {
  listVersion?: { id: number; publishedAt: string };
  /** The subject this listing belongs to (its own entity id until a resolution has seen it). */
  subjectId?: string;
  cleared?: { id: string; reason: string; clearedBy: string; createdAt: string; expiresAt?: string };
}

/** `POST /screen` response. */
export interface ScreenResponse {
  query: Record<string, unknown>;
  algorithm: string;
  /** The matches grouped by subject, best first: one row per person, organisation, vessel or aircraft. */
  subjects?: { subjectId: string; name: string; score: number; listings: string[] }[];
  matches: ScreeningMatch[];
}

/** `POST /screen/batch` response. */
export interface BatchResponse {
  results: {
    id: string;
    matches: ScreeningMatch[];
    error?: { code: string; message: string; field?: string };
  }[];
}

/** `GET /screen/index` response. */
export interface IndexState {
  versions: { id: number; source: string; publishedAt: string; recordCount: number }[];
  parties: number;
  builtAt: string;
  buildSeconds: number;
}

/** A listed party (core `Party`). */
export interface Party {
  source: string;
  sourceId: string;
  schema: string;
  names: { full: string; quality: 'primary' | 'strong' | 'weak'; script?: string; lang?: string }[];
  birthDates: { value: string; precision: string; to?: string; circa?: boolean }[];
  birthPlaces: string[];
  countries: { code: string; role: string }[];
  identifiers: { type: string; value: string; country?: string; label?: string }[];
  addresses: { full: string }[];
  programs: string[];
  legalBasis: string[];
  [more: string]: unknown;
}

/** `GET /parties/{id}` response. */
export interface PartyRecord {
  entityId: string;
  versionId: number;
  party: Party;
  sameAs: string[];
}

/** A clearance (false positive) of a match. */
export interface Clearance {
  id: string;
  /** The organisation whose decision it is (always the signed-in one: the API lists no other). */
  orgId: string;
  subjectKey: string;
  subject: { name: string; country?: string; birthDate?: string };
  entityId: string;
  reason: string;
  clearedBy: string;
  createdAt: string;
  expiresAt?: string;
  revokedAt?: string;
}

export type { ListVersion } from '@entente/core';

/** `GET /lists/{source}/diff` response. */
export interface ListDiff {
  source: string;
  from: { id: number; publishedAt: string };
  to: { id: number; publishedAt: string };
  added: { entityId: string; sourceId: string; name: string }[];
  removed: { entityId: string; sourceId: string; name: string }[];
  changed: { entityId: string; sourceId: string; name: string; fields: string[] }[];
}

/** The relation between two control entries. */
export type CorrespondenceType = 'same' | 'broader' | 'narrower' | 'overlaps';

/** One entry of a control list. */
export interface ControlEntry {
  list: string;
  code: string;
  parent?: string;
  heading: string;
  text?: string;
  reasons: string[];
  regimeRefs: string[];
  validFrom: string;
  validTo?: string;
  source: { act: string; version: string; url?: string };
  confidence: 'high' | 'medium' | 'low';
  exceptions?: Record<string, string>;
  citation: ControlCitation;
  destinations?: string[];
}

/** Where an entry's facts were read; `unverified` when its text could not be read. */
export interface ControlCitation {
  act: string;
  provision: string;
  readFrom?: string;
  readOn?: string;
  status: 'verified' | 'unverified';
  note?: string;
}

/** A counterpart of an entry in another list. */
export interface Counterpart {
  id: string;
  heading?: string;
  type: CorrespondenceType;
  basis: string;
  note?: string;
  /** Why the link is not followed: headings for different items, or a curated link not read. */
  warning?: string;
  /** For a curated link: the provisions compared and where their texts were read, or unverified. */
  source?: FactSource;
  via?: string;
}

/** `GET /controls/{list}/{code}` response. */
export interface ControlEntryView {
  id: string;
  requested: string;
  exact: boolean;
  list: { id: string; name: string; version: string; validFrom: string };
  entry: ControlEntry;
  versions: { version: string; validFrom: string; validTo?: string; present: boolean; changed: string[] }[];
  counterparts: Counterpart[];
}

/** A stored control list version (`GET /controls`). */
export interface ControlListVersion {
  id: number;
  listId: string;
  version: string;
  validFrom: string;
  validTo?: string;
  contentHash: string;
  entryCount: number;
}

/** One entry as the list browser shows it (`GET /controls/{list}`). */
export interface ControlEntryHead {
  code: string;
  parent?: string;
  heading: string;
  reasons?: string[];
  unverified?: boolean;
}

/** `GET /controls/{list}` response. */
export interface ControlListEntries {
  list: { id: string; name: string; version: string; validFrom: string };
  entries: ControlEntryHead[];
}

/** One gap between allies. */
export interface ControlGap {
  entry: string;
  heading: string;
  category: 'unilateral' | 'regime-not-implemented' | 'plurilateral' | 'scope-differs';
  controlledBy: string;
  lackingIn: string;
  note: string;
  /** The evidence path that makes it a gap: links followed and what was missing. */
  evidence: string[];
}

/** A pair that is not a gap, with the path that clears it. */
export interface GapCleared {
  entry: string;
  other: string;
  status: 'counterpart' | 'implemented' | 'not-compared';
  evidence: string[];
}

/** `GET /gaps` response. */
export interface GapReport {
  jurisdictions: string[];
  category?: number;
  gaps: ControlGap[];
  /** Pairs that are not gaps; listed in `cleared` only with `include=cleared`. */
  clearedCount: number;
  cleared?: GapCleared[];
  summary: Record<string, Record<string, number>>;
  notes: string[];
}

/** One candidate of `GET /classify`. */
export interface ClassifyCandidate {
  id: string;
  heading: string;
  reasons: string[];
  score: number;
  features: { fullText: number; trigram: number };
  counterparts: { from: string; to: string; type: CorrespondenceType; basis: string; note?: string }[];
}

/** `GET /classify` response. */
export interface ClassifyResponse {
  text: string;
  searchedFor: string;
  candidates: ClassifyCandidate[];
}
