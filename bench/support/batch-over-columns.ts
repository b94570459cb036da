import { Session } from 'node:inspector/promises';
import * as core from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { speedSubjects } from './candidate-sets.ts';
import { gc } from './cpu.ts';

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

/**
 * `batchOverColumns` with the engine's code warmed on the batch once (over an index of its own,
 * then collected) and an inspector session connected: where a profile of a warmed worker's batch
 * starts (`batch-cpu-profile.ts`, `batch-allocations.ts`).
 */
export async function warmedBatchSession(): Promise<
  Awaited<ReturnType<typeof batchOverColumns>> & { session: Session }
> {
  const { batch, fresh } = await batchOverColumns();
  const warm = fresh();
  for (const q of batch) core.screenParty(warm, q, { limit: 10 });
  gc();
  const session = new Session();
  session.connect();
  return { batch, fresh, session };
}
