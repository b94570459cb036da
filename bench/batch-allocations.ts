/**
 * What a batch allocates, by the function that allocates it (issue 14: GC is a tenth to a seventh
 * of a batch worker's CPU). The screening-speed batch (the 2,683 subjects twice) screened in this
 * thread over an index read from shared snapshot columns with a shared expansion memo (what a
 * pool worker reads): once to warm the compiler, then over a fresh index of the same columns
 * under V8's sampling heap profiler, counting objects that minor and major GCs collected too.
 * Prints the bytes sampled per allocating function (self), per subject, the largest first.
 *
 *   NODE_OPTIONS=--expose-gc npx tsx bench/batch-allocations.ts [TOP=30]
 */
import { loadavg } from 'node:os';
import * as core from '@entente/core';
import { warmedBatchSession } from './support/batch-over-columns.ts';

interface SampledNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampledNode[];
}

const { batch, fresh, session } = await warmedBatchSession();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const index = fresh();
for (const q of batch) core.screenParty(index, q, { limit: 10 });
const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SampledNode } };
session.disconnect();

const self = new Map<string, number>();
/** A built-in's allocations (no script of its own) go to the script function that called it. */
const builtins = new Map<string, number>();
let total = 0;
const label = (f: SampledNode['callFrame']): string =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
const walk = (n: SampledNode, caller: string): void => {
  const f = n.callFrame;
  const key = label(f);
  self.set(key, (self.get(key) ?? 0) + n.selfSize);
  if (!f.url && n.selfSize > 0)
    builtins.set(`${key} ← ${caller}`, (builtins.get(`${key} ← ${caller}`) ?? 0) + n.selfSize);
  total += n.selfSize;
  for (const c of n.children) walk(c, f.url ? key : caller);
};
walk(profile.head, '(root)');
const top = Number(process.env.TOP ?? 30);
console.log(
  `${batch.length} screenings, ${(total / 2 ** 20).toFixed(0)} MiB sampled (${(total / batch.length / 1024).toFixed(1)} KiB a subject); load ${loadavg()[0]!.toFixed(2)}`,
);
for (const [key, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(
    `${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${(bytes / batch.length / 1024).toFixed(2).padStart(6)} KiB/subject  ${key}`,
  );
console.log('built-ins by the script function that called them:');
for (const [key, bytes] of [...builtins].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(
    `${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${(bytes / batch.length / 1024).toFixed(2).padStart(6)} KiB/subject  ${key}`,
  );
