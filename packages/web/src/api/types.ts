// Response shapes of the API routes the app uses. Where a route returns a core type as is, the
// core type is re-exported (the API's schemas are checked against the same types); what remains
// here are the routes' own envelopes, which exist only as the API's zod schemas.
import type {
  ControlEntry,
  ControlGap,
  CorrespondenceType,
  FactSource,
  GapCleared,
  Party,
  ScreeningMatch as CoreScreeningMatch,
} from '@entente/core';

export type {
  Clearance,
  ControlCitation,
  ControlEntry,
  ControlGap,
  CorrespondenceType,
  GapCleared,
  ControlListVersionInfo as ControlListVersion,
  ListDiff,
  ListVersion,
  Party,
} from '@entente/core';

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
  /** Built from the store's parties, or loaded from the index snapshot. */
  origin: 'built' | 'snapshot';
}

/** `GET /parties/{id}` response. */
export interface PartyRecord {
  entityId: string;
  versionId: number;
  party: Party;
  sameAs: string[];
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
