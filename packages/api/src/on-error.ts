import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { escapeControlCharacters, isDomainError, type DomainError } from '@entente/core';
import { STORE_RETRY_AFTER_SECONDS, toStoreError } from '@entente/adapters';
import { ERROR_STATUS } from './error-status.ts';

/** Answers a domain error; a store that cannot be reached asks the client to retry later. */
function domainErrorResponse(error: DomainError, c: Context) {
  if (error.code === 'store-unavailable') c.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
  // Rate limits say when to come back (RFC 9110 §10.2.3).
  const retryAfter = error.details.retryAfterSeconds;
  if (error.code === 'rate-limited' && typeof retryAfter === 'number')
    c.header('Retry-After', String(Math.ceil(retryAfter)));
  const allowed = error.details.allowed;
  if (error.code === 'method-not-allowed' && Array.isArray(allowed)) c.header('Allow', allowed.join(', '));
  return c.json(
    { error: error.code, message: error.message, details: error.details },
    ERROR_STATUS[error.code] as ContentfulStatusCode,
  );
}

/**
 * Turns any thrown error into `{error, message, details}`: domain errors keep
 * their code and details; a lost database connection becomes `store-unavailable`
 * (503, `Retry-After`); anything else becomes `internal-error` without leaking internals.
 */
export function onError(log: (line: string) => void) {
  return (error: Error, c: Context) => {
    if (isDomainError(error)) return domainErrorResponse(error, c);
    const storeError = toStoreError(error);
    if (isDomainError(storeError)) return domainErrorResponse(storeError, c);
    if (error instanceof HTTPException) {
      const status = error.status;
      const code =
        status === 413
          ? 'payload-too-large'
          : status === 401
            ? 'unauthenticated'
            : status === 415
              ? 'unsupported-media-type'
              : 'invalid-input';
      return c.json({ error: code, message: error.message || 'Bad request', details: {} }, status);
    }
    // The path is decoded: `%0A` would otherwise start a forged log line.
    log(
      `internal error on ${c.req.method} ${escapeControlCharacters(c.req.path)}: ${error.stack ?? error.message}`,
    );
    return c.json({ error: 'internal-error', message: 'Internal error', details: {} }, 500);
  };
}
