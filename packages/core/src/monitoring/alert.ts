import { DomainError } from '../errors.ts';

/** Where an alert stands in the review workflow. */
export type AlertState = 'open' | 'in-review' | 'escalated' | 'true-match' | 'false-positive' | 'closed';

/** Every alert state, in workflow order. */
export const ALERT_STATES: readonly AlertState[] = [
  'open',
  'in-review',
  'escalated',
  'true-match',
  'false-positive',
  'closed',
];

/**
 * Why the alert was raised: a hit that is `new`, a hit whose listed party or score
 * `changed`, a hit that is `gone` (the party was delisted or no longer matches), or an
 * `ownership` finding (raised by the ownership rules).
 */
export type AlertKind = 'new' | 'changed' | 'gone' | 'ownership';

/** Every alert kind. */
export const ALERT_KINDS: readonly AlertKind[] = ['new', 'changed', 'gone', 'ownership'];

/**
 * The workflow: from each state, the states an alert may move to. A hit is decided as a
 * `true-match` (blocked) or a `false-positive` (cleared, with reason and expiry); a `gone`
 * hit has nothing to decide and is `closed` once reviewed. Decisions are final: a decision
 * that turns out wrong is corrected by revoking the clearance, which lets the next update
 * raise a new alert.
 */
const HIT_TRANSITIONS: Record<AlertState, readonly AlertState[]> = {
  open: ['in-review', 'escalated'],
  'in-review': ['open', 'escalated', 'true-match', 'false-positive'],
  escalated: ['in-review', 'true-match', 'false-positive'],
  'true-match': [],
  'false-positive': [],
  closed: [],
};

const GONE_TRANSITIONS: Record<AlertState, readonly AlertState[]> = {
  open: ['in-review', 'escalated', 'closed'],
  'in-review': ['open', 'escalated', 'closed'],
  escalated: ['in-review', 'closed'],
  'true-match': [],
  'false-positive': [],
  closed: [],
};

/** The states an alert of `kind` may move to from `from`. */
export function nextAlertStates(kind: AlertKind, from: AlertState): readonly AlertState[] {
  return (kind === 'gone' ? GONE_TRANSITIONS : HIT_TRANSITIONS)[from];
}

/** True when the state ends the workflow. */
export function isDecidedAlertState(state: AlertState): boolean {
  return state === 'true-match' || state === 'false-positive' || state === 'closed';
}

/** A requested change of state, with what the decision needs. */
export interface AlertTransition {
  kind: AlertKind;
  from: AlertState;
  to: AlertState;
  /** Required for `true-match` and `false-positive`: why. */
  reason?: string;
}

/**
 * Refuses a transition the workflow does not allow (`alert-transition-refused`, naming
 * the states that are allowed) or a decision without a reason (`invalid-input`).
 */
export function checkAlertTransition(t: AlertTransition): void {
  const allowed = nextAlertStates(t.kind, t.from);
  if (!allowed.includes(t.to))
    throw new DomainError(
      'alert-transition-refused',
      allowed.length === 0
        ? `The alert is ${t.from}: decided alerts do not change state`
        : `A ${t.kind} alert cannot go from ${t.from} to ${t.to}; allowed: ${allowed.join(', ')}`,
      { field: 'state', from: t.from, to: t.to, accepted: allowed },
    );
  if ((t.to === 'true-match' || t.to === 'false-positive') && !t.reason?.trim())
    throw new DomainError('invalid-input', `Deciding an alert as ${t.to} needs a reason`, {
      field: 'reason',
    });
}

/** One entry of an alert's history: a state change, an assignment or a comment. */
export interface AlertEvent {
  at: string;
  /** `user:<id>` or `cli:<name>`, or `monitor` for what the monitoring run recorded. */
  by: string;
  type: 'raised' | 'updated' | 'state' | 'assign' | 'comment';
  from?: AlertState;
  to?: AlertState;
  assignee?: string | null;
  comment?: string;
}

/** One listing of an alert's subject, with the counterparty's hit on it (score, listed name) if any. */
export interface AlertListing {
  entityId: string;
  source: string;
  score?: number;
  listedName?: string;
}

/** A new or changed hit (or a gone one) on one of an organisation's counterparties, under review. */
export interface Alert {
  id: string;
  orgId: string;
  kind: AlertKind;
  state: AlertState;
  counterpartyId: string;
  /** The counterparty's primary name, for lists. */
  counterpartyName: string;
  /** The listed party (`source:sourceId`): the subject's best hit. */
  entityId: string;
  /**
   * The resolved subject the hits belong to (one alert per counterparty and subject, as single
   * screening groups its matches); the listing's own entity id while no resolution has seen it.
   */
  subjectId: string;
  subjectName?: string;
  /** Every current listing of the subject, each with the counterparty's hit on it where there is one. */
  listings: AlertListing[];
  /** The loaded lists (sources) that do not list the subject; empty while no resolution has seen it. */
  notListedBy: string[];
  listedName: string;
  /** The listed name or alias that matched best. */
  matchedName: string;
  score: number;
  features: Record<string, number>;
  explanation: string[];
  programs: string[];
  /** The list version the hit was found in (or, for a gone hit, the one it disappeared in). */
  listVersionId?: number;
  assignee?: string;
  /** Set on a false positive: the clearance recorded for it. */
  clearanceId?: string;
  /** Set on a decision. */
  reason?: string;
  expiresAt?: string;
  createdAt: string;
  updatedAt: string;
  decidedAt?: string;
  runId?: string;
  events: AlertEvent[];
}

/** The age of an alert in whole days at `now` (until its decision, once decided). */
export function alertAgeDays(a: Pick<Alert, 'createdAt' | 'decidedAt'>, now: Date): number {
  const end = a.decidedAt ? new Date(a.decidedAt).getTime() : now.getTime();
  return Math.max(0, Math.floor((end - new Date(a.createdAt).getTime()) / 86_400_000));
}
