import { parse } from 'csv-parse/sync';
import { DomainError, type ImportWarning, type Party } from '@entente/core';
import { parseOfsiDate } from './parse-ofsi-fields.ts';
import { partyFromOfsiGroup, type OfsiRow } from './party-from-ofsi-group.ts';

/** Columns without which a file is not the OFSI consolidated list CSV. */
const REQUIRED = ['group id', 'name 6', 'group type'];

/** What one OFSI CSV yields. */
export interface OfsiParseResult {
  parties: Party[];
  warnings: ImportWarning[];
  /** From the "Last Updated" line, else the newest "Last Updated" cell, as `YYYY-MM-DD`. */
  publishedAt?: string;
}

/**
 * Parses the OFSI consolidated list CSV (old format, one row per name and
 * date of birth): rows sharing a Group ID become one party.
 *
 * @example
 * const { parties } = parseOfsiCsv(text, 'ConList.csv');
 */
export function parseOfsiCsv(text: string, file: string): OfsiParseResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse returns {record, info} pairs; its types do not say so.
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new DomainError('file-rejected', `${file} is not a readable CSV: ${(err as Error).message}`, {
      file,
    });
  }
  const headerAt = records.slice(0, 5).findIndex(({ record }) => {
    const cells = record.map(key);
    return REQUIRED.every((c) => cells.includes(c));
  });
  if (headerAt < 0) {
    throw new DomainError(
      'file-rejected',
      `${file} is not an OFSI consolidated list CSV: no header with ${REQUIRED.join(', ')}`,
      {
        file,
      },
    );
  }
  let header = records[headerAt]!.record.map(key);
  const data = records.slice(headerAt + 1);
  // Some copies carry a stray leading comma on the header line only: realign it with the data.
  if (
    header[0] === '' &&
    data.filter((d) => d.record.length === header.length - 1).length > data.length / 2
  ) {
    header = header.slice(1);
  }
  const warnings: ImportWarning[] = [];
  const groups = new Map<string, OfsiRow[]>();
  let newest = '';
  for (const { record, info } of data) {
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      const v = record[i]?.replace(/\s+/g, ' ').trim();
      if (h && v) cells[h] = v;
    });
    const row = info.lines - record.join('').split('\n').length + 1;
    const id = cells['group id'];
    if (!id) {
      warnings.push({
        kind: 'missing-id',
        file,
        row,
        field: 'Group ID',
        message: 'row has no Group ID; dropped',
      });
      continue;
    }
    const updated = parseOfsiDate(cells['last updated'] ?? '');
    if (updated?.precision === 'day' && updated.value > newest) newest = updated.value;
    const list = groups.get(id) ?? [];
    list.push({ row, cells });
    groups.set(id, list);
  }
  const parties = [...groups].map(([id, rows]) => partyFromOfsiGroup(id, rows, file, warnings));
  const lastUpdatedLine = records
    .slice(0, headerAt)
    .find(({ record }) => /last updated/i.test(record[0] ?? ''));
  const stated = parseOfsiDate(lastUpdatedLine?.record[1] ?? '');
  const publishedAt = stated?.precision === 'day' ? stated.value : newest || undefined;
  return publishedAt ? { parties, warnings, publishedAt } : { parties, warnings };
}

function key(header: string): string {
  return header.replace(/\s+/g, ' ').trim().toLowerCase();
}
