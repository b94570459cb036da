import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import {
  DomainError,
  partyEntityId,
  primaryName,
  type ListDiff,
  type ListVersion,
  type NewListVersion,
  type Party,
  type PartyListStore,
  type SaveListVersionResult,
  type StoredParty,
} from '@entente/core';
import { canonicalJson, contentHash } from './content-hash.ts';
import type { Database, ListVersionRow } from './database.ts';

/**
 * Rows per INSERT when writing parties. Each batch goes as one array per column
 * (`unnest`): a few parameters instead of eight per row, which measured about
 * 1.5× faster than multi-row VALUES on PGlite (see docs/benchmarks.md).
 */
const INSERT_BATCH = 500;
/** How many warnings are kept verbatim with a version (all are counted). */
const WARNING_SAMPLE = 200;

function versionFromRow(row: Selectable<ListVersionRow>): ListVersion {
  return {
    id: row.id,
    source: row.source,
    publishedAt: row.published_at,
    importedAt: new Date(row.imported_at).toISOString(),
    contentHash: row.content_hash,
    format: row.format,
    recordCount: row.record_count,
    warningCount: row.warning_count,
    warningsByKind: row.warnings_by_kind,
    files: row.files,
  };
}

function countByKind(warnings: NewListVersion['warnings']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of warnings) counts[w.kind] = (counts[w.kind] ?? 0) + 1;
  return counts;
}

/** Top-level party fields whose values differ. */
function changedFields(a: Party, b: Party): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter(
      (k) =>
        canonicalJson((a as unknown as Record<string, unknown>)[k]) !==
        canonicalJson((b as unknown as Record<string, unknown>)[k]),
    )
    .sort();
}

/** The hash of a whole version: of its parties' hashes, in sorted order (row order does not matter). */
function listContentHash(partyHashes: string[]): string {
  return contentHash([...partyHashes].sort());
}

/** The party-list half of the store, over any Kysely Postgres dialect (PGlite or pg). */
export class PostgresPartyStore implements PartyListStore {
  /**
   * Canonical JSON and hash per party object: `importList` asks `versionWithContent`
   * and then `saveListVersion` with the same parties, and serialising is most of
   * the cost of a save. Parties are values: callers do not mutate them once stored.
   */
  readonly #encoded = new WeakMap<Party, { json: string; hash: string }>();

  constructor(protected readonly db: Kysely<Database>) {}

