import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_SNAPSHOT_FORMAT } from '@entente/core';

/** Source files whose change may change what an index or a name reference holds (tests and maps aside). */
const SOURCE = /\.(ts|js|json|txt|tsv|csv)$/;
const NOT_SOURCE = /\.(test|cases)\.ts$|\.d\.ts$|\.map$/;

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (!SOURCE.test(name) || NOT_SOURCE.test(name)) continue;
    hash.update(`${name}\0`);
    hash.update(readFileSync(path.join(dir, name)));
  }
}

let cached: string | undefined;

/**
 * A hash of the code that builds a screening index and reads the name reference
 * (core's `screening/` and `model/`, adapters' `screening-reference/`) and of the
 * snapshot format: a snapshot written by other code is stale, so a change of the
 * matcher never screens against an index it did not build.
 */
export function engineFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256').update(`format ${INDEX_SNAPSHOT_FORMAT}\0`);
  const core = path.dirname(fileURLToPath(import.meta.resolve('@entente/core')));
  hashTree(hash, path.join(core, 'screening'));
  hashTree(hash, path.join(core, 'model'));
  hashTree(hash, fileURLToPath(new URL('../screening-reference', import.meta.url)));
  return (cached = hash.digest('hex'));
}
