import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  emptyRunCounts,
  type MonitorRun,
  type MonitorRunCounts,
  type MonitorRunRecord,
  type MonitorTrigger,
} from '@entente/core';
import type { Database } from '../store/database.ts';
import type { HitMatch, RunOutcome, StoredHit } from './monitor-records.ts';
import { writeRunOutcome } from './write-run-outcome.ts';
import { pagesOf } from './key-pages.ts';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);

type Row = Record<string, any>;

function runFromRow(r: Row): MonitorRun {
  return {
    id: r.id,
    orgId: r.org_id,
    trigger: r.trigger,
    state: r.state,
    target: r.target,
    done: r.done,
    total: r.total,
    counts: { ...emptyRunCounts(), ...(r.counts as Partial<MonitorRunCounts>) },
    startedAt: iso(r.started_at)!,
    ...(r.finished_at ? { finishedAt: iso(r.finished_at) } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.record ? { record: r.record as MonitorRunRecord } : {}),
  };
}

/** A `monitor_hits` row as a hit, with the match given. */
function hitOfRow(r: Row, match: HitMatch): StoredHit {
  return {
    counterpartyId: r.counterparty_id,
    entityId: r.entity_id,
    score: Number(r.score),
    partyHash: r.party_hash,
    counterpartyVersion: r.counterparty_version,
    ...(r.list_version_id !== null ? { listVersionId: r.list_version_id } : {}),
    match,
  };
}

/** A run that has not moved for this long is taken over by the next node that wants it. */
export const STALLED_RUN_SECONDS = 120;

/**
 * Monitoring's runs over Kysely, per organisation: what a run reads (the current hits, the
 * positions it starts from), its claim (one node per target), progress and end; a run's
 * hits, alerts and positions are written in one transaction.
 */
