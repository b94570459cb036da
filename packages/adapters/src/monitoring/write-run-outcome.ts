import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import type { RunOutcome } from './monitor-records.ts';

/**
 * Rows per statement. Each page goes as one JSON parameter read with `jsonb_to_recordset`:
 * no parameter per column and row, so no statement of thousands of placeholders for Kysely to
 * build and the server to bind (docs/decisions/2026-12-04-monitoring-bulk-writes.md).
 */
export const WRITE_PAGE = 5000;

/**
 * A page as the text of a JSON array (one parameter), sent as its UTF-8 bytes (a `bytea`
 * parameter in binary format, read as text by `convert_from`, which checks the encoding as a text
 * parameter is checked). As a text parameter PGlite's client measured the UTF-8 length of the
 * whole page twice in JavaScript and encoded it through a buffer it grew as it went, ~10 % of a
 * full run's main-thread CPU (docs/decisions/2026-12-06-monitoring-page-bytes.md); `Buffer.from`
 * encodes it natively once. Read as `jsonb`, not `json`: the page is parsed once, and a row's
 * `jsonb` fields (a hit's match, an alert's listings) are taken from it as they are, where
 * `json_to_recordset` lexed them with the page and then parsed their text again
 * (docs/decisions/2026-12-07-monitoring-pages-as-jsonb.md).
 */
const json = (rows: unknown[]) =>
  sql`convert_from(${Buffer.from(JSON.stringify(rows), 'utf8')}::bytea, 'UTF8')::jsonb`;

/**
 * Writes a run's outcome inside the caller's transaction: upserts the current hits, raises
 * the new alerts (each with the note of its `raised` history entry on its row, migration 022),
 * brings undecided alerts up to date, drops the hits that are gone, and moves the organisation's
 * positions. An alert whose match is that of a stored hit (`matchOf`, or an update to a hit the
 * run writes or read `partial`) refers to that hit's row (`match` null) rather than holding a
 * second copy of its explanation; migration 022's triggers copy it in before the hit changes. Every kind of
 * row goes a page at a time (`pageSize` rows; tests make pages small) as one JSON parameter
 * (`jsonb_to_recordset`).
 */
export async function writeRunOutcome(
  tx: Kysely<Database>,
  orgId: string,
  runId: string,
  outcome: RunOutcome,
  pageSize = WRITE_PAGE,
  /** Told when the hits are written (the alerts follow), for benchmarks. */
  onStep?: (step: 'hits-written') => void,
): Promise<void> {
  function* pages<T>(rows: readonly T[]): Generator<T[]> {
    for (let i = 0; i < rows.length; i += pageSize) yield rows.slice(i, i + pageSize);
  }
  const written = new Set(outcome.upsertHits);
  // The hits first, then the alerts, which refer to the hit they show (`matchOf`: a row this run
  // writes, or a stored row the run read `partial`), and the gone hits last. Changing or deleting
  // a hit copies its stored match into the alerts that refer to it (migration 022's triggers).
  for (const page of pages(outcome.upsertHits))
    await sql`
      insert into monitor_hits
        (org_id, counterparty_id, entity_id, score, party_hash, counterparty_version, list_version_id, match)
      select ${orgId}, r.c, r.e, r.s, r.h, r.v, r.l, r.m
      from jsonb_to_recordset(${json(
        page.map((h) => ({
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
  onStep?.('hits-written');
  // A first or full run raises an alert per counterparty and subject (over 200,000 for the
  // synthetic register of 100,000): a page of alerts, each with its `raised` note on its row.
  for (const page of pages(outcome.newAlerts)) {
    await sql`
      insert into monitor_alerts
        (id, org_id, kind, state, counterparty_id, counterparty_name, entity_id, subject_id, subject_name,
         listings, not_listed_by, listed_name, matched_name, score, match, list_version_id, run_id, raised_note)
      select r.id, ${orgId}, r.kind, 'open', r.cp, r.cpn, r.e, r.sid, r.sn, r.ls, r.nl, r.ln, r.mn, r.s,
        r.m, r.l, ${runId}, r.note
      from jsonb_to_recordset(${json(
        page.map((a) => ({
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
          // Null: the match of the hit the alert shows (`matchOf` is always that hit, the alert's entity).
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
  for (const page of pages(outcome.updatedAlerts.filter((u) => u.hit))) {
    await sql`
      update monitor_alerts a set
        entity_id = r.e,
        subject_id = case when r.subj then r.sid else a.subject_id end,
        subject_name = case when r.subj then r.sn else a.subject_name end,
        listings = case when r.subj then r.ls else a.listings end,
        not_listed_by = case when r.subj then r.nl else a.not_listed_by end,
        score = r.s, matched_name = r.mn, listed_name = r.ln, list_version_id = r.l, updated_at = now(),
        match = r.m
      from jsonb_to_recordset(${json(
        page.map(({ id, hit, subject }) => ({
          id,
          e: hit!.entityId,
          subj: subject !== undefined,
          sid: subject?.subjectId ?? null,
          sn: subject?.subjectName ?? null,
          ls: subject?.listings ?? null,
          nl: subject?.notListedBy ?? null,
          s: hit!.score,
          mn: hit!.match.matchedName,
          ln: hit!.match.listedName,
          m: hit!.partial || written.has(hit!) ? null : hit!.match,
          l: hit!.listVersionId ?? null,
        })),
      )}) as r(id text, e text, subj boolean, sid text, sn text, ls jsonb, nl jsonb, s double precision,
               mn text, ln text, m jsonb, l integer)
      where a.id = r.id and a.org_id = ${orgId}`.execute(tx);
  }
  for (const page of pages(outcome.updatedAlerts))
    await sql`
      insert into monitor_alert_events (alert_id, by, type, comment)
      select r.id, 'monitor', 'updated', r.note
      from jsonb_to_recordset(${json(page.map((u) => ({ id: u.id, note: u.note })))}) as r(id text, note text)`.execute(
      tx,
    );
  for (const page of pages(outcome.deleteHits))
    await sql`
      delete from monitor_hits h
      using jsonb_to_recordset(${json(page.map((d) => ({ c: d.counterpartyId, e: d.entityId })))}) as d(c text, e text)
      where h.org_id = ${orgId} and h.counterparty_id = d.c and h.entity_id = d.e`.execute(tx);
  for (const [source, position] of Object.entries(outcome.positions))
    await tx
      .insertInto('monitor_state')
      .values({ org_id: orgId, source, position })
      .onConflict((oc) => oc.columns(['org_id', 'source']).doUpdateSet({ position }))
      .execute();
}
