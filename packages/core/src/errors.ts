/**
 * Every error code core can raise. Each one is documented in docs/errors.md
 * (a test fails when one is missing), mapped to an HTTP status by the API and
 * to an exit code by the CLI.
 */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'method-not-allowed',
  'conflict',
  'unauthenticated',
  'forbidden',
  'rate-limited',
  'limit-exceeded',
  'payload-too-large',
  'unsupported-media-type',
  'unknown-format',
  'file-unreadable',
  'file-rejected',
  'count-out-of-bounds',
  'register-invalid',
  'alert-transition-refused',
  'unknown-source',
  'unknown-jurisdiction',
  'unknown-country',
  'unknown-control-entry',
  'store-unavailable',
  'store-locked',
  'migration-failed',
  'sync-failed',
  'internal-error',
] as const;

/** One of the documented error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The only error core throws: a stable machine-readable `code`, a human
 * message, and optional structured details (file, row, field, accepted values).
 *
 * @example
 * throw new DomainError('unknown-country', 'Unknown country code "XX"', { field: 'to' });
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** True when `value` is a DomainError (also across module copies). */
export function isDomainError(value: unknown): value is DomainError {
  return (
    value instanceof DomainError ||
    (value instanceof Error &&
      value.name === 'DomainError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}
