/**
 * The batch's CPU per subject for two engines in one process, each with its compiler cold (issue
 * 14: a cold pool's batch). Each engine's core is imported from its own copy of
 * `packages/core/src` (its functions compile apart: neither runs on code the other warmed), its
 * index built and read from shared snapshot columns with a shared expansion memo (what a pool
 * worker reads); then the batch (the 2,683 screening-speed subjects twice, as the batch bench
 * posts them) is screened in this thread by one engine, then by the other (ORDER=ba: the second
 * first), then by each again (compiler warm, memos warm). Process CPU, and the matches counted
 * (they must agree when the engines' results do).
 *
 *   git archive <commit> packages/core/src | tar -x -C bench/.out/a   (and b)
 *   A_CORE=bench/.out/a/packages/core/src/index.ts B_CORE=bench/.out/b/packages/core/src/index.ts \
 *     NODE_OPTIONS=--expose-gc npx tsx bench/batch-cold-engines.ts [ORDER=ba]
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { cpuMs, gc } from './support/cpu.ts';
import { speedSubjects } from './support/candidate-sets.ts';

type Core = typeof current;

const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
const subjects = speedSubjects();
const batch = [...subjects, ...subjects];
const engines: { label: string; core: Core; index: ReturnType<Core['indexOverSnapshot']> }[] = [];
for (const label of ['A', 'B']) {
  const file = process.env[`${label}_CORE`];
  if (!file) throw new Error(`${label}_CORE is required`);
  const core = (await import(path.resolve(file))) as Core;
  // Built by the engine's own code, as the pool's main thread builds it (which a worker's compiler never sees).
  const shared = core.shareSnapshot(core.snapshotOfIndex(core.buildScreeningIndex(inputs, reference)));
  const index = core.indexOverSnapshot(shared, reference);
  core.shareExpansions(index, new core.SharedExpansions());
  engines.push({ label: `${label} (${file})`, core, index });
}
if (process.env.ORDER === 'ba') engines.reverse();
for (const pass of ['compiler cold, memos empty', 'again (compiler and memos warm)'])
  for (const { label, core, index } of engines) {
    gc();
    const c0 = cpuMs();
    let matches = 0;
    for (const q of batch) matches += core.screenParty(index, q, { limit: 10 }).length;
    const cpu = cpuMs() - c0;
    console.log(
      `${pass}: ${label}: ${((cpu / batch.length) * 1).toFixed(3)} ms CPU per subject over ${batch.length}, ${matches} matches (load ${loadavg()[0]!.toFixed(2)})`,
    );
  }
