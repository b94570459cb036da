import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '@entente/core';
import type { AppDeps } from './app-deps.ts';
import { onError } from './on-error.ts';
import type { AppEnv } from './policy.ts';
import { registerRoutes } from './routes/index.ts';
import { docsPage } from './docs-page.ts';
import { authenticate } from './authenticate.ts';
import { securityHeaders } from './security-headers.ts';
import { rejectUnsafeText } from './reject-unsafe-text.ts';
import { unmatchedRequestError } from './unmatched-request.ts';

/** Largest request body accepted (batch screening of 1,000 subjects fits well inside). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Paths served outside the OpenAPI routes, all public: the API reference and the web app. */
export const PUBLIC_STATIC_PATHS = ['/docs', '/docs/assets/*', '/openapi.json', '/*'] as const;

/**
 * Builds the HTTP app: every route, the generated OpenAPI document at
 * `/openapi.json`, the API reference at `/docs` and the web build at `/`.
 * Listening is `main.ts`'s job; tests call `app.request(...)`.
 *
 * @example
 * const app = createApp({ services: await openServices(config), config, version: '0.1.0', log: console.error });
 * const res = await app.request('/health');
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new DomainError(
          'invalid-input',
          issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'Invalid input',
          {
            field: issue?.path.join('.'),
            issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        );
      }
    },
  });
  const answerError = onError(deps.log);
  app.onError(answerError);
  // Unknown paths and wrong methods answer the same JSON error body as every other error.
  app.notFound((c) => answerError(unmatchedRequestError(app.routes, c.req.method, c.req.path), c));
  app.use('*', securityHeaders());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new DomainError('payload-too-large', `Request body over ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'entente_session',
  });

  app.use('*', rejectUnsafeText());
  app.use('*', authenticate(deps));
  registerRoutes(app, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Entente API',
      version: deps.version,
      description:
        'Harmonised export controls among allied states. Every route is authenticated unless marked public.',
      license: { name: 'Apache-2.0' },
    },
  });
  const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.get('/docs', (c) => c.html(docsPage()));
  app.use(
    '/docs/assets/*',
    serveStatic({
      root: path.relative(process.cwd(), swaggerDir),
      rewriteRequestPath: (p) => p.replace(/^\/docs\/assets/, ''),
    }),
  );
  if (deps.webDir && existsSync(deps.webDir)) {
    const root = path.relative(process.cwd(), deps.webDir);
    app.use('/*', serveStatic({ root }));
    // Client-side routes: any other GET that is not an API path gets the app shell.
    app.get('/*', serveStatic({ root, rewriteRequestPath: () => '/index.html' }));
  }
  return app;
}

/** The app type, for typed clients. */
export type EntenteApp = ReturnType<typeof createApp>;
