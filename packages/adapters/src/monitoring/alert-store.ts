import { sql, type Insertable, type Kysely } from 'kysely';
import {
  DomainError,
  type Alert,
  type AlertEvent,
  type AlertKind,
  type AlertListing,
  type AlertState,
} from '@entente/core';
import { AuditLog } from '../sharing/audit-log.ts';
import { actorOf, type AuditSource } from '../sharing/actor.ts';
import type { Database } from '../store/database.ts';
import type { MonitorAlertEventRow } from './monitoring-database.ts';
import type { HitMatch, RunAlert } from './monitor-records.ts';
import { pagesOf } from './key-pages.ts';

/** A change to one alert: any of state (with reason and expiry for a decision), assignee, comment. */
export interface AlertChange {
  state?: AlertState;
  reason?: string;
  expiresAt?: string;
  /** A user id, or null to unassign. */
  assignee?: string | null;
  comment?: string;
  clearanceId?: string;
}

/** Which alerts to list. */
export interface AlertFilter {
  states?: AlertState[];
  kinds?: AlertKind[];
  assignee?: string;
  counterpartyId?: string;
  limit?: number;
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);
const systemClock = { now: () => new Date() };

type Row = Record<string, any>;

/**
 * An alert from its row (`match` null: the match of its hit, read as `hit_match`; migration 022)
 * and its history's rows, led by its `raised` entry when the row keeps it (`raised_note`).
 */
function alertFromRow(r: Row, rows: AlertEvent[]): Alert {
  const m = (r.match ?? r.hit_match) as HitMatch;
  const events: AlertEvent[] =
    r.raised_note === null || r.raised_note === undefined
      ? rows
      : [
          {
            at: iso(r.created_at)!,
            by: 'monitor',
            type: 'raised',
            to: 'open',
            ...(r.raised_note ? { comment: r.raised_note } : {}),
          },
          ...rows,
        ];
  // An alert raised before migration 018 is the alert of one listing.
  const listings = (r.listings as AlertListing[] | null) ?? [
    { entityId: r.entity_id, source: m.source, score: Number(r.score), listedName: r.listed_name },
  ];
  return {
    id: r.id,
    orgId: r.org_id,
    kind: r.kind,
    state: r.state,
    counterpartyId: r.counterparty_id,
    counterpartyName: r.counterparty_name,
    entityId: r.entity_id,
    subjectId: r.subject_id ?? r.entity_id,
    ...(r.subject_name ? { subjectName: r.subject_name } : {}),
    listings,
    notListedBy: (r.not_listed_by as string[] | null) ?? [],
    listedName: r.listed_name,
    matchedName: r.matched_name,
    score: Number(r.score),
    features: m.features ?? {},
    explanation: m.explanation ?? [],
    programs: m.programs ?? [],
    ...(r.list_version_id !== null ? { listVersionId: r.list_version_id } : {}),
    ...(r.assignee ? { assignee: r.assignee } : {}),
    ...(r.clearance_id ? { clearanceId: r.clearance_id } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.expires_at ? { expiresAt: iso(r.expires_at) } : {}),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    ...(r.decided_at ? { decidedAt: iso(r.decided_at) } : {}),
    ...(r.run_id ? { runId: r.run_id } : {}),
    events,
  };
}

function eventFromRow(r: Row): AlertEvent {
  return {
    at: iso(r.at)!,
    by: r.by,
    type: r.type,
    ...(r.from_state ? { from: r.from_state } : {}),
    ...(r.to_state ? { to: r.to_state } : {}),
    ...(r.type === 'assign' ? { assignee: r.assignee ?? null } : {}),
    ...(r.comment ? { comment: r.comment } : {}),
  };
}

/**
 * Monitoring's alerts (with history) over Kysely, per organisation, and their review
 * workflow: every alert change appends to the audit chain in the same transaction;
 * another organisation's alert answers `not-found` like an unknown id, and the refused
 * attempt is audited.
 */
export class AlertStore {
  readonly #audit: AuditLog;

  constructor(private readonly db: Kysely<Database>) {
    this.#audit = new AuditLog(db, systemClock);
  }

