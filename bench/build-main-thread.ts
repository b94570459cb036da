/**
 * The main thread's CPU in the column build's parties step (issue 18, point 4): N synthetic parties
 * (default 200,000, seeded as bench/scale-1m.ts) through `snapshotOfPartiesInWorkers` on 2 workers,
 * the parties pre-drawn (PREDRAW=1, default) so that the bench's generator is not in the figure.
 * Prints the main thread's and the other threads' CPU up to the end of the parties step, and with
 * PROF=<file> writes the main thread's CPU profile of the build and prints its largest self times.
 * OLD=<checkout> builds with that checkout's column build too, in the same process, alternating
 * old and new PASSES times (default 2; the same pre-drawn parties). Run:
 * `ENTENTE_SHARED_DATA=/work/shared/data OLD=/work/old-239 node --expose-gc --import tsx bench/build-main-thread.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Party } from '@entente/core';
import * as newBuild from '../packages/adapters/src/screening/column-build.ts';
import { gc } from './support/cpu.ts';
import { load } from './support/scale-queries.ts';
import { syntheticGenerator } from './support/scale-index.ts';

const N = Number(process.env.N ?? 200_000);
const PASSES = Number(process.env.PASSES ?? 2);
const oldBuild = process.env.OLD
  ? ((await import(`${process.env.OLD}/packages/adapters/src/screening/column-build.ts`)) as typeof newBuild)
  : undefined;
const PREDRAW = process.env.PREDRAW !== '0';
const mainCpu = (): number => {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const allCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const { reference, generator } = await syntheticGenerator();
const drawn: Party[] | undefined = PREDRAW ? [...generator.stream(N, 18)] : undefined;
async function pass(label: string, build: typeof newBuild): Promise<void> {
  gc();
  const session = new Session();
  if (process.env.PROF) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const t0 = performance.now();
  const m0 = mainCpu();
  const a0 = allCpu();
  let at: { wall: number; main: number; all: number } | undefined;
  await build.snapshotOfPartiesInWorkers(
    (function* () {
      for (const party of drawn ?? generator.stream(N, 18)) yield { party };
    })(),
    reference,
    {
      workers: 2,
      onStep: (step) => {
        if (step === 'parties normalised and added')
          at = { wall: (performance.now() - t0) / 1000, main: mainCpu() - m0, all: allCpu() - a0 };
      },
    },
  );
  if (process.env.PROF) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.PROF, JSON.stringify(profile));
    const self = new Map<string, number>();
    const dt = new Map<number, number>();
    profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
    let total = 0;
    for (const node of profile.nodes) {
      const t = dt.get(node.id) ?? 0;
      if (node.callFrame.functionName === '(idle)') continue;
      const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').slice(-1)[0]}:${node.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + t);
      total += t;
    }
    for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${(t / 1e6).toFixed(2)} s  ${k}`);
  }
  console.log(
    `${label}: N ${N}${PREDRAW ? ' (pre-drawn)' : ''}: parties step wall ${at!.wall.toFixed(2)} s, main-thread CPU ${at!.main.toFixed(2)} s, other threads ${(at!.all - at!.main).toFixed(2)} s; load ${load()}`,
  );
}
for (let p = 0; p < PASSES; p++) {
  if (oldBuild) await pass('old', oldBuild);
  await pass('new', newBuild);
}
