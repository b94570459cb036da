import { readFile } from 'node:fs/promises';
import { DomainError } from '@entente/core';
import { unzipBounded, type InflateLimits } from '../archive/bounded-inflate.ts';
import { xlsxHeaderRow } from '../archive/xlsx-header-row.ts';
import { DFAT_HEADER } from './dfat-columns.ts';

/**
 * How far a DFAT workbook may expand: the February 2026 list is 1.3 MB zipped
 * and 9.5 MB unzipped; exceljs then needs about ten times the unzipped size in
 * memory (measured: 0.9 GB for an 89 MB workbook), so the bound is kept to a few
 * times the real size.
 */
export const DFAT_XLSX_LIMITS: InflateLimits = { maxBytes: 64 * 1024 * 1024, maxRatio: 200 };

/** One name row of the workbook: its 1-based sheet row and its cells by header. */
export interface DfatRow {
  row: number;
  cells: Record<string, unknown>;
}

/** Refuses a header row without DFAT's columns (undefined: not found before the workbook is built). */
function checkDfatHeader(header: string[] | undefined, file: string): void {
  if (!header) return;
  const missing = DFAT_HEADER.filter((h) => !header.includes(h));
  if (missing.length > 0) {
    throw new DomainError(
      'file-rejected',
      `${file} is not a DFAT consolidated list (missing columns: ${missing.join(', ')})`,
      { file, row: 1 },
    );
  }
}

/**
 * Reads the first sheet of a DFAT consolidated list workbook; throws
 * `file-unreadable` when it cannot be read and `file-rejected` when it is not an
 * xlsx file, would expand past `DFAT_XLSX_LIMITS`, or its header is not DFAT's.
 */
export async function readDfatWorkbook(file: string): Promise<DfatRow[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(cause as Error).message}`, { file });
  }
  // Sizes are checked and the header read before exceljs expands the whole workbook in memory.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    checkDfatHeader(xlsxHeaderRow(unzipBounded(bytes, file, DFAT_XLSX_LIMITS)), file);
  // exceljs is loaded here, not at start: a third of a second of CPU every command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new DomainError(
      'file-rejected',
      `${file} is not a readable xlsx workbook: ${(cause as Error).message}`,
      { file },
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError('file-rejected', `${file} has no worksheet`, { file });
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
  checkDfatHeader(header, file);
  const rows: DfatRow[] = [];
  sheet.eachRow((r, row) => {
    if (row === 1) return;
    const values = r.values as unknown[];
    const cells: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const v = values[i + 1];
      if (v !== undefined && v !== null && v !== '') cells[h] = v;
    });
    if (Object.keys(cells).length > 0) rows.push({ row, cells });
  });
  if (rows.length === 0) throw new DomainError('file-rejected', `${file} has no rows`, { file });
  return rows;
}
