/**
 * Screening speed benchmark. Run: `NODE_OPTIONS=--expose-gc npx tsx bench/screening-speed.ts`.
 * Indexes every list the parsers read from the mirror (CSL JSON, UN, EU,
 * OFAC SDN, …), then reports, in one process: index build time and memory;
 * single-subject latency (p50/p90/p99) over 2,683 subjects (2,000 invented
 * persons and 683 UN altered spellings) with the token-expansion memo empty,
 * then again warm, then warm as the CLI, API and web page screen one name (with the count of
 * names the cap left unscored); batch subjects per second on one thread and on two worker
 * threads (the CLI's batch worker); and the naive baseline — Jaro-Winkler of
 * the query against every listed name — on a sample, with the ratios and
 * each one's recall@1 on the same UN pairs. Wall-clock and CPU time are both
 * given, with the load average, because the machine may be shared.
 * NAIVE_SAMPLE (default 100) sizes the baseline sample; COPIES (default 2) how many times the
 * batch holds each subject; WORKERS=0 skips the
 * worker-thread run; BATCH_ONLY=1 runs only the worker batch (RUNS times); SHARED_EXPANSIONS=0
 * runs the workers without their shared memo of token expansions, SHARED_EXPANSIONS=both
 * alternates without and with it in each run (the same process, for a ratio), and
 * SHARED_EXPANSIONS=interleaved runs both pools at once on the same batch, chunks posted
 * alternately, and reads each pool's worker threads' own CPU time from /proc (Linux): both
 * see the same load, which a shared machine changes from one minute to the next.
 * WARM_UP=n (with BATCH_ONLY) runs the same way two pools at once, both with the shared memo: one
 * started cold, one whose workers first screened n of the index's names between them
 * (`ScreeningPool.start`'s `warmUp`, awaited before the batch); WARM_UP_ONLY=n runs the plain
 * batch on a pool warmed so (the names per second a batch gets from a pool that has been up a while;
 * WARM_UP_ONLY=6000 is the API server's pool, `WORKER_WARM_UP` in `packages/api/src/main.ts`, and
 * the warm-up line says how long after its workers were ready a batch gets it).
 * POOL_YOUNG_MB=n gives the plain batch's workers a young generation of n MiB; YOUNG_MB=n (with
 * BATCH_ONLY) runs two pools at once as WARM_UP does, both warmed on WARM_UP_ONLY names, with
 * young generations of 8 MiB (the pool's default) and of n MiB.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import {
  buildScreeningIndex,
  jaroWinkler,
  normalizeName,
  screenParty,
  screenPartyOutcome,
  type NameReference,
  type Party,
  type ScreeningIndex,
  type ScreeningQuery,
} from '@entente/core';
import { parse } from 'csv-parse/sync';
import { ScreeningPool } from '../packages/adapters/src/screening/screening-pool.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const quantile = (xs: number[], q: number): number =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(path.join(MIRROR, 'eval', file), 'utf8'), { columns: true, skip_empty_lines: true });
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The 2,683 subjects: 2,000 invented persons and the 683 UN altered spellings. */
const speedQueries = (): string[] =>
  [...rows('negatives_us_1k.csv'), ...rows('negatives_global_1k.csv')]
    .map((r) => r.full_name!)
    .concat(rows('yente_un_treated_vs_untreated_pairs.csv').map((p) => p.query_name!));

/** Naive baseline: Jaro-Winkler of the lower-cased query against every listed name. */
function naiveScan(
  names: { text: string; entry: number }[],
  query: string,
): { entry: number; score: number } {
  const q = query
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let best = { entry: -1, score: 0 };
  for (const n of names) {
    const s = jaroWinkler(q, n.text);
    if (s > best.score) best = { entry: n.entry, score: s };
  }
  return best;
}

function sameName(index: ScreeningIndex, entry: number, listName: string): boolean {
  const want = normalizeName(listName, index.reference).tokens.slice().sort().join(' ');
  const e = index.entries[entry];
  return !!e && e.names.some((id) => index.names[id]?.normalized.tokens.slice().sort().join(' ') === want);
}

