import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { NameReference } from '@entente/core';
import { loadNameReference } from '../screening-reference/load-name-reference.ts';
import { engineFingerprint } from './engine-fingerprint.ts';
import { referenceFingerprint, rememberReferenceFingerprint } from './index-snapshot-cache.ts';
import { readSnapshotFile, snapshotPayload, writeSnapshotFile } from './snapshot-file.ts';

const KIND = 'name-reference';
/** What the payload holds; part of the key, so a snapshot of another layout is stale. */
const LAYOUT = 'reference and its fingerprint';

/** A name reference snapshot's payload: the reference and its `referenceFingerprint`. */
interface SavedReference {
  reference: NameReference;
  fingerprint: string;
}

/** A hash of every file of a reference directory (names and bytes) and of the code that reads it. */
async function referenceDirKey(dir: string): Promise<string> {
  const hash = createHash('sha256').update(`${LAYOUT}\0`).update(engineFingerprint());
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
  const read = await readSnapshotFile<SavedReference>(file, KIND, key);
  if (read.status === 'loaded') {
    // The index snapshot's key needs the reference's fingerprint: saved with it, not hashed again.
    rememberReferenceFingerprint(read.value.reference, read.value.fingerprint);
    return read.value.reference;
  }
  const reference = await loadNameReference(dir);
  const saved: SavedReference = { reference, fingerprint: referenceFingerprint(reference) };
  await writeSnapshotFile(file, KIND, key, snapshotPayload(saved)).catch(() => undefined);
  return reference;
}
