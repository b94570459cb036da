/**
 * Cold `entente screen "name"` on the whole mirror: one new process per run, as a
 * user typing the command waits for it. Run: `npm run build && npx tsx bench/cold-screen.ts`.
 * Prepares a PGlite store with every list of the mirror (`entente sync`, or
 * BENCH_DB=dir to reuse one), then alternates, RUNS times (default 3):
 * the baseline — the TypeScript sources through tsx, as before compiled code
 * (ENTENTE_FROM_SOURCE=1), once with tsx's transform cache empty (a first run
 * after a clone) and once with it filled — and the compiled dist/. Reports wall
 * and CPU seconds (from /usr/bin/time) with the load average, since the machine
 * may be shared.
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

/** One `entente screen` in a new process; `extra` is added to its environment. */
function screenOnce(extra: Record<string, string>): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, BIN, 'screen', NAME], {
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

const modes: Record<string, () => Record<string, string>> = {
  'sources via tsx, empty transform cache (baseline, first run)': () => ({
    ENTENTE_FROM_SOURCE: '1',
    TMPDIR: mkdtempSync(path.join(tmpdir(), 'tsx-cold-')),
  }),
  'sources via tsx, transform cache filled (baseline)': () => ({ ENTENTE_FROM_SOURCE: '1' }),
  'compiled dist/': () => ({}),
};
// Fill tsx's cache once so that the "filled" runs are what a second command sees.
screenOnce({ ENTENTE_FROM_SOURCE: '1' });
const results = new Map<string, Run[]>(Object.keys(modes).map((m) => [m, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [mode, extra] of Object.entries(modes)) {
    const e = extra();
    results.get(mode)!.push(screenOnce(e));
    if (e.TMPDIR) rmSync(e.TMPDIR, { recursive: true, force: true });
  }
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
