import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { NameReference } from '@entente/core';
import { loadNameReference } from '../screening-reference/load-name-reference.ts';
import { engineFingerprint } from './engine-fingerprint.ts';
import { readSnapshotFile, snapshotPayload, writeSnapshotFile } from './snapshot-file.ts';

const KIND = 'name-reference';

/** A hash of every file of a reference directory (names and bytes) and of the code that reads it. */
async function referenceDirKey(dir: string): Promise<string> {
  const hash = createHash('sha256').update(engineFingerprint());
  for (const name of (await readdir(dir, { recursive: true, encoding: 'utf8' })).sort()) {
    const file = path.join(dir, name);
    const bytes = await readFile(file).catch(() => undefined); // a directory
    if (bytes) hash.update(`${name}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * The name reference of `dir`, read from its snapshot in `cacheDir` when the
 * directory's files and the reading code are those it was saved from, else
 * read (`loadNameReference`, which computes the Han readings: seconds) and saved.
 * A snapshot that cannot be written is not an error: the next start reads again.
 */
export async function cachedNameReference(dir: string, cacheDir: string): Promise<NameReference> {
  const key = await referenceDirKey(dir);
  const file = path.join(cacheDir, 'name-reference.snapshot');
  const read = await readSnapshotFile<NameReference>(file, KIND, key);
  if (read.status === 'loaded') return read.value;
  const reference = await loadNameReference(dir);
  await writeSnapshotFile(file, KIND, key, snapshotPayload(reference)).catch(() => undefined);
  return reference;
}
