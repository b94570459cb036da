import { sql, type Kysely } from 'kysely';
import { DomainError, type Clock } from '@entente/core';
import {
  computeAuditHash,
  type AuditEntry,
  type AuditEvent,
  type AuditHead,
  type Denial,
} from './core-sharing.ts';
import type { SharingDatabase } from './sharing-database.ts';
import { sha256Hex } from './secrets.ts';
import { auditEntryFromRow, verifyAuditLog, type AuditLogVerification } from './audit-log-verify.ts';

export { auditEntryFromRow };

/** Arbitrary constant: the advisory lock that serialises appends across processes and nodes. */
const AUDIT_LOCK_KEY = 7_331_004;

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

/** The append-only, hash-chained audit log, anchored by its head record (`audit_head`). */
export class AuditLog {
  constructor(
    private readonly db: Kysely<SharingDatabase>,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry inside `tx` (so a write and its entry commit together),
   * under an advisory lock so concurrent appends from any node keep one chain.
   * The entry continues the head, not the last row: after a deleted tail the
   * next entry leaves a visible gap instead of quietly re-growing the chain.
   */
  async appendIn(
    tx: Kysely<SharingDatabase>,
    event: AuditEvent,
    reads: DenialRead[] = [],
  ): Promise<AuditEntry> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
    const head = await tx
      .selectFrom('audit_head')
      .select(['count', 'last_hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    // Fail closed: without its head the log cannot be extended without hiding what was removed.
    if (!head)
      throw new DomainError('internal-error', 'The audit head is missing; run `entente audit verify`');
    const base = {
      ...event,
      seq: Number(head.count) + 1,
      at: this.clock.now().toISOString(),
      prevHash: head.last_hash,
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
    await tx
      .updateTable('audit_head')
      .set({ count: entry.seq, last_hash: entry.hash, at: entry.at })
      .where('id', '=', 1)
      .execute();
    const unique = [...new Map(reads.map((r) => [`${r.ownerOrgId} ${r.denialId}`, r])).values()];
    if (unique.length > 0)
      await tx
        .insertInto('audit_denial_reads')
        .values(unique.map((r) => ({ seq: entry.seq, denial_id: r.denialId, owner_org_id: r.ownerOrgId })))
        .execute();
    return entry;
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
