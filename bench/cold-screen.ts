/**
 * Cold `entente screen "name"` on the whole mirror: one new process per run, as a
 * user typing the command waits for it. Run: `npm run build && npx tsx bench/cold-screen.ts`.
 * Prepares a PGlite store with every list of the mirror (`entente sync`, or
 * BENCH_DB=dir to reuse one), then alternates, RUNS times (default 3): the baseline — BASE=dir,
 * a copy of the repository's compiled packages as built from an earlier commit (its
 * `packages/<name>/{dist,bin,src,package.json}` and a `node_modules` whose `@entente/*` point at
 * them; see docs/benchmarks.md) — and the compiled bin of this checkout. Each keeps its index
 * snapshot in its own cache directory (their engines differ, so they would overwrite each
 * other's), warmed by one run first. SOURCES=1 adds the TypeScript sources through tsx
 * (ENTENTE_FROM_SOURCE=1); UNBUNDLED=1 this checkout's compiled files without the bundle
 * (ENTENTE_UNBUNDLED=1). Reports wall and CPU seconds (from /usr/bin/time) with the load
 * average, since the machine may be shared, and the CPU seconds of the main thread alone (bench/main-thread-cpu.mjs),
 * and checks that every run printed the same matches.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(root, 'packages/cli/bin/entente.js');
const RUNS = Number(process.env.RUNS ?? 3);
const NAME = 'Islamic Revolutionary Guard Corps';

const db = process.env.BENCH_DB ?? mkdtempSync(path.join(tmpdir(), 'entente-cold-screen-'));
const MIRROR = process.env.ENTENTE_MIRROR ?? path.resolve(root, '../shared/data');
const env = {
  ...process.env,
  DATABASE_URL: '',
  ENTENTE_DB: db,
  ENTENTE_OFFLINE: '1',
  ENTENTE_MIRROR: MIRROR,
};
// BENCH_CACHES=dir keeps the snapshots (dir/base, dir/now) from one run of the bench to the next.
const caches = process.env.BENCH_CACHES ?? mkdtempSync(path.join(tmpdir(), 'entente-cold-screen-cache-'));
if (!process.env.BENCH_DB) {
  process.stderr.write(`importing the mirror into ${db} …\n`);
  execFileSync(process.execPath, [BIN, 'sync'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

interface Run {
  wall: number;
  cpu: number;
  /** The main thread's CPU seconds alone (see bench/main-thread-cpu.mjs). */
  main: number;
}

const MAIN_THREAD_CPU = path.join(root, 'bench/main-thread-cpu.mjs');

const outputs = new Set<string>();

/** One `entente screen` in a new process of the bin `bin`, its snapshot in cache directory `cache`. */
function screenOnce(bin: string, cache: string, extra: Record<string, string> = {}): Run {
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S', process.execPath, '--import', MAIN_THREAD_CPU, bin, 'screen', NAME],
    {
      env: { ...env, ENTENTE_CACHE_DIR: path.join(caches, cache), ...extra },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`entente screen failed: ${r.stderr}`);
  outputs.add(r.stdout);
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [
    number,
    number,
    number,
  ];
  const main = Number(/^main-thread-cpu (\S+)$/m.exec(r.stderr)?.[1] ?? NaN);
  return { wall, cpu: user + sys, main };
}

const BASE = process.env.BASE;
const modes: Record<string, () => Run> = {
  ...(BASE
    ? {
        'earlier commit (baseline, BASE)': () =>
          screenOnce(path.join(BASE, 'packages/cli/bin/entente.js'), 'base'),
      }
    : {}),
  'compiled, now': () => screenOnce(BIN, 'now'),
  ...(process.env.UNBUNDLED
    ? { 'compiled, now, unbundled': () => screenOnce(BIN, 'now', { ENTENTE_UNBUNDLED: '1' }) }
    : {}),
  ...(process.env.SOURCES
    ? { 'sources via tsx': () => screenOnce(BIN, 'now', { ENTENTE_FROM_SOURCE: '1' }) }
    : {}),
};
const loadBefore = loadavg()[0]!;
// One run of each first, so that each has its index snapshot and the page cache is warm.
for (const run of Object.values(modes)) run();
const results = new Map<string, Run[]>(Object.keys(modes).map((m) => [m, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [mode, run] of Object.entries(modes)) results.get(mode)!.push(run());
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `entente screen "${NAME}", ${RUNS} runs each, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after\n`,
);
process.stdout.write(
  '| run | wall (median) | CPU (median) | main thread CPU (median) | wall runs |\n|---|---|---|---|---|\n',
);
for (const [mode, runs] of results) {
  const walls = runs.map((r) => r.wall);
  process.stdout.write(
    `| ${mode} | ${median(walls).toFixed(2)} s | ${median(runs.map((r) => r.cpu)).toFixed(2)} s | ${median(runs.map((r) => r.main)).toFixed(2)} s | ${walls.join(', ')} |\n`,
  );
}
process.stdout.write(
  outputs.size === 1
    ? 'every run printed the same matches\n'
    : `RUNS DIFFER: ${outputs.size} different outputs\n`,
);
if (!process.env.BENCH_CACHES) rmSync(caches, { recursive: true, force: true });
if (!process.env.BENCH_DB) rmSync(db, { recursive: true, force: true });
