import type { OrgKind, UserRole } from '@entente/core';

/** An authenticated user acting through the API (the API's `Principal` plus where the request came from). */
export interface Actor {
  userId: string;
  orgId: string;
  orgKind: OrgKind;
  role: UserRole;
  jurisdiction?: string;
  /** Client address for the audit log. */
  ip?: string | null;
}

/** Who a write is recorded against when no user is signed in (the local CLI, a failed login). */
export interface AuditSource {
  userId: string | null;
  orgId: string | null;
  ip: string | null;
}

/** The local command line: trusted by whoever can reach the database, recorded as `cli`. */
export const CLI_SOURCE: AuditSource = Object.freeze({ userId: 'cli', orgId: null, ip: 'local' });

/** The audit source of an actor. */
export function sourceOf(actor: Actor): AuditSource {
  return { userId: actor.userId, orgId: actor.orgId, ip: actor.ip ?? null };
}

/** Today's date (`YYYY-MM-DD`, UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The actor columns of an audit event from its source. */
export function actorOf(source: AuditSource): {
  actorUserId: string | null;
  actorOrgId: string | null;
  ip: string | null;
} {
  return { actorUserId: source.userId, actorOrgId: source.orgId, ip: source.ip };
}
