import type { ErrorCode } from '@entente/core';

/** The HTTP status for each domain error code: the one place where codes meet HTTP. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  'rate-limited': 429,
  'limit-exceeded': 422,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'unknown-format': 400,
  'file-unreadable': 400,
  'file-rejected': 422,
  'count-out-of-bounds': 422,
  'register-invalid': 422,
  'alert-transition-refused': 409,
  'unknown-source': 400,
  'unknown-jurisdiction': 400,
  'unknown-country': 400,
  'unknown-control-entry': 400,
  'store-unavailable': 503,
  'store-locked': 409,
  'migration-failed': 500,
  'sync-failed': 502,
  'internal-error': 500,
};
