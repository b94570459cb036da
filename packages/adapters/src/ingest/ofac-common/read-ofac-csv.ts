import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DomainError } from '@entente/core';

/** One data row of an OFAC legacy CSV file, with its 1-based line number. */
export interface OfacCsvRow {
  row: number;
  /** Cells trimmed, with OFAC's empty marker `-0-` turned into ''. */
  cells: string[];
}

/** The rows of one file, and the numbers of the rows with the wrong column count. */
export interface OfacCsvTable {
  rows: OfacCsvRow[];
  badRows: number[];
}

/** OFAC writes `-0-` (with a trailing space) for an empty cell. */
const EMPTY = '-0-';

function reject(file: string, message: string): never {
  throw new DomainError('file-rejected', `${path.basename(file)}: ${message}`, { file });
}

/**
 * Reads one OFAC legacy CSV file (no header, `columns` columns, CRLF, a DOS
 * end-of-file byte at the end). Throws `file-rejected` when the file is empty,
 * binary or when most rows do not have `columns` columns.
 */
export async function readOfacCsv(file: string, columns: number): Promise<OfacCsvTable> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (cause) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(cause as Error).message}`, { file });
  }
  if (buffer.includes(0)) reject(file, 'binary content, not an OFAC CSV file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Older OFAC files were Windows-1252; decode those rather than reject them.
    text = new TextDecoder('windows-1252').decode(buffer);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\x1a/g, '');
  if (text.trim() === '') reject(file, 'empty file');
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (cause) {
    reject(file, `not CSV (${(cause as Error).message})`);
  }
  const table: OfacCsvTable = { rows: [], badRows: [] };
  // OFAC records never span lines, so the record number is the line number.
  records.forEach((record, i) => {
    if (record.length !== columns) table.badRows.push(i + 1);
    else table.rows.push({ row: i + 1, cells: record.map((c) => (c.trim() === EMPTY ? '' : c.trim())) });
  });
  if (table.rows.length === 0 || table.badRows.length > table.rows.length) {
    reject(
      file,
      `expected ${columns} columns per row, ${table.badRows.length} of ${records.length} rows differ`,
    );
  }
  return table;
}
