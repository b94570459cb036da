import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DomainError } from '@entente/core';
import {
  denialMatcherSource,
  nameReferenceFor,
  sharingStoreFor,
  type Actor,
  type OrgKind,
  type SharingStore,
} from '@entente/adapters';
import type { AppDeps } from '../app-deps.ts';
import type { AppEnv } from '../policy.ts';
import { catalogueOf } from './catalogue-deps.ts';

export * from '@entente/adapters';

const opened = new WeakMap<object, SharingStore>();

/**
 * The no-undercut test of the app: the screening engine's name comparison
 * (with the screening service's name reference) at the screening threshold,
 * and the crosswalk of the app's control catalogue (bare codes while no
 * control lists are loaded).
 */
export function denialMatcherOf(deps: AppDeps): ReturnType<typeof denialMatcherSource> {
  return denialMatcherSource(
    async () => deps.screening?.reference ?? nameReferenceFor(deps.config.mirrorDir),
    async () => (await catalogueOf(deps).catalogue.get()).catalogue,
  );
}

/**
 * The app's sharing store: `deps.sharing` when given (tests), else one over
 * `deps.store` with the real no-undercut matcher (`denialMatcherOf`), built once.
 */
export function sharingOf(deps: AppDeps): SharingStore {
  if (deps.sharing) return deps.sharing;
  let s = opened.get(deps.store);
  if (!s) opened.set(deps.store, (s = sharingStoreFor(deps.store, { matcher: denialMatcherOf(deps) })));
  return s;
}

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