/**
 * Screens every query once, timing each; returns the latencies and the wall and CPU totals.
 * `outcome`: as the CLI, the API and the web page screen one name (`screenPartyOutcome`, which
 * also counts the names the cap left unscored), rather than the matches alone (`screenParty`).
 */
function timeQueries(
  index: ScreeningIndex,
  queries: string[],
  outcome = false,
): { times: number[]; wallS: number; cpuS: number } {
  const times: number[] = [];
  const c0 = cpuMs();
  const t0 = performance.now();
  for (const q of queries) {
    const t = performance.now();
    if (outcome) screenPartyOutcome(index, { name: q }, { limit: 10 });
    else screenParty(index, { name: q }, { limit: 10 });
    times.push(performance.now() - t);
  }
  return { times, wallS: (performance.now() - t0) / 1000, cpuS: (cpuMs() - c0) / 1000 };
}

function report(label: string, r: { times: number[]; wallS: number; cpuS: number }): void {
  const n = r.times.length;
  console.log(
    `${label}: ${n} subjects, p50 ${quantile(r.times, 0.5).toFixed(3)} ms, p90 ${quantile(r.times, 0.9).toFixed(3)} ms, p99 ${quantile(r.times, 0.99).toFixed(3)} ms, max ${Math.max(...r.times).toFixed(1)} ms; ` +
      `${(n / r.wallS).toFixed(0)} subjects/s wall, ${((1000 * r.cpuS) / n).toFixed(3)} ms CPU per subject (${(n / r.cpuS).toFixed(0)}/s of CPU)`,
  );
}

/**
 * Batch on the CLI's screening pool (chunks of 100); returns subjects per second (index builds
 * excluded) and the process's CPU per subject over the batch (every thread: the workers' screening
 * and the main thread's messages), which the load on a shared machine inflates far less than the rate.
 */
