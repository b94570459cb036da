import type { Alert, MonitorHit } from '@entente/core';

/** What a hit shows: the screening match, as the alert and its explanation need it. */
export interface HitMatch {
  listedName: string;
  matchedName: string;
  features: Record<string, number>;
  explanation: string[];
  programs: string[];
  source: string;
}

/** A hit as stored, with its match. */
export interface StoredHit extends MonitorHit {
  listVersionId?: number;
  match: HitMatch;
}

/** An alert to raise: everything but what the store assigns. */
export type NewAlert = Pick<Alert, 'kind' | 'counterpartyId' | 'counterpartyName' | 'entityId' | 'score'> &
  HitMatch & { listVersionId?: number; note: string };

/** A run's result, written in one transaction with the alerts it raises. */
export interface RunOutcome {
  upsertHits: StoredHit[];
  deleteHits: Pick<MonitorHit, 'counterpartyId' | 'entityId'>[];
  newAlerts: NewAlert[];
  /** Undecided alerts brought up to date (score, match) with a note in their history. */
  updatedAlerts: { id: string; hit?: StoredHit; note: string }[];
  positions: Record<string, number>;
}
