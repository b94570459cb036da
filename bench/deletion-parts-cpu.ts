/**
 * The deletion index of 2,000,000 random tokens (2–13 letters, seeded) made in 2 parts on 2
 * worker threads at once (`deletionJobsOf`/`deletionPart`, as the column build makes it): the
 * process's CPU and wall for it, twice, and a digest of the arrays (the same in any checkout that
 * makes the same index). Run it in two checkouts, alternating (docs/benchmarks.md, Scale, Run 11):
 * `node --import tsx bench/deletion-parts-cpu.ts`.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { deletionJobsOf } from '@entente/core';

let seed = 1;
const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
const tokens: string[] = [];
for (let i = 0; i < 2_000_000; i++) {
  let token = '';
  const length = 2 + random(12);
  for (let j = 0; j < length; j++) token += String.fromCharCode(97 + random(26));
  tokens.push(token);
}
const boot = new URL('../packages/adapters/src/screening/column-build-worker-boot.js', import.meta.url);
const workers = [0, 1].map(() => new Worker(boot, { workerData: { reference: {} } }));
// Booted before the clock starts (a deletion part needs nothing of the reference).
await new Promise((resolve) => setTimeout(resolve, 3000));
for (let run = 0; run < 2; run++) {
  const { jobs, arrays } = deletionJobsOf(tokens, 2);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    jobs.map(
      (job, i) =>
        new Promise((resolve) => {
          workers[i]!.once('message', resolve);
          workers[i]!.postMessage({ id: i, deletionPart: job });
        }),
    ),
  );
  const c = process.cpuUsage(c0);
  const sha = createHash('sha256')
    .update(new Uint8Array(arrays.entries.buffer))
    .update(new Uint8Array(arrays.offsets.buffer))
    .digest('hex');
  console.log(
    `${arrays.entries.length} entries: ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, ${((performance.now() - t0) / 1000).toFixed(2)} s wall, sha256 ${sha.slice(0, 16)}…`,
  );
}
await Promise.all(workers.map((w) => w.terminate()));
