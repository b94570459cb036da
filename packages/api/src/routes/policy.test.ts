import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createApp } from '../create-app.ts';
import type { AppEnv } from '../policy.ts';

const STATIC = new Set(['/docs', '/docs/assets/*', '/openapi.json', '/*', '*']);

/** Routes the app serves that are not declared with a policy (`x-policy`) in the OpenAPI registry. */
function routesWithoutPolicy(app: OpenAPIHono<AppEnv>): string[] {
  const declared = new Map<string, unknown>();
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const path = d.route.path.replace(/\{(\w+)\}/g, ':$1');
    declared.set(`${d.route.method.toUpperCase()} ${path}`, (d.route as Record<string, unknown>)['x-policy']);
  }
  const served = app.routes
    .filter((r) => r.method !== 'ALL' && !STATIC.has(r.path))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(served)].filter((key) => declared.get(key) === undefined);
}

describe('route policies', () => {
  const app = createApp({
    services: {} as never,
    config: { store: { dataDir: 'memory://' }, port: 0 },
    version: 'test',
    log: () => {},
  });

  it('declares a policy on every route the app serves', () => {
    expect(routesWithoutPolicy(app)).toEqual([]);
    expect(app.routes.some((r) => r.path === '/denials/:id')).toBe(true);
  });

  it('finds a route declared without a policy (default deny)', () => {
    const bare = new OpenAPIHono<AppEnv>();
    bare.openapi(
      createRoute({
        method: 'get',
        path: '/leak/{id}',
        request: { params: z.object({ id: z.string() }) },
        responses: { 200: { description: 'x' } },
      }),
      (c) => c.json({}, 200),
    );
    bare.get('/plain', (c) => c.text('x'));
    expect(routesWithoutPolicy(bare)).toEqual(['GET /leak/:id', 'GET /plain']);
  });
});
