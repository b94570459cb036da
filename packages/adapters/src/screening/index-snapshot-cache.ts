import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  indexFromSnapshot,
  indexOverSnapshot,
  type ListVersion,
  type NameReference,
  type ScreeningIndex,
  type ScreeningIndexSnapshot,
} from '@entente/core';
import type { StoreConfig } from '../store/open-store.ts';
import { engineFingerprint } from './engine-fingerprint.ts';
import { readSnapshotFile, writeSnapshotFile, type SnapshotBytes } from './snapshot-file.ts';

const KIND = 'screening-index';

const referenceHashes = new WeakMap<NameReference, string>();

/**
 * A hash of a name reference's content (its tables and readings, Maps as their entries),
 * computed once per object. JSON rather than `v8.serialize`: a reference read back from its
 * own snapshot must hash alike, and v8's bytes depend on how each string is stored.
 */
export function referenceFingerprint(reference: NameReference): string {
  let h = referenceHashes.get(reference);
  if (!h) {
    h = contentFingerprint(reference);
    referenceHashes.set(reference, h);
  }
  return h;
}

/** The hash `referenceFingerprint` computes (about 0.1 s of CPU for the mirror's reference). */
export function contentFingerprint(reference: NameReference): string {
  const json = JSON.stringify(reference, (_key, value: unknown) =>
    value instanceof Map ? [...(value as Map<unknown, unknown>)] : value,
  );
  return createHash('sha256').update(json).digest('hex');
}

/**
 * Records the fingerprint of a reference read back from its own snapshot, saved there beside it
 * (`cachedNameReference`): the snapshot's CRC-32 covers both, and the reference hashes alike once
 * read back, so a start need not hash it again.
 */
export function rememberReferenceFingerprint(reference: NameReference, fingerprint: string): void {
  referenceHashes.set(reference, fingerprint);
}

/**
 * The file a store's index snapshot is kept in, under `cacheDir`: one per store
 * (a PGlite directory, or a PostgreSQL server, database and schema; never its credentials).
 */
export function indexSnapshotFile(cacheDir: string, store: StoreConfig): string {
  let identity: string;
  if (store.databaseUrl) {
    const url = new URL(store.databaseUrl);
    identity = `postgres://${url.hostname}:${url.port || 5432}${url.pathname}#${store.schema ?? 'public'}`;
  } else identity = path.resolve(store.dataDir);
  const id = createHash('sha256').update(identity).digest('hex').slice(0, 16);
  return path.join(cacheDir, `screening-index-${id}.snapshot`);
}

/** An index loaded from a snapshot, or why none was (then the caller builds and saves one). */
export type LoadedIndex =
  | { index: ScreeningIndex; payload: Uint8Array; snapshot: ScreeningIndexSnapshot }
  | { index?: undefined; status: 'missing' | 'stale' | 'corrupt'; reason: string };

/**
 * The screening index saved to a file, keyed by the list versions it was built
 * from, the name reference and the engine (see `engineFingerprint`).
 */
export class IndexSnapshotCache {
  constructor(readonly file: string) {}

  /** The key of an index of these list versions over this reference, built by this code. */
  keyOf(
    versions: readonly Pick<ListVersion, 'id' | 'source' | 'contentHash'>[],
    reference: NameReference,
  ): string {
    const lists = versions.map((v) => `${v.source}:${v.id}:${v.contentHash}`).sort();
    return createHash('sha256')
      .update(
        JSON.stringify({ engine: engineFingerprint(), reference: referenceFingerprint(reference), lists }),
      )
      .digest('hex');
  }

  /**
   * The saved index under `key`, if the file holds one that is whole: with `overColumns`
   * a read-only index over the snapshot's columns (no object per name or party is made,
   * see `indexOverSnapshot`), else the writable index (`indexFromSnapshot`). `bytes`: the
   * file as already read (`readSnapshotBytes`, started early), checked here all the same.
   */
  async load(
    key: string,
    reference: NameReference,
    options: { overColumns?: boolean; bytes?: Promise<SnapshotBytes> } = {},
  ): Promise<LoadedIndex> {
    const read = await readSnapshotFile<ScreeningIndexSnapshot>(this.file, KIND, key, options.bytes);
    if (read.status !== 'loaded') return read;
    try {
      const snapshot = read.value;
      const index = options.overColumns
        ? indexOverSnapshot(snapshot, reference)
        : indexFromSnapshot(snapshot, reference);
      return { index, payload: read.payload, snapshot };
    } catch (e) {
      return { status: 'corrupt', reason: `does not restore: ${(e as Error).message}` };
    }
  }

  /** Saves an index's snapshot payload (`snapshotPayload(withColumnLookups(snapshotOfIndex(index)))`) under `key`. */
  save(key: string, payload: Uint8Array): Promise<void> {
    return writeSnapshotFile(this.file, KIND, key, payload);
  }
}