export class MonitorRunStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The organisation's current hits. */
  async hits(orgId: string): Promise<StoredHit[]> {
    const rows = await this.db.selectFrom('monitor_hits').selectAll().where('org_id', '=', orgId).execute();
    return rows.map((r: Row) => hitOfRow(r, r.match as HitMatch));
  }

  /**
   * The organisation's current hits as a run compares them: every column but the match, of
   * which only the source and names (`partial`: a run of 100,000 counterparties reads 200,000
   * hits, and their explanations are needed only for the few an alert shows again). The three
   * fields come out of one `jsonb_to_record` (each `->>` would decompress the match again).
   * With `counterpartyIds`, only their hits (a delta reads the counterparties it can touch); with
   * `entityIds` besides, only their hits on those listed parties (by the primary key: a delta reads
   * the counterparties that hit a removed party only on the subjects those parties belong to).
   */
  async runHits(
    orgId: string,
    counterpartyIds?: ReadonlySet<string>,
    entityIds?: ReadonlySet<string>,
  ): Promise<StoredHit[]> {
    const rows: Row[] = [];
    if (entityIds?.size === 0 || counterpartyIds?.size === 0) return [];
    const onEntities = entityIds ? sql` and h.entity_id in (${sql.join([...entityIds])})` : sql``;
    for (const page of pagesOf(counterpartyIds)) {
      const r = await sql<Row>`
        select h.counterparty_id, h.entity_id, h.score, h.party_hash, h.counterparty_version, h.list_version_id,
          m.source, m."listedName" as listed_name, m."matchedName" as matched_name
        from monitor_hits h
        cross join lateral jsonb_to_record(h.match) as m(source text, "listedName" text, "matchedName" text)
        where h.org_id = ${orgId}${page ? sql` and h.counterparty_id in (${sql.join(page)})` : sql``}${onEntities}`.execute(
        this.db,
      );
      // Not `push(...rows)`: a whole organisation's 230,000 hits overflow the call stack as arguments.
      for (const row of r.rows) rows.push(row);
    }
    return rows.map((r: Row) => ({
      ...hitOfRow(r, {
        source: r.source,
        listedName: r.listed_name,
        matchedName: r.matched_name,
        features: {},
        explanation: [],
        programs: [],
      }),
      partial: true,
    }));
  }

  /** The counterparties with a stored hit on one of these listed parties (by the entity index). */
  async counterpartiesHitting(orgId: string, entityIds: ReadonlySet<string>): Promise<Set<string>> {
    const out = new Set<string>();
    if (entityIds.size === 0) return out;
    for (const page of pagesOf(entityIds)) {
      const rows = await this.db
        .selectFrom('monitor_hits')
        .select('counterparty_id')
        .where('org_id', '=', orgId)
        .where('entity_id', 'in', page!)
        .execute();
      for (const r of rows) out.add(r.counterparty_id);
    }
    return out;
  }

  /**
   * The listed parties added or changed between two versions of a list (`changed`) and those
   * removed, by id, compared in SQL by content hash: what a delta needs of the lists' difference
   * (`diffVersions` brings every party's row of both versions to the process, and the data of the
   * changed ones).
   */
  async listingChanges(
    fromId: number,
    toId: number,
  ): Promise<{ changed: string[]; removed: string[]; removedNames: string[] }> {
    const r = await sql<{ entity_id: string; removed: boolean; old_name: string | null }>`
      select coalesce(n.entity_id, o.entity_id) as entity_id, n.entity_id is null as removed,
        o.name as old_name
      from (select entity_id, content_hash from parties where version_id = ${toId}) n
      full join (select entity_id, content_hash, name from parties where version_id = ${fromId}) o
        on o.entity_id = n.entity_id
      where n.content_hash is distinct from o.content_hash
      order by 1`.execute(this.db);
    const out = { changed: [] as string[], removed: [] as string[], removedNames: [] as string[] };
    for (const row of r.rows)
      if (row.removed) {
        out.removed.push(row.entity_id);
        out.removedNames.push(row.old_name ?? '');
      } else out.changed.push(row.entity_id);
    return out;
  }

  /** Up to which list version of each source (and `#register` change) the organisation's alerts are current. */
  async positions(orgId: string): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('monitor_state').selectAll().where('org_id', '=', orgId).execute();
    return new Map(rows.map((r: Row) => [r.source as string, Number(r.position)]));
  }

  /**
   * Claims the run that brings the organisation to `target`: inserts it, or takes over one
   * that failed or stalled. Undefined when another process has it (or it is done).
   */
  async claimRun(orgId: string, target: string, trigger: MonitorTrigger): Promise<MonitorRun | undefined> {
    const counts = JSON.stringify(emptyRunCounts());
    const inserted = await sql<Row>`
      insert into monitor_runs (id, org_id, target, trigger, state, counts)
      values (${randomUUID()}, ${orgId}, ${target}, ${trigger}, 'running', ${counts})
      on conflict (org_id, target) do nothing returning *`.execute(this.db);
    if (inserted.rows[0]) return runFromRow(inserted.rows[0]);
    const taken = await sql<Row>`
      update monitor_runs set state = 'running', error = null, done = 0, total = 0, counts = ${counts},
        trigger = ${trigger}, started_at = now(), heartbeat_at = now(), finished_at = null
      where org_id = ${orgId} and target = ${target}
        and (state = 'failed' or (state = 'running' and heartbeat_at < now() - make_interval(secs => ${STALLED_RUN_SECONDS})))
      returning *`.execute(this.db);
    return taken.rows[0] ? runFromRow(taken.rows[0]) : undefined;
  }

  /** Records a run's progress (and that it is alive). */
  async progress(runId: string, done: number, total: number, counts: MonitorRunCounts): Promise<void> {
    await this.db
      .updateTable('monitor_runs')
      .set({ done, total, counts: JSON.stringify(counts), heartbeat_at: sql`now()` })
      .where('id', '=', runId)
      .execute();
  }

  /** Marks a run failed with its error (its target can be claimed again). */
  async failRun(runId: string, error: string): Promise<void> {
    await this.db
      .updateTable('monitor_runs')
      .set({ state: 'failed', error: error.slice(0, 1000), finished_at: sql`now()` })
      .where('id', '=', runId)
      .execute();
  }

  /**
   * Writes a run's hits, alerts and positions and marks it done, in one transaction (rows
   * `pageSize` to a statement: `WRITE_PAGE` unless a test makes pages small).
   */
  async finishRun(
    orgId: string,
    run: MonitorRun,
    outcome: RunOutcome,
    counts: MonitorRunCounts,
    pageSize?: number,
    onStep?: (step: 'hits-written') => void,
    record?: MonitorRunRecord,
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await writeRunOutcome(tx, orgId, run.id, outcome, pageSize, onStep);
      await markRunDone(tx, run.id, counts, record);
    });
  }

  /**
   * A run's write that starts while the run still screens (`RunWrite`): pages of its outcome
   * go into one transaction as they are ready, and `finish` writes the rest, marks the run done
   * and commits; nothing is visible before, and a failure leaves the store as it was.
   * `oneConnection`: the store is one connection (PGlite), held by the open transaction, so the
   * run's progress goes through it.
   */
  openWrite(
    orgId: string,
    run: MonitorRun,
    options: { oneConnection: boolean; pageSize?: number },
  ): RunWrite {
    return new RunWrite(this, this.db, orgId, run, options.oneConnection, options.pageSize);
  }
  /** The organisation's runs, newest first. */
  async recent(orgId: string, limit = 20): Promise<MonitorRun[]> {
    const rows = await this.db
      .selectFrom('monitor_runs')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(runFromRow);
  }
}

