import path from 'node:path';
import type { ImportWarning, Party } from '@entente/core';
import type { ParsedList, ParseOptions } from '../list-format.ts';
import { mergeParty } from './merge-party.ts';
import { addOfacAddresses, addOfacAliases } from './add-ofac-details.ts';
import { COMMENT_COLUMNS, PRIMARY_COLUMNS } from './ofac-csv-layout.ts';
import { partyFromOfacRow } from './party-from-ofac-row.ts';
import { newestModificationDate, publicationDateFromPath } from './publication-date.ts';
import { readOfacCsv } from './read-ofac-csv.ts';

/** The files of one OFAC legacy CSV publication; only the primary file is required. */
export interface OfacCsvFiles {
  primary: string;
  alt?: string;
  add?: string;
  comments?: string;
}

/** Adds one `bad-row` warning per row with the wrong column count. */
function warnBadRows(file: string, rows: number[], columns: number, warnings: ImportWarning[]): void {
  for (const row of rows) {
    warnings.push({ kind: 'bad-row', file, row, message: `Row does not have ${columns} columns; skipped` });
  }
}

/** Remarks continuations per record, in file order. */
async function readComments(file: string, warnings: ImportWarning[]): Promise<Map<string, string>> {
  const table = await readOfacCsv(file, COMMENT_COLUMNS.length);
  warnBadRows(file, table.badRows, COMMENT_COLUMNS.length, warnings);
  const comments = new Map<string, string>();
  for (const { cells } of table.rows) comments.set(cells[0]!, (comments.get(cells[0]!) ?? '') + cells[1]!);
  return comments;
}

/**
 * Parses one OFAC legacy CSV publication (SDN or consolidated): the primary
 * file, and the alias, address and remarks-continuation files when given.
 * Row problems become warnings; records sharing an id are merged.
 */
export async function parseOfacLegacyCsv(
  files: OfacCsvFiles,
  source: string,
  options: ParseOptions = {},
): Promise<ParsedList> {
  const warnings: ImportWarning[] = [];
  const primary = await readOfacCsv(files.primary, PRIMARY_COLUMNS.length);
  warnBadRows(files.primary, primary.badRows, PRIMARY_COLUMNS.length, warnings);
  const comments = files.comments ? await readComments(files.comments, warnings) : new Map<string, string>();
  const parties = new Map<string, Party>();
  for (const { row, cells } of primary.rows) {
    const remarks = (cells[PRIMARY_COLUMNS.length - 1] ?? '') + (comments.get(cells[0]!) ?? '');
    const party = partyFromOfacRow(cells, remarks, { source, file: files.primary, row, warnings });
    if (!party) continue;
    const existing = parties.get(party.sourceId);
    if (existing) {
      warnings.push({
        kind: 'duplicate-id',
        file: files.primary,
        row,
        field: 'ent_num',
        message: `Record ${party.sourceId} appears again; merged`,
      });
      parties.set(party.sourceId, mergeParty(existing, party));
    } else parties.set(party.sourceId, party);
  }
  if (files.comments) {
    for (const id of comments.keys()) {
      if (!parties.has(id))
        warnings.push({
          kind: 'orphan-row',
          file: files.comments,
          field: 'ent_num',
          message: `Remarks for unknown record ${id}; ignored`,
        });
    }
  }
  if (files.alt) await addOfacAliases(files.alt, parties, warnings);
  if (files.add) await addOfacAddresses(files.add, parties, warnings);
  const given = [files.primary, files.alt, files.add, files.comments].filter(
    (f): f is string => f !== undefined,
  );
  let publishedAt = options.publishedAt ?? publicationDateFromPath(files.primary);
  if (!publishedAt) {
    publishedAt = await newestModificationDate(given);
    warnings.push({
      kind: 'no-publication-date',
      file: files.primary,
      message: `No date in the file or folder name; used the file date ${publishedAt}`,
    });
  }
  return {
    source,
    publishedAt,
    parties: [...parties.values()],
    warnings,
    files: given.map((f) => path.resolve(f)),
  };
}
