/**
 * Writing a monitoring run's outcome (issue 17): the hits, alerts and their `raised` entries of
 * a full run, written in one transaction by `writeRunOutcome` (a page of rows as one JSON
 * parameter read with `json_to_recordset`) against the writer before (Kysely multi-row VALUES,
 * 500 rows and up to 8,500 parameters per statement), kept here as the baseline. Each writer
 * writes the same outcome into a fresh store of its own (PGlite in a temporary directory, as
 * `entente` uses it; PostgreSQL with DATABASE_URL, a fresh schema each), twice: the first run's
 * inserts, then a full re-run that upserts every hit again (on conflict) and updates every alert.
 * The outcome is synthetic, shaped like the synthetic register's (bench/monitor-store.ts):
 * about 1.26 hits per alert, matches of eight features, three explanation lines, two programmes.
 *
 *   npx tsx bench/monitor-write.ts [--hits 50000] [--rounds 1]
 *   DATABASE_URL=postgres://… npx tsx bench/monitor-write.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { CLI_SOURCE, openStore, sharingStoreFor, type Database } from '../packages/adapters/src/index.ts';
import type { RunOutcome } from '../packages/adapters/src/monitoring/monitor-records.ts';
import { writeRunOutcome } from '../packages/adapters/src/monitoring/write-run-outcome.ts';
import { load, syntheticFirstOutcome } from './support/monitor-outcome.ts';
import { numberArg } from './support/args.ts';

const HITS = numberArg('hits', 50_000);
const ROUNDS = numberArg('rounds', 1);

const firstOutcome = () => syntheticFirstOutcome(HITS);

/** The writer before: Kysely multi-row VALUES, 500 rows a statement, an UPDATE per updated alert. */
async function writeByValues(tx: Kysely<Database>, orgId: string, runId: string, outcome: RunOutcome) {
  const PAGE = 500;
  const pages = function* <T>(rows: T[]) {
    for (let i = 0; i < rows.length; i += PAGE) yield rows.slice(i, i + PAGE);
  };
  for (const page of pages(outcome.upsertHits))
    await tx
      .insertInto('monitor_hits')
      .values(
        page.map((h) => ({
          org_id: orgId,
          counterparty_id: h.counterpartyId,
          entity_id: h.entityId,
          score: h.score,
          party_hash: h.partyHash,
          counterparty_version: h.counterpartyVersion,
          list_version_id: h.listVersionId ?? null,
          match: JSON.stringify(h.match),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['org_id', 'counterparty_id', 'entity_id']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          party_hash: eb.ref('excluded.party_hash'),
          counterparty_version: eb.ref('excluded.counterparty_version'),
          list_version_id: eb.ref('excluded.list_version_id'),
          match: eb.ref('excluded.match'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  for (const page of pages(outcome.newAlerts)) {
    const ids = page.map(() => randomUUID());
    await tx
      .insertInto('monitor_alerts')
      .values(
        page.map((a, i) => ({
          id: ids[i]!,
          org_id: orgId,
          kind: a.kind,
          state: 'open',
          counterparty_id: a.counterpartyId,
          counterparty_name: a.counterpartyName,
          entity_id: a.entityId,
          subject_id: a.subjectId ?? a.entityId,
          subject_name: a.subjectName ?? null,
          listings: JSON.stringify(
            a.listings ?? [
              { entityId: a.entityId, source: a.source, score: a.score, listedName: a.listedName },
            ],
          ),
          not_listed_by: JSON.stringify(a.notListedBy ?? []),
          listed_name: a.listedName,
          matched_name: a.matchedName,
          score: a.score,
          match: JSON.stringify({
            features: a.features,
            explanation: a.explanation,
            programs: a.programs,
            source: a.source,
            listedName: a.listedName,
            matchedName: a.matchedName,
          }),
          list_version_id: a.listVersionId ?? null,
          run_id: runId,
        })),
      )
      .execute();
    await tx
      .insertInto('monitor_alert_events')
      .values(
        page.map((a, i) => ({
          alert_id: ids[i]!,
          by: 'monitor',
          type: 'raised',
          to_state: 'open',
          comment: a.note,
        })),
      )
      .execute();
  }
  for (const u of outcome.updatedAlerts)
    if (u.hit)
      await tx
        .updateTable('monitor_alerts')
        .set({
          entity_id: u.hit.entityId,
          score: u.hit.score,
          matched_name: u.hit.match.matchedName,
          listed_name: u.hit.match.listedName,
          match: JSON.stringify(u.hit.match),
          list_version_id: u.hit.listVersionId ?? null,
          updated_at: sql`now()`,
        })
        .where('id', '=', u.id)
        .where('org_id', '=', orgId)
        .execute();
  for (const page of pages(outcome.updatedAlerts))
    await tx
      .insertInto('monitor_alert_events')
      .values(page.map((u) => ({ alert_id: u.id, by: 'monitor', type: 'updated', comment: u.note })))
      .execute();
}

type Writer = (tx: Kysely<Database>, orgId: string, runId: string, outcome: RunOutcome) => Promise<void>;

/** Writes the first run's outcome, then a re-run's (every hit upserted again, every alert updated); seconds of each. */
async function measure(writer: Writer): Promise<{ first: number; again: number; cpu: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-monitor-write-'));
  // On PostgreSQL a fresh schema each (left behind: point DATABASE_URL at a throw-away database).
  const store = await openStore({
    dataDir: path.join(dir, 'db'),
    ...(process.env.DATABASE_URL
      ? { databaseUrl: process.env.DATABASE_URL, schema: `bench_write_${Date.now()}` }
      : {}),
  });
  try {
    const org = (await sharingStoreFor(store).orgs.createOrg({ name: 'Bench', kind: 'exporter' }, CLI_SOURCE))
      .id;
    const outcome = firstOutcome();
    const c0 = process.cpuUsage();
    let t0 = performance.now();
    await store.kysely.transaction().execute((tx) => writer(tx, org, 'run-1', outcome));
    const first = (performance.now() - t0) / 1000;
    const alerts = await store.kysely
      .selectFrom('monitor_alerts')
      .select('id')
      .where('org_id', '=', org)
      .execute();
    const again: RunOutcome = {
      ...outcome,
      newAlerts: [],
      upsertHits: outcome.upsertHits.map((h) => ({ ...h, score: h.score - 0.01 })),
      updatedAlerts: alerts.map((a, i) => ({ id: a.id, hit: outcome.upsertHits[i]!, note: 'score changed' })),
    };
    t0 = performance.now();
    await store.kysely.transaction().execute((tx) => writer(tx, org, 'run-2', again));
    const c = process.cpuUsage(c0);
    return { first, again: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); store ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; ${HITS} hits; load ${load()}`,
);
const o = firstOutcome();
console.log(`outcome: ${o.upsertHits.length} hits, ${o.newAlerts.length} alerts (and as many events)`);
for (let r = 0; r < ROUNDS; r++)
  for (const [name, writer] of [
    ['VALUES, 500 rows a statement (before)', writeByValues],
    ['json_to_recordset, a page a parameter', writeRunOutcome],
  ] as const) {
    const m = await measure(writer);
    console.log(
      `${name}: first run ${m.first.toFixed(1)} s, re-run (upserts, alert updates) ${m.again.toFixed(1)} s, process CPU ${m.cpu.toFixed(1)} s; load ${load()}`,
    );
  }
