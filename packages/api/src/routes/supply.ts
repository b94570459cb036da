import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { analyseSupply, validateBom } from '@entente/core';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { catalogueOf, ERRORS, json } from './catalogue-deps.ts';
import { SupplyAnalyseRequest, SupplyAnalysisSchema, SupplyScenarioSchema } from './supply-schemas.ts';
import { loadSupplyScenarios, selectScenarios, supplyDataOf } from '@entente/adapters';

const analyseRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'post',
    path: '/supply/analyse',
    tags: ['supply'],
    summary:
      'Supply-chain exposure of a bill of materials: US reach (de minimis), allied controls, dependencies, HHI, CHPL, scenarios',
    description:
      'A dependency or a licence requirement is a result (200). Invalid BOM fields give 400 with `details.field` (and `details.row` for a BOM line carrying one).',
    request: { body: { required: true, content: { 'application/json': { schema: SupplyAnalyseRequest } } } },
    responses: {
      200: json(SupplyAnalysisSchema, 'The analysis, with reasons and the data versions read'),
      ...ERRORS,
    },
  },
);

const scenariosRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/supply/scenarios',
    tags: ['supply'],
    summary: 'The scenario library: what-ifs that mirror real control events',
    responses: {
      200: json(z.object({ version: z.string(), scenarios: z.array(SupplyScenarioSchema) }), 'The library'),
      ...ERRORS,
    },
  },
);

/** `POST /supply/analyse` and `GET /supply/scenarios`. */
export function registerSupply(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(analyseRoute, async (c) => {
    const body = c.req.valid('json');
    const opened = await catalogueOf(deps).catalogue.get();
    const data = await opened.determinationData();
    const library = await loadSupplyScenarios(data);
    const supply = await supplyDataOf(opened, deps.config.mirrorDir, library.version);
    const scenarios = selectScenarios(data, library, body.scenarios ?? []);
    const destinations = body.destination === undefined ? undefined : [body.destination].flat();
    const analysis = analyseSupply(supply, validateBom(data, body.bom), {
      ...(destinations ? { destinations } : {}),
      scenarios,
    });
    return c.json(analysis, 200);
  });
  app.openapi(scenariosRoute, async (c) => {
    const data = await (await catalogueOf(deps).catalogue.get()).determinationData();
    const library = await loadSupplyScenarios(data);
    return c.json(library, 200);
  });
}
