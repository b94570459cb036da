/**
 * Monitoring through the product path (issue 17): the full re-screen of a 100,000-counterparty
 * register as `entente monitor run --full --workers 2` does it — a PGlite store holding the whole
 * mirror, the register imported through `MonitorService.importRegister`, the screening service
 * started from its index snapshot with worker threads, and `MonitorService.run` storing every hit
 * and alert. Baseline in the same process, on the same workers: `runMonitoring` alone (the
 * screening without reading the register and stored hits, and without writing the outcome), so
 * the store's share is visible; then the same full run again on the stored hits and alerts (the
 * weekly re-screen in a steady state). The store is a fresh copy of BENCH_DB (never written).
 * Quote the process CPU ratios (main thread and workers) on a loaded machine, not wall times.
 *
 *   BENCH_DB=dir npx tsx bench/monitor-store.ts [--counterparties 100000] [--workers 2] [--weekly 3]
 *     [--register adversarial|realistic] [--quick] [--check] [--dump file] [--digest] [--no-delta-worker] [--no-delta-seed]
 *   # BENCH_DB: a PGlite store from `ENTENTE_DB=dir entente sync` of ../shared/data
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import v8 from 'node:v8';
import { sql } from 'kysely';
import {
  CLI_SOURCE,
  indexSnapshotFile,
  MonitorService,
  nameReferenceFor,
  openStore,
  ScreeningService,
  sharingStoreFor,
} from '../packages/adapters/src/index.ts';
import {
  buildRegisterIndex,
  queriesOfEntry,
  runMonitoring,
} from '../packages/adapters/src/monitoring/run-monitoring.ts';
import {
  BOUND_CHUNK,
  emptyForwardStats,
  forwardCandidates,
} from '../packages/adapters/src/monitoring/forward-candidates.ts';
import { RegisterStore, type RegisterEntry } from '../packages/adapters/src/monitoring/register-store.ts';
import * as core from '../packages/core/src/index.ts';
import type { ScreeningIndex, ScreeningQuery } from '../packages/core/src/index.ts';
import { MIRROR } from './eval-screening-lists.ts';
import { registerKindArg, rng, syntheticRegister } from './synthetic-register.ts';
import type { Party } from '../packages/core/src/index.ts';
import { numberArg } from './support/args.ts';

const N = numberArg('counterparties', 100_000);
const WORKERS = numberArg('workers', 2);
/** Weekly list updates after the full runs, each followed by the delta run through the product path. */
const WEEKLY = numberArg('weekly', 3);
/** The synthetic register screened (`--register realistic`: a real book's look; adversarial by default). */
const REGISTER = registerKindArg();
/** `--overlap-page N`: counterparties per page a full run writes while it screens (0: after the screening, as before). */
const OVERLAP = process.argv.includes('--overlap-page') ? numberArg('overlap-page', 200) : undefined;
/**
 * `--quick`: one full run only (no baseline, no second full run, no read comparison), to reach
 * the weekly deltas sooner while developing. `--check`: a full run after the deltas, which must
 * find nothing to change (0 new, changed and gone alerts) if the deltas left what a full run does.
 */
const QUICK = process.argv.includes('--quick');
const CHECK = process.argv.includes('--check');
/**
 * `--dump file`: at the end, writes every alert (kind, counterparty, listed party, state) and hit
 * (counterparty, listed party, score) of the store, sorted, to compare two versions of the code
 * on the same register and updates (alert ids are random; these keys are not).
 */
/**
 * `--profile-deltas prefix`: a main-thread CPU profile of each delta run, written to
 * `prefix-N.cpuprofile`, and of the index refresh before it, to `prefix-refresh-N.cpuprofile`.
 */
const PROFILE = process.argv.includes('--profile-deltas')
  ? process.argv[process.argv.indexOf('--profile-deltas') + 1]
  : undefined;
/**
 * `--search-compare N`: after each delta, its forward search (`forwardCandidates`, pairwise) run
 * again on the main thread N times each way, alternately: walking every posting of every register
 * word reached (`exhaustive`) and bounded per register name; main-thread CPU per search and the
 * candidates (the same list, in the same order, or the bench stops).
 */
const SEARCH_COMPARE = process.argv.includes('--search-compare') ? numberArg('search-compare', 3) : 0;
/** `--young-mb N`: the pool workers' young generation, in MiB (the pool's default otherwise). */
const YOUNG_MB = process.argv.includes('--young-mb') ? numberArg('young-mb', 8) : undefined;
/**
 * `--heap-points`: the main thread's live heap (after a full collection, with
 * NODE_OPTIONS=--expose-gc) by V8 space at points of the run: before the screening service opens,
 * once its workers are ready, before the full run and at each of its steps.
 */
