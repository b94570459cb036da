/** The 1M synthetic column index the retrieval benches build (as `bench/scale-1m.ts` does). */
import { normalizeName, type NameReference, type ScreeningIndex } from '@entente/core';
import { buildColumnIndexInWorkers } from '../../packages/adapters/src/screening/column-build.ts';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { legalFormsOf, measureNameProfile, scriptOf } from '../name-profile.ts';
import { SyntheticParties, wordOccurrences } from '../synthetic-parties.ts';
import { gc } from './cpu.ts';
import { load } from './scale-queries.ts';

/**
 * The name reference and a generator of synthetic parties with the mirror's name profile (as
 * `bench/scale-1m.ts` draws them); the mirror's parties are not kept.
 */
export async function syntheticGenerator(): Promise<{
  reference: NameReference;
  generator: SyntheticParties;
}> {
  const reference = await loadNameReference(MIRROR);
  const mirror = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
  const profile = measureNameProfile(
    mirror,
    (name) => normalizeName(name, reference, 'organization').legalForms.length > 0,
  );
  const generator = new SyntheticParties(profile, wordOccurrences(mirror, scriptOf), legalFormsOf(reference));
  return { reference, generator };
}

/**
 * `size` synthetic parties drawn (seed `seed`) with the mirror's name profile, indexed into columns
 * on two worker threads: the index and the number of parties given to it.
 */
export async function buildScaleIndex(
  size: number,
  seed: number,
): Promise<{ index: ScreeningIndex; given: number }> {
  const { reference, generator } = await syntheticGenerator();
  gc();
  const t0 = performance.now();
  let given = 0;
  const index = await buildColumnIndexInWorkers(
    (function* () {
      for (const party of generator.stream(size, seed)) {
        given++;
        yield { party };
      }
    })(),
    reference,
    { workers: 2 },
  );
  console.log(
    `built ${index.size} parties, ${index.nameCount} names, ${index.tokenCount} tokens in ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${load()}`,
  );
  return { index, given };
}
