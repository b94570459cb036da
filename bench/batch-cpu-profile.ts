/**
 * Where a warmed pool worker's batch CPU goes, by function (issue 14): the screening-speed batch
 * (the 2,683 subjects twice) screened in this thread over an index read from shared snapshot
 * columns with a shared expansion memo (what a pool worker reads): once to warm the compiler,
 * then over a fresh index of the same columns under V8's sampling CPU profiler. Prints the self
 * time per function, the largest first, and writes the profile to PROFILE (a `.cpuprofile`).
 *
 *   NODE_OPTIONS=--expose-gc PROFILE=/tmp/batch.cpuprofile npx tsx bench/batch-cpu-profile.ts [TOP=40]
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as core from '@entente/core';
import { warmedBatchSession } from './support/batch-over-columns.ts';
import { cpuMs } from './support/cpu.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { batch, fresh, session } = await warmedBatchSession();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const index = fresh();
const t0 = cpuMs();
for (const q of batch) core.screenParty(index, q, { limit: 10 });
const cpu = cpuMs() - t0;
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
session.disconnect();
if (process.env.PROFILE) writeFileSync(process.env.PROFILE, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
console.log(
  `${batch.length} screenings, ${(cpu / batch.length).toFixed(3)} ms CPU a subject (profiled); load ${loadavg()[0]!.toFixed(2)}`,
);
const top = Number(process.env.TOP ?? 40);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
