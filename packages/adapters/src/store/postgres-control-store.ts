import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  ControlEntry,
  ControlList,
  ControlListId,
  ControlListStore,
  ControlListVersionInfo,
  Correspondence,
} from '@entente/core';
import { canonicalJson, contentHash } from './content-hash.ts';
import type { ControlListVersionRow } from './control-tables.ts';
import type { Database } from './database.ts';

/** Rows per INSERT statement when writing entries. */
const INSERT_BATCH = 400;
const CROSSWALK_META_KEY = 'control-crosswalk-hash';

function versionFromRow(row: Selectable<ControlListVersionRow>): ControlListVersionInfo {
  return {
    id: row.id,
    listId: row.list_id as ControlListId,
    version: row.version,
    validFrom: row.valid_from,
    ...(row.valid_to ? { validTo: row.valid_to } : {}),
    contentHash: row.content_hash,
    entryCount: row.entry_count,
  };
}

/** The text full-text and trigram search runs over: code, heading and text. */
export function entrySearchText(entry: ControlEntry): string {
  return [entry.code, entry.heading, entry.text ?? ''].join(' ').trim();
}

/** The control-list half of the store, over any Kysely Postgres dialect (PGlite or pg). */
export class PostgresControlStore implements ControlListStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async saveControlList(list: ControlList): Promise<{ version: ControlListVersionInfo; created: boolean }> {
    const hash = contentHash(list);
    return this.db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('control_list_versions')
        .selectAll()
        .where('list_id', '=', list.id)
        .where('content_hash', '=', hash)
        .executeTakeFirst();
      if (existing) return { version: versionFromRow(existing), created: false };
      const row = await tx
        .insertInto('control_list_versions')
        .values({
          list_id: list.id,
          version: list.version,
          name: list.name,
          jurisdiction: list.jurisdiction ?? null,
          valid_from: list.validFrom,
          valid_to: list.validTo ?? null,
          content_hash: hash,
          source: canonicalJson(list.source),
          header: canonicalJson(list.header),
          entry_count: list.entries.length,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (let i = 0; i < list.entries.length; i += INSERT_BATCH) {
        const rows = list.entries.slice(i, i + INSERT_BATCH).map((e) => ({
          version_id: row.id,
          code: e.code,
          parent: e.parent ?? null,
          heading: e.heading,
          search_text: entrySearchText(e),
          data: canonicalJson(e),
        }));
        await tx.insertInto('control_entries').values(rows).execute();
      }
      return { version: versionFromRow(row), created: true };
    });
  }

  async listControlVersions(listId?: ControlListId): Promise<ControlListVersionInfo[]> {
    let q = this.db.selectFrom('control_list_versions').selectAll();
    if (listId) q = q.where('list_id', '=', listId);
    const rows = await q.orderBy('list_id').orderBy('valid_from', 'desc').orderBy('id', 'desc').execute();
    return rows.map(versionFromRow);
  }

  /** The version ids in force on `at` (newest per list when omitted). */
  async currentVersionIds(at?: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('control_list_versions')
      .select(['id', 'list_id', 'valid_from', 'valid_to'])
      .orderBy('valid_from', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const chosen = new Map<string, number>();
    for (const r of rows) {
      if (chosen.has(r.list_id)) continue;
      if (at && !(r.valid_from <= at && (r.valid_to === null || at < r.valid_to))) continue;
      chosen.set(r.list_id, r.id);
    }
    return [...chosen.values()];
  }

  async controlLists(at?: string): Promise<ControlList[]> {
    const ids = await this.currentVersionIds(at);
    if (ids.length === 0) return [];
    const versions = await this.db
      .selectFrom('control_list_versions')
      .selectAll()
      .where('id', 'in', ids)
      .execute();
    const entries = await this.db
      .selectFrom('control_entries')
      .select(['version_id', 'data'])
      .where('version_id', 'in', ids)
      .orderBy('version_id')
      .orderBy('code')
      .execute();
    return versions.map((v) => ({
      id: v.list_id as ControlListId,
      ...(v.jurisdiction ? { jurisdiction: v.jurisdiction as ControlList['jurisdiction'] } : {}),
      name: v.name,
      version: v.version,
      validFrom: v.valid_from,
      ...(v.valid_to ? { validTo: v.valid_to } : {}),
      source: v.source as ControlList['source'],
      header: v.header as ControlList['header'],
      entries: entries.filter((e) => e.version_id === v.id).map((e) => e.data as ControlEntry),
    }));
  }

  async replaceCorrespondences(
    correspondences: Correspondence[],
  ): Promise<{ created: boolean; count: number }> {
    const sorted = [...correspondences].sort((a, b) => (`${a.from}|${a.to}` < `${b.from}|${b.to}` ? -1 : 1));
    const hash = contentHash(sorted);
    return this.db.transaction().execute(async (tx) => {
      const meta = await tx
        .selectFrom('meta')
        .select('value')
        .where('key', '=', CROSSWALK_META_KEY)
        .executeTakeFirst();
      if (meta?.value === hash) return { created: false, count: sorted.length };
      await tx.deleteFrom('control_correspondences').execute();
      for (let i = 0; i < sorted.length; i += INSERT_BATCH) {
        const rows = sorted.slice(i, i + INSERT_BATCH).map((c) => ({
          from_id: c.from,
          to_id: c.to,
          type: c.type,
          basis: c.basis,
          note: c.note ?? null,
          warning: c.warning ?? null,
          source: c.source ? JSON.stringify(c.source) : null,
        }));
        await tx.insertInto('control_correspondences').values(rows).execute();
      }
      await sql`insert into meta (key, value) values (${CROSSWALK_META_KEY}, ${JSON.stringify(hash)})
        on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(tx);
      return { created: true, count: sorted.length };
    });
  }

  async correspondences(entryId?: string): Promise<Correspondence[]> {
    let q = this.db.selectFrom('control_correspondences').selectAll();
    if (entryId) q = q.where((eb) => eb.or([eb('from_id', '=', entryId), eb('to_id', '=', entryId)]));
    const rows = await q.orderBy('from_id').orderBy('to_id').execute();
    return rows.map((r) => ({
      from: r.from_id,
      to: r.to_id,
      type: r.type as Correspondence['type'],
      basis: r.basis as Correspondence['basis'],
      ...(r.note ? { note: r.note } : {}),
      ...(r.warning ? { warning: r.warning } : {}),
      ...(r.source ? { source: r.source } : {}),
    }));
  }
}
