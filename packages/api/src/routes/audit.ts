import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { DomainError } from '@entente/core';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { actorFrom, AGENCY_ONLY } from './sharing-deps.ts';
import { AuditEntry, AuditHead, json, RefusalCount } from './sharing-schemas.ts';

const refusedResponses = {
  401: { description: 'Not signed in', ...json(ErrorBody) },
  403: { description: 'Not an agency admin', ...json(ErrorBody) },
} as const;

const entriesRoute = defineRoute(
  { roles: ['admin'] },
  {
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary:
      'The audit entries of the caller’s own agency, and other agencies’ reads of its denials, newest first (agency admins)',
    ...AGENCY_ONLY,
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(500).optional(),
        before: z.coerce.number().int().min(1).optional(),
      }),
    },
    responses: {
      200: { description: 'Entries', ...json(z.array(AuditEntry)) },
      400: { description: 'Invalid input', ...json(ErrorBody) },
      ...refusedResponses,
    },
  },
);

const headRoute = defineRoute(
  { roles: ['admin'] },
  {
    method: 'get',
    path: '/audit/head',
    tags: ['audit'],
    summary:
      'The audit chain’s head (entry count and last hash), to publish outside the system (agency admins)',
    ...AGENCY_ONLY,
    responses: { 200: { description: 'The head', ...json(AuditHead) }, ...refusedResponses },
  },
);

const refusalsRoute = defineRoute(
  { roles: ['admin'] },
  {
    method: 'get',
    path: '/audit/refusals',
    tags: ['audit'],
    summary: 'Counts of refused anonymous requests by route and reason (counted, not chained; agency admins)',
    ...AGENCY_ONLY,
    responses: { 200: { description: 'Counts', ...json(z.array(RefusalCount)) }, ...refusedResponses },
  },
);

/** `GET /audit`, `GET /audit/head` and `GET /audit/refusals` (agency admins). */
export function registerAudit(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(entriesRoute, async (c) => {
    const actor = actorFrom(c);
    const { limit, before } = c.req.valid('query');
    const entries = await deps.services.sharing.audit.entriesOf(actor.orgId, {
      limit: limit ?? 100,
      ...(before ? { beforeSeq: before } : {}),
    });
    return c.json(entries, 200);
  });
  app.openapi(headRoute, async (c) => {
    const head = await deps.services.sharing.audit.head();
    if (!head)
      throw new DomainError('internal-error', 'The audit head is missing; run `entente audit verify`');
    return c.json(head, 200);
  });
  app.openapi(refusalsRoute, async (c) => c.json(await deps.services.sharing.refusals.totals(), 200));
}
