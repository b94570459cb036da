import type { Clearance, ClearanceSubject } from '../model/clearance.ts';

/** A clearance to record for one organisation. */
export interface NewClearance {
  orgId: string;
  subject: ClearanceSubject;
  /** The listed party; for a subject clearance, the subject's id. */
  entityId: string;
  /** For a subject clearance: the subject's current listings, all covered (at least one). */
  listings?: string[];
  reason: string;
  clearedBy: string;
  expiresAt?: string;
}

/** Who records or revokes a clearance, as the audit chain names them (`cli` and no organisation for the CLI). */
export interface ClearanceAuthor {
  userId: string | null;
  orgId: string | null;
  ip: string | null;
}

/** Whose screenings the statistics count: one organisation's, or every organisation's (agencies only). */
export type ScreeningStatsScope = { orgId: string } | 'all-organisations';

/** One screening event to count: the organisation that screened (none for the CLI without `--org`). */
export interface ScreeningEvent {
  orgId: string | null;
  subjects: number;
  hits: number;
  channel: string;
}

/** Persistence of cleared matches and the screening counters, per organisation. */
export interface ClearanceStore {
  /**
   * Records a clearance of `input.orgId` and appends `clearance.create` to the audit chain,
   * together. `alongside`, when given, runs in the same transaction (the store's own handle,
   * opaque here): what it writes commits with the clearance, and if it throws nothing is kept
   * (monitoring decides a false positive this way: alert, clearance and audit at once).
   */
  saveClearance(
    input: NewClearance,
    by: ClearanceAuthor,
    alongside?: (clearance: Clearance, transaction: unknown) => Promise<void>,
  ): Promise<Clearance>;
  /** The organisation's clearances for the subject (active or not), newest first; all of them when `subjectKey` is omitted. */
  clearances(orgId: string, subjectKey?: string): Promise<Clearance[]>;
  /**
   * Revokes one of the organisation's active clearances and appends `clearance.revoke` to the
   * audit chain; `not-found` for any other id (another organisation's included, refusal audited).
   */
  revokeClearance(orgId: string, id: string, by: ClearanceAuthor): Promise<Clearance>;
  /** Records that a screening happened (counts only). */
  recordScreening(event: ScreeningEvent): Promise<void>;
  /** Screenings and hits per day in the scope, for the dashboard. */
  screeningStats(
    days: number,
    scope: ScreeningStatsScope,
  ): Promise<{ day: string; subjects: number; hits: number }[]>;
}
