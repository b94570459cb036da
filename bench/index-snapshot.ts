/**
 * Index snapshot against rebuild-at-start, on the whole mirror (issue 18, points 2 and 3).
 * Run: `npm run build && BENCH_DB=dir npx tsx bench/index-snapshot.ts` (BENCH_DB: a PGlite
 * store with the mirror, from `ENTENTE_DB=dir entente sync`; imported into a temporary one when unset).
 * 1. In this process, RUNS times (default 3), alternating: the name reference read and the
 *    index built from the store (baseline), then both loaded from their snapshots.
 * 2. A cold `entente screen "name"` (compiled bin, new process): ENTENTE_CACHE_DIR=off (baseline)
 *    against the snapshot beside the store.
 * 3. Resident memory of a process whose screening service runs 1 and then 4 worker threads, and
 *    how long its workers took to be ready: workers reading one index in shared memory against
 *    each restoring a copy of its own (baseline, `copyIndexPerWorker`), in new processes, RUNS
 *    times alternating (medians). The processes run the compiled packages in plain Node, as the
 *    server does (`index-snapshot-rss-child.mjs`); RSS_FROM=sources runs them from the sources
 *    through tsx instead (each worker then also loads tsx and compiles the TypeScript).
 * Prints medians with the load average: the machine may be shared. BENCH_PART=rss: part 3 only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  indexSnapshotFile,
  nameReferenceFor,
  openStore,
  ScreeningService,
  type StoreConfig,
} from '../packages/adapters/src/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(root, 'packages/cli/bin/entente.js');
const MIRROR = path.join(root, '../shared/data');
const RUNS = Number(process.env.RUNS ?? 3);
const NAME = 'Islamic Revolutionary Guard Corps';
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg()[0]!.toFixed(1);

const db = process.env.BENCH_DB ?? mkdtempSync(path.join(tmpdir(), 'entente-index-snapshot-'));
const env = { ...process.env, DATABASE_URL: '', ENTENTE_DB: db, ENTENTE_OFFLINE: '1' };
if (!process.env.BENCH_DB) {
  process.stderr.write(`importing the mirror into ${db} …\n`);
  execFileSync(process.execPath, [BIN, 'sync'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}
const cacheDir = mkdtempSync(path.join(tmpdir(), 'entente-index-cache-'));
const storeConfig: StoreConfig = { dataDir: db };
const snapshotFile = indexSnapshotFile(cacheDir, storeConfig);

const rssOnly = process.env.BENCH_PART === 'rss';
const inProcess = { rebuild: [] as number[], snapshot: [] as number[] };
const cold = { rebuild: [] as number[], snapshot: [] as number[] };
let firstStart = 0;
const fromSources = process.env.RSS_FROM === 'sources';
const childScript = fileURLToPath(new URL('./index-snapshot-rss-child.mjs', import.meta.url));
if (!rssOnly) ({ firstStart } = await timeStarts());

/** Parts 1 and 2. */
async function timeStarts(): Promise<{ firstStart: number }> {
  // 1. In process: rebuild against snapshot load.
  const store = await openStore(storeConfig);
  // Write the snapshots once (the first start of a new store pays this).
  let t0 = performance.now();
  await (
    await ScreeningService.open(store, await nameReferenceFor(MIRROR, cacheDir), { snapshotFile })
  ).close();
  const firstStart = (performance.now() - t0) / 1000;
  for (let i = 0; i < RUNS; i++) {
    t0 = performance.now();
    const rebuilt = await ScreeningService.open(store, await nameReferenceFor(MIRROR));
    inProcess.rebuild.push((performance.now() - t0) / 1000);
    if (rebuilt.state().origin !== 'built') throw new Error('baseline did not build');
    await rebuilt.close();
    t0 = performance.now();
    const loaded = await ScreeningService.open(store, await nameReferenceFor(MIRROR, cacheDir), {
      snapshotFile,
    });
    inProcess.snapshot.push((performance.now() - t0) / 1000);
    if (loaded.state().origin !== 'snapshot') throw new Error('snapshot was not used');
    await loaded.close();
  }
  await store.close();

  // 2. Cold `entente screen` in a new process.
  function screenOnce(extra: Record<string, string>): number {
    const r = spawnSync('/usr/bin/time', ['-f', '%e', process.execPath, BIN, 'screen', NAME], {
      env: { ...env, ...extra },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`entente screen failed: ${r.stderr}`);
    return Number(r.stderr.trim().split('\n').at(-1));
  }
  screenOnce({}); // writes the snapshot beside the store
  for (let i = 0; i < RUNS; i++) {
    cold.rebuild.push(screenOnce({ ENTENTE_CACHE_DIR: 'off' }));
    cold.snapshot.push(screenOnce({}));
  }

  return { firstStart };
}

// 3. Resident memory with 1 and 4 workers and their start: shared index against a copy per worker.
const child = [...(fromSources ? ['--import', 'tsx'] : []), childScript];
const childEnv = { ...process.env, BENCH_DB: db, RSS_CACHE: cacheDir };
// Write the snapshots once, for the children to load, with the code they run (the engine's key
// hashes the code that runs: compiled files are not the sources).
execFileSync(process.execPath, [...child, 'prepare'], {
  env: childEnv,
  stdio: ['ignore', 'ignore', 'inherit'],
});
function rss(workers: number, layout: 'shared' | 'copy'): { mib: number; ready: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', ...child, String(workers), layout], {
    env: childEnv,
    encoding: 'utf8',
  });
  const [bytes, ready] = out.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { mib: bytes! / 2 ** 20, ready: ready! };
}
const layouts = ['copy', 'shared'] as const;
const figures = new Map(
  layouts.map((l) => [l, { one: [] as number[], four: [] as number[], ratio: [] as number[] }]),
);
const readyS = new Map(layouts.map((l) => [l, { one: [] as number[], four: [] as number[] }]));
for (let i = 0; i < (rssOnly ? RUNS : 1); i++) {
  for (const layout of layouts) {
    const one = rss(1, layout);
    const four = rss(4, layout);
    const f = figures.get(layout)!;
    f.one.push(one.mib);
    f.four.push(four.mib);
    f.ratio.push(four.mib / one.mib);
    readyS.get(layout)!.one.push(one.ready);
    readyS.get(layout)!.four.push(four.ready);
    process.stderr.write(
      `run ${i + 1} ${layout}: ${one.mib.toFixed(0)} / ${four.mib.toFixed(0)} MiB, ratio ${(four.mib / one.mib).toFixed(2)}, load ${load()}\n`,
    );
  }
}
const memory = layouts.map((layout) => {
  const f = figures.get(layout)!;
  const r = readyS.get(layout)!;
  return (
    `${layout === 'copy' ? 'a copy per worker (baseline)' : 'one shared index'}: median RSS with 1 worker ` +
    `${median(f.one).toFixed(0)} MiB (ready in ${median(r.one).toFixed(2)} s), with 4 workers ` +
    `${median(f.four).toFixed(0)} MiB (ready in ${median(r.four).toFixed(2)} s): ratio ${median(f.ratio).toFixed(2)} ` +
    `(runs: ${f.ratio.map((x) => x.toFixed(2)).join(', ')}; goal ≤ 1.3)`
  );
});

