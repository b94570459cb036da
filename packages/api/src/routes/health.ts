import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute, type AppEnv } from '../policy.ts';
import type { AppDeps } from '../app-deps.ts';

const HealthResponse = z
  .object({
    status: z.literal('ok'),
    store: z.object({ kind: z.enum(['pglite', 'postgres']), schemaVersion: z.string() }),
    version: z.string(),
  })
  .openapi('Health');

const route = defineRoute(
  { public: true },
  {
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness and store check',
    responses: {
      200: {
        description: 'The server and its store answer',
        content: { 'application/json': { schema: HealthResponse } },
      },
    },
  },
);

/** `GET /health` (public). */
export function registerHealth(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    await deps.store.ping();
    const info = deps.store.info();
    return c.json(
      {
        status: 'ok' as const,
        store: { kind: info.kind, schemaVersion: info.schemaVersion },
        version: deps.version,
      },
      200,
    );
  });
}