  /** Alert rows with the match of their hit beside (`hit_match`) when they refer to it. */
  #withMatch() {
    return this.db
      .selectFrom('monitor_alerts as a')
      .leftJoin('monitor_hits as h', (j) =>
        j
          .on('a.match', 'is', null)
          .onRef('h.org_id', '=', 'a.org_id')
          .onRef('h.counterparty_id', '=', 'a.counterparty_id')
          .onRef('h.entity_id', '=', 'a.entity_id'),
      )
      .selectAll('a')
      .select('h.match as hit_match');
  }

  /** The organisation's alerts, oldest first, with their history. */
  async alerts(orgId: string, filter: AlertFilter = {}): Promise<Alert[]> {
    let q = this.#withMatch().where('a.org_id', '=', orgId);
    if (filter.states?.length) q = q.where('a.state', 'in', filter.states);
    if (filter.kinds?.length) q = q.where('a.kind', 'in', filter.kinds);
    if (filter.assignee) q = q.where('a.assignee', '=', filter.assignee);
    if (filter.counterpartyId) q = q.where('a.counterparty_id', '=', filter.counterpartyId);
    // Alerts of one run share its time: within it, by counterparty (then kind and listed party), not by random id.
    const rows = await q
      .orderBy('a.created_at')
      .orderBy('a.counterparty_id')
      .orderBy('a.kind')
      .orderBy('a.entity_id')
      .orderBy('a.id')
      .limit(filter.limit ?? 10_000)
      .execute();
    const events = new Map<string, AlertEvent[]>();
    const ids = rows.map((r: Row) => r.id as string);
    for (let i = 0; i < ids.length; i += 1000) {
      const page = ids.slice(i, i + 1000);
      const evs = await this.db
        .selectFrom('monitor_alert_events')
        .selectAll()
        .where('alert_id', 'in', page)
        .orderBy('seq')
        .execute();
      for (const e of evs) {
        const list = events.get(e.alert_id) ?? [];
        list.push(eventFromRow(e));
        events.set(e.alert_id, list);
      }
    }
    return rows.map((r: Row) => alertFromRow(r, events.get(r.id) ?? []));
  }

  /**
   * The organisation's alerts of these kinds as a run compares them: keys, kind, state and
   * age only (no match, listings or history; a run of a large register reads 200,000). With
   * `counterpartyIds`, only theirs; with `entityIds` besides, only those on these listed parties.
   */
  async runAlerts(
    orgId: string,
    kinds: AlertKind[],
    counterpartyIds?: ReadonlySet<string>,
    entityIds?: ReadonlySet<string>,
  ): Promise<RunAlert[]> {
    const rows = [];
    if (entityIds?.size === 0 || counterpartyIds?.size === 0) return [];
    // By pages of counterparties: a counterparty's alerts are in one page, in order (a run
    // compares alerts per counterparty and subject, never across counterparties).
    for (const page of pagesOf(counterpartyIds)) {
      let q = this.db
        .selectFrom('monitor_alerts')
        .select(['id', 'kind', 'state', 'counterparty_id', 'entity_id', 'created_at'])
        .where('org_id', '=', orgId)
        .where('kind', 'in', kinds);
      if (page) q = q.where('counterparty_id', 'in', page);
      // By the pair index (org, counterparty, entity): only the alerts on these listed parties.
      if (entityIds) q = q.where('entity_id', 'in', [...entityIds]);
      // Not `push(...rows)`: 180,000 alerts overflow the call stack as arguments.
      for (const r of await q
        .orderBy('created_at')
        .orderBy('counterparty_id')
        .orderBy('kind')
        .orderBy('entity_id')
        .orderBy('id')
        .execute())
        rows.push(r);
    }
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as AlertKind,
      state: r.state as AlertState,
      counterpartyId: r.counterparty_id,
      entityId: r.entity_id,
      createdAt: iso(r.created_at)!,
    }));
  }

  /** One of the organisation's alerts; `not-found` for an unknown id or another organisation's (audited). */
  async alert(orgId: string, id: string, by?: AuditSource, action = 'monitor.alert-read'): Promise<Alert> {
    const row = await this.#withMatch()
      .where('a.id', '=', id)
      .where('a.org_id', '=', orgId)
      .executeTakeFirst();
    if (!row) {
      if (by) await this.#refused(orgId, id, by, action);
      throw new DomainError('not-found', `No alert ${id}`, { field: 'id' });
    }
    const evs = await this.db
      .selectFrom('monitor_alert_events')
      .selectAll()
      .where('alert_id', '=', id)
      .orderBy('seq')
      .execute();
    return alertFromRow(row, evs.map(eventFromRow));
  }

  async #refused(orgId: string, id: string, by: AuditSource, action: string): Promise<void> {
    await this.#audit.append({
      ...actorOf(by),
      action,
      targetType: 'alert',
      targetId: id,
      outcome: 'denied',
      details: { orgId },
    });
  }

  /**
   * Applies a checked change to one of the organisation's alerts and appends it to its
   * history and to the audit chain, together. `expected` is the state the change was
   * checked against: if another user moved the alert meanwhile, `conflict`.
   */
  async changeAlert(
    orgId: string,
    id: string,
    expected: AlertState,
    change: AlertChange,
    by: AuditSource,
  ): Promise<Alert> {
    const found = await this.db
      .transaction()
      .execute((tx) => this.#applyChange(tx, orgId, id, expected, change, by));
    if (!found) {
      await this.#refused(orgId, id, by, 'monitor.alert-change');
      throw new DomainError('not-found', `No alert ${id}`, { field: 'id' });
    }
    return this.alert(orgId, id);
  }

  /**
   * `changeAlert` inside a transaction the caller holds (a false positive's: its clearance is
   * written in the same one); throws `not-found` for an alert that is not the organisation's.
   */
  async changeAlertIn(
    tx: Kysely<Database>,
    orgId: string,
    id: string,
    expected: AlertState,
    change: AlertChange,
    by: AuditSource,
  ): Promise<void> {
    if (!(await this.#applyChange(tx, orgId, id, expected, change, by)))
      throw new DomainError('not-found', `No alert ${id}`, { field: 'id' });
  }

  async #applyChange(
    tx: Kysely<Database>,
    orgId: string,
    id: string,
    expected: AlertState,
    change: AlertChange,
    by: AuditSource,
  ): Promise<boolean> {
    const who = by.userId && by.userId !== 'cli' ? `user:${by.userId}` : `cli`;
    const row = await tx
      .selectFrom('monitor_alerts')
      .selectAll()
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return false;
    if (row.state !== expected)
      throw new DomainError('conflict', `Alert ${id} is now ${row.state}; reload it and try again`, {
        field: 'state',
        state: row.state,
      });
    const set: Record<string, unknown> = { updated_at: sql`now()` };
    const events: Omit<Insertable<MonitorAlertEventRow>, 'alert_id' | 'by'>[] = [];
    if (change.state && change.state !== row.state) {
      set.state = change.state;
      if (change.state === 'true-match' || change.state === 'false-positive' || change.state === 'closed') {
        set.decided_at = sql`now()`;
        set.reason = change.reason?.trim() ?? null;
        set.expires_at = change.expiresAt ?? null;
        set.clearance_id = change.clearanceId ?? null;
      }
      events.push({
        type: 'state',
        from_state: row.state,
        to_state: change.state,
        comment: change.reason?.trim() ?? null,
      });
    }
    if (change.assignee !== undefined) {
      set.assignee = change.assignee;
      events.push({ type: 'assign', assignee: change.assignee });
    }
    if (change.comment?.trim()) events.push({ type: 'comment', comment: change.comment.trim() });
    await tx.updateTable('monitor_alerts').set(set).where('id', '=', id).execute();
    for (const e of events)
      await tx
        .insertInto('monitor_alert_events')
        .values({ alert_id: id, by: who, ...e })
        .execute();
    await this.#audit.appendIn(tx, {
      ...actorOf(by),
      action: 'monitor.alert-change',
      targetType: 'alert',
      targetId: id,
      outcome: 'ok',
      details: {
        orgId,
        from: row.state,
        to: change.state ?? row.state,
        assignee: change.assignee === undefined ? (row.assignee ?? null) : change.assignee,
        comment: change.comment?.trim() ? true : false,
        clearanceId: change.clearanceId ?? null,
      },
    });
    return true;
  }
}
