/**
 * A full monitoring run's screening on pool workers of different young-generation sizes, in one
 * process (issue 17): two pools (or more) of `--workers` workers each over the same snapshot,
 * given the synthetic register's distinct queries (`queriesOfEntry`) in chunks of 100 with 32
 * chunks in flight and `limit: Infinity`, as a full run sends them (`run-monitoring.ts`), the pools
 * in turn, `--rounds` times. Per round: the process CPU (the screening workers, V8's helper threads
 * that collect their garbage and compile, and the main thread taking the answers), the wall time,
 * and a digest of every match (the pools must agree, or the bench stops).
 *
 *   BENCH_DB=<a copy of a store holding the mirror> node --trace-gc --import tsx \
 *     bench/monitor-young-generation.ts [--counterparties 20000] [--register adversarial]
 *     [--workers 2] [--rounds 2] [--young 8,32] > log
 *
 * With `--trace-gc` each worker's scavenges and mark-compacts are in the log, one isolate
 * address per worker (the first pool's two started first).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  indexSnapshotFile,
  nameReferenceFor,
  openStore,
  ScreeningService,
} from '../packages/adapters/src/index.ts';
import { ScreeningPool } from '../packages/adapters/src/screening/screening-pool.ts';
import { queriesOfEntry } from '../packages/adapters/src/monitoring/run-monitoring.ts';
import type { Party, ScreeningQuery } from '../packages/core/src/index.ts';
import { MIRROR } from './eval-screening-lists.ts';
import { registerKindArg, syntheticRegister } from './synthetic-register.ts';
import { numberArg, stringArg } from './support/args.ts';

const N = numberArg('counterparties', 20_000);
const WORKERS = numberArg('workers', 2);
const ROUNDS = numberArg('rounds', 2);
const YOUNG = stringArg('young', '8,32').split(',').map(Number);
const CHUNK = 100;
const IN_FLIGHT = 32;

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const cpuSecs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
/** The main thread's CPU seconds (Linux: /proc/self/task/<pid>/stat). */
const mainCpu = (): number => {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** CPU seconds of each thread of the process by its id (Linux: /proc/self/task). */
const threadCpu = (): Map<number, number> => {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task'))
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended between the listing and the read.
    }
  return out;
};
/** The other threads' CPU since `before`, most first (the pool's workers, then V8's platform threads). */
const otherThreads = (before: Map<number, number>): string =>
  [...threadCpu()]
    .filter(([tid]) => tid !== process.pid)
    .map(([tid, s]) => s - (before.get(tid) ?? 0))
    .filter((s) => s >= 0.05)
    .sort((a, b) => b - a)
    .map((s) => s.toFixed(1))
    .join(' + ') || 'none';

async function main(): Promise<void> {
  const source = process.env.BENCH_DB;
  if (!source) throw new Error('set BENCH_DB to a copy of a PGlite store holding the mirror');
  console.log(
    `machine: ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load ${load()}`,
  );
  const store = await openStore({ dataDir: source });
  const cacheDir = path.join(source, 'entente-cache');
  mkdirSync(cacheDir, { recursive: true });
  const reference = await nameReferenceFor(MIRROR, cacheDir);
  const service = await ScreeningService.open(store, reference, {
    snapshotFile: indexSnapshotFile(cacheDir, { dataDir: source }),
  });
  const parties: Party[] = [];
  for (const v of await store.latestVersions())
    for (const p of await store.partiesOfVersion(v.id)) parties.push(p.party);
  const distinct = new Map<string, ScreeningQuery>();
  for (const c of syntheticRegister(parties, N, registerKindArg()))
    for (const q of queriesOfEntry(c)) distinct.set(JSON.stringify(q), q);
  const queries = [...distinct.values()];
  console.log(`${N} counterparties, ${queries.length} distinct queries; load ${load()}`);
  const payload = service.snapshotPayload();
  const pools: { young: number; pool: ScreeningPool; cpu: number[]; wall: number[]; main: number[] }[] = [];
  for (const young of YOUNG)
    pools.push({
      young,
      pool: await ScreeningPool.start(payload, service.reference, WORKERS, { youngGenerationMb: young }),
      cpu: [],
      wall: [],
      main: [],
    });
  let digest: string | undefined;
  for (let round = 0; round < ROUNDS; round++)
    for (const p of round % 2 === 0 ? pools : [...pools].reverse()) {
      const c0 = process.cpuUsage();
      const m0 = mainCpu();
      const threads0 = threadCpu();
      const t0 = performance.now();
      const results: string[] = new Array<string>(Math.ceil(queries.length / CHUNK));
      let next = 0;
      let hits = 0;
      const send = async () => {
        while (next * CHUNK < queries.length) {
          const at = next++;
          const out = await p.pool.screenMany(queries.slice(at * CHUNK, (at + 1) * CHUNK), {
            limit: Number.POSITIVE_INFINITY,
          });
          for (const m of out) hits += m.length;
          results[at] = JSON.stringify(out);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, send));
      const wall = (performance.now() - t0) / 1000;
      const cpu = cpuSecs(c0);
      const main = mainCpu() - m0;
      const others = otherThreads(threads0);
      const hash = createHash('sha256');
      for (const r of results) hash.update(r);
      const d = hash.digest('hex').slice(0, 16);
      if (digest !== undefined && d !== digest) throw new Error(`young ${p.young}: other matches (${d})`);
      digest = d;
      p.cpu.push(cpu);
      p.wall.push(wall);
      p.main.push(main);
      console.log(
        `round ${round + 1}, young generation ${p.young} MiB: ${wall.toFixed(1)} s wall, process CPU ${cpu.toFixed(1)} s (main thread ${main.toFixed(1)} s, other threads ${others} s); ${hits} matches, digest ${d}; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; load ${load()}`,
      );
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const p of pools)
    console.log(
      `young generation ${p.young} MiB: process CPU ${p.cpu.map((x) => x.toFixed(1)).join(' / ')} s (median ${median(p.cpu).toFixed(1)}, ×${(median(p.cpu) / median(pools[0]!.cpu)).toFixed(2)} the first's), main thread ${p.main.map((x) => x.toFixed(1)).join(' / ')} s, wall ${p.wall.map((x) => x.toFixed(1)).join(' / ')} s`,
    );
  for (const p of pools) await p.pool.close(0);
  await service.close();
  await store.close();
}

await main();
