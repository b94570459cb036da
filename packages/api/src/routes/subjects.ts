import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, LISTING_JURISDICTIONS, parseListingJurisdictions } from '@entente/core';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { ERRORS } from './catalogue-deps.ts';
import { json } from './route-parts.ts';
import { actorFrom } from './sharing-deps.ts';

const Link = z.object({
  a: z.string(),
  b: z.string(),
  kind: z.enum(['un-reference', 'cross-reference', 'identifier', 'name', 'analyst']),
  score: z.number(),
  evidence: z.array(z.string()),
});
const Subject = z
  .object({
    id: z.string(),
    name: z.string(),
    schema: z.string(),
    jurisdictions: z.array(z.string()),
    members: z.array(
      z.object({
        entityId: z.string(),
        source: z.string(),
        jurisdiction: z.string().optional(),
        name: z.string(),
        programs: z.array(z.string()),
        listedOn: z.string().optional(),
        current: z.boolean(),
        versionId: z.number(),
        publishedAt: z.string(),
        via: Link.optional(),
      }),
    ),
  })
  .openapi('Subject');
const GapClass = z.enum(['un-not-implemented', 'delisted-by-one', 'autonomous-single', 'several-not-all']);
const ListingGapReport = z
  .object({
    jurisdictions: z.array(z.string()),
    gaps: z.array(
      z.object({
        subjectId: z.string(),
        name: z.string(),
        schema: z.string(),
        class: GapClass,
        listedBy: z.array(z.string()),
        missing: z.array(z.string()),
        delistedBy: z.array(z.string()),
        programs: z.array(z.string()),
        reasons: z.array(z.string()),
      }),
    ),
    matrix: z.record(z.string(), z.record(z.string(), z.number())),
    byClass: z.record(z.string(), z.number()),
    listed: z.record(z.string(), z.number()),
    delays: z.array(
      z.object({
        jurisdiction: z.string(),
        subjects: z.number(),
        medianDays: z.number(),
        before: z.number(),
      }),
    ),
    versions: z.array(z.object({ source: z.string(), publishedAt: z.string() })),
    total: z.number(),
  })
  .openapi('ListingGapReport');
const Report = z.object({
  mode: z.string(),
  fullBecause: z.enum(['asked', 'never-resolved', 'link-rules-changed']).optional().openapi({
    description:
      'Why every listing was screened (full resolutions): asked, no resolution stored before, or the stored one made under other name link rules',
  }),
  linkRules: z
    .string()
    .openapi({ description: 'The name link rules version this resolution was made under' }),
  previousLinkRules: z.string().nullable().optional().openapi({
    description:
      "With `link-rules-changed`: the stored resolution's (null: made before versions were recorded)",
  }),
  listings: z.number(),
  current: z.number(),
  subjects: z.number(),
  multiSource: z.number(),
  proposals: z.number(),
  refused: z.number(),
  screened: z.number(),
  seconds: z.record(z.string(), z.number()),
  subjectsPerSource: z.record(z.string(), z.number()),
});

const subjectRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/subjects',
    tags: ['subjects'],
    summary: 'One subject and every listing of it across the lists, each with the evidence that joined it',
    request: {
      query: z.object({
        id: z
          .string()
          .min(1)
          .max(300)
          .openapi({ example: 'un-sc:IRi.039', description: 'subject id or any listing entity id' }),
      }),
    },
    responses: { 200: json(Subject, 'The subject'), ...ERRORS },
  },
);
const proposalsRoute = defineRoute(
  { roles: ['admin', 'analyst', 'licensing-officer'] },
  {
    method: 'get',
    path: '/subjects/proposals',
    tags: ['subjects'],
    summary:
      'Links the name evidence suggests but does not make alone, best first: for an analyst to merge or leave',
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50) }) },
    responses: {
      200: json(z.object({ total: z.number(), proposals: z.array(Link) }), 'Proposals'),
      ...ERRORS,
    },
  },
);
const decideRoute = defineRoute(
  { roles: ['admin', 'analyst', 'licensing-officer'] },
  {
    method: 'post',
    path: '/subjects/decisions',
    tags: ['subjects'],
    summary:
      "An agency analyst's decision that two listings are one subject (merge: also confirms a proposal) or never one (split); audited, kept across list versions",
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              kind: z.enum(['merge', 'split']),
              a: z.string().min(3).max(300),
              b: z.string().min(3).max(300),
              reason: z.string().min(1).max(2000),
            }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ id: z.string(), report: Report }), 'Recorded, and resolved again'),
      ...ERRORS,
    },
  },
);
const resolveRoute = defineRoute(
  { roles: ['admin'] },
  {
    method: 'post',
    path: '/subjects/resolution',
    tags: ['subjects'],
    summary:
      'Resolves the latest lists into subjects (what changed since the last resolution; everything with full, or when the last was made under other name link rules: `fullBecause` says)',
    request: { query: z.object({ full: z.enum(['true', 'false']).default('false') }) },
    responses: { 200: json(Report, 'What the resolution did'), ...ERRORS },
  },
);
const gapsRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/listing-gaps',
    tags: ['subjects'],
    summary:
      'Subjects listed by some of the given jurisdictions and not others, classified, with the matrix of ally pairs and the days each ally took to list what the UN listed',
    request: {
      query: z.object({
        jurisdictions: z
          .string()
          .max(60)
          .default('UN,US,EU,UK,AU,CA')
          .openapi({
            example: 'UN,EU,AU',
            description: `comma-separated: ${LISTING_JURISDICTIONS.join(', ')}`,
          }),
        class: GapClass.optional(),
        limit: z.coerce.number().int().min(1).max(100_000).default(500),
      }),
    },
    responses: { 200: json(ListingGapReport, 'The gaps'), ...ERRORS },
  },
);

/** `GET /subjects?id=`, `GET /subjects/proposals`, `POST /subjects/decisions`, `POST /subjects/resolution`, `GET /listing-gaps`. */
export function registerSubjects(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(subjectRoute, async (c) => {
    const { id } = c.req.valid('query');
    const resolution = await (await deps.services.subjects()).resolution();
    const subjectId = resolution.subjectOf.get(id) ?? id;
    const subject = resolution.subjects.find((s) => s.id === subjectId);
    if (!subject) throw new DomainError('not-found', `No subject or listing "${id}"`, { field: 'id' });
    return c.json(subject, 200);
  });
  app.openapi(proposalsRoute, async (c) => {
    const { limit } = c.req.valid('query');
    const { proposals } = await (await deps.services.subjects()).resolution();
    return c.json({ total: proposals.length, proposals: proposals.slice(0, limit) }, 200);
  });
  app.openapi(decideRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await (
      await deps.services.subjects()
    ).decide(actorFrom(c), body.kind, body.a, body.b, body.reason);
    return c.json(result, 201);
  });
  app.openapi(resolveRoute, async (c) => {
    const { full } = c.req.valid('query');
    return c.json(
      await (await deps.services.subjects()).resolve(full === 'true' ? 'full' : 'incremental'),
      200,
    );
  });
  app.openapi(gapsRoute, async (c) => {
    const q = c.req.valid('query');
    const report = await (
      await deps.services.subjects()
    ).listingGaps(parseListingJurisdictions(q.jurisdictions));
    const gaps = q.class ? report.gaps.filter((g) => g.class === q.class) : report.gaps;
    return c.json({ ...report, total: gaps.length, gaps: gaps.slice(0, q.limit) }, 200);
  });
}
