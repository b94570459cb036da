// Child of `bench/index-snapshot.ts` part 3 (BENCH_PART=rss): a screening service with N workers,
// run as the server runs, from the compiled packages (`npm run build`) in plain Node: no tsx in the
// process or its workers. Prints its resident memory once the workers are ready (after a GC and 2 s)
// and the seconds from opening the service (index loaded from its snapshot) to workers ready.
// Usage: node --expose-gc bench/index-snapshot-rss-child.mjs WORKERS shared|copy (env BENCH_DB, RSS_CACHE);
// `… prepare` writes the snapshots once (the compiled engine's key differs from the sources').
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// RSS_FROM=sources (run with `--import tsx`): the sources, as the benchmark's first round measured.
const { indexSnapshotFile, nameReferenceFor, openStore, ScreeningService } = await import(
  process.env.RSS_FROM === 'sources' ? '@entente/adapters' : '@entente/adapters/dist'
);

const MIRROR = path.join(fileURLToPath(new URL('..', import.meta.url)), '../shared/data');
const storeConfig = { dataDir: process.env.BENCH_DB };
const store = await openStore(storeConfig);
const reference = await nameReferenceFor(MIRROR, process.env.RSS_CACHE);
if (process.argv[2] === 'prepare') {
  const snapshotFile = indexSnapshotFile(process.env.RSS_CACHE, storeConfig);
  await (await ScreeningService.open(store, reference, { snapshotFile })).close();
  await store.close();
  process.exit(0);
}
const service = await ScreeningService.open(store, reference, {
  workers: Number(process.argv[2]),
  copyIndexPerWorker: process.argv[3] === 'copy',
  snapshotFile: indexSnapshotFile(process.env.RSS_CACHE, storeConfig),
  onWorkerError: (e) => process.stderr.write(`worker error: ${e.stack ?? e}\n`),
});
const opened = performance.now();
if (!(await service.workersReady())) throw new Error('workers did not start');
const ready = (performance.now() - opened) / 1000;
if (service.state().origin !== 'snapshot') throw new Error('snapshot was not used');
global.gc?.();
await new Promise((r) => setTimeout(r, 2000));
process.stdout.write(`${process.memoryUsage().rss} ${ready}\n`);
await service.close();
await store.close();
process.exit(0);
