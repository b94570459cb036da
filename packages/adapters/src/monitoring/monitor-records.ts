import type { Alert, AlertListing, MonitorHit } from '@entente/core';

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
  /**
   * Read for a run (`MonitorRunStore.runHits`): the match holds its source and names only, its
   * features, explanation and programmes are empty; an alert that shows this hit takes them from
   * the stored row when it is written (`NewAlert.matchOf`, `writeRunOutcome`).
   */
  partial?: true;
}

/** The fields of an alert a run compares against (`AlertStore.runAlerts`): keys, kind, state, age. */
export type RunAlert = Pick<Alert, 'id' | 'kind' | 'state' | 'counterpartyId' | 'entityId' | 'createdAt'>;

/** The subject an alert is about: its id (and name), every current listing, the lists lacking it. */
export interface AlertSubject {
  subjectId: string;
  subjectName?: string;
  listings: AlertListing[];
  notListedBy: string[];
}

/** An alert to raise: everything but what the store assigns (no subject: the listing is its own). */
export type NewAlert = Pick<Alert, 'kind' | 'counterpartyId' | 'counterpartyName' | 'entityId' | 'score'> &
  HitMatch &
  Partial<AlertSubject> & {
    listVersionId?: number;
    note: string;
    /**
     * The hit whose match (features, explanation, programmes) the alert copies from its row when
     * written: one the same run writes, or one it read `partial`; none: the fields given here.
     */
    matchOf?: Pick<MonitorHit, 'counterpartyId' | 'entityId'>;
  };

/** A run's result, written in one transaction with the alerts it raises. */
export interface RunOutcome {
  upsertHits: StoredHit[];
  deleteHits: Pick<MonitorHit, 'counterpartyId' | 'entityId'>[];
  newAlerts: NewAlert[];
  /** Undecided alerts brought up to date (best hit, subject's listings) with a note in their history. */
  updatedAlerts: { id: string; hit?: StoredHit; subject?: AlertSubject; note: string }[];
  positions: Record<string, number>;
}

/** A run's outcome with nothing in it yet. */
export function emptyRunOutcome(): RunOutcome {
  return { upsertHits: [], deleteHits: [], newAlerts: [], updatedAlerts: [], positions: {} };
}
