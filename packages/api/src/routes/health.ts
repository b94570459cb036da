import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '@entente/core';
import { defineRoute, type AppEnv } from '../policy.ts';
import type { AppDeps } from '../app-deps.ts';

/** How long `/health` waits for the store to answer before calling it unreachable. */
const PING_TIMEOUT_MS = 2_000;

const HealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']),
    store: z.object({ kind: z.enum(['pglite', 'postgres']), schemaVersion: z.string() }),
    version: z.string(),
    problems: z
      .array(z.string())
      .optional()
      .openapi({ description: 'What is wrong when degraded (e.g. the store is unreachable)' }),
    loading: z.array(z.string()).optional().openapi({
      description:
        'What the server, listening already, is still loading (e.g. `screening index`); requests that need it wait',
    }),
  })
  .openapi('Health');

const route = defineRoute(
  { public: true },
  {
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness and store check',
    description:
      'Answers 200 while the process runs: `ok`, or `degraded` with `problems` while the store ' +
      'cannot be reached (routes that need it answer 503 with `Retry-After` meanwhile); `loading` ' +
      'lists what a server that has just started is still loading (screening waits for its index).',
    responses: {
      200: {
        description: 'The server answers; `status` says whether its store does',
        content: { 'application/json': { schema: HealthResponse } },
      },
    },
  },
);

/** Why the store does not answer a trivial query within `PING_TIMEOUT_MS`, if it does not. */
async function storeProblem(store: Store): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`store unreachable (no answer within ${PING_TIMEOUT_MS / 1000} s)`),
      PING_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      store.ping().then(
        () => undefined,
        () => 'store unreachable',
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /health` (public): one trivial query, never an error response. */
export function registerHealth(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ping = await storeProblem(deps.services.store);
    const problems = [...(ping ? [ping] : []), ...(deps.services.store.connectionProblems?.() ?? [])];
    const info = deps.services.store.info();
    const loading = deps.loading?.() ?? [];
    return c.json(
      {
        status: problems.length ? ('degraded' as const) : ('ok' as const),
        store: { kind: info.kind, schemaVersion: info.schemaVersion },
        version: deps.version,
        ...(problems.length ? { problems } : {}),
        ...(loading.length ? { loading } : {}),
      },
      200,
    );
  });
}
