import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { DomainError, isDomainError } from '@entente/core';
import type { AppDeps } from './app-deps.ts';
import type { AppEnv, Principal } from './policy.ts';
import type { AuthenticatedUser } from '@entente/adapters';
import { clientAddress } from './routes/sharing-deps.ts';

/** The httpOnly session cookie set by `POST /auth/login`. */
export const SESSION_COOKIE = 'entente_session';
/** The readable cookie carrying the CSRF token, which the web app echoes in `X-CSRF-Token`. */
export const CSRF_COOKIE = 'entente_csrf';
/** The header that must carry the session's CSRF token on unsafe methods. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Responses that mean "refused": audited for a signed-in caller, counted for an anonymous one. */
const REFUSED = new Set([401, 403, 404]);

function principalOf(u: AuthenticatedUser): Principal {
  return {
    userId: u.userId,
    orgId: u.orgId,
    orgKind: u.orgKind,
    role: u.role,
    ...(u.jurisdiction ? { jurisdiction: u.jurisdiction } : {}),
  };
}

async function resolve(c: Context<AppEnv>, deps: AppDeps): Promise<AuthenticatedUser | undefined> {
  const credentials = deps.services.sharing.credentials;
  const header = c.req.header('authorization');
  if (header) {
    const m = /^Bearer +(\S{1,200})$/i.exec(header);
    if (!m) throw new DomainError('unauthenticated', 'Authorization must be "Bearer <token>"');
    return credentials.authenticateToken(m[1]!);
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return undefined;
  const user = await credentials.authenticateSession(cookie, c.req.header(CSRF_HEADER));
  // Cookies ride along with cross-site requests; the CSRF token in a header does not.
  if (!SAFE_METHODS.has(c.req.method) && !user.csrfValid) {
    throw new DomainError('forbidden', `Missing or wrong ${CSRF_HEADER} header for a signed-in request`);
  }
  return user;
}

/**
 * Finds the caller from `Authorization: Bearer <token>` or the session cookie
 * (with a CSRF check on unsafe methods) and sets `principal`; then records every
 * refused request: a signed-in caller's (401, 403, 404) as an audit entry with who,
 * what and where; an anonymous caller's (401, 403) only as a count by route and
 * reason, so a flood of anonymous requests cannot grow the chained log.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let user: AuthenticatedUser | undefined;
    try {
      user = await resolve(c, deps);
    } catch (error) {
      // A store that cannot be reached refuses no one (and could not record it anyway): the
      // route's policy answers 503 if it needs the caller; a public route (/health) still answers.
      if (isDomainError(error) && error.code === 'store-unavailable') c.set('callerUnchecked', error);
      else {
        await auditRefusal(c, deps, isDomainError(error) ? error.code : 'error', undefined);
        throw error;
      }
    }
    if (user) c.set('principal', principalOf(user));
    await next();
    if (REFUSED.has(c.res.status) && (user || c.res.status !== 404)) {
      await auditRefusal(c, deps, String(c.res.status), user);
    }
  };
}

async function auditRefusal(
  c: Context<AppEnv>,
  deps: AppDeps,
  reason: string,
  user: AuthenticatedUser | undefined,
): Promise<void> {
  if (!user) {
    // The route pattern, not the path: a scan of random paths must not grow the counter's keys.
    // Middleware is registered for every method (ALL); the first route of one method is the endpoint.
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? '(no route)';
    deps.services.sharing.refusals.count(`${c.req.method} ${route}`, reason);
    return;
  }
  try {
    await deps.services.sharing.audit.append({
      actorUserId: user.userId,
      actorOrgId: user.orgId,
      ip: clientAddress(c),
      action: 'access.refused',
      targetType: 'route',
      targetId: `${c.req.method} ${c.req.path}`.slice(0, 300),
      outcome: 'denied',
      details: { reason },
    });
  } catch (error) {
    // An audit failure must not hide the refusal itself; it is logged without request secrets.
    deps.log(`audit append failed: ${(error as Error).message}`);
  }
}