/** Marks a run done with its counts (and record), in the run's write transaction. */
async function markRunDone(
  tx: Kysely<Database>,
  runId: string,
  counts: MonitorRunCounts,
  record?: MonitorRunRecord,
): Promise<void> {
  await tx
    .updateTable('monitor_runs')
    .set({
      state: 'done',
      counts: JSON.stringify(counts),
      ...(record ? { record: JSON.stringify(record) } : {}),
      finished_at: sql`now()`,
      heartbeat_at: sql`now()`,
    })
    .where('id', '=', runId)
    .execute();
}

/**
 * One run's write, overlapped with its screening (`MonitorRunStore.openWrite`): the
 * transaction opens with the first page and stays open until `finish` commits it or `abort`
 * rolls it back, so the run stays all-or-nothing as when it was written at the end
 * (docs/decisions/2026-12-04-monitoring-overlapped-write.md). On PGlite the open transaction
 * holds the store's one connection: other queries of the process wait for the commit.
 */
export class RunWrite {
  #tx: Promise<Kysely<Database>> | undefined;
  #end:
    | { resolve: (last: (tx: Kysely<Database>) => Promise<void>) => void; reject: (e: Error) => void }
    | undefined;
  #done: Promise<void> | undefined;

  constructor(
    private readonly runs: MonitorRunStore,
    private readonly db: Kysely<Database>,
    private readonly orgId: string,
    private readonly run: MonitorRun,
    private readonly oneConnection: boolean,
    private readonly pageSize?: number,
  ) {}

  /** Whether a page has opened the transaction. */
  get open(): boolean {
    return this.#tx !== undefined;
  }

  #open(): Promise<Kysely<Database>> {
    this.#tx ??= new Promise((gotTx, failed) => {
      this.#done = this.db.transaction().execute(async (tx) => {
        const last = new Promise<(tx: Kysely<Database>) => Promise<void>>(
          (resolve, reject) => (this.#end = { resolve, reject }),
        );
        gotTx(tx);
        await (
          await last
        )(tx);
      });
      // A transaction that fails to begin fails the first page; later failures reach `finish`.
      this.#done.catch(failed);
    });
    return this.#tx;
  }

  /** Writes a page of the outcome (its hits, alerts and gone hits; not its positions). */
  async write(page: RunOutcome): Promise<void> {
    const tx = await this.#open();
    await writeRunOutcome(tx, this.orgId, this.run.id, { ...page, positions: {} }, this.pageSize);
  }

  /** Records the run's progress: through the open transaction when the store is one connection. */
  async progress(done: number, total: number, counts: MonitorRunCounts): Promise<void> {
    if (!(this.#tx && this.oneConnection)) return this.runs.progress(this.run.id, done, total, counts);
    await (
      await this.#tx
    )
      .updateTable('monitor_runs')
      .set({ done, total, counts: JSON.stringify(counts), heartbeat_at: sql`now()` })
      .where('id', '=', this.run.id)
      .execute();
  }

  /** Writes the rest of the outcome (with the positions), marks the run done and commits. */
  async finish(
    rest: RunOutcome,
    counts: MonitorRunCounts,
    record?: MonitorRunRecord,
    onStep?: (step: 'hits-written') => void,
  ): Promise<void> {
    const last = async (tx: Kysely<Database>) => {
      await writeRunOutcome(tx, this.orgId, this.run.id, rest, this.pageSize, onStep);
      await markRunDone(tx, this.run.id, counts, record);
    };
    if (!this.#tx) return this.db.transaction().execute(last);
    await this.#open();
    this.#end!.resolve(last);
    await this.#done;
  }

  /** Rolls back what the pages wrote (nothing stays of the run's outcome). */
  async abort(): Promise<void> {
    if (!this.#tx) return;
    await this.#tx.catch(() => {});
    this.#end?.reject(new Error('monitoring run failed'));
    await this.#done?.catch(() => {});
  }
}
