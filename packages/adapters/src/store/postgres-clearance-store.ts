import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  clearanceSubjectKey,
  DomainError,
  type Clearance,
  type ClearanceStore,
  type NewClearance,
} from '@entente/core';

interface ClearanceRow {
  id: string;
  subject_key: string;
  subject: unknown;
  entity_id: string;
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
    subjectKey: r.subject_key,
    subject: r.subject as Clearance['subject'],
    entityId: r.entity_id,
    reason: r.reason,
    clearedBy: r.cleared_by,
    createdAt: iso(r.created_at)!,
    ...(r.expires_at ? { expiresAt: iso(r.expires_at) } : {}),
    ...(r.revoked_at ? { revokedAt: iso(r.revoked_at) } : {}),
  };
}

/** How long a snapshot of the clearances answers screenings before it is read again. */
export const CLEARANCE_SNAPSHOT_MS = 2_000;
/** How long screening counters are summed in memory before they are written. */
export const SCREENING_COUNTER_FLUSH_MS = 1_000;

/**
 * Cleared matches and screening counters over Kysely (PGlite or PostgreSQL).
 *
 * Screening reads the clearances of every subject that has matches, and counts every
 * screening: on the hot path of `POST /screen`. So clearances are read from a snapshot
 * (replaced at once after a write through this store, and re-read after
 * `CLEARANCE_SNAPSHOT_MS` so that writes by other processes show within that time), and
 * counters are summed per channel and written once per `SCREENING_COUNTER_FLUSH_MS`
 * (and before statistics are read and when the store closes).
 */
export class PostgresClearanceStore implements ClearanceStore {
  #snapshot: { at: number; rows: Promise<Clearance[]> } | undefined;
  #pending = new Map<string, { subjects: number; hits: number }>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<any>) {}

  async #readAll(): Promise<Clearance[]> {
    const rows = await this.db
      .selectFrom('clearances')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => clearanceFromRow(r as ClearanceRow));
  }

  #all(): Promise<Clearance[]> {
    const now = Date.now();
    if (!this.#snapshot || now - this.#snapshot.at > CLEARANCE_SNAPSHOT_MS) {
      const rows = this.#readAll();
      this.#snapshot = { at: now, rows };
      rows.catch(() => (this.#snapshot = undefined));
    }
    return this.#snapshot.rows;
  }

  async saveClearance(input: NewClearance): Promise<Clearance> {
    if (!input.reason.trim())
      throw new DomainError('invalid-input', 'A clearance needs a reason', { field: 'reason' });
    const row = await this.db
      .insertInto('clearances')
      .values({
        id: randomUUID(),
        subject_key: clearanceSubjectKey(input.subject),
        subject: JSON.stringify(input.subject),
        entity_id: input.entityId,
        reason: input.reason.trim(),
        cleared_by: input.clearedBy,
        expires_at: input.expiresAt ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.#snapshot = undefined;
    return clearanceFromRow(row as ClearanceRow);
  }

  async clearances(subjectKey?: string): Promise<Clearance[]> {
    const all = await this.#all();
    return subjectKey === undefined ? [...all] : all.filter((c) => c.subjectKey === subjectKey);
  }

  async revokeClearance(id: string): Promise<Clearance> {
    const row = await this.db
      .updateTable('clearances')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new DomainError('not-found', `No active clearance ${id}`, { field: 'id' });
    this.#snapshot = undefined;
    return clearanceFromRow(row as ClearanceRow);
  }

  async recordScreening(event: { subjects: number; hits: number; channel: string }): Promise<void> {
    const sum = this.#pending.get(event.channel) ?? { subjects: 0, hits: 0 };
    sum.subjects += event.subjects;
    sum.hits += event.hits;
    this.#pending.set(event.channel, sum);
    if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush().catch(() => undefined), SCREENING_COUNTER_FLUSH_MS);
      this.#timer.unref();
    }
  }

  /** Writes the screening counters summed since the last write (one row per channel). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const rows = [...this.#pending].map(([channel, sum]) => ({ channel, ...sum }));
    this.#pending.clear();
    this.#flushing = this.#flushing
      .catch(() => undefined)
      .then(async () => {
        if (rows.length > 0) await this.db.insertInto('screening_events').values(rows).execute();
      });
    return this.#flushing;
  }

  async screeningStats(days: number): Promise<{ day: string; subjects: number; hits: number }[]> {
    await this.flush();
    const r = await sql<{ day: string; subjects: number; hits: number }>`
      select to_char(date_trunc('day', at), 'YYYY-MM-DD') as day, sum(subjects)::int as subjects, sum(hits)::int as hits
      from screening_events where at > now() - make_interval(days => ${days}) group by 1 order by 1`.execute(
      this.db,
    );
    return r.rows;
  }
}
