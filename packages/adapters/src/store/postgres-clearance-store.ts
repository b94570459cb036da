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

/** Cleared matches and screening counters over Kysely (PGlite or PostgreSQL). */
export class PostgresClearanceStore implements ClearanceStore {
  constructor(private readonly db: Kysely<any>) {}

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
    return clearanceFromRow(row as ClearanceRow);
  }

  async clearances(subjectKey?: string): Promise<Clearance[]> {
    let q = this.db.selectFrom('clearances').selectAll();
    if (subjectKey !== undefined) q = q.where('subject_key', '=', subjectKey);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map((r) => clearanceFromRow(r as ClearanceRow));
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
    return clearanceFromRow(row as ClearanceRow);
  }

  async recordScreening(event: { subjects: number; hits: number; channel: string }): Promise<void> {
    await this.db.insertInto('screening_events').values(event).execute();
  }

  async screeningStats(days: number): Promise<{ day: string; subjects: number; hits: number }[]> {
    const r = await sql<{ day: string; subjects: number; hits: number }>`
      select to_char(date_trunc('day', at), 'YYYY-MM-DD') as day, sum(subjects)::int as subjects, sum(hits)::int as hits
      from screening_events where at > now() - make_interval(days => ${days}) group by 1 order by 1`.execute(
      this.db,
    );
    return r.rows;
  }
}
