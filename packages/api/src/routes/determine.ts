import type { OpenAPIHono } from '@hono/zod-openapi';
import { determine } from '@entente/core';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { ERRORS } from './catalogue-deps.ts';
import { json } from './route-parts.ts';
import { DeterminationSchema, DetermineRequest } from './licensing-schemas.ts';

const determineRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'post',
    path: '/determine',
    tags: ['licensing'],
    summary: 'Licence determination for one item to one destination under US, EU, UK or JP rules',
    description:
      'A licence requirement is a result (200), not an error. Unknown codes give 400 with `details.suggestions` from the crosswalk.',
    request: { body: { required: true, content: { 'application/json': { schema: DetermineRequest } } } },
    responses: {
      200: json(
        DeterminationSchema,
        'The determination with reasons, authorisations, citations and rule trace',
      ),
      ...ERRORS,
    },
  },
);

/** `POST /determine`. */
export function registerDetermine(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(determineRoute, async (c) => {
    const body = c.req.valid('json');
    const data = await (await deps.services.catalogue.get()).determinationData();
    return c.json(determine(data, body), 200);
  });
}
