/**
 * Scale benchmark (issue 18, point 4). Run:
 * `NODE_OPTIONS='--expose-gc --max-old-space-size=6144' npx tsx bench/scale-1m.ts`.
 * Measures the shape of the real lists (name-profile.ts), then in one process,
 * one index at a time: the real mirror (the parsers' lists, about 56,000
 * parties), synthetic parties at the mirror's size, and 1,000,000 synthetic
 * parties (synthetic-parties.ts, seeded). For each: index build time (wall and
 * CPU), resident memory after the build and its peak during it, and single
 * screenings (expansion memo empty) of 1,000 queries: 500 spelling variations
 * of listed names (recall@10 of their party given) and 500 invented persons
 * from `eval/negatives_*_1k.csv` (share with any match). SIZE and SEED override
 * the defaults (SIZE=200000 for a quicker run); SKIP_MIRROR=1 skips the real-mirror baseline;
 * LAYOUTS (default `workers,columns`: the first is also built at SIZE, BIG_LAYOUTS for more)
 * and BUILD_WORKERS (2) choose the builds; DELETION_WORKERS (default BUILD_WORKERS; 0: on the main thread) the deletion index's; the worker build at SIZE prints its timeline (`onStep`);
 * PROFILE=<dir> writes a CPU profile of each index's timed screenings there. Build CPU is the whole process's, worker threads
 * included: with workers it exceeds the wall time on an idle machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import {
  buildColumnIndex,
  buildScreeningIndex,
  normalizeName,
  screenParty,
  type NameReference,
  type Party,
  type ScreeningIndex,
  type ScreeningIndexInput,
} from '@entente/core';
import { buildColumnIndexInWorkers } from '../packages/adapters/src/screening/column-build.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { describeNameProfile, legalFormsOf, measureNameProfile, scriptOf } from './name-profile.ts';
import { inventedPersons, load, quantile, variationsOf } from './support/scale-queries.ts';
import { SyntheticParties, wordOccurrences } from './synthetic-parties.ts';

const SIZE = Number(process.env.SIZE ?? 1_000_000);
const SEED = Number(process.env.SEED ?? 18);
const QUERIES = 500;

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const cpuS = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** CPU seconds of this (the main) thread alone, from Linux's per-thread counters (0 elsewhere). */
const mainThreadCpuS = (): number => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};
/** Peak resident memory since the last `resetPeak` (Linux `VmHWM`). */
const peakRss = (): number =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
const resetPeak = (): void => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux or not allowed: the peak is then the process's since its start.
  }
};

/**
 * With PROFILE=<dir>, the timed screenings of each index (and nothing else) are profiled with V8's
 * sampling profiler, written to `<dir>/<label>.cpuprofile` (open in Chrome's DevTools).
 */
