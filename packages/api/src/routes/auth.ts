import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { CSRF_COOKIE, SESSION_COOKIE } from '../authenticate.ts';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { actorFrom, clientAddress } from './sharing-deps.ts';
import { json } from './sharing-schemas.ts';

const Me = z
  .object({
    userId: z.string(),
    orgId: z.string(),
    orgKind: z.enum(['agency', 'exporter']),
    role: z.string(),
    jurisdiction: z.string().optional(),
  })
  .openapi('Principal');
const LoginRequest = z
  .object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) })
  .openapi('LoginRequest');
const LoginResponse = z
  .object({ user: Me, csrfToken: z.string(), expiresAt: z.string() })
  .openapi('LoginResponse');
const errors = {
  400: { description: 'Invalid input', ...json(ErrorBody) },
  401: { description: 'Not signed in', ...json(ErrorBody) },
};

const login = defineRoute(
  { public: true },
  {
    method: 'post',
    path: '/auth/login',
    tags: ['auth'],
    summary: 'Sign in to the web app (sets an httpOnly session cookie; returns the CSRF token)',
    request: { body: { required: true, ...json(LoginRequest) } },
    responses: {
      200: { description: 'Signed in', ...json(LoginResponse) },
      ...errors,
      429: { description: 'Too many failed sign-ins', ...json(ErrorBody) },
    },
  },
);
const logout = defineRoute(
  { roles: 'any' },
  {
    method: 'post',
    path: '/auth/logout',
    tags: ['auth'],
    summary: 'Sign out: revokes the session (or the API token used)',
    responses: { 204: { description: 'Signed out' }, ...errors },
  },
);
const me = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/auth/me',
    tags: ['auth'],
    summary: 'The signed-in user and organisation',
    responses: { 200: { description: 'The principal', ...json(Me) }, ...errors },
  },
);

/** `POST /auth/login` (public, rate-limited), `POST /auth/logout`, `GET /auth/me`. */
export function registerAuth(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const s = await deps.services.sharing.credentials.login(email, password, clientAddress(c));
    const maxAge = Math.max(1, Math.floor((Date.parse(s.expiresAt) - Date.now()) / 1000));
    setCookie(c, SESSION_COOKIE, s.cookie, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge,
    });
    setCookie(c, CSRF_COOKIE, s.csrfToken, {
      httpOnly: false,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge,
    });
    const { credentialId: _id, ...user } = s.user;
    return c.json({ user, csrfToken: s.csrfToken, expiresAt: s.expiresAt }, 200);
  });
  app.openapi(logout, async (c) => {
    const actor = actorFrom(c);
    const session = /^([0-9a-f]{18})\./.exec(getCookie(c, SESSION_COOKIE) ?? '');
    const token = /^Bearer +ent_([0-9a-f]{18})_/i.exec(c.req.header('authorization') ?? '');
    // The credential that authenticated this request: the bearer token wins, as in `authenticate`.
    const id = token ? `tok_${token[1]}` : session ? `ses_${session[1]}` : undefined;
    if (id)
      await deps.services.sharing.credentials.revoke(id, {
        userId: actor.userId,
        orgId: actor.orgId,
        ip: actor.ip ?? null,
      });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    deleteCookie(c, CSRF_COOKIE, { path: '/', secure: true });
    return c.body(null, 204);
  });
  app.openapi(me, (c) => c.json(c.get('principal')!, 200));
}
