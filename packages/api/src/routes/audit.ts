import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { actorFrom, AGENCY_ONLY, sharingOf } from './sharing-deps.ts';
import { AuditEntry, json } from './sharing-schemas.ts';

const route = defineRoute(
  { roles: ['admin'] },
  {
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: 'The audit entries of the caller’s own agency, newest first (agency admins)',
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
      401: { description: 'Not signed in', ...json(ErrorBody) },
      403: { description: 'Not an agency admin', ...json(ErrorBody) },
    },
  },
);

/** `GET /audit` (agency admins: their own organisation's entries). */
export function registerAudit(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const actor = actorFrom(c);
    const { limit, before } = c.req.valid('query');
    const entries = await sharingOf(deps).audit.entriesOf(actor.orgId, {
      limit: limit ?? 100,
      ...(before ? { beforeSeq: before } : {}),
    });
    return c.json(entries, 200);
  });
}
