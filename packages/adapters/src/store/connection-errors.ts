import { DomainError, isDomainError } from '@entente/core';

/** Seconds a client is asked to wait (`Retry-After`) when the store cannot be reached. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** Socket errors: the server is down, restarting, or the network between us dropped. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs that mean "this connection is gone, try another later":
 * class 08 (connection exception), admin/crash shutdown (a restart, or
 * `pg_terminate_backend`), "the database system is starting up", too many connections.
 */
function isConnectionSqlState(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/** What `pg` says when a socket ends or a connection cannot be made in time. */
const PG_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

/**
 * True when `error` (from `pg`, through Kysely) means the PostgreSQL server could
 * not be reached or dropped the connection, rather than that the query was wrong.
 */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || isConnectionSqlState(code))) return true;
  if (PG_MESSAGES.some((m) => error.message.startsWith(m))) return true;
  // Node's "happy eyeballs" connect reports every address it tried in an AggregateError.
  if (error instanceof AggregateError && error.errors.some((e) => isConnectionError(e, depth + 1)))
    return true;
  return isConnectionError(error.cause, depth + 1);
}

/**
 * The `store-unavailable` error for a connection error (without the server's
 * address or the driver's wording); any other error is returned unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (isDomainError(error) || !isConnectionError(error)) return error;
  const translated = new DomainError('store-unavailable', 'The store cannot be reached; retry later', {
    retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
  });
  translated.cause = error; // for the server's log, never for the client
  return translated;
}
