import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';
import { defineRoute, type AppEnv, type Policy } from '../policy.ts';
import { importDenialCsv } from '@entente/adapters';
import { actorFrom, AGENCY_ONLY } from './sharing-deps.ts';
import { Denial, DenialAmendment, DenialInput, IdParam, json, SharingScope } from './sharing-schemas.ts';

const READ: Policy = { roles: 'any' };
const WRITE: Policy = { roles: ['admin', 'licensing-officer'] };
const errors = {
  400: { description: 'Invalid input', ...json(ErrorBody) },
  401: { description: 'Not signed in', ...json(ErrorBody) },
  403: { description: 'Not an agency, or not allowed', ...json(ErrorBody) },
  404: { description: 'No such denial visible to the caller', ...json(ErrorBody) },
};
const ImportRequest = z
  .object({
    csv: z.string().min(1).max(1_000_000),
    scope: SharingScope,
    deniedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .openapi('DenialImportRequest');
const ImportResponse = z
  .object({
    created: z.array(Denial),
    skipped: z.number(),
    warnings: z.array(
      z.object({
        kind: z.string(),
        file: z.string(),
        row: z.number().optional(),
        field: z.string().optional(),
        message: z.string(),
      }),
    ),
  })
  .openapi('DenialImportResult');

const list = defineRoute(READ, {
  method: 'get',
  path: '/denials',
  tags: ['denials'],
  summary: 'Valid denials shared with the caller’s agency (and its own)',
  ...AGENCY_ONLY,
  request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) },
  responses: { 200: { description: 'Denials', ...json(z.array(Denial)) }, ...errors },
});
const create = defineRoute(WRITE, {
  method: 'post',
  path: '/denials',
  tags: ['denials'],
  summary: 'Notify a denial',
  ...AGENCY_ONLY,
  request: { body: { required: true, ...json(DenialInput) } },
  responses: {
    201: { description: 'Recorded', ...json(Denial) },
    ...errors,
    422: { description: 'Over the agency’s denial quota', ...json(ErrorBody) },
  },
});
const importCsv = defineRoute(WRITE, {
  method: 'post',
  path: '/denials/import',
  tags: ['denials'],
  summary: 'Import denials from a CSV in the LITE denial-notification format',
  ...AGENCY_ONLY,
  request: { body: { required: true, ...json(ImportRequest) } },
  responses: {
    201: { description: 'Imported', ...json(ImportResponse) },
    ...errors,
    422: { description: 'Over the rows per file or the agency’s denial quota', ...json(ErrorBody) },
  },
});
const get = defineRoute(READ, {
  method: 'get',
  path: '/denials/{id}',
  tags: ['denials'],
  summary: 'One denial',
  ...AGENCY_ONLY,
  request: { params: IdParam },
  responses: { 200: { description: 'The denial', ...json(Denial) }, ...errors },
});
const amend = defineRoute(WRITE, {
  method: 'post',
  path: '/denials/{id}/amend',
  tags: ['denials'],
  summary: 'Amend one of the agency’s denials',
  ...AGENCY_ONLY,
  request: { params: IdParam, body: { required: true, ...json(DenialAmendment) } },
  responses: {
    200: { description: 'The new version', ...json(Denial) },
    ...errors,
    409: { description: 'Revoked', ...json(ErrorBody) },
  },
});
const revoke = defineRoute(WRITE, {
  method: 'post',
  path: '/denials/{id}/revoke',
  tags: ['denials'],
  summary: 'Revoke one of the agency’s denials',
  ...AGENCY_ONLY,
  request: {
    params: IdParam,
    body: { required: true, ...json(z.object({ reason: z.string().min(1).max(1000) })) },
  },
  responses: {
    200: { description: 'Revoked', ...json(Denial) },
    ...errors,
    409: { description: 'Already revoked', ...json(ErrorBody) },
  },
});

/** Denial notifications: `GET/POST /denials`, `POST /denials/import`, `GET /denials/{id}`, amend and revoke. */
export function registerDenials(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const denials = () => deps.services.sharing.denials;
  app.openapi(list, async (c) =>
    c.json(await denials().list(actorFrom(c), { includeInvalid: c.req.valid('query').all === 'true' }), 200),
  );
  app.openapi(create, async (c) =>
    c.json((await denials().createMany(actorFrom(c), [c.req.valid('json')]))[0]!, 201),
  );
  app.openapi(importCsv, async (c) => {
    const body = c.req.valid('json');
    const result = await importDenialCsv(deps.services.sharing, actorFrom(c), body.csv, {
      scope: body.scope,
      ...(body.deniedOn ? { deniedOn: body.deniedOn } : {}),
    });
    return c.json(result, 201);
  });
  app.openapi(get, async (c) => c.json(await denials().get(actorFrom(c), c.req.valid('param').id), 200));
  app.openapi(amend, async (c) =>
    c.json(await denials().amend(actorFrom(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(revoke, async (c) =>
    c.json(await denials().revoke(actorFrom(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
}
