/**
 * What the indexes of `monitor_alerts` and `monitor_hits` cost a full run's write (issue 17).
 * A synthetic first run's outcome (bench/support/monitor-outcome.ts, shaped like the adversarial
 * register's) is written as a full run writes it while it screens: `writeRunOutcome` a page of
 * `OVERLAP_ROWS` hits and their alerts at a time (`OVERLAP_WRITE_PAGE` rows a statement), all in
 * one transaction, into a fresh PGlite store each time; the schema's variants alternate, in
 * rounds (old, new, old, new, …). The main thread's CPU (PGlite runs on it) per variant, and
 * the rows read back (every alert's and hit's keys and values must be the same in all variants).
 *
 *   npx tsx bench/monitor-write-indexes.ts [--hits 60000] [--rounds 2] [--variants as-is,no-pair]
 *   variants: as-is (the schema on this checkout); no-pair (monitor_alerts_pair_idx dropped);
 *   no-secondary (every index of both tables but the primary keys dropped: the bound); deferred
 *   (those dropped at the start of the run's transaction and made again at its end)
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { CLI_SOURCE, openStore, sharingStoreFor } from '../packages/adapters/src/index.ts';
import { writeRunOutcome } from '../packages/adapters/src/monitoring/write-run-outcome.ts';
import { OVERLAP_ROWS, OVERLAP_WRITE_PAGE } from '../packages/adapters/src/monitoring/run-monitoring.ts';
import { emptyRunOutcome, type RunOutcome } from '../packages/adapters/src/monitoring/monitor-records.ts';
import { load, syntheticFirstOutcome } from './support/monitor-outcome.ts';
import { numberArg } from './support/args.ts';

const HITS = numberArg('hits', 60_000);
const ROUNDS = numberArg('rounds', 2);
const VARIANTS = (
  process.argv.includes('--variants')
    ? process.argv[process.argv.indexOf('--variants') + 1]!
    : 'as-is,no-pair'
).split(',');

/** The secondary indexes of both tables (migrations 011 and 018), and how they are made. */
const SECONDARY = [
  'monitor_alerts_pair_idx',
  'monitor_alerts_subject_idx',
  'monitor_alerts_org_state_idx',
  'monitor_hits_entity_idx',
];
const SECONDARY_DDL = [
  'create index monitor_alerts_pair_idx on monitor_alerts (org_id, counterparty_id, entity_id)',
  'create index monitor_alerts_subject_idx on monitor_alerts (org_id, counterparty_id, subject_id)',
  'create index monitor_alerts_org_state_idx on monitor_alerts (org_id, state, created_at)',
  'create index monitor_hits_entity_idx on monitor_hits (org_id, entity_id)',
];

/** The main thread's CPU seconds (Linux: utime + stime of its task, in ticks of 1/100 s). */
const mainCpu = (): number => {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** The outcome in pages as a full run writes them while it screens: ~OVERLAP_ROWS hits and their alerts each. */
function pagesOf(outcome: RunOutcome): RunOutcome[] {
  const pages: RunOutcome[] = [];
  let a = 0;
  for (let h = 0; h < outcome.upsertHits.length; h += OVERLAP_ROWS) {
    const hits = outcome.upsertHits.slice(h, h + OVERLAP_ROWS);
    const last = new Set(hits.map((x) => x.counterpartyId));
    const page = emptyRunOutcome();
    page.upsertHits = hits;
    while (a < outcome.newAlerts.length && last.has(outcome.newAlerts[a]!.counterpartyId))
      page.newAlerts.push(outcome.newAlerts[a++]!);
    pages.push(page);
  }
  return pages;
}

async function measure(
  variant: string,
  pages: RunOutcome[],
): Promise<{ cpu: number; wall: number; wal: number; digest: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-monitor-write-indexes-'));
  const store = await openStore({ dataDir: path.join(dir, 'db') });
  try {
    const org = (await sharingStoreFor(store).orgs.createOrg({ name: 'Bench', kind: 'exporter' }, CLI_SOURCE))
      .id;
    if (variant === 'no-pair' || variant === 'no-secondary')
      await sql`drop index if exists monitor_alerts_pair_idx`.execute(store.kysely);
    if (variant === 'no-secondary') {
      await sql`drop index if exists monitor_alerts_subject_idx`.execute(store.kysely);
      await sql`drop index if exists monitor_alerts_org_state_idx`.execute(store.kysely);
      await sql`drop index if exists monitor_hits_entity_idx`.execute(store.kysely);
    }
    const lsn = async () =>
      (await sql<{ l: string }>`select pg_current_wal_lsn()::text as l`.execute(store.kysely)).rows[0]!.l;
    const l0 = await lsn();
    const c0 = mainCpu();
    const t0 = performance.now();
    await store.kysely.transaction().execute(async (tx) => {
      if (variant === 'deferred')
        for (const name of SECONDARY) await sql`drop index ${sql.id(name)}`.execute(tx);
      for (const page of pages) await writeRunOutcome(tx, org, 'run-1', page, OVERLAP_WRITE_PAGE);
      if (variant === 'deferred') for (const ddl of SECONDARY_DDL) await sql.raw(ddl).execute(tx);
    });
    const cpu = mainCpu() - c0;
    const wall = (performance.now() - t0) / 1000;
    // The WAL the transaction wrote (a count: what PGlite wrote to its files, beside its CPU).
    const wal = Number(
      (
        await sql<{
          b: string;
        }>`select pg_wal_lsn_diff(pg_current_wal_lsn(), ${l0}::pg_lsn)::text as b`.execute(store.kysely)
      ).rows[0]!.b,
    );
    const hits = await sql<{ k: string }>`
      select counterparty_id || '|' || entity_id || '|' || score || '|' || match::text as k
      from monitor_hits order by counterparty_id, entity_id`.execute(store.kysely);
    const alerts = await sql<{ k: string }>`
      select kind || '|' || counterparty_id || '|' || entity_id || '|' || subject_id || '|' || score || '|' ||
        listings::text || '|' || coalesce(match::text, '-') || '|' || raised_note as k
      from monitor_alerts order by counterparty_id, entity_id, kind`.execute(store.kysely);
    const digest = createHash('sha1')
      .update(hits.rows.map((r) => r.k).join('\n'))
      .update(alerts.rows.map((r) => r.k).join('\n'))
      .digest('hex')
      .slice(0, 12);
    return { cpu, wall, wal, digest };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const outcome = syntheticFirstOutcome(HITS);
const pages = pagesOf(outcome);
console.log(
  `${outcome.upsertHits.length} hits, ${outcome.newAlerts.length} alerts in ${pages.length} pages; variants ${VARIANTS.join(', ')}; ${ROUNDS} rounds; load ${load()}`,
);
const cpu = new Map<string, number[]>(VARIANTS.map((v) => [v, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const variant of VARIANTS) {
    const r = await measure(variant, pages);
    cpu.get(variant)!.push(r.cpu);
    console.log(
      `round ${round + 1} ${variant}: main-thread CPU ${r.cpu.toFixed(2)} s, wall ${r.wall.toFixed(2)} s, WAL ${(r.wal / 2 ** 20).toFixed(1)} MiB; rows digest ${r.digest}; load ${load()}`,
    );
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(cpu.get(VARIANTS[0]!)!);
for (const [v, xs] of cpu)
  console.log(`${v}: median main-thread CPU ${median(xs).toFixed(2)} s (×${(median(xs) / base).toFixed(3)})`);