const HEAP_POINTS = process.argv.includes('--heap-points');
/**
 * `--object-index`: the screening service's main-thread index made into objects from the snapshot,
 * as before 2026-12-06 (h122); by default it reads the snapshot's columns, as `entente monitor run
 * --workers N` opens it.
 */
const OBJECT_INDEX = process.argv.includes('--object-index');
/**
 * Query preparations made and re-weighted after an index change, where the checkout counts them
 * (branch h123's re-weighting, not adopted: docs/decisions/2026-12-06-delta-queries-reweighted.md).
 */
const prepCounts = (core as { preparedQueryCounts?: { fresh: number; reweighted: number } })
  .preparedQueryCounts;
const DUMP = process.argv.includes('--dump') ? process.argv[process.argv.indexOf('--dump') + 1] : undefined;
/**
 * `--digest`: at the end, a SHA-256 of every stored row of the organisation's alerts (every
 * column but the random id, the run and the times; the match an alert shows by reference read
 * from its hit), their history entries, and hits (every column but the times), sorted, with the
 * row counts: two versions of the write path must store the same (`--dump` keeps keys only).
 */
const DIGEST = process.argv.includes('--digest');
let compareRegister: RegisterEntry[] | undefined;
let compareIndex: ScreeningIndex | undefined;

/** `--search-compare`: the forward search both ways, alternately, in this process. */
function searchCompare(
  index: ScreeningIndex,
  registerIndex: ScreeningIndex,
  register: RegisterEntry[],
  changed: ReadonlySet<string>,
  times: number,
): void {
  const queries = new Map<string, ScreeningQuery[]>(register.map((c) => [c.id, queriesOfEntry(c)]));
  const run = (exhaustive: boolean) => {
    const stats = emptyForwardStats();
    const c0 = mainCpu();
    const t0 = performance.now();
    const out = forwardCandidates(
      index,
      registerIndex,
      changed,
      undefined,
      (id) => queries.get(id),
      undefined,
      stats,
      exhaustive,
    );
    return { cpu: mainCpu() - c0, wall: (performance.now() - t0) / 1000, out: [...out], stats };
  };
  run(true); // prepares the queries (the memo a delta leaves its scored step)
  const cpu: Record<string, number[]> = { exhaustive: [], bounded: [] };
  let first: string[] | undefined;
  let counts = '';
  for (let i = 0; i < times; i++)
    for (const exhaustive of [true, false]) {
      const r = run(exhaustive);
      cpu[exhaustive ? 'exhaustive' : 'bounded']!.push(r.cpu);
      first ??= r.out;
      if (r.out.length !== first.length || r.out.some((id, k) => id !== first![k]))
        throw new Error('the bounded forward search gave other candidates');
      if (i === 0)
        counts += ` ${exhaustive ? 'exhaustive' : 'bounded'}: ${r.stats.postingsVisited} postings walked, ${r.stats.namesReached} names reached, ${r.stats.reached} counterparties reached, ${r.stats.candidates} candidates;`;
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `  forward search, main-thread CPU per search (median of ${times}, alternately): exhaustive ${median(cpu.exhaustive!).toFixed(2)} s [${cpu.exhaustive!.map((x) => x.toFixed(2)).join(' ')}], bounded ${median(cpu.bounded!).toFixed(2)} s [${cpu.bounded!.map((x) => x.toFixed(2)).join(' ')}]; the same ${first!.length} candidates in the same order;${counts} load ${load()}`,
  );
}

/** `--heap-points`: one line of the main thread's live heap by space, after a full collection. */
function heapPoint(at: string): void {
  if (!HEAP_POINTS) return;
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const mib = (n: number) => (n / 2 ** 20).toFixed(0);
  const spaces = v8
    .getHeapSpaceStatistics()
    .filter((s) => s.space_used_size > 2 ** 20)
    .map((s) => `${s.space_name.replace(/_space$/, '')} ${mib(s.space_used_size)}`)
    .join(', ');
  const m = process.memoryUsage();
  console.log(
    `  heap ${at}${collect ? ' (after a full GC)' : ''}: used ${mib(m.heapUsed)} MiB (${spaces}); external ${mib(m.external)}, array buffers ${mib(m.arrayBuffers)}, rss ${mib(m.rss)} MiB`,
  );
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const secs = (t0: number) => (performance.now() - t0) / 1000;
const cpuSecs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

/**
 * CPU seconds of the main thread alone (Linux: /proc/self/task/<pid>/stat, utime + stime in
 * ticks of 1/100 s; as bench/main-thread-cpu.mjs), so that a run's wall on an idle 2-core
 * machine can be bounded below by max(main-thread CPU, process CPU / 2) on a loaded one.
 */
const mainCpu = (): number => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

/** CPU seconds of each thread of the process by its id (Linux: /proc/self/task; empty elsewhere). */
const threadCpu = (): Map<number, number> => {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  } catch {
    // Not Linux.
  }
  return out;
};

