import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps.ts';
import type { AppEnv } from '../policy.ts';
import { registerHealth } from './health.ts';

/** Registers every API route. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerHealth(app, deps);
}
