import type { ControlEntry, ControlList } from './control-entry.ts';
import { codeLineage } from './control-code.ts';

/** True when the entry or list is in force on `at` (`YYYY-MM-DD`). */
export function isValidAt(item: { validFrom: string; validTo?: string }, at: string): boolean {
  return item.validFrom <= at && (item.validTo === undefined || at < item.validTo);
}

/** The version of a list in force on `at`, else the newest version. */
export function selectListVersion(
  lists: ControlList[],
  listId: string,
  at?: string,
): ControlList | undefined {
  const versions = lists.filter((l) => l.id === listId).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return at ? versions.find((l) => isValidAt(l, at)) : versions[0];
}

/** A paragraph code resolved to the nearest entry that exists, and how it got there. */
export interface FoundEntry {
  entry: ControlEntry;
  /** The code asked for. */
  requested: string;
  /** True when the exact code exists; false when an ancestor was used. */
  exact: boolean;
  list: ControlList;
}

/**
 * Resolves a paragraph code to the nearest entry of a list version
 * (`3A001.a.1.b` → `3A001.a.1` → `3A001`), with its reasons.
 *
 * @example
 * findEntry(lists, 'US', '5A992.c')?.entry.reasons; // ['AT']
 */
export function findEntry(
  lists: ControlList[],
  listId: string,
  code: string,
  at?: string,
): FoundEntry | undefined {
  const list = selectListVersion(lists, listId, at);
  if (!list) return undefined;
  const byCode = new Map(list.entries.map((e) => [e.code.toUpperCase(), e]));
  for (const candidate of codeLineage(code.trim())) {
    const entry = byCode.get(candidate.toUpperCase());
    if (entry && (!at || isValidAt(entry, at)))
      return { entry, requested: code, exact: candidate === code.trim(), list };
  }
  return undefined;
}
