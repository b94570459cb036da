import type { Clearance, ClearanceSubject } from '../model/clearance.ts';

/** A clearance to record. */
export interface NewClearance {
  subject: ClearanceSubject;
  entityId: string;
  reason: string;
  clearedBy: string;
  expiresAt?: string;
}

/** Persistence of cleared matches and the screening counters. */
export interface ClearanceStore {
  saveClearance(input: NewClearance): Promise<Clearance>;
  /** Every clearance for the subject (active or not), newest first; all when `subjectKey` is omitted. */
  clearances(subjectKey?: string): Promise<Clearance[]>;
  revokeClearance(id: string): Promise<Clearance>;
  /** Records that a screening happened (counts only). */
  recordScreening(event: { subjects: number; hits: number; channel: string }): Promise<void>;
  /** Screenings and hits per day, for the dashboard. */
  screeningStats(days: number): Promise<{ day: string; subjects: number; hits: number }[]>;
}
