import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { escapeControlCharacters, isDomainError } from '@entente/core';
import { ERROR_STATUS } from './error-status.ts';

/**
 * Turns any thrown error into `{error, message, details}`: domain errors keep
 * their code and details; anything else becomes `internal-error` without leaking internals.
 */
export function onError(log: (line: string) => void) {
  return (error: Error, c: Context) => {
    if (isDomainError(error)) {
      return c.json(
        { error: error.code, message: error.message, details: error.details },
        ERROR_STATUS[error.code] as ContentfulStatusCode,
      );
    }
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
