import { sql, type Kysely } from 'kysely';
import { DomainError, type Clock } from '@entente/core';
import {
  computeAuditHash,
  type AuditEntry,
  type AuditEvent,
  type AuditHead,
  type Denial,
} from '@entente/core';
import { sha256Hex } from './secrets.ts';
import { auditEntryFromRow, verifyAuditLog, type AuditLogVerification } from './audit-log-verify.ts';
import type { Database } from '../store/database.ts';

export { auditEntryFromRow };

/** Arbitrary constant: the advisory lock that serialises appends across processes and nodes. */
const AUDIT_LOCK_KEY = 7_331_004;
/** Entries inserted per statement (12 parameters each, well under PostgreSQL's 65,535). */
const INSERT_PAGE = 1000;

/** A denial of another agency read by the entry's actor: indexed so the denying agency sees the read. */
export interface DenialRead {
  denialId: string;
  ownerOrgId: string;
}

/** An entry as an organisation sees it: its own in full, another agency's read of its denials redacted. */
export interface OrgAuditEntry extends AuditEntry {
  /** Set on another agency's entry: which of the caller's denials it read (address and details withheld). */
  denialsRead?: string[];
}

/** The reads of other agencies' denials among `denials` seen by `actorOrgId`. */
export function denialReadsOf(actorOrgId: string, denials: Pick<Denial, 'id' | 'orgId'>[]): DenialRead[] {
  return denials.filter((d) => d.orgId !== actorOrgId).map((d) => ({ denialId: d.id, ownerOrgId: d.orgId }));
}

/** How long a deferred entry waits for others to share its append (one transaction for the batch). */
const DEFER_MS = 250;

/** An entry waiting to be appended, with the denials of other agencies it read. */
interface PendingEntry {
  event: AuditEvent;
  reads: DenialRead[];
}

/** The append-only, hash-chained audit log, anchored by its head record (`audit_head`). */
export class AuditLog {
  #pending: PendingEntry[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry inside `tx` (so a write and its entry commit together),
   * under an advisory lock so concurrent appends from any node keep one chain.
   * The entry continues the head, not the last row: after a deleted tail the
   * next entry leaves a visible gap instead of quietly re-growing the chain.
   */
  async appendIn(tx: Kysely<Database>, event: AuditEvent, reads: DenialRead[] = []): Promise<AuditEntry> {
    return (await this.appendManyIn(tx, [{ event, reads }]))[0]!;
  }

  /**
   * Appends entries in order inside `tx`, chained in memory after one read of
   * the head and inserted a page at a time (an import of thousands of denials
   * costs a few statements, not two per entry); the head moves once, to the last.
   */
  async appendManyIn(tx: Kysely<Database>, items: (AuditEvent | PendingEntry)[]): Promise<AuditEntry[]> {
    await this.lockIn(tx);
    const head = await tx
      .selectFrom('audit_head')
      .select(['count', 'last_hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    // Fail closed: without its head the log cannot be extended without hiding what was removed.
    if (!head)
      throw new DomainError('internal-error', 'The audit head is missing; run `entente audit verify`');
    let seq = Number(head.count);
    let prevHash = head.last_hash;
    const at = this.clock.now().toISOString();
    const pending = items.map((item) => ('event' in item ? item : { event: item, reads: [] }));
    const entries = pending.map(({ event }) => {
      const base = { ...event, seq: ++seq, at, prevHash };
      const entry: AuditEntry = { ...base, hash: computeAuditHash(base, sha256Hex) };
      prevHash = entry.hash;
      return entry;
    });
    if (entries.length === 0) return entries;
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
    const last = entries.at(-1)!;
    await tx
      .updateTable('audit_head')
      .set({ count: last.seq, last_hash: last.hash, at: last.at })
      .where('id', '=', 1)
      .execute();
    const reads = pending.flatMap(({ reads }, i) =>
      [...new Map(reads.map((r) => [`${r.ownerOrgId} ${r.denialId}`, r])).values()].map((r) => ({
        seq: entries[i]!.seq,
        denial_id: r.denialId,
        owner_org_id: r.ownerOrgId,
      })),
    );
    for (let i = 0; i < reads.length; i += INSERT_PAGE)
      await tx
        .insertInto('audit_denial_reads')
        .values(reads.slice(i, i + INSERT_PAGE))
        .execute();
    return entries;
  }

  /**
   * Takes the chain's lock in `tx` until it ends (appends take it again at no
   * cost): a writer that must be ordered with every other, such as a denial
   * change taking its change number, takes it first.
   */
  async lockIn(tx: Kysely<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  }

  /**
   * Queues an entry for a read on a hot path (screening against shared
   * denials): entries queued within `DEFER_MS` are chained and inserted
   * together in one transaction, after the response. `flush()` waits for
   * them (tests, shutdown: the store's `close()` flushes a sharing store made by `sharingStoreFor`).
   */
  appendSoon(event: AuditEvent, reads: DenialRead[] = []): void {
    this.#pending.push({ event, reads });
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
  async append(event: AuditEvent, reads: DenialRead[] = []): Promise<AuditEntry> {
    return this.db.transaction().execute((tx) => this.appendIn(tx, event, reads));
  }

  /** The head as recorded: what to publish outside the database (null when its row was removed). */
  async head(): Promise<AuditHead | null> {
    const row = await this.db
      .selectFrom('audit_head')
      .select(['count', 'last_hash', 'at'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return row ? { count: Number(row.count), lastHash: row.last_hash, at: row.at } : null;
  }

  /**
   * An organisation's entries, newest first: those it acted in, and other
   * agencies' reads of its denials (who and when, which denials; their
   * address and details withheld, since those may concern other agencies).
   */
  async entriesOf(orgId: string, options: { limit: number; beforeSeq?: number }): Promise<OrgAuditEntry[]> {
    let q = this.db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('actor_org_id', '=', orgId),
          eb(
            'seq',
            'in',
            eb.selectFrom('audit_denial_reads').select('seq').where('owner_org_id', '=', orgId),
          ),
        ]),
      );
    if (options.beforeSeq !== undefined) q = q.where('seq', '<', options.beforeSeq);
    const entries = (await q.orderBy('seq', 'desc').limit(options.limit).execute()).map(auditEntryFromRow);
    const others = entries.filter((e) => e.actorOrgId !== orgId).map((e) => e.seq);
    if (others.length === 0) return entries;
    const reads = await this.db
      .selectFrom('audit_denial_reads')
      .select(['seq', 'denial_id'])
      .where('owner_org_id', '=', orgId)
      .where('seq', 'in', others)
      .orderBy('denial_id')
      .execute();
    return entries.map((e) => {
      if (e.actorOrgId === orgId) return e;
      const denialsRead = reads.filter((r) => Number(r.seq) === e.seq).map((r) => r.denial_id);
      return { ...e, ip: null, details: {}, denialsRead };
    });
  }

  /**
   * Re-computes the whole chain and checks it against its head and, when
   * given, a head published earlier; reports every way they disagree.
   */
  async verify(published?: Pick<AuditHead, 'count' | 'lastHash'>): Promise<AuditLogVerification> {
    return verifyAuditLog(this.db, published);
  }
}