/** The machine's idle and busy CPU seconds so far, over all its cores (Linux: /proc/stat). */
const machineCpu = (): { idle: number; busy: number } => {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const t = ticks.map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are idle; the rest busy.
    const idle = t[3]! + t[4]!;
    const busy = t[0]! + t[1]! + t[2]! + t[5]! + t[6]! + t[7]!;
    return { idle: idle / 100, busy: busy / 100 };
  } catch {
    return { idle: Number.NaN, busy: Number.NaN };
  }
};

/**
 * The threads other than the main one that used CPU since `before`, most first: the screening
 * workers (the two largest in a full run's scoring step), then V8's helper threads (parallel
 * and concurrent GC, compilation) and libuv's pool.
 */
const otherThreads = (before: Map<number, number>): string => {
  const used = [...threadCpu()]
    .filter(([tid]) => tid !== process.pid)
    .map(([tid, s]) => s - (before.get(tid) ?? 0))
    .filter((s) => s >= 0.05)
    .sort((a, b) => b - a);
  return used.length === 0 ? 'none' : used.map((s) => s.toFixed(1)).join(' + ');
};

/**
 * Prints each step of a run as it ends: wall, process and main-thread CPU seconds since the step
 * before, the other threads' CPU, and each screening worker's busy and idle wall time (its event
 * loop: screening a message, or waiting for one).
 */
function steps(screening?: ScreeningService): (step: string) => void {
  let t = performance.now();
  let c = process.cpuUsage();
  let m = mainCpu();
  let e = performance.eventLoopUtilization();
  let threads = threadCpu();
  let workers = screening?.workerActivity?.() ?? [];
  let delta = screening?.deltaWorkerActivity();
  let machine = machineCpu();
  return (step) => {
    // The main thread's busy time apart: the process CPU also holds the workers' (restarting on
    // a refreshed index during a delta).
    const main = performance.eventLoopUtilization(e).active / 1000;
    const now = screening?.workerActivity?.() ?? [];
    const pool =
      now.length === workers.length && now.length > 0
        ? `; workers busy / idle (wall) ${now
            .map(
              (w, i) =>
                `${(Math.max(0, w.active - workers[i]!.active) / 1000).toFixed(1)} / ${(Math.max(0, w.idle - workers[i]!.idle) / 1000).toFixed(1)} s`,
            )
            .join(', ')}`
        : '';
    // The delta worker's event-loop time screening (or bounding, patching) during the step.
    const deltaNow = screening?.deltaWorkerActivity();
    const beside =
      deltaNow !== undefined && delta !== undefined && deltaNow >= delta
        ? `; delta worker busy (wall) ${((deltaNow - delta) / 1000).toFixed(1)} s`
        : '';
    // The machine's idle core time: what no process (this one or another) used.
    const mc = machineCpu();
    console.log(
      `  step ${step}: ${secs(t).toFixed(1)} s, process CPU ${cpuSecs(c).toFixed(1)} s, main thread CPU ${(mainCpu() - m).toFixed(1)} s, busy (wall) ${main.toFixed(1)} s; other threads' CPU ${otherThreads(threads)} s${pool}${beside}; machine idle ${(mc.idle - machine.idle).toFixed(1)} s, busy ${(mc.busy - machine.busy).toFixed(1)} s (all processes)`,
    );
    machine = mc;
    t = performance.now();
    c = process.cpuUsage();
    m = mainCpu();
    e = performance.eventLoopUtilization();
    threads = threadCpu();
    workers = now;
    delta = deltaNow;
  };
}

