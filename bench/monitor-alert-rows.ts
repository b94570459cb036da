/**
 * What a first full monitoring run writes per alert (issue 17, migration 022): the writer now
 * (`writeRunOutcome`: an alert that shows a hit refers to that hit's match, `match` null, and
 * keeps its `raised` note on its row) against the writer before it, kept here as the baseline
 * (each alert copies its hit's match in SQL and gets a `raised` row in `monitor_alert_events`).
 * Both write the same first-run outcome, in one transaction, pages of 1,000 rows as a full
 * run's overlapped pages do (`OVERLAP_WRITE_PAGE`), each into a fresh store of its own (PGlite in
 * a temporary directory; PostgreSQL with DATABASE_URL, a fresh schema each), alternating. Then
 * every alert is read back through `AlertStore.alerts` from both stores and compared (ids and
 * times aside): the readers must see the same alerts. Then a re-run changes every hit's match
 * (the worst case for the triggers that copy a hit's match into the alerts that refer to it).
 * Main-thread CPU is what PGlite costs (it runs on the main thread).
 *
 *   npx tsx bench/monitor-alert-rows.ts [--hits 60000] [--rounds 2]
 *   DATABASE_URL=postgres://… npx tsx bench/monitor-alert-rows.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Alert } from '../packages/core/src/index.ts';
import { CLI_SOURCE, openStore, sharingStoreFor, type Database } from '../packages/adapters/src/index.ts';
import { AlertStore } from '../packages/adapters/src/monitoring/alert-store.ts';
import { emptyRunOutcome, type RunOutcome } from '../packages/adapters/src/monitoring/monitor-records.ts';
import { OVERLAP_WRITE_PAGE } from '../packages/adapters/src/monitoring/run-monitoring.ts';
import { writeRunOutcome } from '../packages/adapters/src/monitoring/write-run-outcome.ts';
import { load, syntheticFirstOutcome } from './support/monitor-outcome.ts';
import { numberArg } from './support/args.ts';

const HITS = numberArg('hits', 60_000);
const ROUNDS = numberArg('rounds', 2);
const cpu = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

/**
 * A first run's outcome shaped like the adversarial register's at 100,000 (234,438 hits,
 * 184,078 alerts: about 1.27 hits an alert): hits with eight features, three explanation lines
 * and two programmes; an alert per counterparty and subject, showing its best hit (`matchOf`),
 * with its subject's listings, as `raise-alerts.ts` gives them.
 */
