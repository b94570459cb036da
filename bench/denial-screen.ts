/**
 * An agency's `POST /screen` after 10,000 shared denials were imported, against
 * an exporter's `POST /screen` in the same process and app (lists only: the
 * baseline), plus the parts of the agency's request: reading every visible
 * denial from the store (what each request did before the denial index) and
 * the audited read (one chain append).
 *
 * Run: npx tsx bench/denial-screen.ts [--denials 10000] [--queries 200] [--lists un|mirror] [--workers 0]
 * Exporter and agency take turns on each name; the ratio of medians is the figure (docs/benchmarks.md).
 * In-memory PGlite store with the UN list (the default: the harshest baseline,
 * 1,000 listed parties against 10,000 denied ones) or every list of the mirror
 * (what a running server holds); `--workers N` screens the lists in N worker
 * threads as `entente serve` does (default 0: in process). Requests through `app.request`.
 */
import path from 'node:path';
import { cpus, loadavg } from 'node:os';
import { findFormat, importList, LIST_FORMATS, openStore, servicesOver, syncMirror } from '@entente/adapters';
import { buildSharingWorld } from '../packages/adapters/src/sharing/sharing-test-world.ts';
import {
  syntheticDenialCsv,
  syntheticPartyName,
} from '../packages/adapters/src/test-support/synthetic-denial-csv.ts';
import { CLI_SOURCE } from '../packages/adapters/src/sharing/actor.ts';
import { createApp } from '../packages/api/src/create-app.ts';
import { SHARED_DATA } from '../packages/adapters/src/test-support/shared-data.ts';
import { numberArg, stringArg } from './support/args.ts';

const DENIALS = numberArg('denials', 10_000);
const QUERIES = numberArg('queries', 200);
const WORKERS = numberArg('workers', 0);
const LISTS = stringArg('lists', 'un');
const MIRROR = SHARED_DATA;

const store = await openStore({ dataDir: 'memory://' });
if (LISTS === 'mirror') await syncMirror(store, LIST_FORMATS, MIRROR);
else
  await importList(store, findFormat(LIST_FORMATS, 'un-sc-xml'), [
    path.join(MIRROR, 'lists/un/un-sc-2026-02-27/consolidated.xml'),
  ]);
const world = await buildSharingWorld(store);
const config = { store: { dataDir: 'memory://' }, mirrorDir: MIRROR, port: 0 };
const services = servicesOver(store, config, { sharing: world.sharing, screening: { workers: WORKERS } });
const screening = await services.screening();
if (WORKERS > 0 && !(await screening.workersReady())) throw new Error('screening workers did not start');
const token = async (userId: string) =>
  (await world.sharing.credentials.createToken(userId, CLI_SOURCE)).token;
const agency = await token(world.actors.de.userId);
const exporter = await token(world.actors.exporter.userId);
const app = createApp({ services, config, version: 'bench', log: () => {} });

let started = performance.now();
const imported = await app.request('/denials/import', {
  method: 'POST',
  headers: {
    authorization: `Bearer ${await token(world.actors.uk.userId)}`,
    'content-type': 'application/json',
  },
  body: JSON.stringify({ csv: syntheticDenialCsv(DENIALS), scope: { regimes: ['WA'] } }),
});
if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
const importSeconds = (performance.now() - started) / 1000;

// Half the names are denied parties (respelled by dropping a letter), half are not.
const names = Array.from({ length: QUERIES }, (_, i) =>
  i % 2 ? syntheticPartyName((i * 7919) % DENIALS).replace(/a/, '') : `Unlisted Person Number ${i} Holdings`,
);
const screen = async (bearer: string, name: string) => {
  const res = await app.request('/screen', {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 200) throw new Error(`screen failed: ${res.status}`);
  return (await res.json()) as { matches: { source: string }[] };
};

/** Milliseconds of one request. */
async function timed(bearer: string, name: string): Promise<{ ms: number; denialHit: boolean }> {
  const t = performance.now();
  const { matches } = await screen(bearer, name);
  return { ms: performance.now() - t, denialHit: matches.some((m) => m.source === 'denials') };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

started = performance.now();
await screen(agency, 'first agency request builds its denial index');
const firstAgencySeconds = (performance.now() - started) / 1000;
for (const name of names.slice(0, 10)) {
  await screen(exporter, name);
  await screen(agency, name);
}
// Exporter and agency take turns on each name, so a change in the machine's load falls on
// both; who goes first alternates, so neither profits more from what the other warmed.
const exporterMs: number[] = [];
const agencyMs: number[] = [];
let denialHits = 0;
for (const [i, name] of names.entries()) {
  const exporterFirst = Math.floor(i / 2) % 2 === 0;
  if (exporterFirst) exporterMs.push((await timed(exporter, name)).ms);
  const agencyRun = await timed(agency, name);
  agencyMs.push(agencyRun.ms);
  if (agencyRun.denialHit) denialHits++;
  if (!exporterFirst) exporterMs.push((await timed(exporter, name)).ms);
}
const pairRatios = agencyMs.map((ms, i) => ms / exporterMs[i]!);

const viewer = await world.sharing.denials.viewerOf(world.actors.de);
started = performance.now();
const visible = await world.sharing.denials.visibleTo(viewer);
const readAllMs = performance.now() - started;
started = performance.now();
for (let i = 0; i < 50; i++)
  await world.sharing.audit.append({
    actorUserId: world.actors.de.userId,
    actorOrgId: world.actors.de.orgId,
    ip: null,
    action: 'bench.audit',
    targetType: 'denial',
    targetId: null,
    outcome: 'ok',
    details: {},
  });
const auditMs = (performance.now() - started) / 50;

console.log(
  `machine: ${cpus().length} vCPU ${cpus()[0]?.model ?? ''}, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
);
console.log(`lists: ${LISTS} (${screening.state().parties} parties), screening workers: ${WORKERS}`);
console.log(`import of ${DENIALS} denials over HTTP: ${importSeconds.toFixed(1)} s`);
console.log(
  `first agency request (builds its index of ${visible.length} denials): ${firstAgencySeconds.toFixed(2)} s`,
);
console.log(
  `exporter POST /screen: median ${median(exporterMs).toFixed(2)} ms, mean ${mean(exporterMs).toFixed(2)} ms`,
);
console.log(
  `agency   POST /screen: median ${median(agencyMs).toFixed(2)} ms, mean ${mean(agencyMs).toFixed(2)} ms, ${denialHits}/${QUERIES} with a denial hit`,
);
console.log(
  `agency / exporter: ${(median(agencyMs) / median(exporterMs)).toFixed(2)}x of medians, ${(mean(agencyMs) / mean(exporterMs)).toFixed(2)}x of means, median of per-name ratios ${median(pairRatios).toFixed(2)}x (target ≤ 2x); index builds: ${world.sharing.denialScreens.builds}`,
);
console.log(`reading every visible denial (the old per-request read): ${readAllMs.toFixed(0)} ms`);
console.log(`one audit chain append (the audited read): ${auditMs.toFixed(2)} ms`);
await services.close();
