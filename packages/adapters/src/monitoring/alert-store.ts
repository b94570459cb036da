import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import {
  DomainError,
  emptyRunCounts,
  type Alert,
  type AlertEvent,
  type AlertKind,
  type AlertState,
  type MonitorHit,
  type MonitorRun,
  type MonitorRunCounts,
  type MonitorTrigger,
} from '@entente/core';
import { AuditLog } from '../sharing/audit-log.ts';
import { actorOf, type AuditSource } from '../sharing/actor.ts';
import type { Database } from '../store/database.ts';
import type { MonitorAlertEventRow } from './monitoring-database.ts';

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

function alertFromRow(r: Row, events: AlertEvent[]): Alert {
  const m = r.match as HitMatch;
  return {
    id: r.id,
    orgId: r.org_id,
    kind: r.kind,
    state: r.state,
    counterpartyId: r.counterparty_id,
    counterpartyName: r.counterparty_name,
    entityId: r.entity_id,
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

function runFromRow(r: Row): MonitorRun {
  return {
    id: r.id,
    orgId: r.org_id,
    trigger: r.trigger,
    state: r.state,
    target: r.target,
    done: r.done,
    total: r.total,
    counts: { ...emptyRunCounts(), ...(r.counts as Partial<MonitorRunCounts>) },
    startedAt: iso(r.started_at)!,
    ...(r.finished_at ? { finishedAt: iso(r.finished_at) } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

/** A run that has not moved for this long is taken over by the next node that wants it. */
export const STALLED_RUN_SECONDS = 120;

/**
 * Monitoring's hits, alerts (with history) and runs over Kysely, per organisation.
 * A run's hits and alerts are written in one transaction; every alert change appends
 * to the audit chain in the same transaction; another organisation's alert answers
 * `not-found` like an unknown id, and the refused attempt is audited.
 */
export class AlertStore {
  readonly #audit: AuditLog;

  constructor(private readonly db: Kysely<Database>) {
    this.#audit = new AuditLog(db, systemClock);
  }

  /** The organisation's current hits. */
  async hits(orgId: string): Promise<StoredHit[]> {
    const rows = await this.db.selectFrom('monitor_hits').selectAll().where('org_id', '=', orgId).execute();
    return rows.map((r: Row) => ({
      counterpartyId: r.counterparty_id,
      entityId: r.entity_id,
      score: Number(r.score),
      partyHash: r.party_hash,
      counterpartyVersion: r.counterparty_version,
      ...(r.list_version_id !== null ? { listVersionId: r.list_version_id } : {}),
      match: r.match as HitMatch,
    }));
  }

  /** Up to which list version of each source (and `#register` change) the organisation's alerts are current. */
  async positions(orgId: string): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('monitor_state').selectAll().where('org_id', '=', orgId).execute();
    return new Map(rows.map((r: Row) => [r.source as string, Number(r.position)]));
  }

  /** The alerts not yet decided, by counterparty and listed party. */
  async undecided(orgId: string): Promise<Map<string, Alert>> {
    const alerts = await this.alerts(orgId, { states: ['open', 'in-review', 'escalated'], limit: 1_000_000 });
    return new Map(alerts.map((a) => [`${a.counterpartyId}\u0000${a.entityId}`, a]));
  }

  /**
   * Claims the run that brings the organisation to `target`: inserts it, or takes over one
   * that failed or stalled. Undefined when another process has it (or it is done).
   */
  async claimRun(orgId: string, target: string, trigger: MonitorTrigger): Promise<MonitorRun | undefined> {
    const counts = JSON.stringify(emptyRunCounts());
    const inserted = await sql<Row>`
      insert into monitor_runs (id, org_id, target, trigger, state, counts)
      values (${randomUUID()}, ${orgId}, ${target}, ${trigger}, 'running', ${counts})
      on conflict (org_id, target) do nothing returning *`.execute(this.db);
    if (inserted.rows[0]) return runFromRow(inserted.rows[0]);
    const taken = await sql<Row>`
      update monitor_runs set state = 'running', error = null, done = 0, total = 0, counts = ${counts},
        trigger = ${trigger}, started_at = now(), heartbeat_at = now(), finished_at = null
      where org_id = ${orgId} and target = ${target}
        and (state = 'failed' or (state = 'running' and heartbeat_at < now() - make_interval(secs => ${STALLED_RUN_SECONDS})))
      returning *`.execute(this.db);
    return taken.rows[0] ? runFromRow(taken.rows[0]) : undefined;
  }

  /** Records a run's progress (and that it is alive). */
  async progress(runId: string, done: number, total: number, counts: MonitorRunCounts): Promise<void> {
    await this.db
      .updateTable('monitor_runs')
      .set({ done, total, counts: JSON.stringify(counts), heartbeat_at: sql`now()` })
      .where('id', '=', runId)
      .execute();
  }

  /** Marks a run failed with its error (its target can be claimed again). */
  async failRun(runId: string, error: string): Promise<void> {
    await this.db
      .updateTable('monitor_runs')
      .set({ state: 'failed', error: error.slice(0, 1000), finished_at: sql`now()` })
      .where('id', '=', runId)
      .execute();
  }

  /** Writes a run's hits, alerts and positions and marks it done, in one transaction. */
  async finishRun(
    orgId: string,
    run: MonitorRun,
    outcome: RunOutcome,
    counts: MonitorRunCounts,
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const d of outcome.deleteHits)
        await tx
          .deleteFrom('monitor_hits')
          .where('org_id', '=', orgId)
          .where('counterparty_id', '=', d.counterpartyId)
          .where('entity_id', '=', d.entityId)
          .execute();
      for (let i = 0; i < outcome.upsertHits.length; i += 500) {
        const page = outcome.upsertHits.slice(i, i + 500);
        await tx
          .insertInto('monitor_hits')
          .values(
            page.map((h) => ({
              org_id: orgId,
              counterparty_id: h.counterpartyId,
              entity_id: h.entityId,
              score: h.score,
              party_hash: h.partyHash,
              counterparty_version: h.counterpartyVersion,
              list_version_id: h.listVersionId ?? null,
              match: JSON.stringify(h.match),
            })),
          )
          .onConflict((oc) =>
            oc.columns(['org_id', 'counterparty_id', 'entity_id']).doUpdateSet((eb) => ({
              score: eb.ref('excluded.score'),
              party_hash: eb.ref('excluded.party_hash'),
              counterparty_version: eb.ref('excluded.counterparty_version'),
              list_version_id: eb.ref('excluded.list_version_id'),
              match: eb.ref('excluded.match'),
              updated_at: sql`now()`,
            })),
          )
          .execute();
      }
      for (const a of outcome.newAlerts) {
        const id = randomUUID();
        await tx
          .insertInto('monitor_alerts')
          .values({
            id,
            org_id: orgId,
            kind: a.kind,
            state: 'open',
            counterparty_id: a.counterpartyId,
            counterparty_name: a.counterpartyName,
            entity_id: a.entityId,
            listed_name: a.listedName,
            matched_name: a.matchedName,
            score: a.score,
            match: JSON.stringify({
              features: a.features,
              explanation: a.explanation,
              programs: a.programs,
              source: a.source,
              listedName: a.listedName,
              matchedName: a.matchedName,
            }),
            list_version_id: a.listVersionId ?? null,
            run_id: run.id,
          })
          .execute();
        await tx
          .insertInto('monitor_alert_events')
          .values({ alert_id: id, by: 'monitor', type: 'raised', to_state: 'open', comment: a.note })
          .execute();
      }
      for (const u of outcome.updatedAlerts) {
        if (u.hit)
          await tx
            .updateTable('monitor_alerts')
            .set({
              score: u.hit.score,
              matched_name: u.hit.match.matchedName,
              listed_name: u.hit.match.listedName,
              match: JSON.stringify(u.hit.match),
              list_version_id: u.hit.listVersionId ?? null,
              updated_at: sql`now()`,
            })
            .where('id', '=', u.id)
            .where('org_id', '=', orgId)
            .execute();
        await tx
          .insertInto('monitor_alert_events')
          .values({ alert_id: u.id, by: 'monitor', type: 'updated', comment: u.note })
          .execute();
      }
      for (const [source, position] of Object.entries(outcome.positions))
        await tx
          .insertInto('monitor_state')
          .values({ org_id: orgId, source, position })
          .onConflict((oc) => oc.columns(['org_id', 'source']).doUpdateSet({ position }))
          .execute();
      await tx
        .updateTable('monitor_runs')
        .set({
          state: 'done',
          counts: JSON.stringify(counts),
          finished_at: sql`now()`,
          heartbeat_at: sql`now()`,
        })
        .where('id', '=', run.id)
        .execute();
    });
  }

  /** The organisation's runs, newest first. */
  async runs(orgId: string, limit = 20): Promise<MonitorRun[]> {
    const rows = await this.db
      .selectFrom('monitor_runs')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(runFromRow);
  }

  /** The organisation's alerts, oldest first, with their history. */
  async alerts(orgId: string, filter: AlertFilter = {}): Promise<Alert[]> {
    let q = this.db.selectFrom('monitor_alerts').selectAll().where('org_id', '=', orgId);
    if (filter.states?.length) q = q.where('state', 'in', filter.states);
    if (filter.kinds?.length) q = q.where('kind', 'in', filter.kinds);
    if (filter.assignee) q = q.where('assignee', '=', filter.assignee);
    if (filter.counterpartyId) q = q.where('counterparty_id', '=', filter.counterpartyId);
    // Alerts of one run share its time: within it, by counterparty (then kind and listed party), not by random id.
    const rows = await q
      .orderBy('created_at')
      .orderBy('counterparty_id')
      .orderBy('kind')
      .orderBy('entity_id')
      .orderBy('id')
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

  /** One of the organisation's alerts; `not-found` for an unknown id or another organisation's (audited). */
  async alert(orgId: string, id: string, by?: AuditSource, action = 'monitor.alert-read'): Promise<Alert> {
    const row = await this.db
      .selectFrom('monitor_alerts')
      .selectAll()
      .where('id', '=', id)
      .where('org_id', '=', orgId)
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
