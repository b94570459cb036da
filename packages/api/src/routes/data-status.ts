import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { isDomainError } from '@entente/core';
import { CONTROL_LIST_IDS, LIST_FORMATS, loadPublisherSources } from '@entente/adapters';
import type { AppDeps } from '../app-deps.ts';
import { defineRoute, type AppEnv } from '../policy.ts';
import { ERRORS } from './catalogue-deps.ts';
import { json } from './route-parts.ts';

/** What a user can do about missing data; the same words as the server's first-start report. */
const HOW_TO_LOAD =
  'Run `entente sync` (downloads from the publishers and the eCFR; `--mirror DIR` reads a local copy instead), ' +
  'or set ENTENTE_MIRROR=DIR and restart the server.';

const DataStatus = z
  .object({
    lists: z.object({
      loaded: z.array(z.string()).openapi({ description: 'Sources with a stored list version' }),
      missing: z.array(z.object({ id: z.string(), publisher: z.string() })).openapi({
        description:
          'Downloadable publications (sources file, mode automatic) none of whose sources is stored',
      }),
    }),
    controlLists: z.object({ loaded: z.array(z.string()), missing: z.array(z.string()) }),
    usEarTables: z.object({
      loaded: z.boolean(),
      problem: z.string().optional().openapi({ description: 'Why US determinations cannot be made' }),
    }),
    howToLoad: z.string(),
  })
  .openapi('DataStatus');

const route = defineRoute(
  { roles: 'any' },
  {
    method: 'get',
    path: '/data-status',
    tags: ['system'],
    summary: 'What data is loaded and what is missing',
    description:
      'The restricted-party lists, control lists and US EAR tables the server holds, what is missing ' +
      '(e.g. after a first start without network) and how to load it. Read from the store on every call, ' +
      'so every API node answers alike.',
    responses: { 200: json(DataStatus, 'Loaded and missing data'), ...ERRORS },
  },
);

/** Why the US EAR tables (Country Chart, Country Groups, CCL) cannot be read, or undefined when they can. */
async function usTablesProblem(deps: AppDeps): Promise<string | undefined> {
  try {
    await (await deps.services.catalogue.get()).determinationData();
    return undefined;
  } catch (e) {
    if (isDomainError(e)) return e.message;
    throw e;
  }
}

/** `GET /data-status`: what the web app shows instead of empty pages. */
export function registerDataStatus(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const [versions, controlVersions, sources, problem] = await Promise.all([
      deps.services.store.latestVersions(),
      deps.services.controls.listControlVersions(),
      loadPublisherSources(LIST_FORMATS),
      usTablesProblem(deps),
    ]);
    const loaded = versions.map((v) => v.source);
    const controlIds = new Set<string>(controlVersions.map((v) => v.listId));
    return c.json(
      {
        lists: {
          loaded,
          missing: sources.entries
            .filter((e) => e.mode === 'automatic' && !e.sources.some((s) => loaded.includes(s)))
            .map((e) => ({ id: e.id, publisher: e.publisher })),
        },
        controlLists: {
          loaded: CONTROL_LIST_IDS.filter((id) => controlIds.has(id)),
          missing: CONTROL_LIST_IDS.filter((id) => !controlIds.has(id)),
        },
        usEarTables: problem ? { loaded: false, problem } : { loaded: true },
        howToLoad: HOW_TO_LOAD,
      },
      200,
    );
  });
}
