import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, partyEntityId } from '@entente/core';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { ErrorBody } from '../error-body.ts';
import { ListVersionSchema, PartySchema } from '../schemas/party.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  400: json(ErrorBody, 'Invalid input'),
  401: json(ErrorBody, 'Not signed in'),
  404: json(ErrorBody, 'Not found'),
};
const Source = z
  .string()
  .regex(/^[a-z0-9:-]{2,80}$/)
  .openapi({ param: { name: 'source', in: 'path' }, example: 'us-ofac-sdn' });
const VersionId = z.coerce.number().int().positive().optional();
const Entry = z.object({ entityId: z.string(), sourceId: z.string(), name: z.string() });

const listsRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/lists',
    tags: ['lists'],
    summary: 'Restricted-party sources with their latest version',
    responses: {
      200: json(z.object({ lists: z.array(ListVersionSchema) }), 'Latest version of each source'),
      ...errors,
    },
  },
);

const versionsRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/lists/{source}/versions',
    tags: ['lists'],
    summary: 'Every stored version of one source, newest first',
    request: { params: z.object({ source: Source }) },
    responses: { 200: json(z.object({ versions: z.array(ListVersionSchema) }), 'Versions'), ...errors },
  },
);

const diffRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/lists/{source}/diff',
    tags: ['lists'],
    summary: 'Added, removed and changed parties between two versions (default: the latest two)',
    request: { params: z.object({ source: Source }), query: z.object({ from: VersionId, to: VersionId }) },
    responses: {
      200: json(
        z.object({
          source: z.string(),
          from: z.object({ id: z.number(), publishedAt: z.string() }),
          to: z.object({ id: z.number(), publishedAt: z.string() }),
          added: z.array(Entry),
          removed: z.array(Entry),
          changed: z.array(Entry.extend({ fields: z.array(z.string()) })),
        }),
        'The differences',
      ),
      ...errors,
    },
  },
);

const partyRoute = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/parties/{id}',
    tags: ['lists'],
    summary: 'One listed party (entity id `source:sourceId`), with the same party on other lists',
    request: {
      params: z.object({
        id: z
          .string()
          .min(3)
          .max(200)
          .openapi({ param: { name: 'id', in: 'path' }, example: 'un-sc:QDi.001' }),
      }),
    },
    responses: {
      200: json(
        z.object({
          entityId: z.string(),
          versionId: z.number(),
          party: PartySchema,
          sameAs: z.array(z.string()),
        }),
        'The party',
      ),
      ...errors,
    },
  },
);

/** `GET /lists`, `/lists/{source}/versions`, `/lists/{source}/diff`, `/parties/{id}`. */
export function registerLists(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listsRoute, async (c) => c.json({ lists: await deps.services.store.latestVersions() }, 200));
  app.openapi(versionsRoute, async (c) => {
    const { source } = c.req.valid('param');
    const versions = await deps.services.store.listVersions(source);
    if (versions.length === 0) throw new DomainError('not-found', `No list "${source}"`, { field: 'source' });
    return c.json({ versions }, 200);
  });
  app.openapi(diffRoute, async (c) => {
    const { source } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    return c.json(await deps.services.store.diffVersions(source, from, to), 200);
  });
  app.openapi(partyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = await deps.services.store.getParty(id);
    if (!found) throw new DomainError('not-found', `No party ${id} in the latest lists`, { field: 'id' });
    const ref = found.party.unReference;
    const sameAs = ref
      ? (await deps.services.store.partiesByUnReference(ref))
          .map((p) => p.entityId)
          .filter((e) => e !== partyEntityId(found.party))
      : [];
    return c.json({ entityId: id, versionId: found.versionId, party: found.party, sameAs }, 200);
  });
}
