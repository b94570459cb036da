import { z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  groupBySubject,
  isDomainError,
  validateScreeningQuery,
  CANDIDATE_CAP,
  DEFAULT_CANDIDATE_CAP,
  type IndexState,
  type ScreeningOptions,
} from '@entente/core';
import type { ScreeningResult, SubjectRef } from '@entente/adapters';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { describes, json, ORG_ERRORS } from './route-parts.ts';
import { planScreening, screenPlanned } from './screening-denials.ts';

const errors = {
  400: ORG_ERRORS[400],
  401: ORG_ERRORS[401],
  413: json(ErrorBody, 'Too large'),
};

/** What the screening index holds (`GET /screen/index`). */
const IndexStateSchema = describes<IndexState>()(
  z.object({
    versions: z.array(
      z.object({ id: z.number(), source: z.string(), publishedAt: z.string(), recordCount: z.number() }),
    ),
    parties: z.number(),
    builtAt: z.string(),
    buildSeconds: z.number(),
    origin: z
      .enum(['built', 'snapshot'])
      .openapi({ description: "Built from the store's parties, or loaded from the index snapshot." }),
  }),
);

const Subject = z.object({
  name: z.string().max(10_000).openapi({ example: 'Vladimir Putin' }),
  type: z.enum(['person', 'organization', 'vessel', 'aircraft']).optional(),
  country: z.string().max(10).optional().openapi({ example: 'RU' }),
  birthDate: z.string().max(20).optional().openapi({ example: '1952-10-07' }),
  identifiers: z.array(z.string().max(100)).max(20).optional(),
});
const Options = z.object({
  sources: z
    .array(z.string().max(80))
    .max(50)
    .optional()
    .openapi({ example: ['un-sc', 'us-ofac-sdn'] }),
  limit: z.number().int().min(1).max(100).optional(),
  threshold: z.number().min(0).max(1).optional(),
  algorithm: z.enum(['entente', 'ofac']).optional(),
});
const ClearanceShown = z.object({
  id: z.string(),
  reason: z.string(),
  clearedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
});
const Match = z
  .object({
    source: z.string(),
    sourceId: z.string(),
    entityId: z.string(),
    name: z.string(),
    matchedName: z.string(),
    score: z.number(),
    features: z.record(z.string(), z.number()),
    explanation: z.array(z.string()),
    programs: z.array(z.string()),
    schema: z.string(),
    subjectId: z.string().openapi({
      description:
        'the subject this listing belongs to (GET /subjects?id=…); its own entity id until a resolution has seen it',
    }),
    listVersion: z.object({ id: z.number(), publishedAt: z.string() }).optional(),
    cleared: ClearanceShown.optional(),
    clearanceToReview: ClearanceShown.extend({ why: z.enum(['new-listing', 'subject-split']) })
      .optional()
      .openapi({
        description:
          'not cleared: your organisation cleared this listing’s subject, but this listing joined it since (`new-listing`) or the listings cleared are no longer one subject (`subject-split`)',
      }),
  })
  .openapi('ScreeningMatch');

const screenRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'post',
    path: '/screen',
    tags: ['screening'],
    summary:
      'Screen one subject against every loaded list (and, for agencies, the parties of the denials shared with them: source `denials`); every score comes with its features and explanation, and a match your organisation has cleared with its clearance',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: Subject.merge(Options)
              .extend({
                candidateCap: z
                  .number()
                  .int()
                  .min(1)
                  .max(CANDIDATE_CAP)
                  .optional()
                  .openapi({
                    description: `most candidate names scored (default ${DEFAULT_CANDIDATE_CAP}): the best by the share of the name they explain; raise it (up to ${CANDIDATE_CAP}) when \`unscoredCandidates\` says names were left unscored`,
                    example: CANDIDATE_CAP,
                  }),
              })
              .openapi('ScreenRequest'),
          },
        },
      },
    },
    responses: {
      200: json(
        z.object({
          query: z.record(z.string(), z.unknown()),
          algorithm: z.string(),
          subjects: z.array(
            z.object({
              subjectId: z.string(),
              name: z.string(),
              score: z.number(),
              listings: z.array(z.string()),
            }),
          ),
          matches: z.array(Match),
          unscoredCandidates: z
            .object({
              count: z.number().int(),
              atLeast: z.boolean().openapi({ description: 'the search also stopped early: maybe more' }),
            })
            .optional()
            .openapi({
              description:
                'present when listed names that could reach the threshold were not scored because of `candidateCap`: screen again with a larger `candidateCap` to score them',
            }),
        }),
        'Matches, best first',
      ),
      ...errors,
    },
  },
);

const batchRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'post',
    path: '/screen/batch',
    tags: ['screening'],
    summary: 'Screen up to 1,000 subjects; a bad subject gets an error in its result and the batch goes on',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: Options.extend({
              subjects: z
                .array(Subject.extend({ id: z.string().max(200) }))
                .min(1)
                .max(1000),
            }).openapi('ScreenBatchRequest'),
          },
        },
      },
    },
    responses: {
      200: json(
        z.object({
          results: z.array(
            z.object({
              id: z.string(),
              matches: z.array(Match),
              error: z
                .object({ code: z.string(), message: z.string(), field: z.string().optional() })
                .optional(),
            }),
          ),
        }),
        'One result per subject, in order',
      ),
      ...errors,
    },
  },
);

const statusRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/screen/index',
    tags: ['screening'],
    summary: 'What the screening index holds: list versions, party count, build time',
    responses: {
      200: json(IndexStateSchema, 'Index state'),
      ...errors,
    },
  },
);

/** Each match with the subject its listing belongs to (its own entity id when no resolution has seen it). */
function withSubjects<M extends { entityId: string }>(
  matches: M[],
  directory: Map<string, SubjectRef>,
): (M & { subjectId: string })[] {
  return matches.map((m) => ({ ...m, subjectId: directory.get(m.entityId)?.id ?? m.entityId }));
}

function optionsOf(body: z.infer<typeof Options>): ScreeningOptions {
  return { limit: body.limit, threshold: body.threshold, algorithm: body.algorithm };
}

/** `POST /screen`, `POST /screen/batch`, `GET /screen/index`. */
export function registerScreening(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(screenRoute, async (c) => {
    const body = c.req.valid('json');
    const { orgId } = c.get('principal')!;
    const service = await deps.services.screening();
    const query = validateScreeningQuery(body);
    if (body.sources) query.sources = body.sources;
    const options = { ...optionsOf(body), candidateCap: body.candidateCap };
    const plan = await planScreening(c, deps, service, body.sources);
    const directory = await (await deps.services.subjects()).directory();
    const subjectOf = (id: string) => directory.get(id)?.id;
    const outcome = await screenPlanned(plan, service, query, options, orgId, subjectOf);
    const matches = withSubjects(outcome.results, directory);
    await plan.denials?.audit(1);
    await deps.services.store.recordScreening({
      orgId,
      subjects: 1,
      hits: matches.length ? 1 : 0,
      channel: 'api',
    });
    const subjects = groupBySubject(matches, (id) => directory.get(id)).map((g) => ({
      subjectId: g.subjectId,
      name: g.name,
      score: g.score,
      listings: g.listings.map((m) => m.entityId),
    }));
    const unscoredCandidates =
      outcome.unscored > 0 ? { count: outcome.unscored, atLeast: outcome.unscoredAtLeast } : undefined;
    return c.json(
      {
        query: { ...query },
        algorithm: body.algorithm ?? 'entente',
        subjects,
        matches,
        ...(unscoredCandidates ? { unscoredCandidates } : {}),
      },
      200,
    );
  });
  app.openapi(batchRoute, async (c) => {
    const body = c.req.valid('json');
    const { orgId } = c.get('principal')!;
    const service = await deps.services.screening();
    const plan = await planScreening(c, deps, service, body.sources);
    const options = optionsOf(body);
    const directory = await (await deps.services.subjects()).directory();
    const subjectOf = (id: string) => directory.get(id)?.id;
    type Result = {
      id: string;
      matches: ReturnType<typeof withSubjects<ScreeningResult>>;
      error?: { code: string; message: string; field?: string };
    };
    const results: Result[] = [];
    let hits = 0;
    for (const subject of body.subjects) {
      try {
        const query = validateScreeningQuery(subject);
        if (body.sources) query.sources = body.sources;
        const matches = withSubjects(
          (await screenPlanned(plan, service, query, options, orgId, subjectOf)).results,
          directory,
        );
        if (matches.length) hits++;
        results.push({ id: subject.id, matches });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        results.push({
          id: subject.id,
          matches: [],
          error: { code: e.code, message: e.message, field: e.details.field as string | undefined },
        });
      }
    }
    await plan.denials?.audit(body.subjects.length);
    await deps.services.store.recordScreening({
      orgId,
      subjects: body.subjects.length,
      hits,
      channel: 'api-batch',
    });
    return c.json({ results }, 200);
  });
  app.openapi(statusRoute, async (c) => c.json((await deps.services.screening()).state(), 200));
}
