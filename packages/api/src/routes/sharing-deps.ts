import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DomainError, type OrgKind } from '@entente/core';
import type { Actor } from '@entente/adapters';
import type { AppEnv } from '../policy.ts';

/** The client's address for the audit log and the login rate limit (`unknown` in in-process tests). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The signed-in principal as the store's actor, with the client address. */
export function actorFrom(c: Context<AppEnv>): Actor {
  const p = c.get('principal');
  if (!p) throw new DomainError('unauthenticated', 'Sign in or send an API token (Authorization: Bearer …)');
  return { ...p, ip: clientAddress(c) };
}

/** Route middleware: only organisations of this kind may call the route (published as `x-org-kinds`). */
export function requireOrgKind(kind: OrgKind): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get('principal');
    if (p && p.orgKind !== kind)
      throw new DomainError(
        'forbidden',
        kind === 'agency'
          ? 'Only government agencies see shared government data'
          : `Only ${kind}s may do this`,
      );
    return next();
  };
}

/** Route config for agency-only routes: the middleware and its `x-org-kinds` mark in the OpenAPI document. */
export const AGENCY_ONLY: { middleware: MiddlewareHandler<AppEnv>[]; 'x-org-kinds': string[] } = {
  middleware: [requireOrgKind('agency')],
  'x-org-kinds': ['agency'],
};
