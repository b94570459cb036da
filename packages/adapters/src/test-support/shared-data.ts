import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/adapters/src/test-support/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The real data directory beside the checkout (`../shared/data`), read at run
 * time and never copied into the repository. `ENTENTE_SHARED_DATA` overrides it.
 */
export const SHARED_DATA = process.env.ENTENTE_SHARED_DATA ?? path.resolve(REPO_ROOT, '../shared/data');

/** Absolute path of a file under the shared data directory. */
export function sharedDataPath(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}

/** True when the shared data directory is present. */
export function hasSharedData(): boolean {
  return existsSync(SHARED_DATA);
}