const firstOutcome = () =>
  syntheticFirstOutcome(HITS, (hit) => ({
    matchOf: { counterpartyId: hit.counterpartyId, entityId: hit.entityId },
    subjectId: `subject-${hit.entityId}`,
    listings: [
      {
        entityId: hit.entityId,
        source: hit.match.source,
        score: hit.score,
        listedName: hit.match.listedName,
      },
    ],
    notListedBy: ['un-sc'],
  }));

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::json`;

/**
 * The writer before migration 022, for a first run's outcome: the hits as now (the same
 * statement), then each page of alerts copying its hit's match in SQL, then their `raised` rows.
 */
async function writeBefore(tx: Kysely<Database>, orgId: string, runId: string, outcome: RunOutcome) {
  await writeRunOutcome(
    tx,
    orgId,
    runId,
    { ...emptyRunOutcome(), upsertHits: outcome.upsertHits },
    OVERLAP_WRITE_PAGE,
  );
  for (let i = 0; i < outcome.newAlerts.length; i += OVERLAP_WRITE_PAGE) {
    const page = outcome.newAlerts.slice(i, i + OVERLAP_WRITE_PAGE);
    const ids = page.map(() => randomUUID());
    await sql`
      insert into monitor_alerts
        (id, org_id, kind, state, counterparty_id, counterparty_name, entity_id, subject_id, subject_name,
         listings, not_listed_by, listed_name, matched_name, score, match, list_version_id, run_id)
      select r.id, ${orgId}, r.kind, 'open', r.cp, r.cpn, r.e, r.sid, r.sn, r.ls, r.nl, r.ln, r.mn, r.s,
        h.match, r.l, ${runId}
      from json_to_recordset(${json(
        page.map((a, k) => ({
          id: ids[k],
          kind: a.kind,
          cp: a.counterpartyId,
          cpn: a.counterpartyName,
          e: a.entityId,
          sid: a.subjectId,
          sn: a.subjectName ?? null,
          ls: a.listings,
          nl: a.notListedBy,
          ln: a.listedName,
          mn: a.matchedName,
          s: a.score,
          l: a.listVersionId ?? null,
        })),
      )}) as r(id text, kind text, cp text, cpn text, e text, sid text, sn text, ls jsonb, nl jsonb,
               ln text, mn text, s double precision, l integer)
      join monitor_hits h on h.org_id = ${orgId} and h.counterparty_id = r.cp and h.entity_id = r.e`.execute(
      tx,
    );
    await sql`
      insert into monitor_alert_events (alert_id, by, type, to_state, comment)
      select r.id, 'monitor', 'raised', 'open', r.note
      from json_to_recordset(${json(page.map((a, k) => ({ id: ids[k], note: a.note })))}) as r(id text, note text)`.execute(
      tx,
    );
  }
}

const writeNow = (tx: Kysely<Database>, orgId: string, runId: string, outcome: RunOutcome) =>
  writeRunOutcome(tx, orgId, runId, outcome, OVERLAP_WRITE_PAGE);

type Writer = typeof writeNow;

/** An alert as the readers give it, without what differs between two stores (ids, times). */
const comparable = (a: Alert) => ({
  ...a,
  id: undefined,
  orgId: undefined,
  createdAt: undefined,
  updatedAt: undefined,
  runId: undefined,
  events: a.events.map((e) => ({ ...e, at: e.at === a.createdAt ? 'created' : e.at })),
});

async function measure(writer: Writer) {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-alert-rows-'));
  const store = await openStore({
    dataDir: path.join(dir, 'db'),
    ...(process.env.DATABASE_URL
      ? { databaseUrl: process.env.DATABASE_URL, schema: `bench_alert_rows_${Date.now()}` }
      : {}),
  });
  try {
    const org = (await sharingStoreFor(store).orgs.createOrg({ name: 'Bench', kind: 'exporter' }, CLI_SOURCE))
      .id;
    const outcome = firstOutcome();
    let c0 = process.cpuUsage();
    let t0 = performance.now();
    await store.kysely.transaction().execute((tx) => writer(tx, org, 'run-1', outcome));
    const first = { wall: (performance.now() - t0) / 1000, cpu: cpu(c0) };
    c0 = process.cpuUsage();
    t0 = performance.now();
    const alerts = (await new AlertStore(store.kysely).alerts(org, { limit: 1_000_000 })).map(comparable);
    const read = { wall: (performance.now() - t0) / 1000, cpu: cpu(c0) };
    // A re-run that changes every hit's match and updates no alert.
    const again: RunOutcome = {
      ...emptyRunOutcome(),
      upsertHits: outcome.upsertHits.map((h) => ({ ...h, match: { ...h.match, explanation: ['changed'] } })),
    };
    c0 = process.cpuUsage();
    t0 = performance.now();
    await store.kysely.transaction().execute((tx) => writeNow(tx, org, 'run-2', again));
    const rerun = { wall: (performance.now() - t0) / 1000, cpu: cpu(c0) };
    const after = (await new AlertStore(store.kysely).alerts(org, { limit: 1_000_000 })).map(comparable);
    return { first, read, rerun, alerts, after };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); store ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; load ${load()}`,
);
const o = firstOutcome();
console.log(`outcome: ${o.upsertHits.length} hits, ${o.newAlerts.length} alerts`);
const f = (x: { wall: number; cpu: number }) => `${x.wall.toFixed(1)} s (CPU ${x.cpu.toFixed(1)} s)`;
for (let r = 0; r < ROUNDS; r++) {
  const results = [];
  for (const [name, writer] of [
    ['before (match copied, raised row)', writeBefore],
    ['now (match by hit, raised note on the alert)', writeNow],
  ] as const) {
    const m = await measure(writer);
    results.push(m);
    console.log(
      `${name}: first run ${f(m.first)}, every alert read ${f(m.read)}, re-run changing every hit's match ${f(m.rerun)}; load ${load()}`,
    );
  }
  const [a, b] = results as [Awaited<ReturnType<typeof measure>>, Awaited<ReturnType<typeof measure>>];
  const same = (x: unknown[], y: unknown[]) => JSON.stringify(x) === JSON.stringify(y);
  console.log(
    `  the readers see the same alerts: after the first run ${same(a.alerts, b.alerts)}, after the re-run ${same(a.after, b.after)} (${a.alerts.length} alerts)`,
  );
  if (!same(a.alerts, b.alerts) || !same(a.after, b.after)) process.exitCode = 1;
}