/** One register row per counterparty, in the register CSV format (docs/examples/counterparty-register.csv). */
function registerCsv(entries: ReturnType<typeof syntheticRegister>): string {
  const cell = (s: string) => (/[",\n|]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = entries.map((c) =>
    [c.id, c.names[0]!, c.names.slice(1).join(' | '), c.type, c.countries.join(' | ')].map(cell).join(','),
  );
  return ['id,name,aliases,type,countries', ...rows].join('\n') + '\n';
}

async function main(): Promise<void> {
  const source = process.env.BENCH_DB;
  if (!source)
    throw new Error('set BENCH_DB to a PGlite store holding the mirror (ENTENTE_DB=dir entente sync)');
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load ${load()}`,
  );
  const work = mkdtempSync(path.join(tmpdir(), 'entente-monitor-store-'));
  const dataDir = path.join(work, 'db');
  cpSync(source, dataDir, { recursive: true });
  rmSync(path.join(dataDir, 'entente-cache'), { recursive: true, force: true });
  const store = await openStore({ dataDir });
  try {
    const cacheDir = path.join(work, 'cache');
    const reference = await nameReferenceFor(MIRROR, cacheDir);
    const snapshotFile = indexSnapshotFile(cacheDir, { dataDir });
    // First open writes the snapshot (as the first `entente screen` or `serve` of a store does).
    let t0 = performance.now();
    // Neither this first service (its index as objects) nor the parties and the register made
    // below are kept: `entente monitor run --full` holds none of them, and until 2026-12-06 (h122)
    // they were ~400 MiB of the main thread's live heap through the bench's runs.
    await (await ScreeningService.open(store, reference, { snapshotFile })).close();
    const listed = async () => {
      const parties: Party[] = [];
      for (const v of await store.latestVersions())
        for (const p of await store.partiesOfVersion(v.id)) parties.push(p.party);
      return parties;
    };
    const listedCount = (await listed()).length;
    console.log(`index of ${listedCount} parties built and saved in ${secs(t0).toFixed(1)} s`);

    const org = (
      await sharingStoreFor(store).orgs.createOrg({ name: 'Bench GmbH', kind: 'exporter' }, CLI_SOURCE)
    ).id;
    const monitor0 = new MonitorService(store, undefined);
    const csv = registerCsv(syntheticRegister(await listed(), N, REGISTER));
    t0 = performance.now();
    const imported = await monitor0.importRegister(org, 'register.csv', csv, CLI_SOURCE);
    console.log(`register: ${imported.rows} rows imported in ${secs(t0).toFixed(1)} s; load ${load()}`);

    // What `entente monitor run --full --workers N` does: open from the snapshot, start the workers.
    t0 = performance.now();
    // The delta worker, on by default (docs/decisions/2026-12-07-delta-worker-on.md); `--no-delta-worker`:
    // none (`--delta-worker`, which turned it on before, is accepted and changes nothing).
    heapPoint('before the screening service opens');
    const screening = await ScreeningService.open(store, reference, {
      snapshotFile,
      workers: WORKERS,
      overColumns: !OBJECT_INDEX,
      deltaWorker: !process.argv.includes('--no-delta-worker'),
      // `--no-delta-seed`: the delta worker starts without the pool's expansion memo (as before 2026-12-07).
      deltaWorkerSeed: !process.argv.includes('--no-delta-seed'),
      ...(YOUNG_MB === undefined ? {} : { youngGenerationMb: YOUNG_MB }),
    });
    const opened = secs(t0);
    if (!(await screening.workersReady())) throw new Error('workers did not start');
    const ready = secs(t0);
    console.log(
      `screening service: opened (${screening.state().origin}) in ${opened.toFixed(1)} s, ${WORKERS} workers${YOUNG_MB === undefined ? '' : ` (young generation ${YOUNG_MB} MiB)`} ready after ${ready.toFixed(1)} s; load ${load()}`,
    );
    heapPoint('with the workers ready');
    const monitor = new MonitorService(
      store,
      screening,
      OVERLAP === undefined ? {} : { overlapPage: OVERLAP },
    );
    // `--split-bound` (with the delta worker): a delta's pairwise bound shared with the delta worker
    // (measured, not adopted: docs/decisions/2026-12-06-delta-scoped-split.md).
    if (process.argv.includes('--split-bound')) monitor.splitBound = true;
    try {
      // Baseline: the screening alone, on the same workers.
      const entries = QUICK ? [] : await monitor0.register.counterparties(org);
      t0 = performance.now();
      let c0 = process.cpuUsage();
      const bare = QUICK
        ? undefined
        : await runMonitoring({
            index: screening.index,
            matchMany: (q, o) => screening.matchMany(q, o),
            reference: screening.reference,
            register: entries,
            screenAll: 'everyone',
            changedParties: new Set(),
            removedParties: new Set(),
            stored: [],
            clearances: [],
            alerts: [],
            now: new Date(),
            onProgress: () => {},
          });
      const bareS = secs(t0);
      const bareCpu = cpuSecs(c0);
      if (bare)
        console.log(
          `baseline, screening alone: ${entries.length} counterparties in ${bareS.toFixed(1)} s (process CPU, main thread and workers, ${bareCpu.toFixed(1)} s); ${bare.outcome.upsertHits.length} hits; load ${load()}`,
        );
      t0 = performance.now();
      c0 = process.cpuUsage();
      const m0 = mainCpu();
      const whole = steps(screening);
      // How long the main thread went without turning its event loop (a worker's results wait
      // that long to be taken, and its next chunks to be sent).
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      // The main thread's GC pauses (its own isolate; the workers' are in their busy time).
      const gc = { n: 0, ms: 0, max: 0 };
      const gcObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          gc.n++;
          gc.ms += e.duration;
          gc.max = Math.max(gc.max, e.duration);
        }
      });
      gcObserver.observe({ entryTypes: ['gc'] });
      // The main thread's heap (its own isolate), sampled every 100 ms: the peak of what it holds.
      const heap = { used: 0, total: 0 };
      const heapSampler = setInterval(() => {
        const m = process.memoryUsage();
        heap.used = Math.max(heap.used, m.heapUsed);
        heap.total = Math.max(heap.total, m.heapTotal);
      }, 100);
      // With NODE_OPTIONS=--expose-gc: the live heap as the screening ends (every page but the last
      // written), after a full collection (one more GC pause in the count).
      const collect = (globalThis as { gc?: () => void }).gc;
      let live: number | undefined;
      const step = steps(screening);
      heapPoint('before the full run');
      const run = await monitor.run(org, {
        trigger: 'full',
        full: true,
        onStep: (s) => {
          heapPoint(`at the step ${s}`);
          if (s === 'scored' && collect) {
            collect();
            live = process.memoryUsage().heapUsed;
          }
          step(s);
        },
      });
      // The register index the deltas use is built in the background from here (the monitor does
      // after every run that leaves none for the register's state): timed from here to its end.
      const [builtT, builtC, builtM] = [performance.now(), process.cpuUsage(), mainCpu()];
      delay.disable();
      gcObserver.disconnect();
      clearInterval(heapSampler);
      whole('(the whole run)');
      console.log(
        `  main thread's event-loop delay: mean ${(delay.mean / 1e6).toFixed(0)} ms, p50 ${(delay.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms; its GC pauses: ${gc.n}, ${(gc.ms / 1000).toFixed(1)} s in all, longest ${gc.max.toFixed(0)} ms; its heap at most ${(heap.used / 2 ** 20).toFixed(0)} MiB used, ${(heap.total / 2 ** 20).toFixed(0)} MiB allocated${live === undefined ? '' : `, ${(live / 2 ** 20).toFixed(0)} MiB live as the screening ended`}`,
      );
      const runS = secs(t0);
      const runCpu = cpuSecs(c0);
      const runMain = mainCpu() - m0;
      console.log(
        `monitor run --full: ${runS.toFixed(1)} s (process CPU ${runCpu.toFixed(1)} s, main thread ${runMain.toFixed(1)} s: idle 2-core wall ≥ ${Math.max(runMain, runCpu / 2).toFixed(1)} s${bare ? `, ×${(runCpu / bareCpu).toFixed(2)} the screening alone's` : ''}); ${run?.counts.newAlerts} new alerts${bare ? `; ×${(runS / bareS).toFixed(2)} the screening alone's wall time` : ''}; peak RSS so far ${(process.resourceUsage().maxRSS / 2 ** 10).toFixed(0)} MiB; load ${load()}`,
      );
      const hit = Number(
        (
          await sql<{
            n: string;
          }>`select count(distinct counterparty_id) as n from monitor_hits where org_id = ${org}`.execute(
            store.kysely,
          )
        ).rows[0]!.n,
      );
      console.log(
        `${REGISTER} register: ${hit} of ${N} counterparties with a hit (hit rate ${((100 * hit) / N).toFixed(2)} %)`,
      );
      await monitor.buildRegisterIndexes();
      console.log(
        `register index built in the background after the full run (and the hit count above): done ${secs(builtT).toFixed(1)} s after the run's end (process CPU ${cpuSecs(builtC).toFixed(1)} s, main thread ${(mainCpu() - builtM).toFixed(1)} s in that time); load ${load()}`,
      );
      // The delta worker (a writable copy of the index, patched by each refresh), started after
      // the run too: waited for, as a week later would find it.
      await screening.startDeltaWorker();
      console.log(
        `delta worker ready ${secs(builtT).toFixed(1)} s after the run's end (process CPU ${cpuSecs(builtC).toFixed(1)} s, main thread ${(mainCpu() - builtM).toFixed(1)} s since); rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; load ${load()}`,
      );
      // The writable index restored in the background after the run (when the service reads the
      // snapshot's columns; `MonitorService.run` starts it): waited for, as a week later would find it.
      const wasOverColumns = screening.overColumns;
      await screening.restoreWritableSoon();
      console.log(
        `writable index ${wasOverColumns ? 'restored in the background' : 'objects (restored in the background meanwhile, or opened so)'}: done ${secs(builtT).toFixed(1)} s after the run's end (process CPU ${cpuSecs(builtC).toFixed(1)} s, main thread ${(mainCpu() - builtM).toFixed(1)} s since); rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, peak RSS so far ${(process.resourceUsage().maxRSS / 2 ** 10).toFixed(0)} MiB; load ${load()}`,
      );
      // The weekly re-screen once the store holds the hits and alerts: reads them all, writes what changed.
      if (!QUICK) {
        t0 = performance.now();
        c0 = process.cpuUsage();
        const again = await monitor.run(org, { trigger: 'full', full: true, onStep: steps(screening) });
        const againS = secs(t0);
        const againCpu = cpuSecs(c0);
        console.log(
          `monitor run --full again (hits and alerts stored): ${againS.toFixed(1)} s (process CPU ${againCpu.toFixed(1)} s, ×${(againCpu / bareCpu).toFixed(2)}); ${again?.counts.newAlerts} new, ${again?.counts.changedAlerts} changed alerts; ×${(againS / bareS).toFixed(2)} the wall time; load ${load()}`,
        );
        console.log(
          `monitor run --full with the service's start (workers ready): ${(ready + runS).toFixed(1)} s`,
        );
        // What a run reads to compare, on this stored state: every hit with its match and every
        // alert with its history (the reads before 2026-12-04, baseline) against keys and states.
        const kinds = ['new', 'changed', 'gone'] as const;
        for (let round = 0; round < 2; round++) {
          t0 = performance.now();
          c0 = process.cpuUsage();
          const h0 = (await monitor.runs.hits(org)).length;
          const a0 = (await monitor.alerts.alerts(org, { kinds: [...kinds], limit: 1_000_000 })).length;
          const fullS = secs(t0);
          const fullCpu = cpuSecs(c0);
          t0 = performance.now();
          c0 = process.cpuUsage();
          const h1 = (await monitor.runs.runHits(org)).length;
          const a1 = (await monitor.alerts.runAlerts(org, [...kinds])).length;
          console.log(
            `a run's reads of ${h0} hits and ${a0} alerts: whole rows with history ${fullS.toFixed(1)} s (CPU ${fullCpu.toFixed(1)} s); keys and states (${h1}, ${a1}) ${secs(t0).toFixed(1)} s (CPU ${cpuSecs(c0).toFixed(1)} s); load ${load()}`,
          );
        }
      }
      // The weekly update through the product path: a new version of one list (200 parties added,
      // 50 changed by one more alias, 50 removed) stored, the index refreshed from its differences
      // (as a server's LISTEN does), then the delta run, as the server runs it on the notification.
      // The register index was built after the full run (above), as a server does.
      const bySource = new Map<string, Party[]>();
      for (const v of await store.latestVersions())
        bySource.set(
          v.source,
          (await store.partiesOfVersion(v.id)).map((p) => p.party),
        );
      // The lists as first stored (in the order the index was built from), whatever a round stores.
      const parties = [...bySource.values()].flat();
      const largest = [...bySource.keys()].sort((a, b) => bySource.get(b)!.length - bySource.get(a)!.length);
      for (let round = 0; round < WEEKLY; round++) {
        const source = largest[round % largest.length]!;
        const before = bySource.get(source)!;
        const rand = rng(round + 11);
        const shuffled = [...before].sort(() => rand() - 0.5);
        const removed = new Set(shuffled.slice(0, 50));
        const changed = new Set(shuffled.slice(50, 100));
        const others = parties.filter((p) => p.source !== source);
        const next = [
          ...before
            .filter((p) => !removed.has(p))
            .map((p) =>
              changed.has(p)
                ? {
                    ...p,
                    names: [
                      ...p.names,
                      { ...p.names[0]!, full: `${p.names[0]!.full} Trading`, quality: 'strong' as const },
                    ],
                  }
                : p,
            ),
          ...Array.from({ length: 200 }, (_, k) => ({
            ...others[Math.floor(rand() * others.length)]!,
            source,
            sourceId: `weekly-${round}-${k}`,
          })),
        ];
        bySource.set(source, next);
        const format = (await store.latestVersions()).find((v) => v.source === source)!.format;
        await store.saveListVersion({
          source,
          publishedAt: `2030-01-${10 + round}`,
          format,
          files: [],
          parties: next,
          warnings: [],
        });
        // What a server's monitor does on the notification: hold the workers' restart from before
        // the refresh to the delta's end (`ScreeningService.holdWorkers`).
        const tv = performance.now();
        const cv = process.cpuUsage();
        const mv = mainCpu();
        const release = screening.holdWorkers();
        t0 = performance.now();
        c0 = process.cpuUsage();
        let dm0 = mainCpu();
        const refreshProfiler = PROFILE ? new Session() : undefined;
        if (refreshProfiler) {
          refreshProfiler.connect();
          await refreshProfiler.post('Profiler.enable');
          await refreshProfiler.post('Profiler.start');
        }
        await screening.refresh();
        if (refreshProfiler) {
          const { profile } = await refreshProfiler.post('Profiler.stop');
          writeFileSync(`${PROFILE}-refresh-${round + 1}.cpuprofile`, JSON.stringify(profile));
          refreshProfiler.disconnect();
        }
        const refreshS = secs(t0);
        const refreshCpu = cpuSecs(c0);
        const refreshMain = mainCpu() - dm0;
        t0 = performance.now();
        c0 = process.cpuUsage();
        dm0 = mainCpu();
        const profiler = PROFILE ? new Session() : undefined;
        if (profiler) {
          profiler.connect();
          await profiler.post('Profiler.enable');
          await profiler.post('Profiler.start');
        }
        const prep0 = prepCounts && { ...prepCounts };
        const delta = await monitor.run(org, { trigger: 'list-version', onStep: steps(screening) });
        if (profiler) {
          const { profile } = await profiler.post('Profiler.stop');
          writeFileSync(`${PROFILE}-${round + 1}.cpuprofile`, JSON.stringify(profile));
          profiler.disconnect();
        }
        const deltaS = secs(t0);
        const deltaCpu = cpuSecs(c0);
        const deltaMain = mainCpu() - dm0;
        const [totalS, totalCpu, totalMain] = [secs(tv), cpuSecs(cv), mainCpu() - mv];
        console.log(
          `weekly update ${round + 1} of ${source} (${before.length} parties; 200 added, 50 changed, 50 removed): index refreshed in ${refreshS.toFixed(1)} s (CPU ${refreshCpu.toFixed(1)} s, main thread ${refreshMain.toFixed(1)} s); delta run ${deltaS.toFixed(2)} s (process CPU ${deltaCpu.toFixed(1)} s, main thread ${deltaMain.toFixed(1)} s; ${(deltaS / runS).toFixed(3)} of the first full run's wall time), ${delta?.counts.counterpartiesScreened} counterparties screened, ${delta?.counts.newAlerts} new, ${delta?.counts.changedAlerts} changed, ${delta?.counts.goneAlerts} gone alerts; load ${load()}`,
        );
        console.log(
          `  version stored → alerts written (refresh + delta): ${totalS.toFixed(2)} s, process CPU ${totalCpu.toFixed(1)} s, main thread ${totalMain.toFixed(1)} s`,
        );
        const scope = monitor.lastScope;
        if (scope)
          console.log(
            `  scoped step's forward search: ${scope.stats.listedNames} changed listed names searched, ${scope.stats.keys} listed keys looked up near the register's words (${scope.stats.registerWords} register words reached, ${scope.stats.postings} register-name postings read, ${scope.stats.postingsVisited} walked), ${scope.stats.namesReached} register names reached, ${scope.stats.reached} counterparties reached by their names, ${scope.stats.bounded} bounded pair by pair, ${scope.stats.candidates} candidates${scope.stats.wordFacts === undefined ? '' : `; ${scope.stats.forwardCalls} register words compared with a listed key, their list-side facts taken once per word: ${scope.stats.wordFacts} words, ${scope.stats.wordFactsFromRegister} of them from the register index (not held by the lists)`}${scope.bound ? `; pairwise bound in chunks of ${BOUND_CHUNK}: on the delta worker / here ${scope.bound.beside} / ${scope.bound.here}` : ''}`,
          );
        if (prepCounts && prep0)
          console.log(
            `  queries prepared on the main thread: ${prepCounts.fresh - prep0.fresh} fresh, ${prepCounts.reweighted - prep0.reweighted} re-weighted (kept from an earlier delta)`,
          );
        if (SEARCH_COMPARE > 0) {
          compareRegister ??= await new RegisterStore(store.kysely).counterparties(org);
          compareIndex ??= buildRegisterIndex(compareRegister, screening.index.reference);
          const changedIds = new Set([
            ...[...changed].map((p) => `${source}:${p.sourceId}`),
            ...Array.from({ length: 200 }, (_, k) => `${source}:weekly-${round}-${k}`),
          ]);
          searchCompare(screening.index, compareIndex, compareRegister, changedIds, SEARCH_COMPARE);
        }
        if (monitor.lastSplit)
          console.log(
            `  split with the delta worker: ${monitor.lastSplit.queries} queries offered as the scope was searched, chunks screened there / here ${monitor.lastSplit.beside} / ${monitor.lastSplit.here}`,
          );
        // The workers' expansions the main thread read instead of making them (`seedExpansions`), in all so far.
        const seed = screening.index.expansionSeed;
        console.log(
          `  expansion memo: ${screening.index.expansions.size} entries; seed ${seed ? `of ${seed.memo.size} (at ${seed.tokenCount} tokens): ${seed.counts.read} read, ${seed.counts.entered} left to an added token, in all` : 'none'}`,
        );
        // The workers restart (and the snapshot is saved: its serialisation runs in the release)
        // after the delta: timed apart, and waited for, so that the next update finds them
        // running as a week later would.
        t0 = performance.now();
        c0 = process.cpuUsage();
        dm0 = mainCpu();
        release();
        await screening.workersReady();
        console.log(
          `  after the delta, the snapshot serialised and the workers restarted in ${secs(t0).toFixed(1)} s (process CPU ${cpuSecs(c0).toFixed(1)} s, main thread ${(mainCpu() - dm0).toFixed(1)} s)`,
        );
      }
      if (CHECK) {
        t0 = performance.now();
        c0 = process.cpuUsage();
        const check = await monitor.run(org, { trigger: 'full', full: true, onStep: steps(screening) });
        console.log(
          `check, monitor run --full after the deltas: ${secs(t0).toFixed(1)} s (process CPU ${cpuSecs(c0).toFixed(1)} s); ${check?.counts.newAlerts} new, ${check?.counts.changedAlerts} changed, ${check?.counts.goneAlerts} gone alerts (0, 0, 0: the deltas left what a full run finds); load ${load()}`,
        );
      }
      if (collect) {
        // What a register index holds: one more built and kept, the heap after a full collection.
        const entries = await monitor.register.counterparties(org);
        collect();
        const h0 = process.memoryUsage().heapUsed;
        const kept = buildRegisterIndex(entries, screening.reference);
        collect();
        console.log(
          `a register index of ${kept.size} counterparties holds ${((process.memoryUsage().heapUsed - h0) / 2 ** 20).toFixed(0)} MiB of heap`,
        );
      }
      if (DUMP) {
        const alerts = await monitor.alerts.alerts(org, { limit: 10_000_000 });
        const hits = await monitor.runs.hits(org);
        writeFileSync(
          DUMP,
          [
            ...alerts.map((a) => `alert ${a.kind} ${a.counterpartyId} ${a.entityId} ${a.state}`),
            ...hits.map((h) => `hit ${h.counterpartyId} ${h.entityId} ${h.score}`),
          ]
            .sort()
            .join('\n') + '\n',
        );
        console.log(`dumped ${alerts.length} alerts and ${hits.length} hits to ${DUMP}`);
      }
      if (DIGEST) {
        const digestOf = (rows: { j: string }[]) =>
          createHash('sha256')
            .update(
              rows
                .map((r) => r.j)
                .sort()
                .join('\n'),
            )
            .digest('hex')
            .slice(0, 16);
        const alerts = await sql<{ j: string }>`
          select (to_jsonb(a) - 'id' - 'run_id' - 'created_at' - 'updated_at' - 'decided_at' - 'org_id'
            || jsonb_build_object('shown', coalesce(a.match, h.match)))::text as j
          from monitor_alerts a
          left join monitor_hits h
            on h.org_id = a.org_id and h.counterparty_id = a.counterparty_id and h.entity_id = a.entity_id
          where a.org_id = ${org}`.execute(store.kysely);
        const events = await sql<{ j: string }>`
          select (to_jsonb(e) - 'seq' - 'alert_id' - 'at'
            || jsonb_build_object('alert', jsonb_build_array(a.kind, a.counterparty_id, a.entity_id)))::text as j
          from monitor_alert_events e join monitor_alerts a on a.id = e.alert_id
          where a.org_id = ${org}`.execute(store.kysely);
        const hits = await sql<{ j: string }>`
          select (to_jsonb(h) - 'found_at' - 'updated_at' - 'org_id')::text as j
          from monitor_hits h where h.org_id = ${org}`.execute(store.kysely);
        console.log(
          `digest: ${alerts.rows.length} alerts ${digestOf(alerts.rows)}, ${events.rows.length} alert events ${digestOf(events.rows)}, ${hits.rows.length} hits ${digestOf(hits.rows)}`,
        );
      }
    } finally {
      await monitor.close();
      await screening.close();
    }
  } finally {
    await store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
