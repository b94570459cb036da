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
/** Entries inserted per statement (12 parameters each, well under PostgreSQL's 65,535). */
const INSERT_PAGE = 1000;
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

/** How long a deferred entry waits for others to share its append (one transaction for the batch). */
const DEFER_MS = 250;

/** The append-only, hash-chained audit log. */
export class AuditLog {
  #pending: AuditEvent[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<SharingDatabase>,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry inside `tx` (so a write and its entry commit together),
   * under an advisory lock so concurrent appends from any node keep one chain.
   */
  async appendIn(tx: Kysely<SharingDatabase>, event: AuditEvent): Promise<AuditEntry> {
    return (await this.appendManyIn(tx, [event]))[0]!;
  }

  /**
   * Appends entries in order inside `tx`, chained in memory after one read
   * of the last entry and inserted a page at a time (an import of thousands
   * of denials costs a few statements, not two per entry).
   */
  async appendManyIn(tx: Kysely<SharingDatabase>, events: AuditEvent[]): Promise<AuditEntry[]> {
    await this.lockIn(tx);
    const last = await tx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = Number(last?.seq ?? 0);
    let prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
    const at = this.clock.now().toISOString();
    const entries = events.map((event) => {
      const base = { ...event, seq: ++seq, at, prevHash };
      const entry: AuditEntry = { ...base, hash: computeAuditHash(base, sha256Hex) };
      prevHash = entry.hash;
      return entry;
    });
    for (let i = 0; i < entries.length; i += INSERT_PAGE)
      await tx
        .insertInto('audit_log')
        .values(
          entries.slice(i, i + INSERT_PAGE).map((entry) => ({
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
          })),
        )
        .execute();
    return entries;
  }

  /**
   * Takes the chain's lock in `tx` until it ends (appends take it again at no
   * cost): a writer that must be ordered with every other, such as a denial
   * change taking its change number, takes it first.
   */
  async lockIn(tx: Kysely<SharingDatabase>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  }

  /**
   * Queues an entry for a read on a hot path (screening against shared
   * denials): entries queued within `DEFER_MS` are chained and inserted
   * together in one transaction, after the response. `flush()` waits for
   * them (tests, shutdown: the store's `close()` flushes a sharing store made by `sharingStoreFor`).
   */
  appendSoon(event: AuditEvent): void {
    this.#pending.push(event);
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      // A failed batch stays queued and is retried with the next entry or flush.
      this.flush().catch(() => {});
    }, DEFER_MS);
  }

  /** Appends every queued entry now. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing
      .catch(() => {})
      .then(async () => {
        const batch = this.#pending;
        if (batch.length === 0) return;
        this.#pending = [];
        try {
          await this.db.transaction().execute((tx) => this.appendManyIn(tx, batch));
        } catch (e) {
          this.#pending = [...batch, ...this.#pending];
          throw e;
        }
      });
    return this.#flushing;
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
