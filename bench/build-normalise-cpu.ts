/**
 * CPU of the column build's per-party work on one thread (what each normalising worker does:
 * `columnBatchOf` of parsed JSON and `encodeBatch`, in batches of 4,096) for N synthetic parties
 * (default 100,000, seeded as bench/scale-1m.ts). Run it in two checkouts, alternating, to compare
 * a change to the normalisation (docs/benchmarks.md, Scale, Run 11). PROF=<file> writes a CPU
 * profile of the timed part. Run:
 * `ENTENTE_SHARED_DATA=/work/shared/data node --import tsx bench/build-normalise-cpu.ts`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { columnBatchOf, encodeBatch, type Party } from '@entente/core';
import { syntheticGenerator } from './support/scale-index.ts';

const N = Number(process.env.N ?? 100_000);
/** Parties per batch (default 4,096; the worker build sends 250). */
const BATCH = Number(process.env.BATCH ?? 4096);
const { reference, generator } = await syntheticGenerator();
const json: string[] = [];
for (const party of generator.stream(N, 18)) json.push(JSON.stringify(party));
const session = new Session();
if (process.env.PROF) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < json.length; i += BATCH) {
  const slice = json.slice(i, i + BATCH);
  columnBatchOf(
    slice.map((j) => JSON.parse(j) as Party),
    reference,
  );
  encodeBatch(slice);
}
const c = process.cpuUsage(c0);
console.log(
  `${N} parties: ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, ${(performance.now() - t0).toFixed(0)} ms wall`,
);
if (process.env.PROF) {
  const { profile: cpu } = await session.post('Profiler.stop');
  writeFileSync(process.env.PROF, JSON.stringify(cpu));
}
