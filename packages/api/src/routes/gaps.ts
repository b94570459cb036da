import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { classifyProduct, findGaps, parseJurisdictions } from '@entente/adapters';
import { parseJurisdiction, type ControlJurisdiction } from '@entente/core';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { ERRORS } from './catalogue-deps.ts';
import { json } from './route-parts.ts';
import { ClassifyCandidate, GapReportSchema } from './controls-schemas.ts';

const gapsRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/gaps',
    tags: ['controls'],
    summary: 'Entries one ally controls and another does not, with counts per gap category and pair',
    request: {
      query: z.object({
        jurisdictions: z
          .string()
          .max(40)
          .default('US,EU,UK')
          .openapi({ example: 'US,EU', description: 'comma-separated: US, EU, UK, JP' }),
        category: z.coerce
          .number()
          .int()
          .min(0)
          .max(9)
          .optional()
          .openapi({ example: 3, description: 'list category: first digit of the code' }),
        include: z.enum(['cleared']).optional().openapi({
          example: 'cleared',
          description: 'also list the pairs that are not gaps (cleared[]), each with its evidence path',
        }),
      }),
    },
    responses: { 200: json(GapReportSchema, 'The gaps'), ...ERRORS },
  },
);

const classifyRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/classify',
    tags: ['controls'],
    summary: 'Candidate control entries for a product description, with their counterparts',
    request: {
      query: z.object({
        q: z.string().min(2).max(500).openapi({ example: 'radiation-hardened integrated circuit' }),
        jurisdiction: z
          .string()
          .max(4)
          .optional()
          .openapi({ example: 'US', description: 'US, EU, UK or JP' }),
        limit: z.coerce.number().int().min(1).max(100).default(10),
      }),
    },
    responses: {
      200: json(
        z.object({ text: z.string(), searchedFor: z.string(), candidates: z.array(ClassifyCandidate) }),
        'Ranked candidates',
      ),
      ...ERRORS,
    },
  },
);

/** `GET /gaps` and `GET /classify`. */
export function registerGaps(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(gapsRoute, async (c) => {
    const { jurisdictions, category, include } = c.req.valid('query');
    const { catalogue } = await deps.services.catalogue.get();
    const report = findGaps(catalogue, {
      jurisdictions: parseJurisdictions(jurisdictions),
      ...(category !== undefined ? { category } : {}),
      includeCleared: include === 'cleared',
    });
    return c.json(report, 200);
  });
  app.openapi(classifyRoute, async (c) => {
    const { q, jurisdiction, limit } = c.req.valid('query');
    const j =
      jurisdiction !== undefined ? (parseJurisdiction(jurisdiction) as ControlJurisdiction) : undefined;
    const { searchedFor, hits } = await classifyProduct(deps.services.db, q, {
      ...(j ? { jurisdiction: j } : {}),
      limit,
    });
    const candidates = hits.map((h) => ({
      id: h.id,
      heading: h.entry.heading,
      reasons: h.entry.reasons,
      score: h.score,
      features: h.features,
      counterparts: h.counterparts,
    }));
    return c.json({ text: q, searchedFor, candidates }, 200);
  });
}
