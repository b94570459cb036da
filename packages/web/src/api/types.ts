// Response shapes of the API routes the app uses. Where a route returns a core type as is, the
// core type is re-exported (the API's schemas are checked against the same types); what remains
// here are the routes' own envelopes, which exist only as the API's zod schemas.
import type {
  ClearanceReviewReason,
  CorrespondenceType,
  Party,
  ScreeningMatch as CoreScreeningMatch,
} from '@entente/core';

export type {
  Clearance,
  ControlCitation,
  ControlEntry,
  ControlEntryView,
  ControlGap,
  Counterpart,
  CorrespondenceType,
  GapCleared,
  GapReport,
  IndexState,
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
  /** Not cleared: its subject was, but this listing joined it since or the subject was split since. */
  clearanceToReview?: {
    id: string;
    reason: string;
    clearedBy: string;
    createdAt: string;
    expiresAt?: string;
    why: ClearanceReviewReason;
  };
}

/** `POST /screen` response. */
export interface ScreenResponse {
  query: Record<string, unknown>;
  algorithm: string;
  /** The matches grouped by subject, best first: one row per person, organisation, vessel or aircraft. */
  subjects?: { subjectId: string; name: string; score: number; listings: string[] }[];
  matches: ScreeningMatch[];
  /** Listed names that could reach the threshold but the candidate cap left unscored (absent: none). */
  unscoredCandidates?: { count: number; atLeast: boolean };
}

/** `POST /screen/batch` response. */
export interface BatchResponse {
  results: {
    id: string;
    matches: ScreeningMatch[];
    error?: { code: string; message: string; field?: string };
  }[];
}

/** `GET /parties/{id}` response. */
export interface PartyRecord {
  entityId: string;
  versionId: number;
  party: Party;
  sameAs: string[];
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
