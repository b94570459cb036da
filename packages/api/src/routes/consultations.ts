import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';
import { defineRoute, type AppEnv, type Policy } from '../policy.ts';
import { actorFrom, AGENCY_ONLY } from './sharing-deps.ts';
import { Consultation, IdParam, json } from './sharing-schemas.ts';

const READ: Policy = { roles: 'any' };
const WRITE: Policy = { roles: ['admin', 'licensing-officer'] };
const errors = {
  400: { description: 'Invalid input', ...json(ErrorBody) },
  401: { description: 'Not signed in', ...json(ErrorBody) },
  403: { description: 'Not an agency, or not allowed', ...json(ErrorBody) },
  404: { description: 'No such consultation of the caller’s agency', ...json(ErrorBody) },
  409: { description: 'Closed, or approval before the answer', ...json(ErrorBody) },
};

const list = defineRoute(READ, {
  method: 'get',
  path: '/consultations',
  tags: ['consultations'],
  summary: 'The agency’s inbox (addressed to it); `box=outbox|all` for those it opened',
  ...AGENCY_ONLY,
  request: { query: z.object({ box: z.enum(['inbox', 'outbox', 'all']).optional() }) },
  responses: { 200: { description: 'Consultations', ...json(z.array(Consultation)) }, ...errors },
});
const get = defineRoute(READ, {
  method: 'get',
  path: '/consultations/{id}',
  tags: ['consultations'],
  summary: 'One consultation with its messages',
  ...AGENCY_ONLY,
  request: { params: IdParam },
  responses: { 200: { description: 'The consultation', ...json(Consultation) }, ...errors },
});
const message = defineRoute(WRITE, {
  method: 'post',
  path: '/consultations/{id}/messages',
  tags: ['consultations'],
  summary: 'Add a message (the denying agency’s answers it)',
  ...AGENCY_ONLY,
  request: {
    params: IdParam,
    body: { required: true, ...json(z.object({ body: z.string().min(1).max(20_000) })) },
  },
  responses: { 200: { description: 'Updated', ...json(Consultation) }, ...errors },
});
const close = defineRoute(WRITE, {
  method: 'post',
  path: '/consultations/{id}/close',
  tags: ['consultations'],
  summary: 'Close with the final decision (assessing agency)',
  ...AGENCY_ONLY,
  request: {
    params: IdParam,
    body: { required: true, ...json(z.object({ decision: z.enum(['approve', 'deny']) })) },
  },
  responses: { 200: { description: 'Closed', ...json(Consultation) }, ...errors },
});

/** No-undercut consultations: `GET /consultations`, `GET /consultations/{id}`, messages and close. */
export function registerConsultations(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const consultations = () => deps.services.sharing.consultations;
  app.openapi(list, async (c) =>
    c.json(await consultations().list(actorFrom(c), c.req.valid('query').box ?? 'inbox'), 200),
  );
  app.openapi(get, async (c) =>
    c.json(await consultations().get(actorFrom(c), c.req.valid('param').id), 200),
  );
  app.openapi(message, async (c) =>
    c.json(
      await consultations().addMessage(actorFrom(c), c.req.valid('param').id, c.req.valid('json').body),
      200,
    ),
  );
  app.openapi(close, async (c) =>
    c.json(
      await consultations().close(actorFrom(c), c.req.valid('param').id, c.req.valid('json').decision),
      200,
    ),
  );
}
