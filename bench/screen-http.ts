/**
 * Screening over HTTP and against two baselines, in one process:
 *  1. `POST /screen` throughput on loopback with autocannon, against `GET /health`
 *     on the same server (the cost of HTTP + auth alone), screening on the event
 *     loop and in worker threads (`--workers N`, default: the server's default);
 *  2. per-query latency and recall@1 on UN altered-spelling pairs for Entente's
 *     index, a PostgreSQL pg_trgm similarity query, and a naive Jaro-Winkler scan.
 *
 * Run: npx tsx bench/screen-http.ts [--seconds 10] [--pairs 150]
 * Loads the latest version of every list in the mirror into a fresh in-memory PGlite store.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import {
  CLI_SOURCE,
  defaultScreenWorkers,
  LIST_FORMATS,
  loadConfig,
  nameReferenceFor,
  openStore,
  ScreeningService,
  servicesOver,
  sharingStoreFor,
  syncMirror,
} from '@entente/adapters';
import { jaroWinkler } from '@entente/core';
import { startServer } from '../packages/api/src/start-server.ts';
import { SHARED_DATA } from '../packages/adapters/src/test-support/shared-data.ts';
import { numberArg } from './support/args.ts';

const SECONDS = numberArg('seconds', 10);
const PAIRS = numberArg('pairs', 150);
const WORKERS = Math.max(1, numberArg('workers', defaultScreenWorkers()));
const MIRROR = SHARED_DATA;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? NaN;
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const store = await openStore({ dataDir: 'memory://' });
let t = performance.now();
const report = await syncMirror(store, LIST_FORMATS, MIRROR);
console.log(`loaded ${report.imported.length} versions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const service = await ScreeningService.open(store, await nameReferenceFor(MIRROR));
console.log(
  `index: ${service.state().parties} parties from ${service.sources().length} sources, built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// --- 2. latency and recall: Entente vs pg_trgm vs naive Jaro-Winkler --------------------------
const rows = parse(readFileSync(path.join(MIRROR, 'eval/yente_un_treated_vs_untreated_pairs.csv'), 'utf8'), {
  columns: true,
}) as { query_name: string; list_name: string }[];
const pairs = rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / PAIRS)) === 0).slice(0, PAIRS);
const latest = (await store.latestVersions()).map((v) => v.id);
const kysely = store.kysely;
await sql`create index if not exists bench_parties_name_trgm on parties using gin (name gin_trgm_ops)`.execute(
  kysely,
);
const allNames = service.index.entries.flatMap((e) =>
  e
    ? e.party.names.map((n) => ({
        id: e.entityId,
        name: fold(n.full),
        primary: fold(e.party.names[0]?.full ?? ''),
      }))
    : [],
);
const hit = (expected: string, got: string | undefined) => got !== undefined && fold(got) === fold(expected);

const result: Record<string, { ms: number[]; hits: number }> = {
  entente: { ms: [], hits: 0 },
  pg_trgm: { ms: [], hits: 0 },
  naive_jw: { ms: [], hits: 0 },
};
for (const pair of pairs) {
  let s = performance.now();
  const m = await service.screen({ name: pair.query_name }, { limit: 1 }, null); // default threshold, as users screen
  result.entente!.ms.push(performance.now() - s);
  const top = m[0] && service.index.get(m[0].entityId)?.party.names.map((n) => n.full);
  if (top?.some((n) => hit(pair.list_name, n))) result.entente!.hits++;

  s = performance.now();
  const r = await sql<{ entity_id: string; name: string }>`
    select entity_id, name from parties where version_id in (${sql.join(latest)}) and name % ${pair.query_name}
    order by similarity(name, ${pair.query_name}) desc limit 1`.execute(kysely);
  result.pg_trgm!.ms.push(performance.now() - s);
  const pgTop = r.rows[0] && service.index.get(r.rows[0].entity_id)?.party.names.map((n) => n.full);
  if (pgTop?.some((n) => hit(pair.list_name, n))) result.pg_trgm!.hits++;

  s = performance.now();
  const q = fold(pair.query_name);
  let best = { score: -1, id: '' };
  for (const n of allNames) {
    const sc = jaroWinkler(q, n.name);
    if (sc > best.score) best = { score: sc, id: n.id };
  }
  result.naive_jw!.ms.push(performance.now() - s);
  const jwTop = service.index.get(best.id)?.party.names.map((n) => n.full);
  if (jwTop?.some((n) => hit(pair.list_name, n))) result.naive_jw!.hits++;
}
const base = median(result.entente!.ms);
console.log(
  `\nper query over ${pairs.length} UN altered-spelling pairs (recall@1 counts the listed name among the top party's names):`,
);
for (const [k, v] of Object.entries(result)) {
  console.log(
    `  ${k.padEnd(9)} p50 ${median(v.ms).toFixed(2)} ms  p99 ${p99(v.ms).toFixed(2)} ms  recall@1 ${(v.hits / pairs.length).toFixed(3)}  (${(median(v.ms) / base).toFixed(1)}× Entente's p50)`,
  );
}

// --- 1. HTTP throughput ---------------------------------------------------------------------
const sharing = sharingStoreFor(store);
const org = await sharing.orgs.createOrg({ name: 'Bench', kind: 'exporter' }, CLI_SOURCE);
const user = await sharing.orgs.createUser(
  { orgId: org.id, email: 'bench@example.com', role: 'compliance-officer' },
  CLI_SOURCE,
);
const { token } = await sharing.credentials.createToken(user.id, CLI_SOURCE);
const serve = (screening: ScreeningService) =>
  startServer({
    // The bench's own screening service (in process, then with workers) replaces the lazily built one.
    services: { ...servicesOver(store, loadConfig({}), { sharing }), screening: async () => screening },
    config: loadConfig({}),
    version: 'bench',
    log: () => {},
    port: 0,
    host: '127.0.0.1',
  });
const server = await serve(service);
// The same lists, screened in worker threads (what `entente serve` does on a multi-core machine).
t = performance.now();
const pooledService = await ScreeningService.open(store, await nameReferenceFor(MIRROR), {
  workers: WORKERS,
});
if (!(await pooledService.workersReady())) throw new Error('screening workers did not start');
console.log(`${WORKERS} screening worker(s) ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const pooledServer = await serve(pooledService);
// Subjects: every UN altered spelling and the 2,000 invented persons (as bench/screening-speed.ts),
// shuffled, so that most requests are new names rather than repeats.
const negatives = ['negatives_global_1k.csv', 'negatives_us_1k.csv'].flatMap(
  (f) =>
    parse(readFileSync(path.join(MIRROR, 'eval', f), 'utf8'), { columns: true }) as { full_name: string }[],
);
const subjects = [...rows.map((r) => r.query_name), ...negatives.map((r) => r.full_name)]
  .map((name, k) => ({ name, key: (k * 2654435761) % 4294967296 }))
  .sort((a, b) => a.key - b.key)
  .map((x) => JSON.stringify({ name: x.name }));
interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}
const load = (route: string, bodies?: string[], url = server.url) =>
  new Promise<Load>((resolve, reject) => {
    const w = new Worker(new URL('./load-generator.mjs', import.meta.url), {
      workerData: {
        url: `${url}${route}`,
        connections: 16,
        seconds: SECONDS,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        bodies,
      },
    });
    w.once('message', resolve);
    w.once('error', reject);
  });
const health = await load('health');
const screen = await load('screen', subjects);
const pooled = await load('screen', subjects, pooledServer.url);
console.log(
  `\nHTTP on loopback, 16 connections, ${SECONDS} s each (autocannon in a worker thread; ${subjects.length} distinct subjects):`,
);
const line = (label: string, r: Load) =>
  console.log(
    `  ${label.padEnd(16)} ${r.rps.toFixed(0)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  (${r.total} requests, errors ${r.errors})`,
  );
line('GET /health', health);
line('POST /screen', screen);
line(`  ${WORKERS} worker(s)`, pooled);
console.log(
  `  ratio /screen ÷ /health: ${(screen.rps / health.rps).toFixed(2)} on the event loop, ${(pooled.rps / health.rps).toFixed(2)} with ${WORKERS} worker(s) (×${(pooled.rps / screen.rps).toFixed(2)})`,
);
await pooledServer.close();
await pooledService.close();
await server.close();
await store.close();
