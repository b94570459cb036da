import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { DOCS_SCRIPT_CSP_SOURCE } from './docs-page.ts';

/**
 * Security headers on every response (web app, `/docs`, API): a Content
 * Security Policy that runs only this server's scripts (plus the one hashed
 * inline script of `/docs`) and talks only to this server, no framing,
 * `nosniff` and no referrer. Styles allow `'unsafe-inline'` because the
 * charts (echarts tooltips) and Swagger UI set style attributes from markup;
 * injected styles cannot run code, injected scripts can.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", DOCS_SCRIPT_CSP_SOURCE],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: true,
    referrerPolicy: 'no-referrer',
  });
}
