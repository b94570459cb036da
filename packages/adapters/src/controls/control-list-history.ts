import type { Kysely } from 'kysely';
import { DomainError, type ControlEntry, type ControlList, type ControlListId } from '@entente/core';
import type { Database } from '../store/database.ts';

/** One stored version of a list and what it says about one entry. */
export interface EntryInVersion {
  version: string;
  validFrom: string;
  validTo?: string;
  /** The entry as that version has it; absent when the version lacks the code. */
  entry?: ControlEntry;
}

/** Every stored version of `listId`, oldest first, with the entry `code` as each has it. */
export async function entryHistory(
  db: Kysely<Database>,
  listId: ControlListId,
  code: string,
): Promise<EntryInVersion[]> {
  const k = db;
  const versions = await k
    .selectFrom('control_list_versions')
    .select(['id', 'version', 'valid_from', 'valid_to'])
    .where('list_id', '=', listId)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
  if (versions.length === 0) return [];
  const rows = await k
    .selectFrom('control_entries')
    .select(['version_id', 'data'])
    .where(
      'version_id',
      'in',
      versions.map((v) => v.id),
    )
    .where('code', '=', code)
    .execute();
  const byVersion = new Map(rows.map((r) => [r.version_id, r.data as ControlEntry]));
  return versions.map((v) => ({
    version: v.version,
    validFrom: v.valid_from,
    ...(v.valid_to ? { validTo: v.valid_to } : {}),
    ...(byVersion.has(v.id) ? { entry: byVersion.get(v.id) as ControlEntry } : {}),
  }));
}

/** One stored version of a list, by its version label, with every entry; throws naming the versions there are. */
export async function readControlListVersion(
  db: Kysely<Database>,
  listId: ControlListId,
  version: string,
  field = 'version',
): Promise<ControlList> {
  const k = db;
  const all = await k
    .selectFrom('control_list_versions')
    .selectAll()
    .where('list_id', '=', listId)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
  const v = all.filter((r) => r.version === version).at(-1);
  if (!v) {
    throw new DomainError('not-found', `No version "${version}" of list ${listId}`, {
      field,
      accepted: all.map((r) => r.version),
    });
  }
  const entries = await k
    .selectFrom('control_entries')
    .select('data')
    .where('version_id', '=', v.id)
    .orderBy('code')
    .execute();
  return {
    id: listId,
    ...(v.jurisdiction ? { jurisdiction: v.jurisdiction as ControlList['jurisdiction'] } : {}),
    name: v.name,
    version: v.version,
    validFrom: v.valid_from,
    ...(v.valid_to ? { validTo: v.valid_to } : {}),
    source: v.source as ControlList['source'],
    header: v.header as ControlList['header'],
    entries: entries.map((e) => e.data as ControlEntry),
  };
}
