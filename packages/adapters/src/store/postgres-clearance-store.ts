import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  clearanceSubjectKey,
  DomainError,
  type Clearance,
  type ClearanceAuthor,
  type ClearanceStore,
  type NewClearance,
  type ScreeningEvent,
  type ScreeningStatsScope,
} from '@entente/core';
import { AuditLog } from '../sharing/audit-log.ts';
import type { Database } from './database.ts';

interface ClearanceRow {
  id: string;
  org_id: string;
  subject_key: string;
  subject: unknown;
  entity_id: string;
  listings: unknown;
  reason: string;
  cleared_by: string;
  created_at: Date | string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (d: Date | string | null): string | undefined =>
  d === null ? undefined : new Date(d).toISOString();

function clearanceFromRow(r: ClearanceRow): Clearance {
  return {
    id: r.id,
    orgId: r.org_id,
    subjectKey: r.subject_key,
    subject: r.subject as Clearance['subject'],
    entityId: r.entity_id,
    ...(Array.isArray(r.listings) ? { listings: r.listings as string[] } : {}),
    reason: r.reason,
    clearedBy: r.cleared_by,
    createdAt: iso(r.created_at)!,
    ...(r.expires_at ? { expiresAt: iso(r.expires_at) } : {}),
    ...(r.revoked_at ? { revokedAt: iso(r.revoked_at) } : {}),
  };
}

/** The clearances of every organisation, newest first, by organisation and by subject key within it. */
interface Snapshot {
  byOrg: Map<string, Clearance[]>;
  byOrgSubject: Map<string, Clearance[]>;
}

const orgSubject = (orgId: string, subjectKey: string) => `${orgId}\u0000${subjectKey}`;

function snapshotOf(clearances: Clearance[]): Snapshot {
  const byOrg = new Map<string, Clearance[]>();
  const byOrgSubject = new Map<string, Clearance[]>();
  const push = (m: Map<string, Clearance[]>, k: string, c: Clearance) => {
    const list = m.get(k);
    if (list) list.push(c);
    else m.set(k, [c]);
  };
  for (const c of clearances) {
    push(byOrg, c.orgId, c);
    push(byOrgSubject, orgSubject(c.orgId, c.subjectKey), c);
  }
  return { byOrg, byOrgSubject };
}

/** How long a snapshot of the clearances answers screenings before it is read again. */
export const CLEARANCE_SNAPSHOT_MS = 2_000;
/** How long screening counters are summed in memory before they are written. */
export const SCREENING_COUNTER_FLUSH_MS = 1_000;

const systemClock = { now: () => new Date() };

/**
 * Cleared matches and screening counters over Kysely (PGlite or PostgreSQL), per organisation.
 *
 * Screening reads the clearances of every subject that has matches, and counts every
 * screening: on the hot path of `POST /screen`. So clearances are read from a snapshot of
 * every organisation's (indexed by organisation and subject, replaced at once after a write
 * through this store, and re-read after `CLEARANCE_SNAPSHOT_MS` so that writes by other
 * processes show within that time), and counters are summed per organisation and channel
 * and written once per `SCREENING_COUNTER_FLUSH_MS` (and before statistics are read and when
 * the store closes). Clearances without an organisation (made before migration 007 by the
 * CLI) are never read. Creating and revoking append to the audit chain in the same transaction.
 */
export class PostgresClearanceStore implements ClearanceStore {
  #snapshot: { at: number; data: Promise<Snapshot> } | undefined;
  #pending = new Map<string, ScreeningEvent>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  readonly #audit: AuditLog;

  constructor(private readonly db: Kysely<Database>) {
    this.#audit = new AuditLog(db, systemClock);
  }

  async #readAll(): Promise<Snapshot> {
    const rows = await this.db
      .selectFrom('clearances')
      .selectAll()
      .where('org_id', 'is not', null)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return snapshotOf(rows.map((r) => clearanceFromRow(r as ClearanceRow)));
  }

