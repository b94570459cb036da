import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';
import { defineRoute, type AppEnv, type Policy } from '../policy.ts';
import { actorFrom, AGENCY_ONLY } from './sharing-deps.ts';
import {
  Application,
  ApplicationInput,
  Consultation,
  IdParam,
  json,
  SharingScope,
} from './sharing-schemas.ts';

const READ: Policy = { roles: 'any' };
const WRITE: Policy = { roles: ['admin', 'licensing-officer'] };
const errors = {
  400: { description: 'Invalid input', ...json(ErrorBody) },
  401: { description: 'Not signed in', ...json(ErrorBody) },
  403: { description: 'Not an agency, or not allowed', ...json(ErrorBody) },
  404: { description: 'No such application of the caller’s agency', ...json(ErrorBody) },
};
const Recorded = z
  .object({ application: Application, matches: z.array(z.unknown()), consultations: z.array(Consultation) })
  .openapi('RecordedApplication');
const DecisionRequest = z
  .object({
    decision: z.enum(['approve', 'deny']),
    reason: z.string().min(1).max(1000).optional(),
    scope: SharingScope.optional(),
    validUntil: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .openapi('ApplicationDecision');

const create = defineRoute(WRITE, {
  method: 'post',
  path: '/applications',
  tags: ['applications'],
  summary: 'Record a licence application; essentially identical allied denials open consultations',
  ...AGENCY_ONLY,
  request: { body: { required: true, ...json(ApplicationInput) } },
  responses: { 201: { description: 'Recorded, with matches', ...json(Recorded) }, ...errors },
});
const list = defineRoute(READ, {
  method: 'get',
  path: '/applications',
  tags: ['applications'],
  summary: 'The agency’s applications',
  ...AGENCY_ONLY,
  responses: { 200: { description: 'Applications', ...json(z.array(Application)) }, ...errors },
});
const get = defineRoute(READ, {
  method: 'get',
  path: '/applications/{id}',
  tags: ['applications'],
  summary: 'One application',
  ...AGENCY_ONLY,
  request: { params: IdParam },
  responses: { 200: { description: 'The application', ...json(Application) }, ...errors },
});
const decide = defineRoute(WRITE, {
  method: 'post',
  path: '/applications/{id}/decision',
  tags: ['applications'],
  summary: 'Approve or deny (a denial notifies allies)',
  ...AGENCY_ONLY,
  request: { params: IdParam, body: { required: true, ...json(DecisionRequest) } },
  responses: {
    200: { description: 'Decided', ...json(Application) },
    ...errors,
    409: { description: 'Already decided, or a consultation awaits an answer', ...json(ErrorBody) },
  },
});

/** Licence applications: `POST/GET /applications`, `GET /applications/{id}`, `POST /applications/{id}/decision`. */
export function registerApplications(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const applications = () => deps.services.sharing.applications;
  app.openapi(create, async (c) =>
    c.json(await applications().record(actorFrom(c), c.req.valid('json')), 201),
  );
  app.openapi(list, async (c) => c.json(await applications().list(actorFrom(c)), 200));
  app.openapi(get, async (c) => c.json(await applications().get(actorFrom(c), c.req.valid('param').id), 200));
  app.openapi(decide, async (c) => {
    const { decision, reason, scope, validUntil } = c.req.valid('json');
    const deny = reason && scope ? { reason, scope, ...(validUntil ? { validUntil } : {}) } : undefined;
    return c.json(await applications().decide(actorFrom(c), c.req.valid('param').id, decision, deny), 200);
  });
}
