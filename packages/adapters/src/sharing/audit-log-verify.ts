import type { Kysely, Selectable } from 'kysely';
import {
  checkAuditAnchor,
  verifyAuditChain,
  type AuditAnchorProblem,
  type AuditEntry,
  type AuditHead,
  type AuditVerification,
} from '@entente/core';
import type { AuditRow } from './sharing-database.ts';
import { sha256Hex } from './secrets.ts';
import type { Database } from '../store/database.ts';

/** Entries read per page when verifying the whole chain. */
const VERIFY_PAGE = 2000;

/** The verdict on the audit log: the chain's first broken link, and how the log disagrees with its anchors. */
export interface AuditLogVerification extends AuditVerification {
  /** The head recorded in the database (null when its row is gone). */
  head: AuditHead | null;
  /** Every disagreement with the recorded head or a published one; empty when none. */
  problems: AuditAnchorProblem[];
}

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

/** Re-computes the chain page by page and stops at its first broken link. */
async function verifyChain(db: Kysely<Database>): Promise<AuditVerification> {
  let start: { seq: number; hash: string } | undefined;
  let checked = 0;
  for (;;) {
    const rows = await db
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

/**
 * Verifies the audit log: every link of the chain, then the chain's end
 * against the head record (so removed entries show even with the triggers
 * dropped) and against `published`, a head copied out of the database earlier
 * (so a log rolled back together with its head shows too).
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  published?: Pick<AuditHead, 'count' | 'lastHash'>,
): Promise<AuditLogVerification> {
  const chain = await verifyChain(db);
  const headRow = await db
    .selectFrom('audit_head')
    .select(['count', 'last_hash', 'at'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const head = headRow ? { count: Number(headRow.count), lastHash: headRow.last_hash, at: headRow.at } : null;
  const { n } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const atPublished =
    published && published.count > 0
      ? await db.selectFrom('audit_log').select('hash').where('seq', '=', published.count).executeTakeFirst()
      : undefined;
  const problems = checkAuditAnchor(
    {
      count: Number(n),
      ...(last ? { last: { seq: Number(last.seq), hash: last.hash } } : {}),
      ...(atPublished ? { hashAtPublished: atPublished.hash } : {}),
    },
    head,
    published,
  );
  return { ...chain, ok: chain.ok && problems.length === 0, head, problems };
}
