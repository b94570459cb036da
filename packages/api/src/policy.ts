import type { MiddlewareHandler } from 'hono';
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { DomainError } from '@entente/core';

/** Roles a user can hold (the sharing issue gives them meaning per organisation kind). */
export type Role = 'admin' | 'licensing-officer' | 'analyst' | 'compliance-officer';

/** Who may call a route: anyone, or an authenticated principal (optionally with one of some roles). */
export type Policy = { public: true } | { roles: Role[] | 'any' };

/** The authenticated caller, set on the context by the authentication middleware. */
export interface Principal {
  userId: string;
  orgId: string;
  orgKind: 'agency' | 'exporter';
  role: Role;
  jurisdiction?: string;
}

/** Hono context variables set by Entente's middleware. */
export interface AppEnv {
  Variables: {
    principal?: Principal;
    /** Why the caller's credentials could not be checked (the store is unreachable), if so. */
    callerUnchecked?: Error;
  };
}

/** Checks the route's policy against the principal the authentication middleware found. */
export function authorize(policy: Policy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ('public' in policy) return next();
    const unchecked = c.get('callerUnchecked');
    if (unchecked) throw unchecked;
    const principal = c.get('principal');
    if (!principal)
      throw new DomainError('unauthenticated', 'Sign in or send an API token (Authorization: Bearer …)');
    if (policy.roles !== 'any' && !policy.roles.includes(principal.role)) {
      throw new DomainError('forbidden', `This needs one of the roles: ${policy.roles.join(', ')}`);
    }
    return next();
  };
}

/**
 * `createRoute` with a mandatory policy: the policy is enforced by middleware
 * and published in the OpenAPI document as `x-policy`. Every route is declared
 * through this function; a test fails on any route without a policy.
 */
export function defineRoute<R extends RouteConfig>(policy: Policy, config: R) {
  const middleware = [authorize(policy), ...(config.middleware ? [config.middleware].flat() : [])];
  const security = 'public' in policy ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }];
  return createRoute({ ...config, middleware, security, 'x-policy': policy } as R & {
    middleware: MiddlewareHandler[];
  });
}
