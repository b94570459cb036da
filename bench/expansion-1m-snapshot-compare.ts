/**
 * The cold expansions of the 1M single screenings' keys by two engines in one process, over one
 * saved index (`bench/scale-1m-snapshot.ts`'s SNAPSHOT): the keys `findCandidateNames` expands
 * first for the scale bench's 1,000 queries (each query's distinct words, its joined words, its
 * original-script words; 4,464 keys, 3,763 distinct), in their order. Checks that both engines'
 * `expandToken` give the same ids, similarities, postings and best for every key, then times
 * PASSES (4) alternating passes of each (memo emptied before each, so a key repeated within a
 * pass is read from it, as in the scale bench), CPU per query. PROFILE=<file> writes a CPU
 * profile of the new engine's last pass. Run: `OLD_CORE=/work/old-34c/packages/core/src/index.ts
 * ENTENTE_SHARED_DATA=/work/shared/data SNAPSHOT=/tmp/x.snap PASSES=6 node --expose-gc
 * --max-old-space-size=8192 --import tsx bench/expansion-1m-snapshot-compare.ts`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { deserialize } from 'node:v8';
import * as current from '@entente/core';
import { cpuMs, gc } from './support/cpu.ts';
import { syntheticGenerator } from './support/scale-index.ts';
import { inventedPersonRows, load, variationsOf } from './support/scale-queries.ts';
import { readWhole } from './support/read-whole.ts';

type Core = Pick<typeof current, 'indexOverSnapshot' | 'expandToken' | 'normalizeName'>;
const old = (await import(process.env.OLD_CORE!)) as Core;
const PASSES = Number(process.env.PASSES ?? 4);
const { reference } = await syntheticGenerator();
const payload = deserialize(readWhole(process.env.SNAPSHOT!)) as Parameters<
  typeof current.indexOverSnapshot
>[0];
const engines = [
  {
    label: 'old',
    core: old,
    index: old.indexOverSnapshot(payload as never, reference) as current.ScreeningIndex,
  },
  { label: 'new', core: current as Core, index: current.indexOverSnapshot(payload, reference) },
];
gc();
const idx = engines[1]!.index;
const sample = inventedPersonRows(18).map((r) => r.full_name);
const matches = variationsOf(idx, 1_000_000, 500, 19);
const queries = matches.flatMap((m, i) => [m.name, sample[i]!]);
const keys: string[] = [];
for (const name of queries) {
  const { tokens, originalTokens } = current.normalizeName(name, idx.reference);
  for (const t of new Set(tokens)) keys.push(t);
  if (tokens.length > 1) keys.push(tokens.join(''));
  for (const t of new Set(originalTokens ?? [])) keys.push(t);
}
console.log(`${keys.length} keys, ${new Set(keys).size} distinct; load ${load()}`);
// The same expansions, key by key.
for (const e of engines) e.index.expansions.clear();
let diff = 0;
for (const k of keys) {
  const a = old.expandToken(engines[0]!.index, k);
  const b = current.expandToken(engines[1]!.index, k);
  const same =
    a.postings === b.postings &&
    a.best === b.best &&
    a.ids.length === b.ids.length &&
    a.ids.every((x, i) => x === b.ids[i] && a.similarities[i] === b.similarities[i]);
  if (!same) {
    diff++;
    if (diff < 5) console.log('DIFF', k, a.ids.length, b.ids.length);
  }
}
console.log(`expansions differing: ${diff}`);
const cpus = new Map<string, number[]>();
let session: Session | undefined;
for (let p = 0; p < PASSES; p++) {
  const order = p % 2 === 0 ? engines : [...engines].reverse();
  for (const { label, core, index } of order) {
    index.expansions.clear();
    gc();
    if (process.env.PROFILE && label === 'new' && p === PASSES - 1) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
    }
    const c0 = cpuMs();
    for (const k of keys) core.expandToken(index, k);
    const cpu = (cpuMs() - c0) / queries.length;
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
      session = undefined;
    }
    (cpus.get(label) ?? cpus.set(label, []).get(label)!).push(cpu);
    console.log(`pass ${p + 1} ${label}: ${cpu.toFixed(3)} ms CPU a query; load ${load()}`);
  }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(
  `median old ${med(cpus.get('old')!).toFixed(3)} new ${med(cpus.get('new')!).toFixed(3)} ratio ${(med(cpus.get('new')!) / med(cpus.get('old')!)).toFixed(3)}`,
);
