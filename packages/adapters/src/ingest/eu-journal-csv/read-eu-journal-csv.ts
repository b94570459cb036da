import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@entente/core';
import { parse } from 'csv-parse/sync';
import { AMENDMENT_HEADER, CONSOLIDATED_HEADER } from './eu-columns.ts';

/** One data row of an EU Journal CSV, with its 1-based row number (the header is row 1). */
export interface EuJournalRow {
  row: number;
  cells: Record<string, string>;
}

/** One EU Journal CSV file: a consolidated framework act, or one amending act. */
export interface EuJournalFile {
  file: string;
  kind: 'consolidated' | 'amendment';
  /** The file's own CELEX (the framework act, or the amending act). */
  celex: string;
  rows: EuJournalRow[];
}

/**
 * Reads one EU Journal CSV; throws `file-rejected` when its header is neither
 * of the two FORMAT.md headers, its rows do not parse, or an amendment file is empty.
 */
export async function readEuJournalCsv(file: string): Promise<EuJournalFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(cause as Error).message}`, { file });
  }
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();
  const kind =
    header === CONSOLIDATED_HEADER ? 'consolidated' : header === AMENDMENT_HEADER ? 'amendment' : undefined;
  if (!kind) {
    throw new DomainError('file-rejected', `${file} is not an EU Journal sanctions CSV (unexpected header)`, {
      file,
      row: 1,
    });
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[];
  } catch (cause) {
    const err = cause as Error & { lines?: number };
    throw new DomainError('file-rejected', `${file} is not valid CSV: ${err.message}`, {
      file,
      row: err.lines,
    });
  }
  const celex = path.basename(file, path.extname(file)).toUpperCase();
  if (kind === 'amendment' && records.length === 0) {
    throw new DomainError('file-rejected', `${file} is an amending act with no rows`, { file });
  }
  return { file, kind, celex, rows: records.map((cells, i) => ({ row: i + 2, cells })) };
}