async function startProfile(): Promise<Session | undefined> {
  if (!process.env.PROFILE) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session: Session | undefined, label: string): Promise<void> {
  if (!session) return;
  const { profile } = await session.post('Profiler.stop');
  const file = path.join(process.env.PROFILE!, `${label.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  console.log(`profile of the screenings: ${file}`);
}

/** What one index size measured. */
interface Result {
  label: string;
  parties: number;
  names: number;
  tokens: number;
  buildS: number;
  buildCpuS: number;
  /** Build CPU of the main thread alone (the rest: worker threads, GC helper threads). */
  buildMainCpuS: number;
  /**
   * CPU of the bench's own party generator, which runs on the main thread inside the build (the
   * parties are streamed): measured by a pass of the generator alone before the build (0: not measured).
   */
  generatorS: number;
  rss: number;
  peak: number;
  heap: number;
  p50: number;
  p90: number;
  p99: number;
  p50Match: number;
  p50None: number;
  recall: number;
  negativesHit: number;
  /** Mean CPU milliseconds per query (the machine may be shared: wall-clock latencies include waiting). */
  cpuPerQuery: number;
}

/**
 * How an index is laid out and built: `objects` (`buildScreeningIndex`, patchable), `columns`
 * (`buildColumnIndex`, one thread) or `workers` (the same columns, `buildColumnIndexInWorkers`
 * with BUILD_WORKERS worker threads, default 2).
 */
type Layout = 'objects' | 'columns' | 'workers';
const LAYOUTS: Layout[] = ((process.env.LAYOUTS ?? 'workers,columns').split(',') as Layout[]).filter(
  (l) => l === 'objects' || l === 'columns' || l === 'workers',
);
const BUILD_WORKERS = Number(process.env.BUILD_WORKERS ?? 2);
/** The layouts measured at SIZE (default: the first of LAYOUTS only; BIG_LAYOUTS=columns,objects for both). */
const BIG_LAYOUTS: Layout[] = process.env.BIG_LAYOUTS
  ? (process.env.BIG_LAYOUTS.split(',') as Layout[])
  : LAYOUTS.slice(0, 1);
/**
 * The build's timeline (the worker build's steps, `onStep`): per step its wall time, its CPU on the
 * main thread and on the other threads (workers, the collector's helpers), the core-seconds left
 * idle on a machine of `cpus().length` cores, resident memory at its end and the peak so far.
 */
let timeline: { t: number; main: number; process: number } | undefined;
const startTimeline = (): void => {
  timeline = { t: performance.now(), main: mainThreadCpuS(), process: cpuS() };
  console.log(
    '| step (ends) | at | wall | main-thread CPU | other threads CPU | idle core-s | RSS | peak |\n|---|---|---|---|---|---|---|---|',
  );
};
let lastStep = { t: 0, main: 0, process: 0 };
const onStep = (step: string): void => {
  if (!timeline) return;
  const now = { t: performance.now(), main: mainThreadCpuS(), process: cpuS() };
  const from = lastStep.t >= timeline.t ? lastStep : timeline;
  const wall = (now.t - from.t) / 1000;
  const main = now.main - from.main;
  const all = now.process - from.process;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  console.log(
    `| ${step} | ${((now.t - timeline.t) / 1000).toFixed(1)} s | ${wall.toFixed(1)} s | ${main.toFixed(1)} s | ${(all - main).toFixed(1)} s | ${Math.max(0, cpus().length * wall - all).toFixed(1)} | ${mib(rss)} | ${mib(peakRss())} |`,
  );
  lastStep = now;
};

const builders: Record<
  Layout,
  (
    parties: Iterable<ScreeningIndexInput>,
    reference: NameReference,
  ) => ScreeningIndex | Promise<ScreeningIndex>
> = {
  objects: buildScreeningIndex,
  columns: buildColumnIndex,
  workers: (parties, reference) =>
    buildColumnIndexInWorkers(parties, reference, {
      workers: BUILD_WORKERS,
      deletionWorkers: process.env.DELETION_WORKERS ? Number(process.env.DELETION_WORKERS) : undefined,
      onStep,
    }),
};

async function measure(
  label: string,
  layout: Layout,
  parties: Iterable<Party>,
  reference: Awaited<ReturnType<typeof loadNameReference>>,
  negatives: string[],
  generatorS = 0,
): Promise<Result> {
  gc();
  resetPeak();
  const c0 = cpuS();
  const m0 = mainThreadCpuS();
  const t0 = performance.now();
  if (label.startsWith(`synthetic ${SIZE}`)) startTimeline();
  let given = 0;
  let index: ScreeningIndex | undefined = await builders[layout](
    (function* () {
      for (const party of parties) {
        given++;
        yield { party };
      }
    })(),
    reference,
  );
  const buildS = (performance.now() - t0) / 1000;
  timeline = undefined;
  const buildCpuS = cpuS() - c0;
  const buildMainCpuS = mainThreadCpuS() - m0;
  const peak = peakRss();
  gc();
  const mem = process.memoryUsage();
  console.log(
    `[${label}] index: ${index.size} parties, ${index.nameCount} names, ${index.tokenCount} distinct tokens; build ${buildS.toFixed(1)} s (CPU ${buildCpuS.toFixed(1)} s, main thread ${buildMainCpuS.toFixed(1)} s, of which the bench's party generator about ${generatorS.toFixed(1)} s); rss ${mib(mem.rss)} after gc, peak ${mib(peak)}, heap used ${mib(mem.heapUsed)}; load ${load()}`,
  );
  const matches = variationsOf(index, given, QUERIES, SEED + 1);
  // Warm the JIT on other variations, then empty the memo so the timed pass pays every expansion.
  for (const q of variationsOf(index, given, 200, SEED + 2))
    screenParty(index, { name: q.name }, { limit: 10 });
  index.expansions.clear();
  gc();
  const times: number[] = [];
  const timesMatch: number[] = [];
  const timesNone: number[] = [];
  let found = 0;
  let negativesHit = 0;
  const queries = matches.map((m, i) => ({ ...m, negative: negatives[i]! }));
  const profiler = await startProfile();
  const q0 = cpuS();
  const qm0 = mainThreadCpuS();
  for (const q of queries) {
    let t = performance.now();
    const hits = screenParty(index, { name: q.name }, { limit: 10 });
    let ms = performance.now() - t;
    times.push(ms);
    timesMatch.push(ms);
    if (hits.some((h) => h.entityId === q.entityId)) found++;
    t = performance.now();
    const none = screenParty(index, { name: q.negative }, { limit: 10 });
    ms = performance.now() - t;
    times.push(ms);
    timesNone.push(ms);
    if (none.length > 0) negativesHit++;
  }
  const cpuPerQuery = (1000 * (cpuS() - q0)) / times.length;
  const mainCpuPerQuery = (1000 * (mainThreadCpuS() - qm0)) / times.length;
  await stopProfile(profiler, label);
  const r: Result = {
    label,
    parties: index.size,
    names: index.nameCount,
    tokens: index.tokenCount,
    buildS,
    buildCpuS,
    buildMainCpuS,
    generatorS,
    rss: mem.rss,
    peak,
    heap: mem.heapUsed,
    p50: quantile(times, 0.5),
    p90: quantile(times, 0.9),
    p99: quantile(times, 0.99),
    p50Match: quantile(timesMatch, 0.5),
    p50None: quantile(timesNone, 0.5),
    recall: found / matches.length,
    negativesHit: negativesHit / matches.length,
    cpuPerQuery,
  };
  console.log(
    `[${label}] screening, ${times.length} queries, memo empty: p50 ${r.p50.toFixed(3)} ms, p90 ${r.p90.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms (variations p50 ${r.p50Match.toFixed(3)} ms, invented persons p50 ${r.p50None.toFixed(3)} ms), CPU ${r.cpuPerQuery.toFixed(3)} ms per query (main thread ${mainCpuPerQuery.toFixed(2)} ms); recall@10 of the varied party ${(100 * r.recall).toFixed(1)} %, invented persons with a match ${(100 * r.negativesHit).toFixed(1)} %; load ${load()}`,
  );
  index = undefined;
  return r;
}

async function main(): Promise<void> {
  const cpu0 = cpuS();
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${mib(totalmem())} RAM, Node ${process.version}, heap limit ${mib((await import('node:v8')).getHeapStatistics().heap_size_limit)}; load average at start ${load()}; SIZE ${SIZE}, SEED ${SEED}`,
  );
  const reference = await loadNameReference(MIRROR);
  let mirror: Party[] | undefined = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
  const profile = measureNameProfile(
    mirror,
    (name) => normalizeName(name, reference, 'organization').legalForms.length > 0,
  );
  console.log('profile of the mirror lists:');
  for (const line of describeNameProfile(profile)) console.log(`  ${line}`);
  const sample = inventedPersons(SEED);
  const generator = new SyntheticParties(profile, wordOccurrences(mirror, scriptOf), legalFormsOf(reference));
  const results: Result[] = [];
  const mirrorSize = mirror.length;
  for (const layout of LAYOUTS)
    if (process.env.SKIP_MIRROR !== '1')
      results.push(await measure(`real mirror, ${layout}`, layout, mirror, reference, sample));
  mirror = undefined;
  // The generator's own CPU (main thread), counted inside each build of synthetic parties.
  const generatorCpuS = (count: number): number => {
    gc();
    const m0 = mainThreadCpuS();
    let n = 0;
    for (const party of generator.stream(count, SEED)) n += party.names.length;
    const s = mainThreadCpuS() - m0;
    console.log(`generator alone: ${count} parties (${n} names) in ${s.toFixed(1)} s of main-thread CPU`);
    return s;
  };
  const mirrorGeneratorS = generatorCpuS(mirrorSize);
  for (const layout of LAYOUTS)
    results.push(
      await measure(
        `synthetic, mirror size, ${layout}`,
        layout,
        generator.stream(mirrorSize, SEED),
        reference,
        sample,
        mirrorGeneratorS,
      ),
    );
  // The parties are generated while the index is built (its build time includes theirs, about 1 s
  // per 100,000): the process holds no more of them than the index keeps.
  const bigs: Result[] = [];
  const bigGeneratorS = generatorCpuS(SIZE);
  for (const layout of BIG_LAYOUTS) {
    gc();
    const r = await measure(
      `synthetic ${SIZE}, ${layout}`,
      layout,
      generator.stream(SIZE, SEED),
      reference,
      sample,
      bigGeneratorS,
    );
    results.push(r);
    bigs.push(r);
  }

  console.log(
    '\n| index | parties | names | tokens | build | build CPU | main-thread CPU | of which generator | RSS after build | peak RSS | p50 | p90 | p99 | CPU per query | recall@10 | invented with a match |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.label} | ${r.parties} | ${r.names} | ${r.tokens} | ${r.buildS.toFixed(1)} s | ${r.buildCpuS.toFixed(1)} s | ${r.buildMainCpuS.toFixed(1)} s | ${r.generatorS.toFixed(1)} s | ${mib(r.rss)} | ${mib(r.peak)} | ${r.p50.toFixed(3)} ms | ${r.p90.toFixed(3)} ms | ${r.p99.toFixed(2)} ms | ${r.cpuPerQuery.toFixed(3)} ms | ${(100 * r.recall).toFixed(1)} % | ${(100 * r.negativesHit).toFixed(1)} % |`,
    );
  const ratio = (a: Result, b: Result): string =>
    `ratio ${a.label} / ${b.label}: parties ×${(a.parties / b.parties).toFixed(1)}, build ×${(a.buildS / b.buildS).toFixed(2)} (CPU ×${(a.buildCpuS / b.buildCpuS).toFixed(2)}), RSS ×${(a.rss / b.rss).toFixed(2)}, peak ×${(a.peak / b.peak).toFixed(2)}, p50 ×${(a.p50 / b.p50).toFixed(2)}, p99 ×${(a.p99 / b.p99).toFixed(2)}, CPU per query ×${(a.cpuPerQuery / b.cpuPerQuery).toFixed(2)}`;
  const layoutOf = (r: Result): string => r.label.split(', ').pop()!;
  const setOf = (r: Result): string => r.label.split(', ').slice(0, -1).join(', ');
  for (const a of results)
    for (const b of results) {
      const layouts = setOf(a) === setOf(b) && layoutOf(a) === LAYOUTS[0] && layoutOf(b) !== LAYOUTS[0];
      const sizes = bigs.includes(a) && !bigs.includes(b) && layoutOf(a) === layoutOf(b);
      if (layouts || sizes) console.log(ratio(a, b));
    }
  const gib = 1024 ** 3;
  for (const big of bigs)
    console.log(
      `goals at ${big.parties} parties (${big.label}): build ≤ 60 s ${big.buildS <= 60 ? 'met' : 'NOT met'} (${big.buildS.toFixed(1)} s wall, ${big.buildCpuS.toFixed(1)} s CPU of which ${big.buildMainCpuS.toFixed(1)} s on the main thread, ${big.generatorS.toFixed(1)} s of it the bench's generator; on 2 idle cores at least ${Math.max(big.buildMainCpuS, big.buildCpuS / 2).toFixed(1)} s, without the generator ${Math.max(big.buildMainCpuS - big.generatorS, (big.buildCpuS - big.generatorS) / 2).toFixed(1)} s), resident memory ≤ 3 GiB ${Math.max(big.rss, big.peak) <= 3 * gib ? 'met' : 'NOT met'} (after build ${(big.rss / gib).toFixed(2)} GiB, peak ${(big.peak / gib).toFixed(2)} GiB), p50 ≤ 2 ms ${big.p50 <= 2 ? 'met' : 'NOT met'} (${big.p50.toFixed(3)} ms)`,
    );
  console.log(`process CPU time ${(cpuS() - cpu0).toFixed(1)} s; load average at the end ${load()}`);
}

await main();