const row = (what: string, xs: number[]) =>
  `| ${what} | ${median(xs).toFixed(2)} s | ${xs.map((x) => x.toFixed(2)).join(', ')} |`;
if (rssOnly) process.stdout.write([`load average ${load()} at the end`, ...memory, ''].join('\n'));
else
  process.stdout.write(
    [
      `whole mirror, ${RUNS} runs each, load average ${load()} at the end`,
      `first start (build + save both snapshots): ${firstStart.toFixed(2)} s`,
      '| in one process | median | runs |',
      '|---|---|---|',
      row('name reference + index rebuilt from the store (baseline)', inProcess.rebuild),
      row('name reference + index loaded from snapshots', inProcess.snapshot),
      `ratio rebuild / snapshot: ${(median(inProcess.rebuild) / median(inProcess.snapshot)).toFixed(1)}x`,
      '| cold `entente screen` (compiled) | median | runs |',
      '|---|---|---|',
      row('ENTENTE_CACHE_DIR=off (baseline)', cold.rebuild),
      row('snapshot beside the store', cold.snapshot),
      `ratio: ${(median(cold.rebuild) / median(cold.snapshot)).toFixed(1)}x`,
      ...memory,
      '',
    ].join('\n'),
  );
rmSync(cacheDir, { recursive: true, force: true });
if (!process.env.BENCH_DB) rmSync(db, { recursive: true, force: true });
