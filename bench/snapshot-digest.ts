/**
 * The SHA-256 of the column snapshot built on worker threads (`snapshotOfPartiesInWorkers`,
 * its `v8.serialize` payload as a snapshot file holds it), for the real mirror and for SIZE
 * synthetic parties (default 200,000; 0 skips them): run it in two checkouts to show that a
 * change to the build gives the very same bytes. Run:
 * `ENTENTE_SHARED_DATA=/work/shared/data node --import tsx bench/snapshot-digest.ts`.
 */
import { createHash } from 'node:crypto';
import { normalizeName } from '@entente/core';
import { snapshotOfPartiesInWorkers } from '../packages/adapters/src/screening/column-build.ts';
import { snapshotPayload } from '../packages/adapters/src/screening/snapshot-file.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { legalFormsOf, measureNameProfile, scriptOf } from './name-profile.ts';
import { SyntheticParties, wordOccurrences } from './synthetic-parties.ts';

const SIZE = Number(process.env.SIZE ?? 200_000);
const SEED = Number(process.env.SEED ?? 18);

const reference = await loadNameReference(MIRROR);
const mirror = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
const digest = async (label: string, parties: Iterable<(typeof mirror)[number]>): Promise<void> => {
  const inputs = (function* () {
    for (const party of parties) yield { party };
  })();
  const payload = snapshotPayload(await snapshotOfPartiesInWorkers(inputs, reference, { workers: 2 }));
  const sha = createHash('sha256').update(payload).digest('hex');
  console.log(`${label}: ${payload.length} bytes, sha256 ${sha}`);
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
