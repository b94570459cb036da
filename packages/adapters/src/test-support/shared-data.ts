import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/adapters/src/test-support/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The real data directory beside the checkout (`../shared/data`), read at run
 * time and never copied into the repository. `ENTENTE_SHARED_DATA` overrides it.
 * The one place tests (and benchmarks) find it.
 */
export const SHARED_DATA = process.env.ENTENTE_SHARED_DATA ?? path.resolve(REPO_ROOT, '../shared/data');

/** Set to `1` (CI does) to make a missing shared data directory fail the tests that need it. */
export const REQUIRE_SHARED_DATA = 'ENTENTE_REQUIRE_SHARED_DATA';

/** Absolute path of a file under the shared data directory. */
export function sharedDataPath(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}

/**
 * Whether the tests that need the shared data directory can run:
 * `describe.skipIf(!hasSharedData())`. Without it they skip, except when
 * `ENTENTE_REQUIRE_SHARED_DATA=1`: then this throws, failing the test file,
 * so a suite that silently skipped them cannot pass CI.
 */
export function hasSharedData(env: Record<string, string | undefined> = process.env): boolean {
  const dir = env.ENTENTE_SHARED_DATA ?? SHARED_DATA;
  if (existsSync(dir)) return true;
  if (env[REQUIRE_SHARED_DATA] === '1') {
    throw new Error(
      `The shared data directory ${dir} is missing and ${REQUIRE_SHARED_DATA}=1: the tests that read it would be skipped. Set ENTENTE_SHARED_DATA to the mirror, or unset ${REQUIRE_SHARED_DATA} to skip them.`,
    );
  }
  return false;
}
