/**
 * The SHA-256 of the column snapshot built on worker threads (`snapshotOfPartiesInWorkers`,
 * its `v8.serialize` payload as a snapshot file holds it), for the real mirror and for SIZE
 * synthetic parties (default 200,000; 0 skips them): run it in two checkouts to show that a
 * change to the build gives the very same bytes; and with the look-ups an index over the columns
 * makes (`withColumnLookups`). DELETION_WORKERS builds the deletion index on that many workers. Run:
 * `ENTENTE_SHARED_DATA=/work/shared/data node --import tsx bench/snapshot-digest.ts`.
 */
import { createHash } from 'node:crypto';
import { normalizeName, withColumnLookups } from '@entente/core';
import { snapshotOfPartiesInWorkers } from '../packages/adapters/src/screening/column-build.ts';
import { snapshotPayload } from '../packages/adapters/src/screening/snapshot-file.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { legalFormsOf, measureNameProfile, scriptOf } from './name-profile.ts';
import { SyntheticParties, wordOccurrences } from './synthetic-parties.ts';

const SIZE = Number(process.env.SIZE ?? 200_000);
const SEED = Number(process.env.SEED ?? 18);
/** Deletion workers of the build (`DELETION_WORKERS`, default 0: on the main thread). */
const deletionWorkers = Number(process.env.DELETION_WORKERS ?? 0);

const reference = await loadNameReference(MIRROR);
const mirror = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
const digest = async (label: string, parties: Iterable<(typeof mirror)[number]>): Promise<void> => {
  const inputs = (function* () {
    for (const party of parties) yield { party };
  })();
  const snapshot = await snapshotOfPartiesInWorkers(inputs, reference, { workers: 2, deletionWorkers });
  const payload = snapshotPayload(snapshot);
  const sha = createHash('sha256').update(payload).digest('hex');
  console.log(`${label}: ${payload.length} bytes, sha256 ${sha}`);
  // With the look-ups an index over the columns makes (the orders and hash tables), as saved.
  const full = snapshotPayload(withColumnLookups(snapshot));
  const fullSha = createHash('sha256').update(full).digest('hex');
  console.log(`${label}, with its look-ups: ${full.length} bytes, sha256 ${fullSha}`);
};
await digest(`real mirror (${mirror.length} parties)`, mirror);
if (SIZE > 0) {
  const profile = measureNameProfile(
    mirror,
    (name) => normalizeName(name, reference, 'organization').legalForms.length > 0,
  );
  const generator = new SyntheticParties(profile, wordOccurrences(mirror, scriptOf), legalFormsOf(reference));
  await digest(`synthetic ${SIZE} (seed ${SEED})`, generator.stream(SIZE, SEED));
}
