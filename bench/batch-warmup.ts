/**
 * Where a batch's first-time costs are (issue 14): the screening-speed batch (the 2,683 subjects
 * twice, chunks of 100) screened in this thread over an index read from shared snapshot columns
 * with a shared expansion memo (what a pool worker reads), first with the JIT cold, then again
 * over a fresh index of the same columns (memos empty, JIT warm), then a third time over that
 * index (memos warm). CPU per chunk and per copy of the subjects.
 *
 *   NODE_OPTIONS=--expose-gc npx tsx bench/batch-warmup.ts
 */
import { loadavg } from 'node:os';
import * as core from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { cpuMs, evalRows, gc } from './support/cpu.ts';

const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
const pairs = evalRows('yente_un_treated_vs_untreated_pairs.csv');
const subjects: core.ScreeningQuery[] = [
  ...evalRows('negatives_us_1k.csv'),
  ...evalRows('negatives_global_1k.csv'),
]
  .map((r) => r.full_name!)
  .concat(pairs.map((p) => p.query_name!))
  .map((name) => ({ name }));
const batch = [...subjects, ...subjects];
const shared = core.shareSnapshot(core.snapshotOfIndex(core.buildScreeningIndex(inputs, reference)));
const fresh = (): ReturnType<typeof core.indexOverSnapshot> => {
  const index = core.indexOverSnapshot(shared, reference);
  core.shareExpansions(index, new core.SharedExpansions());
  return index;
};

function run(label: string, index: ReturnType<typeof fresh>): void {
  gc();
  const chunks: number[] = [];
  for (let i = 0; i < batch.length; i += 100) {
    const c0 = cpuMs();
    for (const q of batch.slice(i, i + 100)) core.screenParty(index, q, { limit: 10 });
    chunks.push(cpuMs() - c0);
  }
  const half = Math.ceil(subjects.length / 100);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const first = sum(chunks.slice(0, half));
  const second = sum(chunks.slice(half));
  console.log(
    `${label}: ${(sum(chunks) / batch.length).toFixed(3)} ms CPU per subject; first copy ${(first / subjects.length).toFixed(3)}, second ${(second / subjects.length).toFixed(3)}; ` +
      `first five chunks ${chunks
        .slice(0, 5)
        .map((c) => (c / 100).toFixed(2))
        .join(' ')} ms per subject; load ${loadavg()[0]!.toFixed(2)}`,
  );
}

// WARM=n: first screen n listed names (every k-th name of the index) over an index of its own.
const warm = Number(process.env.WARM ?? 0);
if (warm > 0) {
  const w = fresh();
  const step = Math.max(1, Math.floor(w.nameSlots / warm));
  const c0 = cpuMs();
  let n = 0;
  for (let id = 0; id < w.nameSlots && n < warm; id += step) {
    const text = w.name(id)?.text;
    if (!text) continue;
    core.screenParty(w, { name: text }, { limit: 10 });
    n++;
  }
  console.log(`warm-up: ${n} listed names, ${(cpuMs() - c0).toFixed(0)} ms CPU`);
}
const a = fresh();
run(warm > 0 ? `JIT warmed on ${warm} listed names, memos empty` : 'JIT cold, memos empty', a);
run('JIT warm, memos empty (a fresh index)', fresh());
run('JIT warm, memos warm (the first index again)', a);