async function workerBatch(
  inputs: { party: Party }[],
  reference: NameReference,
  queries: ScreeningQuery[],
  count: number,
  sharedExpansions: boolean,
): Promise<{ perSecond: number; cpuMs: number; memo: string }> {
  const warmUp = Number(process.env.WARM_UP_ONLY ?? 0);
  // POOL_YOUNG_MB=n: the workers' young generation of n MiB (the pool's default otherwise).
  const young = process.env.POOL_YOUNG_MB ? Number(process.env.POOL_YOUNG_MB) : undefined;
  const before = threadIds();
  const pool = await ScreeningPool.ofParties(inputs, reference, count, {
    sharedExpansions,
    warmUp,
    ...(young ? { youngGenerationMb: young } : {}),
  });
  // The pool's worker threads: those started with it (V8's helpers started meanwhile too, if any).
  const workerTids = [...threadIds()].filter((t) => !before.has(t));
  // PREFILL: the memo filled before the batch with what an earlier pool's batch expanded.
  if (prefill.use && prefill.bytes) new Uint8Array(pool.expansions!.buffer).set(prefill.bytes);
  const w0 = cpuMs();
  const wt = performance.now();
  await pool.warmedUp;
  if (warmUp > 0)
    console.log(
      `warm-up: ${warmUp} names, ${((performance.now() - wt) / 1000).toFixed(2)} s, ${((cpuMs() - w0) / 1000).toFixed(2)} s CPU (all threads, once the workers were ready)`,
    );
  const chunks: ScreeningQuery[][] = [];
  for (let i = 0; i < queries.length; i += 100) chunks.push(queries.slice(i, i + 100));
  const main0 = threadCpuS([String(process.pid)]);
  const workers0 = threadCpuS(workerTids);
  const busy0 = pool.activity();
  const c0 = cpuMs();
  const t0 = performance.now();
  const results = await Promise.all(chunks.map((chunk) => pool.screenMany(chunk, { limit: 10 })));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMs() - c0;
  const mainMs = (threadCpuS([String(process.pid)]) - main0) * 1000;
  const workersMs = (threadCpuS(workerTids) - workers0) * 1000;
  // Each worker's event loop waiting for a message over the batch: time the pool left it without work.
  const idle = pool.activity().map((a, k) => {
    const idleMs = a.idle - busy0[k]!.idle;
    return idleMs / (idleMs + a.active - busy0[k]!.active);
  });
  console.log(
    `threads over the batch: main ${(mainMs / queries.length).toFixed(3)} ms a subject, pool's ${workerTids.length} threads ${(workersMs / queries.length).toFixed(3)} ms, the rest (V8's helpers: the optimising compiler, GC) ${((cpu - mainMs - workersMs) / queries.length).toFixed(3)} ms (per-thread ticks of 10 ms); ` +
      `workers' event loops idle ${idle.map((x) => `${(100 * x).toFixed(1)} %`).join(', ')} of the batch`,
  );
  // COUNT=1: what came back per subject (matches, explanation lines, bytes as a structured clone).
  if (process.env.COUNT) {
    const flat = results.flat();
    const matches = flat.reduce((n, m) => n + m.length, 0);
    const lines = flat.reduce((n, m) => n + m.reduce((k, x) => k + x.explanation.length, 0), 0);
    const bytes = results.reduce((n, r) => n + serialize(r).length, 0);
    console.log(
      `answers: ${flat.length} subjects, ${matches} matches (${(matches / flat.length).toFixed(2)} a subject), ${lines} explanation lines, ${(bytes / flat.length).toFixed(0)} bytes a subject serialised`,
    );
  }
  // DUMP=file: the batch's answers, one line a subject, for comparing engines (cmp).
  if (process.env.DUMP)
    writeFileSync(
      process.env.DUMP,
      results
        .flat()
        .map((m) => JSON.stringify(m))
        .join('\n') + '\n',
    );
  const memo =
    (pool.expansions
      ? `shared expansion memo: ${pool.expansions.size} entries, ${mib(pool.expansions.bytesUsed)}`
      : 'no shared expansion memo') + `; process rss after the batch ${mib(process.memoryUsage().rss)}`;
  if (prefill.keep && pool.expansions) {
    // The memo's bytes up to its arena's top (header word 0).
    const top = new Int32Array(pool.expansions.buffer, 0, 1)[0]!;
    prefill.bytes = new Uint8Array(pool.expansions.buffer, 0, top).slice();
  }
  await pool.close();
  return { perSecond: queries.length / seconds, cpuMs: cpu / queries.length, memo };
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${mib(totalmem())} RAM, Node ${process.version}; load average at start ${load()}`,
  );
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
  if (process.env.BATCH_ONLY) {
    // The worker batch alone (for comparing engines on it), RUNS times: the pool builds its own index.
    if (process.env.PREFILL) return batch(inputs, reference, speedQueries());
    for (let run = 0; run < Number(process.env.RUNS ?? 1); run++)
      await batch(inputs, reference, speedQueries());
    return;
  }
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = buildScreeningIndex(inputs, reference);
  const buildMs = performance.now() - t0;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(`lists: ${lists.map((l) => `${l.source} ${l.parties.length}`).join(', ')}`);
  console.log(
    `index: ${index.size} parties, ${index.nameCount} names, ${index.tokens.length} distinct tokens`,
  );
  console.log(
    `index build: ${(buildMs / 1000).toFixed(2)} s; index memory (heap growth${(globalThis as { gc?: unknown }).gc ? ', after gc' : ', run with --expose-gc for precision'}): ${mib(heapAfter - heapBefore)}; rss ${mib(process.memoryUsage().rss)}`,
  );

  const pairs = rows('yente_un_treated_vs_untreated_pairs.csv');
  const queries = speedQueries();
  // Warm the JIT on other names (the listed spellings), then empty the memo so the timed pass pays every expansion.
  for (const p of pairs) screenParty(index, { name: p.list_name! });
  index.expansions.clear();
  gc();
  console.log(`load average before the timed passes: ${load()}`);
  const cold = timeQueries(index, queries);
  report('entente, expansion memo empty', cold);
  const warm = timeQueries(index, queries);
  report('entente, same subjects again   ', warm);
  report(
    'entente, with the unscored count (as the CLI, API and web screen one name)',
    timeQueries(index, queries, true),
  );

  const names = index.names.flatMap((n) =>
    n
      ? [
          {
            text: n.text
              .toLowerCase()
              .replace(/[^\p{L}\p{N} ]/gu, ' ')
              .replace(/\s+/g, ' ')
              .trim(),
            entry: n.entry,
          },
        ]
      : [],
  );
  const sample = pairs.slice(0, Number(process.env.NAIVE_SAMPLE ?? 100));
  let naiveHits = 0;
  let ourHits = 0;
  const naiveTimes: number[] = [];
  const c0 = cpuMs();
  for (const p of sample) {
    const t = performance.now();
    const best = naiveScan(names, p.query_name!);
    naiveTimes.push(performance.now() - t);
    if (best.score >= 0.9 && sameName(index, best.entry, p.list_name!)) naiveHits++;
  }
  const naiveCpu = (cpuMs() - c0) / sample.length;
  for (const p of sample) {
    const ours = screenParty(index, { name: p.query_name!, schema: 'person' }, { limit: 1 })[0];
    if (
      ours &&
      sameName(
        index,
        index.get(ours.entityId) ? index.entries.indexOf(index.get(ours.entityId)) : -1,
        p.list_name!,
      )
    )
      ourHits++;
  }
  const naiveP50 = quantile(naiveTimes, 0.5);
  console.log(
    `naive JW scan: ${sample.length} subjects, p50 ${naiveP50.toFixed(1)} ms, p99 ${quantile(naiveTimes, 0.99).toFixed(1)} ms, ${(1000 / naiveP50).toFixed(0)} subjects/s, ${naiveCpu.toFixed(1)} ms CPU per subject`,
  );
  console.log(
    `ratios vs naive (memo empty): p50 ×${(naiveP50 / quantile(cold.times, 0.5)).toFixed(0)}, CPU per subject ×${(naiveCpu / ((1000 * cold.cpuS) / cold.times.length)).toFixed(0)}; ` +
      `recall@1 on the same ${sample.length} UN pairs: entente ${(ourHits / sample.length).toFixed(3)} at its default threshold, naive JW ${(naiveHits / sample.length).toFixed(3)} at 0.9`,
  );

  await batch(inputs, reference, queries);
  console.log(`load average at the end: ${load()}`);
}

/** PREFILL: the memo an earlier batch left (`keep`), copied into the next pools' (`use`). */
const prefill: { keep: boolean; use: boolean; bytes?: Uint8Array } = { keep: false, use: false };

/** The batch on WORKERS (default 2) worker threads: the subjects twice (COPIES). */
async function batch(inputs: { party: Party }[], reference: NameReference, queries: string[]): Promise<void> {
  const workers = Number(process.env.WORKERS ?? 2);
  if (!(workers > 0)) return;
  // COPIES=1: each subject once (a batch of distinct names, as a register's re-screen is).
  const copies = Number(process.env.COPIES ?? 2);
  const subjects = Array.from({ length: copies }, () => queries)
    .flat()
    .map((name) => ({ name }));
  const mode = process.env.SHARED_EXPANSIONS;
  if (mode === 'interleaved')
    return interleaved(inputs, reference, subjects, workers, [
      { label: 'a memo each', sharedExpansions: false },
      { label: 'shared memo', sharedExpansions: true },
    ]);
  // YOUNG_MB=n: pools with the workers' young generation of 8 MiB (the default) and of n MiB,
  // both warmed on WARM_UP_ONLY names, interleaved (the same subjects, each pool's thread CPU).
  const young = Number(process.env.YOUNG_MB ?? 0);
  if (young > 0) {
    const warm = Number(process.env.WARM_UP_ONLY ?? 0);
    return interleaved(inputs, reference, subjects, workers, [
      { label: 'young generation 8 MiB', sharedExpansions: true, warmUp: warm, youngGenerationMb: 8 },
      {
        label: `young generation ${young} MiB`,
        sharedExpansions: true,
        warmUp: warm,
        youngGenerationMb: young,
      },
    ]);
  }
  // PREFILL=1: one batch to fill a memo, then RUNS pairs of cold pools, one started with an
  // empty memo and one with that memo copied in first (ORDER=ba: the filled one first in each pair).
  if (process.env.PREFILL) {
    prefill.keep = true;
    await workerBatch(inputs, reference, subjects, workers, true);
    prefill.keep = false;
    const order = process.env.ORDER === 'ba' ? [true, false] : [false, true];
    for (let run = 0; run < Number(process.env.RUNS ?? 1); run++)
      for (const use of order) {
        prefill.use = use;
        const { perSecond, cpuMs: cpu, memo } = await workerBatch(inputs, reference, subjects, workers, true);
        console.log(
          `${use ? 'memo filled first' : 'memo empty'}: ${subjects.length} subjects, ${perSecond.toFixed(0)} subjects/s; ${cpu.toFixed(3)} ms CPU per subject, all threads; ${memo}; load ${load()}`,
        );
      }
    return;
  }
  const warmUp = Number(process.env.WARM_UP ?? 0);
  if (warmUp > 0)
    return interleaved(inputs, reference, subjects, workers, [
      { label: 'started cold', sharedExpansions: true },
      { label: `warmed on ${warmUp} names`, sharedExpansions: true, warmUp },
    ]);
  for (const shared of mode === 'both' ? [false, true] : [mode !== '0']) {
    const { perSecond, cpuMs: cpu, memo } = await workerBatch(inputs, reference, subjects, workers, shared);
    console.log(
      `batch on ${workers} worker threads (ScreeningPool, chunks of 100): ${subjects.length} subjects, ${perSecond.toFixed(0)} subjects/s (index builds excluded); ` +
        `${cpu.toFixed(3)} ms CPU per subject, all threads (${((workers * 1000) / cpu).toFixed(0)}/s on ${workers} free cores); ${memo}; load ${load()}`,
    );
  }
}

/** This process's threads (Linux). */
const threadIds = (): Set<string> => new Set(readdirSync('/proc/self/task'));
/** CPU seconds of the given threads so far (user and system, clock ticks of 10 ms). */
const threadCpuS = (tids: Iterable<string>): number => {
  let ticks = 0;
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // a thread that has ended (none of a pool's workers does before its close)
    }
    const fields = stat.split(') ')[1]!.split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
};

/**
 * The batch on two pools at once (without and with the shared expansion memo, or started cold
 * and warmed up), chunks posted alternately (each pool screens every subject); the CPU of each
 * pool's own worker threads.
 */
async function interleaved(
  inputs: { party: Party }[],
  reference: NameReference,
  subjects: ScreeningQuery[],
  workers: number,
  kinds: { label: string; sharedExpansions: boolean; warmUp?: number; youngGenerationMb?: number }[],
): Promise<void> {
  const pools: { label: string; pool: ScreeningPool; tids: string[] }[] = [];
  for (const { label, ...options } of kinds) {
    const before = threadIds();
    const pool = await ScreeningPool.ofParties(inputs, reference, workers, options);
    const tids = [...threadIds()].filter((t) => !before.has(t));
    pools.push({ label, pool, tids });
  }
  for (const { pool } of pools) await pool.warmedUp;
  const cpu0 = pools.map((p) => threadCpuS(p.tids));
  const load0 = load();
  const answers: Promise<unknown>[][] = pools.map(() => []);
  for (let i = 0; i < subjects.length; i += 100)
    pools.forEach(({ pool }, k) =>
      answers[k]!.push(pool.screenMany(subjects.slice(i, i + 100), { limit: 10 })),
    );
  // The two pools' answers, compared whole (matches, scores, features, explanations).
  const [first, second] = await Promise.all(answers.map((a) => Promise.all(a)));
  const same = JSON.stringify(first) === JSON.stringify(second);
  const perSubject = pools.map((p, k) => ((threadCpuS(p.tids) - cpu0[k]!) * 1000) / subjects.length);
  console.log(
    `interleaved batch, ${subjects.length} subjects on each of two pools of ${workers} workers (load ${load0} → ${load()}): ` +
      pools
        .map(
          (p, k) =>
            `${p.label} ${perSubject[k]!.toFixed(3)} ms worker CPU per subject (${p.tids.length} threads)`,
        )
        .join('; ') +
      `; ratio ${(perSubject[1]! / perSubject[0]!).toFixed(3)}; shared memo: ${pools[1]!.pool.expansions?.size ?? 0} entries; answers ${same ? 'identical' : 'DIFFER'}`,
  );
  for (const { pool } of pools) await pool.close();
}

await main();
