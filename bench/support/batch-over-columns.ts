import * as core from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { speedSubjects } from './candidate-sets.ts';

/**
 * The screening-speed batch (the 2,683 subjects twice, as the batch bench posts them) and a maker
 * of fresh indexes over the mirror's shared snapshot columns, each with a shared expansion memo of
 * its own: what a pool worker reads.
 */
export async function batchOverColumns(): Promise<{
  batch: core.ScreeningQuery[];
  fresh: () => ReturnType<typeof core.indexOverSnapshot>;
}> {
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
  const subjects = speedSubjects();
  const shared = core.shareSnapshot(core.snapshotOfIndex(core.buildScreeningIndex(inputs, reference)));
  return {
    batch: [...subjects, ...subjects],
    fresh: () => {
      const index = core.indexOverSnapshot(shared, reference);
      core.shareExpansions(index, new core.SharedExpansions());
      return index;
    },
  };
}