  /** The party's canonical JSON and its hash (the same as `contentHash(party)`), computed once. */
  #encode(party: Party): { json: string; hash: string } {
    let encoded = this.#encoded.get(party);
    if (!encoded) {
      const json = canonicalJson(party);
      encoded = { json, hash: createHash('sha256').update(json).digest('hex') };
      this.#encoded.set(party, encoded);
    }
    return encoded;
  }

  async saveListVersion(input: NewListVersion): Promise<SaveListVersionResult> {
    const rows = input.parties.map((party) => {
      const { json, hash } = this.#encode(party);
      return {
        entity_id: partyEntityId(party),
        source_id: party.sourceId,
        schema: party.schema,
        name: primaryName(party),
        un_reference: party.unReference ?? null,
        content_hash: hash,
        data: json,
      };
    });
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.entity_id)) {
        throw new DomainError('file-rejected', `Duplicate party id ${row.entity_id} in one version`, {
          source: input.source,
          sourceId: row.source_id,
        });
      }
      seen.add(row.entity_id);
    }
    const hash = listContentHash(rows.map((r) => r.content_hash));

    return this.db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('list_versions')
        .selectAll()
        .where('source', '=', input.source)
        .where('content_hash', '=', hash)
        .executeTakeFirst();
      if (existing) return { version: versionFromRow(existing), created: false };

      const version = await tx
        .insertInto('list_versions')
        .values({
          source: input.source,
          published_at: input.publishedAt,
          content_hash: hash,
          format: input.format,
          record_count: rows.length,
          warning_count: input.warnings.length,
          warnings_by_kind: JSON.stringify(countByKind(input.warnings)),
          warnings_sample: JSON.stringify(input.warnings.slice(0, WARNING_SAMPLE)),
          files: JSON.stringify(input.files),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        const batch = rows.slice(i, i + INSERT_BATCH);
        const column = <K extends keyof (typeof rows)[number]>(key: K) => batch.map((r) => r[key]);
        await sql`insert into parties (version_id, entity_id, source_id, schema, name, un_reference, content_hash, data)
          select ${version.id}, * from unnest(
            ${column('entity_id')}::text[], ${column('source_id')}::text[], ${column('schema')}::text[],
            ${column('name')}::text[], ${column('un_reference')}::text[], ${column('content_hash')}::text[],
            ${column('data')}::jsonb[])`.execute(tx);
      }
      // Tell other API nodes (PostgreSQL LISTEN) that a new version exists.
      await sql`select pg_notify('entente_list_versions', ${String(version.id)})`.execute(tx);
      return { version: versionFromRow(version), created: true };
    });
  }

  async versionWithContent(source: string, parties: Party[]): Promise<ListVersion | undefined> {
    const hash = listContentHash(parties.map((p) => this.#encode(p).hash));
    const row = await this.db
      .selectFrom('list_versions')
      .selectAll()
      .where('source', '=', source)
      .where('content_hash', '=', hash)
      .executeTakeFirst();
    return row && versionFromRow(row);
  }

  async listVersions(source?: string): Promise<ListVersion[]> {
    let query = this.db.selectFrom('list_versions').selectAll();
    if (source) query = query.where('source', '=', source);
    const rows = await query
      .orderBy('source')
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(versionFromRow);
  }

  async latestVersions(): Promise<ListVersion[]> {
    const rows = await this.db
      .selectFrom('list_versions')
      .selectAll()
      .distinctOn('source')
      .orderBy('source')
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(versionFromRow);
  }

  async partiesOfVersion(versionId: number, entityIds?: readonly string[]): Promise<StoredParty[]> {
    const read = (ids?: readonly string[]) => {
      let q = this.db
        .selectFrom('parties')
        .select(['entity_id', 'version_id', 'data'])
        .where('version_id', '=', versionId);
      if (ids) q = q.where('entity_id', 'in', ids);
      return q.orderBy('entity_id').execute();
    };
    let rows: Awaited<ReturnType<typeof read>> = [];
    if (!entityIds) rows = await read();
    else
      for (let i = 0; i < entityIds.length; i += 500) rows.push(...(await read(entityIds.slice(i, i + 500))));
    return rows.map((r) => ({ entityId: r.entity_id, versionId: r.version_id, party: r.data as Party }));
  }

  async getParty(entityId: string, versionId?: number): Promise<StoredParty | undefined> {
    const versionIds = versionId === undefined ? (await this.latestVersions()).map((v) => v.id) : [versionId];
    if (versionIds.length === 0) return undefined;
    const row = await this.db
      .selectFrom('parties')
      .select(['entity_id', 'version_id', 'data'])
      .where('entity_id', '=', entityId)
      .where('version_id', 'in', versionIds)
      .executeTakeFirst();
    return row && { entityId: row.entity_id, versionId: row.version_id, party: row.data as Party };
  }

  async partiesByUnReference(unReference: string): Promise<StoredParty[]> {
    const versionIds = (await this.latestVersions()).map((v) => v.id);
    if (versionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('parties')
      .select(['entity_id', 'version_id', 'data'])
      .where('un_reference', '=', unReference)
      .where('version_id', 'in', versionIds)
      .orderBy('entity_id')
      .execute();
    return rows.map((r) => ({ entityId: r.entity_id, versionId: r.version_id, party: r.data as Party }));
  }

  async diffVersions(source: string, fromId?: number, toId?: number): Promise<ListDiff> {
    const versions = await this.listVersions(source);
    if (versions.length === 0)
      throw new DomainError('not-found', `No versions of list "${source}"`, { source });
    const to = toId === undefined ? versions[0] : versions.find((v) => v.id === toId);
    if (!to)
      throw new DomainError('not-found', `Version ${toId} of "${source}" not found`, {
        source,
        version: toId,
      });
    const from =
      fromId === undefined ? versions[versions.indexOf(to) + 1] : versions.find((v) => v.id === fromId);
    if (!from) {
      throw new DomainError('not-found', `No earlier version of "${source}" to compare with`, { source });
    }
    // Compared in SQL by content hash (the primary key's order on both sides), the parties' data
    // read only for the few that changed: bringing every party's row of both versions to the
    // process to compare them there cost a refresh 0.2-0.8 s of main-thread CPU for a weekly
    // update of a few hundred parties (docs/decisions/2026-12-06-delta-store-steps.md).
    const rows = await sql<{
      new_id: string | null;
      new_source_id: string | null;
      new_name: string | null;
      old_id: string | null;
      old_source_id: string | null;
      old_name: string | null;
    }>`
      select n.entity_id as new_id, n.source_id as new_source_id, n.name as new_name,
        o.entity_id as old_id, o.source_id as old_source_id, o.name as old_name
      from (select entity_id, source_id, name, content_hash from parties where version_id = ${to.id}) n
      full join (select entity_id, source_id, name, content_hash from parties where version_id = ${from.id}) o
        on o.entity_id = n.entity_id
      where n.content_hash is distinct from o.content_hash`.execute(this.db);
    const changedRows = rows.rows.filter((r) => r.new_id !== null && r.old_id !== null);
    const changedIds = changedRows.map((r) => r.new_id!);
    const dataOf = new Map<string, Party>();
    for (let i = 0; i < changedIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('parties')
        .select(['entity_id', 'version_id', 'data'])
        .where('version_id', 'in', [from.id, to.id])
        .where('entity_id', 'in', changedIds.slice(i, i + 500))
        .execute();
      for (const r of rows) dataOf.set(`${r.version_id}\u0000${r.entity_id}`, r.data as Party);
    }
    const diff: ListDiff = {
      source,
      from: { id: from.id, publishedAt: from.publishedAt },
      to: { id: to.id, publishedAt: to.publishedAt },
      added: [],
      removed: [],
      changed: [],
    };
    for (const r of rows.rows) {
      if (r.old_id === null)
        diff.added.push({ entityId: r.new_id!, sourceId: r.new_source_id!, name: r.new_name! });
      else if (r.new_id === null)
        diff.removed.push({ entityId: r.old_id, sourceId: r.old_source_id!, name: r.old_name! });
      else
        diff.changed.push({
          entityId: r.new_id,
          sourceId: r.new_source_id!,
          name: r.new_name!,
          fields: changedFields(
            dataOf.get(`${from.id}\u0000${r.new_id}`)!,
            dataOf.get(`${to.id}\u0000${r.new_id}`)!,
          ),
        });
    }
    const byId = (a: { entityId: string }, b: { entityId: string }) => a.entityId.localeCompare(b.entityId);
    diff.added.sort(byId);
    diff.removed.sort(byId);
    diff.changed.sort(byId);
    return diff;
  }
}
