import { DomainError, partyEntityId } from '@entente/core';
import type { Party } from '@entente/core';
import type { ParsedList, ParseOptions } from '../list-format.ts';
import { dateFromPath } from '../common/list-mirror-files.ts';
import { createWarningSink } from '../common/warning-sink.ts';
import { cellText, partyFromDfatRows } from './party-from-dfat-rows.ts';
import { readDfatWorkbook } from './read-dfat-workbook.ts';
import type { DfatRow } from './read-dfat-workbook.ts';

/** The party a row belongs to: its reference without the alias suffix (`123b` → `123`). */
export function dfatBaseReference(reference: string): string {
  return reference.trim().replace(/[a-z]+$/i, '');
}

/**
 * Parses the DFAT consolidated list workbook: rows sharing a reference
 * (`123`, `123a`, …) become one party. The workbook states no publication
 * date (`Control Date` is each entry's last change), so the date comes from
 * the file or folder name (`dfat-2026-02-24`), else the latest control date.
 */
export async function parseAuDfatXlsx(file: string, options: ParseOptions = {}): Promise<ParsedList> {
  const rows = await readDfatWorkbook(file);
  const sink = createWarningSink(file);
  const groups = new Map<string, DfatRow[]>();
  let latestControl = '';
  for (const r of rows) {
    const reference = cellText(r.cells.Reference);
    if (!reference) {
      sink.add('missing-id', r.row, 'Reference', `Row ${r.row} has no reference; dropped`);
      continue;
    }
    const base = dfatBaseReference(reference);
    groups.set(base, [...(groups.get(base) ?? []), r]);
    const control = cellText(r.cells['Control Date']) ?? '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(control) && control > latestControl) latestControl = control;
  }
  const parties: Party[] = [];
  for (const [reference, group] of groups) {
    const party = partyFromDfatRows(reference, group, sink);
    if (party) parties.push(party);
  }
  const publishedAt = options.publishedAt ?? dateFromPath(file) ?? (latestControl || undefined);
  if (!publishedAt)
    throw new DomainError('file-rejected', `No publication date for ${file}: pass publishedAt`, { file });
  parties.sort((a, b) => partyEntityId(a).localeCompare(partyEntityId(b), 'en', { numeric: true }));
  return { source: 'au-dfat', publishedAt, parties, warnings: sink.warnings, files: [file] };
}
