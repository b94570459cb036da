import type { Kysely } from 'kysely';
import { DomainError, type ControlEntry, type ControlEntryView } from '@entente/core';
import { parseEntryId, type ControlCatalogue } from './control-catalogue.ts';
import { entryHistory } from './control-list-history.ts';
import type { Database } from '../store/database.ts';

const COMPARED = ['heading', 'text', 'reasons', 'regimeRefs', 'exceptions', 'reasonScopes'] as const;

function changedFields(a: ControlEntry | undefined, b: ControlEntry | undefined): string[] {
  if (!a || !b) return [];
  return COMPARED.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null));
}

/**
 * Describes `LIST:code` (or its nearest enclosing entry) from the catalogue,
 * with every stored version of its list saying whether the entry is there and
 * what changed, and its counterparts through the crosswalk.
 */
export async function describeControlEntry(
  db: Kysely<Database>,
  catalogue: ControlCatalogue,
  requested: string,
): Promise<ControlEntryView> {
  const { list, code } = parseEntryId(requested, 'entry');
  const found = catalogue.find(`${list}:${code}`);
  if (!found)
    throw new DomainError('not-found', `No entry ${list}:${code} in the catalogue`, { field: 'entry' });
  const history = await entryHistory(db, list, found.entry.code);
  return {
    id: `${list}:${found.entry.code}`,
    requested,
    exact: found.exact,
    list: {
      id: found.list.id,
      name: found.list.name,
      version: found.list.version,
      validFrom: found.list.validFrom,
    },
    entry: found.entry,
    versions: history.map((v, i) => ({
      version: v.version,
      validFrom: v.validFrom,
      ...(v.validTo ? { validTo: v.validTo } : {}),
      present: v.entry !== undefined,
      changed: changedFields(history[i - 1]?.entry, v.entry),
    })),
    counterparts: catalogue.counterparts(`${list}:${found.entry.code}`),
  };
}
