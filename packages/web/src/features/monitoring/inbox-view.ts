/**
 * What the alert inbox and the monitoring dashboard show, computed from the
 * organisation's alerts: filters (state, list, ally, kind), sorts (age, score)
 * and the register's state by list and by ally (counterparties with open
 * alerts, time to decision). Pure, so it is tested without a browser.
 */
import {
  alertAgeDays,
  isDecidedAlertState,
  type Alert,
  type AlertKind,
  type AlertState,
} from '@entente/core';

/** Which alerts to show. Empty arrays and undefined mean "any". */
export interface InboxFilter {
  states: AlertState[];
  list?: string;
  ally?: string;
  kind?: AlertKind;
}

/** How to order the inbox. */
export type InboxSort = 'age-desc' | 'age-asc' | 'score-desc' | 'score-asc';

const ALLIES: Record<string, string> = {
  us: 'US',
  eu: 'EU',
  uk: 'UK',
  jp: 'JP',
  au: 'AU',
  ca: 'CA',
  ch: 'CH',
  un: 'UN',
};

/** The list an alert's listed party is on: the source part of `source:sourceId`. */
export function listOfAlert(alert: Pick<Alert, 'entityId'>): string {
  const colon = alert.entityId.indexOf(':');
  return colon < 0 ? alert.entityId : alert.entityId.slice(0, colon);
}

/** The ally (or the UN) that publishes a list, from its source id (`us-ofac-sdn` → US). */
export function allyOfList(source: string): string {
  return ALLIES[source.split('-')[0] ?? ''] ?? 'other';
}

/** The alerts the filter lets through. */
export function filterAlerts(alerts: readonly Alert[], filter: InboxFilter): Alert[] {
  return alerts.filter(
    (a) =>
      (filter.states.length === 0 || filter.states.includes(a.state)) &&
      (filter.list === undefined || listOfAlert(a) === filter.list) &&
      (filter.ally === undefined || allyOfList(listOfAlert(a)) === filter.ally) &&
      (filter.kind === undefined || a.kind === filter.kind),
  );
}

/** The alerts in the chosen order; ties keep the newest first, then the id, so the order is stable. */
export function sortAlerts(alerts: readonly Alert[], sort: InboxSort): Alert[] {
  const created = (a: Alert) => new Date(a.createdAt).getTime();
  const byKey: Record<InboxSort, (a: Alert, b: Alert) => number> = {
    'age-desc': (a, b) => created(a) - created(b),
    'age-asc': (a, b) => created(b) - created(a),
    'score-desc': (a, b) => b.score - a.score,
    'score-asc': (a, b) => a.score - b.score,
  };
  return [...alerts].sort((a, b) => byKey[sort](a, b) || created(b) - created(a) || a.id.localeCompare(b.id));
}

/** One row of the register's state by list or by ally. */
export interface RegisterStateRow {
  key: string;
  /** Counterparties with at least one undecided alert. */
  counterpartiesWithOpenAlerts: number;
  openAlerts: number;
  decidedAlerts: number;
  /** Median days from an alert to its decision, over the decided ones. */
  medianDaysToDecision?: number;
  /** Age in days of the oldest undecided alert. */
  oldestOpenDays?: number;
}

/** The register's state grouped by list or by ally, largest open backlog first. */
export function summariseRegister(
  alerts: readonly Alert[],
  by: 'list' | 'ally',
  now: Date,
): RegisterStateRow[] {
  const groups = new Map<string, Alert[]>();
  for (const a of alerts) {
    const key = by === 'list' ? listOfAlert(a) : allyOfList(listOfAlert(a));
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const rows = [...groups].map(([key, group]): RegisterStateRow => {
    const open = group.filter((a) => !isDecidedAlertState(a.state));
    const decided = group.filter((a) => isDecidedAlertState(a.state) && a.decidedAt);
    const days = decided
      .map((a) => (new Date(a.decidedAt!).getTime() - new Date(a.createdAt).getTime()) / 86_400_000)
      .sort((x, y) => x - y);
    const row: RegisterStateRow = {
      key,
      counterpartiesWithOpenAlerts: new Set(open.map((a) => a.counterpartyId)).size,
      openAlerts: open.length,
      decidedAlerts: decided.length,
    };
    if (days.length > 0) row.medianDaysToDecision = median(days);
    if (open.length > 0) row.oldestOpenDays = Math.max(...open.map((a) => alertAgeDays(a, now)));
    return row;
  });
  return rows.sort((a, b) => b.openAlerts - a.openAlerts || a.key.localeCompare(b.key));
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
