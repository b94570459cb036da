import type { ErrorCode } from '@entente/core';

/** Exit codes of the CLI contract: 0 success, 1 usage or input error, 2 internal error. */
export const EXIT = { ok: 0, input: 1, internal: 2 } as const;

/** Error codes caused by the machine or the program rather than by what the user gave. */
const INTERNAL: ReadonlySet<ErrorCode> = new Set([
  'internal-error',
  'store-unavailable',
  'migration-failed',
  'sync-failed',
]);

/** The exit code for a domain error code. */
export function exitCodeFor(code: ErrorCode): number {
  return INTERNAL.has(code) ? EXIT.internal : EXIT.input;
}
