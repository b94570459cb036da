import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { analyseSupply, DomainError, isDomainError, validateBom } from '@entente/core';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { ERRORS } from './catalogue-deps.ts';
import { json } from './route-parts.ts';
import { SupplyAnalyseRequest, SupplyAnalysisSchema, SupplyScenarioSchema } from './supply-schemas.ts';
import {
  loadSupplyScenarios,
  locateBomError,
  parseBomCsv,
  selectScenarios,
  supplyDataOf,
} from '@entente/adapters';

const analyseRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'post',
    path: '/supply/analyse',
    tags: ['supply'],
    summary:
      'Supply-chain exposure of a bill of materials: US reach (de minimis), allied controls, dependencies, HHI, CHPL, scenarios',
    description:
      'A dependency or a licence requirement is a result (200). The BOM comes as JSON (`bom`) or as the text of a CSV file (`bomCsv`). Invalid BOM fields give 400 with `details.field` (and `details.row` for a BOM line carrying one; for `bomCsv`, the CSV row and column, and `details.file` when `file` names the upload); CSV text that cannot be read (unknown or missing columns, a non-number) gives 422 `file-rejected` with the same details.',
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

/** True for an error over the BOM itself (not the destinations or scenarios of the request). */
function isBomError(error: unknown): boolean {
  const field = isDomainError(error) ? error.details['field'] : undefined;
  return typeof field === 'string' && /^(bom|products)\b/.test(field);
}

/** `POST /supply/analyse` and `GET /supply/scenarios`. */
export function registerSupply(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(analyseRoute, async (c) => {
    const body = c.req.valid('json');
    if ((body.bom === undefined) === (body.bomCsv === undefined))
      throw new DomainError(
        'invalid-input',
        'bom: give the BOM either as JSON (bom) or as CSV text (bomCsv)',
        {
          field: 'bom',
          accepted: ['bom: {currency?, products: [...]}', 'bomCsv: the text of a BOM CSV file'],
        },
      );
    const format = body.bomCsv !== undefined ? 'csv' : 'json';
    // Errors over an uploaded file name it, and for a CSV its row and column.
    const file = body.file ?? (format === 'csv' ? 'BOM' : undefined);
    const opened = await deps.services.catalogue.get();
    const data = await opened.determinationData();
    const library = await loadSupplyScenarios(data);
    const supply = await supplyDataOf(opened, deps.config.mirrorDir, library.version);
    const scenarios = selectScenarios(data, library, body.scenarios ?? []);
    const destinations = body.destination === undefined ? undefined : [body.destination].flat();
    const raw = body.bomCsv !== undefined ? parseBomCsv(body.bomCsv, file ?? 'BOM') : body.bom;
    try {
      const analysis = analyseSupply(supply, validateBom(data, raw), {
        ...(destinations ? { destinations } : {}),
        scenarios,
      });
      return c.json(analysis, 200);
    } catch (error) {
      throw file !== undefined && isBomError(error) ? locateBomError(error, raw, file, format) : error;
    }
  });
  app.openapi(scenariosRoute, async (c) => {
    const data = await (await deps.services.catalogue.get()).determinationData();
    const library = await loadSupplyScenarios(data);
    return c.json(library, 200);
  });
}
