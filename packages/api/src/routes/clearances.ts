import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, validateScreeningQuery, type Clearance as CoreClearance } from '@entente/core';
import { clearSubject } from '@entente/adapters';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { describes, json, ORG_ERRORS, WRITERS } from './route-parts.ts';
import { actorFrom } from './sharing-deps.ts';

const errors = ORG_ERRORS;
const Clearance = describes<CoreClearance>()(
  z
    .object({
      id: z.string(),
      orgId: z.string(),
      subjectKey: z.string(),
      subject: z.object({
        name: z.string(),
        country: z.string().optional(),
        birthDate: z.string().optional(),
      }),
      entityId: z.string().openapi({
        description: 'the listed party cleared; for a subject clearance, the id the subject had when cleared',
      }),
      listings: z.array(z.string()).optional().openapi({
        description:
          'a subject clearance: the listings it covers (the subject’s current listings when cleared); a listing that joins the subject later is not covered',
      }),
      reason: z.string(),
      clearedBy: z.string(),
      createdAt: z.string(),
      expiresAt: z.string().optional(),
      revokedAt: z.string().optional(),
    })
    .openapi('Clearance'),
);

const create = defineRoute(WRITERS, {
  method: 'post',
  path: '/clearances',
  tags: ['screening'],
  summary:
    'Mark a match as a false positive for a screened name, with reason and expiry (default one year): one listing (`entityId`) or a resolved subject with every listing it has now (`subjectId`, as `POST /screen` names it); a decision of your organisation, applied to its screenings only (audited)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              subject: z.object({
                name: z.string().max(500),
                country: z.string().max(10).optional(),
                birthDate: z.string().max(20).optional(),
              }),
              entityId: z.string().min(3).max(200).optional().openapi({ description: 'one listing' }),
              subjectId: z.string().min(3).max(200).optional().openapi({
                description: 'a resolved subject: clears every listing it has now (give this or entityId)',
              }),
              reason: z.string().min(3).max(2000),
              expiresAt: z.string().datetime({ offset: true }).optional(),
            })
            .openapi('NewClearance'),
        },
      },
    },
  },
  responses: { 201: json(Clearance, 'Recorded'), ...errors },
});
const list = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/clearances',
    tags: ['screening'],
    summary: "Your organisation's clearances, active or not",
    responses: { 200: json(z.object({ clearances: z.array(Clearance) }), 'Clearances'), ...errors },
  },
);
const revoke = defineRoute(WRITERS, {
  method: 'post',
  path: '/clearances/{id}/revoke',
  tags: ['screening'],
  summary: "Revoke one of your organisation's clearances (it stays on record; audited); 404 for any other id",
  request: {
    params: z.object({
      id: z
        .string()
        .uuid()
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: { 200: json(Clearance, 'Revoked'), ...errors },
});
const StatsScope = z.enum(['organisation', 'all-organisations']);
const stats = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/stats/screening',
    tags: ['dashboard'],
    summary:
      "Screenings and hits per day (counts only): your organisation's own (`scope=organisation`, the default), or, for agencies only, every organisation's together (`scope=all-organisations`, audited)",
    request: {
      query: z.object({
        days: z.coerce.number().int().min(1).max(3650).default(30),
        scope: StatsScope.default('organisation'),
      }),
    },
    responses: {
      200: json(
        z.object({
          scope: StatsScope,
          days: z.array(z.object({ day: z.string(), subjects: z.number(), hits: z.number() })),
        }),
        'Per day, with whose screenings they count',
      ),
      ...errors,
    },
  },
);

/**
 * `POST /clearances`, `GET /clearances`, `POST /clearances/{id}/revoke`, `GET /stats/screening`:
 * all scoped to the signed-in organisation; creating and revoking are audited by the store.
 */
export function registerClearances(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const actor = actorFrom(c);
    const q = validateScreeningQuery(body.subject);
    if ((body.entityId === undefined) === (body.subjectId === undefined))
      throw new DomainError('invalid-input', 'Give either entityId (one listing) or subjectId (a subject)', {
        field: 'entityId',
        accepted: ['entityId', 'subjectId'],
      });
    const { store } = deps.services;
    const input = {
      orgId: actor.orgId,
      subject: { name: q.name, country: q.country, birthDate: q.birthDate },
      reason: body.reason,
      clearedBy: `user:${actor.userId}`,
      expiresAt: body.expiresAt ?? new Date(Date.now() + 365 * 86_400_000).toISOString(),
    };
    const by = { userId: actor.userId, orgId: actor.orgId, ip: actor.ip ?? null };
    if (body.subjectId !== undefined)
      return c.json(await clearSubject(store, { ...input, subjectId: body.subjectId }, by), 201);
    if (!(await store.getParty(body.entityId!))) {
      throw new DomainError('not-found', `No party ${body.entityId} in the latest lists`, {
        field: 'entityId',
      });
    }
    return c.json(await store.saveClearance({ ...input, entityId: body.entityId! }, by), 201);
  });
  app.openapi(list, async (c) =>
    c.json({ clearances: await deps.services.store.clearances(c.get('principal')!.orgId) }, 200),
  );
  app.openapi(revoke, async (c) => {
    const actor = actorFrom(c);
    const revoked = await deps.services.store.revokeClearance(actor.orgId, c.req.valid('param').id, {
      userId: actor.userId,
      orgId: actor.orgId,
      ip: actor.ip ?? null,
    });
    return c.json(revoked, 200);
  });
  app.openapi(stats, async (c) => {
    const { days, scope } = c.req.valid('query');
    const actor = actorFrom(c);
    if (scope === 'organisation')
      return c.json(
        { scope, days: await deps.services.store.screeningStats(days, { orgId: actor.orgId }) },
        200,
      );
    // Counts across organisations are for the agencies overseeing them; every ask is on record.
    const allowed = actor.orgKind === 'agency';
    await deps.services.sharing.audit.append({
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      ip: actor.ip ?? null,
      action: 'stats.screening-all-organisations',
      targetType: null,
      targetId: null,
      outcome: allowed ? 'ok' : 'denied',
      details: { days },
    });
    if (!allowed)
      throw new DomainError('forbidden', "Only agencies see every organisation's screening figures", {
        field: 'scope',
      });
    return c.json({ scope, days: await deps.services.store.screeningStats(days, scope) }, 200);
  });
}
