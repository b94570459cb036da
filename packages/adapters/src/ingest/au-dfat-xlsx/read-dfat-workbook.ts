import { DomainError } from '@entente/core';
import ExcelJS from 'exceljs';
import { DFAT_HEADER } from './dfat-columns.ts';

/** One name row of the workbook: its 1-based sheet row and its cells by header. */
export interface DfatRow {
  row: number;
  cells: Record<string, unknown>;
}

/**
 * Reads the first sheet of a DFAT consolidated list workbook; throws
 * `file-unreadable` when it is not an xlsx file and `file-rejected` when its
 * header is not DFAT's.
 */
export async function readDfatWorkbook(file: string): Promise<DfatRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
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
  const missing = DFAT_HEADER.filter((h) => !header.includes(h));
  if (missing.length > 0) {
    throw new DomainError(
      'file-rejected',
      `${file} is not a DFAT consolidated list (missing columns: ${missing.join(', ')})`,
      {
        file,
        row: 1,
      },
    );
  }
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
