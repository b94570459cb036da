/**
 * The scale bench's 1,000 single screenings (`bench/scale-1m-snapshot.ts`: 500 spelling
 * variations, 500 invented persons, the expansion memo emptied) over one saved index by two
 * engines in one process, in alternating passes (the first engine alternates per pass), so that
 * their CPU per query is compared under the same load: at load 30–40 two runs of one tree differ
 * by ×1.1–1.3, which hides any change of a few per cent. Each engine reads the same payload
 * (`indexOverSnapshot`, its columns shared, not copied). Run:
 * `OLD_CORE=/work/old-45a/packages/core/src/index.ts ENTENTE_SHARED_DATA=/work/shared/data
 * SNAPSHOT=/tmp/x.snap PASSES=3 node --expose-gc --max-old-space-size=8192 --import tsx
 * bench/scale-1m-snapshot-compare.ts` (the SNAPSHOT file made by `bench/scale-1m-snapshot.ts`).
 * Prints per pass and engine the CPU per query, p50 and the top-10 digest (which must agree).
 */
import { createHash } from 'node:crypto';
import { deserialize } from 'node:v8';
import * as current from '@entente/core';
import { cpuMs, gc } from './support/cpu.ts';
import { syntheticGenerator } from './support/scale-index.ts';
import { inventedPersonRows, load, quantile, variationsOf } from './support/scale-queries.ts';
import { readWhole } from './support/read-whole.ts';

type Core = Pick<typeof current, 'indexOverSnapshot' | 'screenParty'>;
type Index = current.ScreeningIndex;

const SIZE = Number(process.env.SIZE ?? 1_000_000);
const SEED = 18;
const PASSES = Number(process.env.PASSES ?? 3);
const FILE = process.env.SNAPSHOT;
if (!FILE) throw new Error('SNAPSHOT=<file> is needed');
if (!process.env.OLD_CORE) throw new Error('OLD_CORE=<previous core/src/index.ts> is needed');
const old = (await import(process.env.OLD_CORE)) as Core;

const { reference } = await syntheticGenerator();
const t0 = performance.now();
const payload = deserialize(readWhole(FILE)) as Parameters<typeof current.indexOverSnapshot>[0];
const engines: { label: string; core: Core; index: Index }[] = [
  { label: 'old', core: old, index: old.indexOverSnapshot(payload as never, reference) as Index },
  { label: 'new', core: current, index: current.indexOverSnapshot(payload, reference) },
];
gc();
console.log(
  `read ${engines[1]!.index.size} parties in ${((performance.now() - t0) / 1000).toFixed(1)} s; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; load ${load()}`,
);
const sample = inventedPersonRows(SEED).map((r) => r.full_name);
const matches = variationsOf(engines[1]!.index, SIZE, 500, SEED + 1);
const warmUp = variationsOf(engines[1]!.index, SIZE, 200, SEED + 2);
const queries = matches.flatMap((m, i) => [m.name, sample[i]!]);

const cpus = new Map<string, number[]>();
for (let p = 0; p < PASSES; p++) {
  const order = p % 2 === 0 ? engines : [...engines].reverse();
  for (const { label, core, index } of order) {
    for (const q of warmUp) core.screenParty(index, { name: q.name }, { limit: 10 });
    index.expansions.clear();
    gc();
    const times: number[] = [];
    const hash = createHash('sha256');
    const c0 = cpuMs();
    for (const name of queries) {
      const t = performance.now();
      const found = core.screenParty(index, { name }, { limit: 10 });
      times.push(performance.now() - t);
      hash.update(`${found.map((h) => `${h.entityId}:${h.score}`).join(',')}\n`);
    }
    const cpu = (cpuMs() - c0) / queries.length;
    cpus.set(label, [...(cpus.get(label) ?? []), cpu]);
    console.log(
      `pass ${p + 1} ${label}: CPU ${cpu.toFixed(3)} ms per query, p50 ${quantile(times, 0.5).toFixed(3)} ms, p99 ${quantile(times, 0.99).toFixed(3)} ms; top-10s sha256 ${hash.digest('hex').slice(0, 16)}; load ${load()}`,
    );
  }
}
const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
const o = cpus.get('old')!;
const n = cpus.get('new')!;
console.log(
  `CPU per query, medians: old ${median(o).toFixed(3)} ms, new ${median(n).toFixed(3)} ms (×${(median(n) / median(o)).toFixed(3)}); pass ratios ${n.map((x, i) => `×${(x / o[i]!).toFixed(3)}`).join(', ')}`,
);
