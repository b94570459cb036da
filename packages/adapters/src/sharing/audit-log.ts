import { sql, type Kysely, type Selectable } from 'kysely';
import type { Clock } from '@entente/core';
import {
  AUDIT_GENESIS_HASH,
  computeAuditHash,
  verifyAuditChain,
  type AuditEntry,
  type AuditEvent,
  type AuditVerification,
} from './core-sharing.ts';
import type { AuditRow, SharingDatabase } from './sharing-database.ts';
import { sha256Hex } from './secrets.ts';

/** Arbitrary constant: the advisory lock that serialises appends across processes and nodes. */
const AUDIT_LOCK_KEY = 7_331_004;
/** Entries read per page when verifying the whole chain. */
const VERIFY_PAGE = 2000;

/** An audit entry from its row. */
export function auditEntryFromRow(row: Selectable<AuditRow>): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorUserId: row.actor_user_id,
    actorOrgId: row.actor_org_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome as AuditEntry['outcome'],
    ip: row.ip,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The append-only, hash-chained audit log. */
export class AuditLog {
  constructor(
    private readonly db: Kysely<SharingDatabase>,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry inside `tx` (so a write and its entry commit together),
   * under an advisory lock so concurrent appends from any node keep one chain.
   */
  async appendIn(tx: Kysely<SharingDatabase>, event: AuditEvent): Promise<AuditEntry> {
    await this.lockIn(tx);
    const last = await tx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const base = {
      ...event,
      seq: Number(last?.seq ?? 0) + 1,
      at: this.clock.now().toISOString(),
      prevHash: last?.hash ?? AUDIT_GENESIS_HASH,
    };
    const entry: AuditEntry = { ...base, hash: computeAuditHash(base, sha256Hex) };
    await tx
      .insertInto('audit_log')
      .values({
        seq: entry.seq,
        at: entry.at,
        actor_user_id: entry.actorUserId,
        actor_org_id: entry.actorOrgId,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        outcome: entry.outcome,
        ip: entry.ip,
        details: JSON.stringify(entry.details),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    return entry;
  }

  /**
   * Takes the chain's lock in `tx` until it ends (appends take it again at no
   * cost): a writer that must be ordered with every other, such as a denial
   * change taking its change number, takes it first.
   */
  async lockIn(tx: Kysely<SharingDatabase>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  }

  /** Appends one entry in its own transaction (reads and refusals). */
  async append(event: AuditEvent): Promise<AuditEntry> {
    return this.db.transaction().execute((tx) => this.appendIn(tx, event));
  }

  /** An organisation's own entries (it acted), newest first. */
  async entriesOf(orgId: string, options: { limit: number; beforeSeq?: number }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll().where('actor_org_id', '=', orgId);
    if (options.beforeSeq !== undefined) q = q.where('seq', '<', options.beforeSeq);
    const rows = await q.orderBy('seq', 'desc').limit(options.limit).execute();
    return rows.map(auditEntryFromRow);
  }

  /** Re-computes the whole chain page by page and reports the first broken link. */
  async verify(): Promise<AuditVerification> {
    let start: { seq: number; hash: string } | undefined;
    let checked = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', start?.seq ?? 0)
        .orderBy('seq')
        .limit(VERIFY_PAGE)
        .execute();
      const entries = rows.map(auditEntryFromRow);
      const result = verifyAuditChain(entries, sha256Hex, start);
      checked += result.checked;
      if (!result.ok) return { ...result, checked };
      const last = entries.at(-1);
      if (!last || entries.length < VERIFY_PAGE) return { ok: true, checked };
      start = { seq: last.seq, hash: last.hash };
    }
  }
}
