import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig, openServices } from '@entente/adapters';
import { isDomainError } from '@entente/core';
import { bootstrapStore } from './bootstrap.ts';
import { bootstrapAccounts, checkBootstrapPassword } from './bootstrap-accounts.ts';
import { resolveSubjectsFirst } from './resolve-subjects-first.ts';
import { startServer } from './start-server.ts';

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const log = (line: string) => process.stderr.write(line + '\n');

/**
 * Listed names the screening workers screen between them once started (`ScreeningServiceOptions.warmUp`),
 * in the background (one name a turn, only while a worker has no message): 3,000 a worker, 22–25 s
 * of the process's CPU in all at load 17–29, after which a batch takes ×0.85 of the CPU it takes
 * after 500 names, V8's compiler's share of it falling from about a third to a tenth
 * (docs/decisions/2026-12-07-longer-worker-warm-up.md, 2026-12-05-worker-warm-up.md).
 */
const WORKER_WARM_UP = 6000;

/** What has been opened so far, closed in reverse order on shutdown. */
const opened: { close(): Promise<void> }[] = [];
let stopping = false;

/**
 * Stops the server: no new connections, in-flight requests answered, then the
 * services (the screening workers, then the store, which releases its lock) are closed. Runs
 * once, whatever asks first (SIGTERM, SIGINT, or the parent `entente serve` gone).
 */
async function shutdown(why: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`stopping (${why})`);
  let status = 0;
  // A signal while starting closes what is open so far; the unfinished start ends with the process.
  for (const part of [...opened].reverse()) {
    await part.close().catch((e: unknown) => {
      log(`entente: while stopping: ${String(e)}`);
      status = 2;
    });
  }
  process.exit(status);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// Started by `entente serve` with an IPC channel: when that process dies (even of SIGKILL) the channel closes.
if (process.send) process.on('disconnect', () => void shutdown('the entente serve process is gone'));

try {
  const config = loadConfig(process.env);
  const bootstrapPassword = process.env.ENTENTE_BOOTSTRAP_PASSWORD || undefined;
  // Refuse a bad password before the store is opened or loaded, not after a minute of work.
  checkBootstrapPassword(bootstrapPassword);
  const port = config.port;
  const host = process.env.HOST ?? '127.0.0.1';
  // The composition root: the store is opened once and every service is built over it here.
  const workers = config.screenWorkers ?? 0;
  const services = await openServices(config, {
    store: { log, command: `entente serve (API server on ${host}:${port})` },
    // The name reference and the index snapshot are read while the store opens.
    screenSoon: true,
    screening: {
      workers,
      // With workers the main thread screens only until they are ready (or if they fail): it
      // reads the snapshot's columns, as they do, rather than making an object per name first.
      overColumns: workers > 0,
      // A server's workers start long before its first batch: they warm up meanwhile.
      warmUp: WORKER_WARM_UP,
      // A monitoring delta shares its screening with the delta worker (ENTENTE_DELTA_WORKER=off: not).
      deltaWorker: config.deltaWorker ?? true,
      onWorkerError: (e) => log(`screening workers stopped, screening in process: ${String(e)}`),
      onSnapshot: log,
    },
    monitor: { log },
  });
  opened.push(services);
  const { store } = services;
  const info = store.info();
  log(`store: ${info.kind} at ${info.location} (schema ${info.schemaVersion})`);
  await bootstrapStore(store, config, log);
  const signIn = await bootstrapAccounts(store, config, bootstrapPassword);
  // Listen first, then load: the screening index (seconds, from its snapshot or the store) and the
  // catch-ups run while the server answers. Requests that screen wait for the index; /health lists
  // what is still loading, so readiness stays truthful.
  const loading = new Set<string>(['screening index']);
  const server = await startServer({
    services,
    config,
    version,
    webDir: fileURLToPath(new URL('../../web/dist', import.meta.url)),
    log,
    port,
    host,
    loading: () => [...loading],
  });
  opened.push(server);
  process.stdout.write(
    `Entente is running at ${server.url}  (API reference: ${server.url}docs; loading the screening index)\n`,
  );
  if (signIn)
    process.stdout.write(
      `First start: sign in at ${server.url} ${signIn}\n(shown once; to create more users, stop the server and run \`npx entente users create\`, or use PostgreSQL)\n`,
    );
  const screening = await services.screening();
  // Keep the index current when any process imports.
  await screening.watch((e) => log(`screening index refresh failed: ${String(e)}`));
  loading.delete('screening index');
  log(
    `screening index: ${screening.state().parties} parties from ${screening.sources().length} sources ${screening.state().origin === 'snapshot' ? 'loaded from its snapshot' : 'built'} in ${screening.state().buildSeconds.toFixed(1)} s` +
      (workers > 0 ? `; ${workers} screening worker(s) starting` : ''),
  );
  void screening.workersReady().then((ready) => {
    if (ready) log(`screening workers ready: ${workers}`);
  });
  // Re-screens every organisation's register when any process stores a list version
  // (one node runs a given update), and once now to catch up.
  await (await services.monitor()).watch();
  // Screening groups matches by subject: re-resolve after every list update so the grouping is never
  // stale, and catch up once now. Started after the index, so that the catch-up (it reads every
  // listing) does not share the start with the index's load.
  const subjects = await services.subjects();
  await subjects.watch((e: unknown) => log(`subjects re-resolution failed: ${String(e)}`));
  // Stops following list updates; a resolution under way ends with the store, not waited for.
  opened.push({ close: async () => void subjects.close() });
  // Lists no resolution covered (a first start): resolve them into subjects now, so that screening
  // groups by subject without anyone asking (ENTENTE_RESOLVE_SUBJECTS=off: not).
  if (config.resolveSubjectsFirst !== false) void resolveSubjectsFirst(services, loading, log);
} catch (error) {
  // A signal during the start closed the store under it: `shutdown` reports and ends the process.
  if (!stopping) {
    log(
      `entente: ${isDomainError(error) ? `${error.code}: ${error.message}` : String((error as Error).stack ?? error)}`,
    );
    process.exit(isDomainError(error) && error.code !== 'store-unavailable' ? 1 : 2);
  }
}