  #current(): Promise<Snapshot> {
    const now = Date.now();
    if (!this.#snapshot || now - this.#snapshot.at > CLEARANCE_SNAPSHOT_MS) {
      const data = this.#readAll();
      this.#snapshot = { at: now, data };
      data.catch(() => (this.#snapshot = undefined));
    }
    return this.#snapshot.data;
  }

  async saveClearance(
    input: NewClearance,
    by: ClearanceAuthor,
    alongside?: (clearance: Clearance, transaction: unknown) => Promise<void>,
  ): Promise<Clearance> {
    if (!input.reason.trim())
      throw new DomainError('invalid-input', 'A clearance needs a reason', { field: 'reason' });
    if (input.listings && input.listings.length === 0)
      throw new DomainError('invalid-input', 'A subject clearance covers at least one listing', {
        field: 'listings',
      });
    const org = await this.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', input.orgId)
      .executeTakeFirst();
    if (!org) throw new DomainError('not-found', `No organisation ${input.orgId}`, { field: 'org' });
    const row = await this.db.transaction().execute(async (tx) => {
      const saved = (await tx
        .insertInto('clearances')
        .values({
          id: randomUUID(),
          org_id: input.orgId,
          subject_key: clearanceSubjectKey(input.subject),
          subject: JSON.stringify(input.subject),
          entity_id: input.entityId,
          listings: input.listings ? JSON.stringify(input.listings) : null,
          reason: input.reason.trim(),
          cleared_by: input.clearedBy,
          expires_at: input.expiresAt ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow()) as ClearanceRow;
      await this.#audit.appendIn(tx, {
        actorUserId: by.userId,
        actorOrgId: by.orgId,
        ip: by.ip,
        action: 'clearance.create',
        targetType: 'clearance',
        targetId: saved.id,
        outcome: 'ok',
        details: {
          orgId: input.orgId,
          entityId: input.entityId,
          // Audit details are scalars: the covered listings as a JSON array.
          ...(input.listings ? { listings: JSON.stringify(input.listings) } : {}),
        },
      });
      await alongside?.(clearanceFromRow(saved), tx);
      return saved;
    });
    this.#snapshot = undefined;
    return clearanceFromRow(row);
  }

  async clearances(orgId: string, subjectKey?: string): Promise<Clearance[]> {
    const snapshot = await this.#current();
    const found =
      subjectKey === undefined
        ? snapshot.byOrg.get(orgId)
        : snapshot.byOrgSubject.get(orgSubject(orgId, subjectKey));
    return [...(found ?? [])];
  }

  async revokeClearance(orgId: string, id: string, by: ClearanceAuthor): Promise<Clearance> {
    const event = {
      actorUserId: by.userId,
      actorOrgId: by.orgId,
      ip: by.ip,
      action: 'clearance.revoke',
      targetType: 'clearance',
      targetId: id,
      details: { orgId },
    };
    const row = await this.db.transaction().execute(async (tx) => {
      const revoked = (await tx
        .updateTable('clearances')
        .set({ revoked_at: sql`now()` })
        .where('id', '=', id)
        .where('org_id', '=', orgId)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst()) as ClearanceRow | undefined;
      if (revoked) {
        await this.#audit.appendIn(tx, {
          ...event,
          outcome: 'ok',
          details: { orgId, entityId: revoked.entity_id },
        });
      }
      return revoked;
    });
    if (!row) {
      // Missing, already revoked and another organisation's look the same to the caller;
      // the attempt is on record.
      await this.#audit.append({ ...event, outcome: 'denied' });
      throw new DomainError('not-found', `No active clearance ${id}`, { field: 'id' });
    }
    this.#snapshot = undefined;
    return clearanceFromRow(row);
  }

  async recordScreening(event: ScreeningEvent): Promise<void> {
    const key = `${event.orgId ?? ''}\u0000${event.channel}`;
    const sum = this.#pending.get(key) ?? {
      orgId: event.orgId,
      channel: event.channel,
      subjects: 0,
      hits: 0,
    };
    sum.subjects += event.subjects;
    sum.hits += event.hits;
    this.#pending.set(key, sum);
    if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush().catch(() => undefined), SCREENING_COUNTER_FLUSH_MS);
      this.#timer.unref();
    }
  }

  /** Writes the screening counters summed since the last write (one row per organisation and channel). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const rows = [...this.#pending.values()].map((e) => ({
      org_id: e.orgId,
      channel: e.channel,
      subjects: e.subjects,
      hits: e.hits,
    }));
    this.#pending.clear();
    this.#flushing = this.#flushing
      .catch(() => undefined)
      .then(async () => {
        if (rows.length > 0) await this.db.insertInto('screening_events').values(rows).execute();
      });
    return this.#flushing;
  }

  async screeningStats(
    days: number,
    scope: ScreeningStatsScope,
  ): Promise<{ day: string; subjects: number; hits: number }[]> {
    await this.flush();
    const only = scope === 'all-organisations' ? sql`true` : sql`org_id = ${scope.orgId}`;
    const r = await sql<{ day: string; subjects: number; hits: number }>`
      select to_char(date_trunc('day', at), 'YYYY-MM-DD') as day, sum(subjects)::int as subjects, sum(hits)::int as hits
      from screening_events where at > now() - make_interval(days => ${days}) and ${only} group by 1 order by 1`.execute(
      this.db,
    );
    return r.rows;
  }
}
