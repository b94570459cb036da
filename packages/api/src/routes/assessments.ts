import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, type AssessmentRecord, type DecisionRecord } from '@entente/core';
import { partyScreener } from '@entente/adapters';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { assessAndRecord } from '@entente/adapters';
import { ERRORS } from './catalogue-deps.ts';
import { json } from './route-parts.ts';
import { DecisionRecordHeadSchema, DecisionRecordSchema, TransactionRequest } from './licensing-schemas.ts';

const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'dr_3q2GqjvB0yT1kQmX' }),
});

const assessRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'post',
    path: '/assess',
    tags: ['licensing'],
    summary: 'Assess a whole transaction and store its decision record (kept five years)',
    request: { body: { required: true, content: { 'application/json': { schema: TransactionRequest } } } },
    responses: {
      201: json(DecisionRecordSchema, 'The stored decision record, with the assessment in `outputs`'),
      ...ERRORS,
    },
  },
);

const listRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/assessments',
    tags: ['licensing'],
    summary: "Your organisation's decision records, newest first",
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
    responses: {
      200: json(z.object({ records: z.array(DecisionRecordHeadSchema) }), 'Decision records'),
      ...ERRORS,
    },
  },
);

const getRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/assessments/{id}',
    tags: ['licensing'],
    summary: "One of your organisation's decision records",
    request: { params: IdParams },
    responses: { 200: json(DecisionRecordSchema, 'The decision record'), ...ERRORS },
  },
);

/**
 * A record as the API shows it. The store keeps any record's inputs and outputs as `unknown`
 * (stored JSON); an assessment's are the validated transaction and its assessment.
 */
function shown(record: DecisionRecord): AssessmentRecord {
  return record as AssessmentRecord;
}

function principalOf(c: { get(key: 'principal'): AppEnv['Variables']['principal'] }) {
  const p = c.get('principal');
  if (!p) throw new DomainError('unauthenticated', 'Sign in or send an API token (Authorization: Bearer …)');
  return p;
}

/** `POST /assess`, `GET /assessments`, `GET /assessments/{id}`: assessments and their records, per organisation. */
export function registerAssessments(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(assessRoute, async (c) => {
    const p = principalOf(c);
    const { catalogue, records } = deps.services;
    const screening = await deps.services.screening();
    const { record } = await assessAndRecord(
      {
        catalogue: await catalogue.get(),
        parties: deps.services.store,
        records,
        screen: partyScreener(screening.index),
        screeningLabel: `screened against ${screening
          .state()
          .versions.map((v) => `${v.source}@${v.publishedAt}`)
          .join(', ')}`,
      },
      c.req.valid('json'),
      { channel: 'api', userId: p.userId, orgId: p.orgId },
    );
    return c.json(shown(record), 201);
  });
  app.openapi(listRoute, async (c) => {
    const p = principalOf(c);
    const { limit } = c.req.valid('query');
    const records = await deps.services.records.list({ orgId: p.orgId, limit });
    return c.json({ records }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const p = principalOf(c);
    const { id } = c.req.valid('param');
    const record = await deps.services.records.get(id, { orgId: p.orgId });
    if (!record) throw new DomainError('not-found', `No decision record ${id}`, { field: 'id' });
    return c.json(shown(record), 200);
  });
}
