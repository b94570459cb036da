/**
 * Cold `entente screen "name"` on the whole mirror: one new process per run, as a
 * user typing the command waits for it. Run: `npm run build && npx tsx bench/cold-screen.ts`.
 * Prepares a PGlite store with every list of the mirror (`entente sync`, or
 * BENCH_DB=dir to reuse one, with its index snapshot), then alternates, RUNS times (default 3):
 * the baseline — the compiled bin started as before 2026-12-04 (a module hook on a loader
 * thread, exceljs, pg and yaml loaded at start: bench/support/start-as-before.mjs) — and the
 * compiled bin as it starts now. SOURCES=1 adds the TypeScript sources through tsx
 * (ENTENTE_FROM_SOURCE=1, transform cache filled). Reports wall and CPU seconds (from
 * /usr/bin/time) with the load average, since the machine may be shared.
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
const env = { ...process.env, DATABASE_URL: '', ENTENTE_DB: db, ENTENTE_OFFLINE: '1' };
if (!process.env.BENCH_DB) {
  process.stderr.write(`importing the mirror into ${db} …\n`);
  execFileSync(process.execPath, [BIN, 'sync'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

interface Run {
  wall: number;
  cpu: number;
}

/** One `entente screen` in a new process; `extra` is added to its environment, `flags` to node's. */
function screenOnce(extra: Record<string, string>, flags: string[] = []): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, ...flags, BIN, 'screen', NAME], {
    env: { ...env, ...extra },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`entente screen failed: ${r.stderr}`);
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [
    number,
    number,
    number,
  ];
  return { wall, cpu: user + sys };
}

const BEFORE = path.join(root, 'bench/support/start-as-before.mjs');
const modes: Record<string, () => Run> = {
  'compiled, started as before 2026-12-04 (baseline)': () => screenOnce({}, ['--import', BEFORE]),
  'compiled, now': () => screenOnce({}),
  ...(process.env.SOURCES ? { 'sources via tsx': () => screenOnce({ ENTENTE_FROM_SOURCE: '1' }) } : {}),
};
// One run first, so that the index snapshot is current and the page cache warm for every mode.
screenOnce({});
const results = new Map<string, Run[]>(Object.keys(modes).map((m) => [m, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [mode, run] of Object.entries(modes)) results.get(mode)!.push(run());
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `entente screen "${NAME}", ${RUNS} runs each, load average ${loadavg()[0]!.toFixed(1)}\n`,
);
process.stdout.write('| run | wall (median) | CPU (median) | wall runs |\n|---|---|---|---|\n');
for (const [mode, runs] of results) {
  const walls = runs.map((r) => r.wall);
  process.stdout.write(
    `| ${mode} | ${median(walls).toFixed(1)} s | ${median(runs.map((r) => r.cpu)).toFixed(1)} s | ${walls.join(', ')} |\n`,
  );
}
if (!process.env.BENCH_DB) rmSync(db, { recursive: true, force: true });
