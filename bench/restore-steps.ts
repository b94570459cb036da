/**
 * What restoring the writable screening index from its snapshot costs the main thread, at once
 * (`indexFromSnapshot`, as a refresh over the columns did before 2026-12-06) and in steps
 * (`restoreIndexSteps` driven by `setImmediate`, as `ScreeningService.restoreWritableSoon` does
 * after a full run): wall and CPU, the number of steps and the longest (the longest the event
 * loop waits for it), and the live heap it adds. Passes alternate, whole first.
 *
 *   NODE_OPTIONS=--expose-gc npx tsx bench/restore-steps.ts <index snapshot file> <cache dir> [--passes 3]
 *   # the files a run of bench/monitor-store.ts leaves in its work dir's `cache`
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { nameReferenceFor } from '../packages/adapters/src/index.ts';
import { readSnapshotFile } from '../packages/adapters/src/screening/snapshot-file.ts';
import {
  indexFromSnapshot,
  restoreIndexSteps,
  type ScreeningIndex,
  type ScreeningIndexSnapshot,
} from '../packages/core/src/index.ts';
import { MIRROR } from './eval-screening-lists.ts';

const [file, cacheDir] = process.argv.slice(2);
if (!file || !cacheDir) throw new Error('usage: restore-steps.ts <index snapshot file> <cache dir>');
const passesAt = process.argv.indexOf('--passes');
const PASSES = passesAt > 0 ? Number(process.argv[passesAt + 1]) : 3;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

async function main(): Promise<void> {
  // The key the file was written under, from its header (the bench checks nothing else here).
  const bytes = readFileSync(file!);
  const magic = 'ENTENTE-SNAPSHOT\n'.length;
  const headerEnd = magic + 4 + bytes.readUInt32LE(magic);
  const key = (JSON.parse(bytes.subarray(magic + 4, headerEnd).toString('utf8')) as { key: string }).key;
  const read = await readSnapshotFile<ScreeningIndexSnapshot>(file!, 'screening-index', key);
  if (read.status !== 'loaded') throw new Error(`snapshot ${read.status}: ${read.reason}`);
  const snapshot = read.value;
  const reference = await nameReferenceFor(MIRROR, cacheDir!);
  console.log(`snapshot ${file} (${mib(bytes.length)}); load ${load()}`);
  let kept: ScreeningIndex | undefined;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const way of ['whole', 'steps'] as const) {
      kept = undefined;
      gc();
      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let steps = 0;
      let longest = 0;
      let longestCpu = 0;
      const cpus: number[] = [];
      if (way === 'whole') kept = indexFromSnapshot(snapshot, reference);
      else {
        const gen = restoreIndexSteps(snapshot, reference);
        for (;;) {
          await new Promise((r) => setImmediate(r));
          const s0 = performance.now();
          const sc = process.cpuUsage();
          const step = gen.next();
          const ms = performance.now() - s0;
          const stepCpu = process.cpuUsage(sc);
          if (ms > longest) longestCpu = (stepCpu.user + stepCpu.system) / 1000;
          longest = Math.max(longest, ms);
          cpus.push((stepCpu.user + stepCpu.system) / 1000);
          steps++;
          if (step.done) {
            kept = step.value;
            break;
          }
        }
      }
      const wall = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(c0);
      gc();
      const added = process.memoryUsage().heapUsed - heap0;
      console.log(
        `pass ${pass + 1} ${way}: ${wall.toFixed(2)} s wall, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s` +
          (way === 'steps'
            ? `, ${steps} steps, longest ${longest.toFixed(1)} ms wall (CPU ${longestCpu.toFixed(0)} ms); steps' CPU ms: ${cpus
                .map((c, i) => (c >= 50 ? `#${i + 1} ${c.toFixed(0)}` : ''))
                .filter(Boolean)
                .join(', ')}, median ${[...cpus].sort((a, b) => a - b)[cpus.length >> 1]!.toFixed(1)}`
            : '') +
          `; live heap +${mib(added)}; ${kept!.size} parties, ${kept!.nameCount} names; rss ${mib(process.memoryUsage().rss)}; load ${load()}`,
      );
    }
  }
}

await main();
