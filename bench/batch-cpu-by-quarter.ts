/**
 * Where a warmed pool's batch CPU goes over time (issue 14): the screening-speed batch (the 2,683
 * subjects COPIES times, default 2, chunks of 100) on a pool of two workers warmed on WARM_UP
 * listed names (default 500, as the API server's), with the CPU of the pool's worker threads
 * and of the process's other threads (V8's platform threads: the optimising compiler's
 * background jobs and GC's parallel and concurrent tasks, which no worker is charged for) read
 * from `/proc` (Linux) as each chunk is answered, given per quarter of the batch (SEGMENTS).
 * A worker's young generation of YOUNG MiB when given. RUNS pools, one after the other.
 *
 *   npx tsx bench/batch-cpu-by-quarter.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ScreeningPool } from '../packages/adapters/src/screening/screening-pool.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { speedSubjects } from './support/candidate-sets.ts';

const threadIds = (): Set<string> => new Set(readdirSync('/proc/self/task'));
/** CPU seconds of the given threads so far (user and system, clock ticks of 10 ms). */
const threadCpuS = (tids: Iterable<string>): number => {
  let ticks = 0;
  for (const tid of tids) {
    try {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a thread that has ended
    }
  }
  return ticks / 100;
};

const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
const subjects = speedSubjects();
const batch = Array.from({ length: Number(process.env.COPIES ?? 2) }, () => subjects).flat();
const warmUp = Number(process.env.WARM_UP ?? 500);
const segments = Number(process.env.SEGMENTS ?? 4);
for (let run = 0; run < Number(process.env.RUNS ?? 1); run++) {
  const before = threadIds();
  const pool = await ScreeningPool.ofParties(inputs, reference, 2, {
    warmUp,
    ...(process.env.YOUNG ? { youngGenerationMb: Number(process.env.YOUNG) } : {}),
  });
  const workers = [...threadIds()].filter((t) => !before.has(t));
  const helpers = [...before].filter((t) => t !== String(process.pid));
  const mark = (at: number) => ({ at, w: threadCpuS(workers), h: threadCpuS(helpers), t: performance.now() });
  const w0 = mark(0);
  await pool.warmedUp;
  const b0 = mark(0);
  const marks = [b0];
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.ceil(batch.length / 100) }, (_, k) =>
      pool.screenMany(batch.slice(k * 100, k * 100 + 100), { limit: 10 }).then((answers) => {
        done += answers.length;
        marks.push(mark(done));
      }),
    ),
  );
  const end = marks[marks.length - 1]!;
  const n = batch.length;
  const per = (a: (typeof marks)[number], b: (typeof marks)[number]) =>
    `${(((b.w - a.w) * 1000) / (b.at - a.at)).toFixed(2)}+${(((b.h - a.h) * 1000) / (b.at - a.at)).toFixed(2)}`;
  const cuts = Array.from({ length: segments + 1 }, (_, s) =>
    s === 0 ? b0 : marks.find((m) => m.at >= (s * n) / segments)!,
  );
  console.log(
    `warm-up on ${warmUp} names: ${((b0.t - w0.t) / 1000).toFixed(1)} s, CPU workers ${(b0.w - w0.w).toFixed(2)} s + the rest ${(b0.h - w0.h).toFixed(2)} s; ` +
      `batch of ${n}: ${(n / ((end.t - b0.t) / 1000)).toFixed(0)}/s wall, workers ${(((end.w - b0.w) * 1000) / n).toFixed(3)} + the rest ${(((end.h - b0.h) * 1000) / n).toFixed(3)} ms CPU a subject; ` +
      `by ${segments} parts (workers+rest ms a subject): ${cuts
        .slice(1)
        .map((m, s) => per(cuts[s]!, m))
        .join(', ')}; load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
  );
  await pool.close();
}
