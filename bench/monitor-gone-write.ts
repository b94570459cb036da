/**
 * What a delta's write costs for its gone hits (issue 17): a PGlite store of N hits, each with an
 * alert that refers to its match (match null, migration 022), and the delete of G of them as the
 * writer does it (`writeRunOutcome`: one statement per page from a JSON parameter), inside a
 * transaction rolled back after each try, with the triggers the store's migrations installed.
 * Prints the delete's wall time per try, the alerts it gave their match to, and the plans.
 *
 *   npx tsx bench/monitor-gone-write.ts [--hits 230000] [--gone 1700] [--tries 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../packages/adapters/src/index.ts';
import { numberArg } from './support/args.ts';

const HITS = numberArg('hits', 230_000);
const GONE = numberArg('gone', 1_700);
const TRIES = numberArg('tries', 5);

const dir = mkdtempSync(path.join(tmpdir(), 'gone-write-'));
const store = await openStore({ dataDir: dir });
try {
  const db = store.kysely;
  await sql`insert into organisations (id, name, kind, created_at) values ('o', 'O', 'exporter', '2026-12-06')`.execute(
    db,
  );
  const match = {
    features: { name: 0.9 },
    explanation: Array.from({ length: 8 }, (_, i) => `line ${i} of the explanation`),
    programs: ['X'],
  };
  for (let i = 0; i < HITS; i += 5000) {
    const rows = Array.from({ length: Math.min(5000, HITS - i) }, (_, k) => ({
      c: `cp-${Math.floor((i + k) / 2)}`,
      e: `src:${(i + k) % 9000}-${i + k}`,
    }));
    await sql`insert into monitor_hits (org_id, counterparty_id, entity_id, score, party_hash, counterparty_version, match)
      select 'o', r.c, r.e, 0.9, 'h', 1, ${JSON.stringify(match)}::jsonb
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(c text, e text)`.execute(db);
    await sql`insert into monitor_alerts (id, org_id, kind, state, counterparty_id, counterparty_name, entity_id,
        listed_name, matched_name, score, match)
      select 'a-' || r.c || r.e, 'o', 'new', 'open', r.c, r.c, r.e, 'x', 'y', 0.9, null
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(c text, e text)`.execute(db);
  }
  if (process.argv.includes('--statement-trigger'))
    await sql
      .raw(
        `
      drop trigger monitor_hit_deleted on monitor_hits;
      create function monitor_hits_gone_keep_match() returns trigger language plpgsql as $$
      begin
        update monitor_alerts a set match = g.match from gone g
        where a.org_id = g.org_id and a.counterparty_id = g.counterparty_id and a.entity_id = g.entity_id
          and a.match is null;
        return null;
      end $$;
      create trigger monitor_hits_gone after delete on monitor_hits referencing old table as gone
        for each statement execute function monitor_hits_gone_keep_match();`,
      )
      .execute(db);
  const analyse = process.argv.includes('--analyze');
  if (analyse) await sql`analyze`.execute(db);
  const gone = Array.from({ length: GONE }, (_, k) => {
    const i = Math.floor((k * HITS) / GONE);
    return { c: `cp-${Math.floor(i / 2)}`, e: `src:${i % 9000}-${i}` };
  });
  const del = (ids: typeof gone) => sql`
      delete from monitor_hits h
      using json_to_recordset(${JSON.stringify(ids)}::json) as d(c text, e text)
      where h.org_id = 'o' and h.counterparty_id = d.c and h.entity_id = d.e`;
  const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers off) ${del(gone)}`.execute(db);
  console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  for (let t = 0; t < TRIES; t++) {
    let copied = 0;
    let ms = 0;
    await db
      .transaction()
      .execute(async (tx) => {
        const t0 = performance.now();
        await del(gone).execute(tx);
        ms = performance.now() - t0;
        copied = Number(
          (
            await sql<{
              n: string;
            }>`select count(*) as n from monitor_alerts where match is not null`.execute(tx)
          ).rows[0]!.n,
        );
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    console.log(
      `delete of ${GONE} hits (of ${HITS}): ${ms.toFixed(0)} ms; ${copied} alerts given their match`,
    );
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
