/** What an audit entry records: who did what to which record, when, from where, and whether it was allowed. */
export interface AuditEvent {
  /** User id, or `cli` for the local command line. */
  actorUserId: string | null;
  actorOrgId: string | null;
  /** Verb-like name: `denial.create`, `denial.read`, `auth.login-failed`… */
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** Client address, `local` for the CLI. */
  ip: string | null;
  details: Record<string, string | number | boolean | null>;
}

/** An audit entry as chained: its place, time and the hashes linking it to the previous one. */
export interface AuditEntry extends AuditEvent {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** A hash function (hex digest of a UTF-8 string), passed in because core has no crypto. */
export type HashText = (text: string) => string;

/** The previous-hash value of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys and no undefined values, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The hash of an entry: every field but `hash` itself, the previous hash included. */
export function computeAuditHash(entry: Omit<AuditEntry, 'hash'>, hash: HashText): string {
  const { seq, at, prevHash, actorUserId, actorOrgId, action, targetType, targetId, outcome, ip, details } =
    entry;
  return hash(
    canonical({
      seq,
      at,
      prevHash,
      actorUserId,
      actorOrgId,
      action,
      targetType,
      targetId,
      outcome,
      ip,
      details,
    }),
  );
}

/** The outcome of re-computing the chain: how many entries held, and the first that did not. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: 'hash-mismatch' | 'previous-hash-mismatch' | 'sequence-gap' };
}

/**
 * Re-computes the chain in `seq` order and reports the first broken link: an
 * entry whose content no longer gives its hash, whose previous hash is not the
 * hash before it, or a missing sequence number (a deleted row).
 */
export function verifyAuditChain(
  entries: Iterable<AuditEntry>,
  hash: HashText,
  start?: { seq: number; hash: string },
): AuditVerification {
  let prevHash = start?.hash ?? AUDIT_GENESIS_HASH;
  let expectedSeq = (start?.seq ?? 0) + 1;
  let checked = 0;
  for (const e of entries) {
    if (e.seq !== expectedSeq)
      return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: 'sequence-gap' } };
    if (e.prevHash !== prevHash)
      return { ok: false, checked, firstBroken: { seq: e.seq, reason: 'previous-hash-mismatch' } };
    if (computeAuditHash(e, hash) !== e.hash)
      return { ok: false, checked, firstBroken: { seq: e.seq, reason: 'hash-mismatch' } };
    prevHash = e.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked };
}
