import type { Kysely } from 'kysely';
import { DomainError, type ControlEntry } from '@entente/core';
import { parseEntryId, type ControlCatalogue, type Counterpart } from './control-catalogue.ts';
import { entryHistory } from './control-list-history.ts';
import type { Database } from '../store/database.ts';

/** One entry as the catalogue shows it: the entry, its list version, its stored versions and its counterparts. */
export interface ControlEntryView {
  id: string;
  requested: string;
  /** False when the code asked for is not a separate entry and its nearest enclosing entry is shown. */
  exact: boolean;
  list: { id: string; name: string; version: string; validFrom: string };
  entry: ControlEntry;
  versions: { version: string; validFrom: string; validTo?: string; present: boolean; changed: string[] }[];
  counterparts: Counterpart[];
}

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
