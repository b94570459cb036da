/**
 * A full run's page statements (issue 17) read two ways, alternating in one process: with
 * `json_to_recordset` over the page cast to `json` (before 2026-12-07: the page lexed, then each
 * row's `jsonb` fields parsed again from their text) and with `jsonb_to_recordset` over it cast to
 * `jsonb` (`writeRunOutcome` now: parsed once). A synthetic first run's outcome
 * (bench/support/monitor-outcome.ts) written as a full run writes it while it screens: pages of
 * `OVERLAP_ROWS` hits and their alerts, one transaction, a fresh PGlite store each time; the main
 * thread's CPU (PGlite runs on it), and a digest of every hit and alert read back (the same in both).
 *
 *   npx tsx bench/monitor-page-jsonb.ts [--hits 30000] [--rounds 3]
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { CLI_SOURCE, openStore, sharingStoreFor } from '../packages/adapters/src/index.ts';
import type { Database } from '../packages/adapters/src/store/database.ts';
import { writeRunOutcome } from '../packages/adapters/src/monitoring/write-run-outcome.ts';
import { OVERLAP_ROWS, OVERLAP_WRITE_PAGE } from '../packages/adapters/src/monitoring/run-monitoring.ts';
import { emptyRunOutcome, type RunOutcome } from '../packages/adapters/src/monitoring/monitor-records.ts';
import { load, syntheticFirstOutcome } from './support/monitor-outcome.ts';
import { numberArg } from './support/args.ts';

const HITS = numberArg('hits', 30_000);
const ROUNDS = numberArg('rounds', 3);

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
    const page = emptyRunOutcome();
    page.upsertHits = outcome.upsertHits.slice(h, h + OVERLAP_ROWS);
    const last = new Set(page.upsertHits.map((x) => x.counterpartyId));
    while (a < outcome.newAlerts.length && last.has(outcome.newAlerts[a]!.counterpartyId))
      page.newAlerts.push(outcome.newAlerts[a++]!);
    pages.push(page);
  }
  return pages;
}

const asJson = (rows: unknown[]) =>
  sql`convert_from(${Buffer.from(JSON.stringify(rows), 'utf8')}::bytea, 'UTF8')::json`;

/** A page's hits and new alerts as `writeRunOutcome` wrote them before 2026-12-07 (`json_to_recordset`). */
async function writeAsJson(tx: Kysely<Database>, orgId: string, page: RunOutcome): Promise<void> {
  await sql`
    insert into monitor_hits
      (org_id, counterparty_id, entity_id, score, party_hash, counterparty_version, list_version_id, match)
    select ${orgId}, r.c, r.e, r.s, r.h, r.v, r.l, r.m
    from json_to_recordset(${asJson(
      page.upsertHits.map((h) => ({
        c: h.counterpartyId,
        e: h.entityId,
        s: h.score,
        h: h.partyHash,
        v: h.counterpartyVersion,
        l: h.listVersionId ?? null,
        m: h.match,
      })),
    )}) as r(c text, e text, s double precision, h text, v integer, l integer, m jsonb)
    on conflict (org_id, counterparty_id, entity_id) do update set
      score = excluded.score, party_hash = excluded.party_hash,
      counterparty_version = excluded.counterparty_version,
      list_version_id = excluded.list_version_id, match = excluded.match, updated_at = now()`.execute(tx);
  if (page.newAlerts.length === 0) return;
  await sql`
    insert into monitor_alerts
      (id, org_id, kind, state, counterparty_id, counterparty_name, entity_id, subject_id, subject_name,
       listings, not_listed_by, listed_name, matched_name, score, match, list_version_id, run_id, raised_note)
    select r.id, ${orgId}, r.kind, 'open', r.cp, r.cpn, r.e, r.sid, r.sn, r.ls, r.nl, r.ln, r.mn, r.s,
      r.m, r.l, ${'run-1'}, r.note
    from json_to_recordset(${asJson(
      page.newAlerts.map((a) => ({
        id: randomUUID(),
        kind: a.kind,
        cp: a.counterpartyId,
        cpn: a.counterpartyName,
        e: a.entityId,
        sid: a.subjectId ?? a.entityId,
        sn: a.subjectName ?? null,
        ls: a.listings ?? [
          { entityId: a.entityId, source: a.source, score: a.score, listedName: a.listedName },
        ],
        nl: a.notListedBy ?? [],
        ln: a.listedName,
        mn: a.matchedName,
        s: a.score,
        m: a.matchOf
          ? null
          : {
              features: a.features,
              explanation: a.explanation,
              programs: a.programs,
              source: a.source,
              listedName: a.listedName,
              matchedName: a.matchedName,
            },
        l: a.listVersionId ?? null,
        note: a.note,
      })),
    )}) as r(id text, kind text, cp text, cpn text, e text, sid text, sn text, ls jsonb, nl jsonb,
             ln text, mn text, s double precision, m jsonb, l integer, note text)`.execute(tx);
}

async function measure(
  variant: 'json' | 'jsonb',
  pages: RunOutcome[],
): Promise<{ cpu: number; digest: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-monitor-page-jsonb-'));
  const store = await openStore({ dataDir: path.join(dir, 'db') });
  try {
    const org = (await sharingStoreFor(store).orgs.createOrg({ name: 'Bench', kind: 'exporter' }, CLI_SOURCE))
      .id;
    const c0 = mainCpu();
    await store.kysely.transaction().execute(async (tx) => {
      for (const page of pages)
        if (variant === 'json') await writeAsJson(tx, org, page);
        else await writeRunOutcome(tx, org, 'run-1', page, OVERLAP_WRITE_PAGE);
    });
    const cpu = mainCpu() - c0;
    const hits = await sql<{ k: string }>`
      select (to_jsonb(h) - 'found_at' - 'updated_at' - 'org_id')::text as k
      from monitor_hits h order by counterparty_id, entity_id`.execute(store.kysely);
    const alerts = await sql<{ k: string }>`
      select (to_jsonb(a) - 'id' - 'org_id' - 'created_at' - 'updated_at')::text as k
      from monitor_alerts a order by counterparty_id, entity_id, kind`.execute(store.kysely);
    const digest = createHash('sha1')
      .update(hits.rows.map((r) => r.k).join('\n'))
      .update(alerts.rows.map((r) => r.k).join('\n'))
      .digest('hex')
      .slice(0, 12);
    return { cpu, digest: `${hits.rows.length} hits, ${alerts.rows.length} alerts, ${digest}` };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pages = pagesOf(syntheticFirstOutcome(HITS));
console.log(`${HITS} hits in ${pages.length} pages; ${ROUNDS} rounds; load ${load()}`);
const cpu = { json: [] as number[], jsonb: [] as number[] };
for (let round = 0; round < ROUNDS; round++)
  for (const variant of ['json', 'jsonb'] as const) {
    const r = await measure(variant, pages);
    cpu[variant].push(r.cpu);
    console.log(
      `round ${round + 1} ${variant}: main-thread CPU ${r.cpu.toFixed(2)} s; rows ${r.digest}; load ${load()}`,
    );
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `medians: json ${median(cpu.json).toFixed(2)} s, jsonb ${median(cpu.jsonb).toFixed(2)} s (×${(median(cpu.jsonb) / median(cpu.json)).toFixed(3)})`,
);
