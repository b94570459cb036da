import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import type { RunOutcome } from './monitor-records.ts';

/** Rows per statement: 500 alerts of 17 columns stay far below PostgreSQL's 65,535 parameters. */
const PAGE = 500;

function* pages<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += PAGE) yield rows.slice(i, i + PAGE);
}

/**
 * Writes a run's outcome inside the caller's transaction: drops the hits that are gone,
 * upserts the current ones, raises the new alerts (each with its `raised` history entry),
 * brings undecided alerts up to date, and moves the organisation's positions.
 */
export async function writeRunOutcome(
  tx: Kysely<Database>,
  orgId: string,
  runId: string,
  outcome: RunOutcome,
): Promise<void> {
  for (const page of pages(outcome.deleteHits))
    await tx
      .deleteFrom('monitor_hits')
      .where('org_id', '=', orgId)
      .where((eb) =>
        eb(
          eb.refTuple('counterparty_id', 'entity_id'),
          'in',
          page.map((d) => eb.tuple(d.counterpartyId, d.entityId)),
        ),
      )
      .execute();
  for (const page of pages(outcome.upsertHits)) {
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
  }
  // A first or full run raises an alert per hit (over 100,000 for a large register): one
  // statement per page, not two per alert.
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
          ...(u.subject
            ? {
                subject_id: u.subject.subjectId,
                subject_name: u.subject.subjectName ?? null,
                listings: JSON.stringify(u.subject.listings),
                not_listed_by: JSON.stringify(u.subject.notListedBy),
              }
            : {}),
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
  for (const [source, position] of Object.entries(outcome.positions))
    await tx
      .insertInto('monitor_state')
      .values({ org_id: orgId, source, position })
      .onConflict((oc) => oc.columns(['org_id', 'source']).doUpdateSet({ position }))
      .execute();
}
