import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDomainError } from '@entente/core';
import { ERROR_STATUS } from './error-status.ts';

/**
 * Turns any thrown error into `{error, message, details}`: domain errors keep
 * their code and details; anything else becomes `internal-error` without leaking internals.
 */
export function onError(log: (line: string) => void) {
  return (error: Error, c: Context) => {
    if (isDomainError(error)) {
      // Rate limits say when to come back (RFC 9110 §10.2.3).
      const retryAfter = error.details.retryAfterSeconds;
      if (error.code === 'rate-limited' && typeof retryAfter === 'number')
        c.header('Retry-After', String(Math.ceil(retryAfter)));
      return c.json(
        { error: error.code, message: error.message, details: error.details },
        ERROR_STATUS[error.code] as ContentfulStatusCode,
      );
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      const code =
        status === 413 ? 'payload-too-large' : status === 401 ? 'unauthenticated' : 'invalid-input';
      return c.json({ error: code, message: error.message || 'Bad request', details: {} }, status);
    }
    log(`internal error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.json({ error: 'internal-error', message: 'Internal error', details: {} }, 500);
  };
}
