import { fileURLToPath } from 'node:url';

/**
 * Absolute path of a small fixture file written for one list format's tests
 * (`ingest/<format>/fixtures/<file>`), for other packages' tests that need a
 * list to import without reaching into adapters' folders by relative path.
 */
export function formatFixture(format: string, file: string): string {
  return fileURLToPath(new URL(`../ingest/${format}/fixtures/${file}`, import.meta.url));
}
