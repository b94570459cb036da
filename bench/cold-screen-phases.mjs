// The phases of a cold `entente screen`, in one new process over the compiled packages, with the
// CPU seconds of each (the machine may be shared: wall seconds inflate with its load, CPU much less).
// Run: `npm run build && BENCH_DB=dir node bench/cold-screen-phases.mjs` (dir: a PGlite store of the
// mirror with its index snapshot; ENTENTE_CACHE_DIR / ENTENTE_MIRROR as for `entente`). It opens the
// services as `entente screen "name"` does now: the name reference and the snapshot file read while
// the store opens, the index read over the snapshot's columns, the subjects of the matches only,
// PGlite with a small buffer pool (`brief`). It loads the compiled files, not the bundle the bin runs.
// PHASES_AS_BEFORE=1: as before 2026-12-04 (h11): files read after the store, the index restored
// as objects, the whole listing → subject directory read (the same code otherwise).
import { loadavg } from 'node:os';

const started = { wall: performance.now(), cpu: process.cpuUsage() };
let last = { wall: performance.now(), cpu: process.cpuUsage() };
const rows = [];
/** Records the phase that ends now. */
function phase(name) {
  const cpu = process.cpuUsage(last.cpu);
  rows.push([name, (performance.now() - last.wall) / 1000, (cpu.user + cpu.system) / 1e6]);
  last = { wall: performance.now(), cpu: process.cpuUsage() };
}

const core = await import('@entente/core/dist');
phase('import @entente/core');
const adapters = await import('@entente/adapters/dist');
phase('import @entente/adapters');
const before = process.env.PHASES_AS_BEFORE === '1';
const config = adapters.loadConfig({ ...process.env, DATABASE_URL: '', ENTENTE_DB: process.env.BENCH_DB });
const services = await adapters.openServices(config, {
  ...(before ? {} : { store: { brief: true } }),
  screenSoon: !before,
  screening: { overColumns: !before, onSnapshot: (line) => process.stderr.write(line + '\n') },
});
phase('open the store (PGlite start, pg_trgm, migrations checked)');
await services.nameReference();
phase('name reference (from its snapshot)');
const screening = await services.screening();
phase(`screening index (${screening.state().origin}${before ? ', as objects' : ', over its columns'})`);
const subjects = await services.subjects();
const query = core.validateScreeningQuery({ name: 'Islamic Revolutionary Guard Corps' });
let matches;
if (before) {
  const directory = await subjects.directory();
  matches = await screening.screen(
    query,
    { limit: 10, algorithm: 'entente' },
    null,
    (id) => directory.get(id)?.id,
  );
} else {
  matches = await screening.screen(query, { limit: 10, algorithm: 'entente' }, null);
  await subjects.subjectsOf(matches.map((m) => m.entityId));
}
await services.store.recordScreening({ orgId: null, subjects: 1, hits: 1, channel: 'cli' });
phase('screen, subjects of the matches, record it');
await services.close();
phase('close the store');
const total = process.cpuUsage(started.cpu);
process.stdout.write(`load average ${loadavg()[0].toFixed(1)}\n| phase | wall | CPU |\n|---|---|---|\n`);
for (const [name, wall, cpu] of rows)
  process.stdout.write(`| ${name} | ${wall.toFixed(2)} s | ${cpu.toFixed(2)} s |\n`);
process.stdout.write(
  `| total (after node's own start) | ${((performance.now() - started.wall) / 1000).toFixed(2)} s | ${((total.user + total.system) / 1e6).toFixed(2)} s |\n`,
);
