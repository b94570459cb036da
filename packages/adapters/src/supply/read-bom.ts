import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, isDomainError, validateBom, type Bom, type DeterminationData } from '@entente/core';
import { columnOfField } from './bom-csv-columns.ts';
import { parseBomCsv } from './parse-bom-csv.ts';

/** Reads a BOM file (`.csv` or `.json`) into the unvalidated JSON shape, naming the file on failure. */
export async function readBomFile(file: string): Promise<{ raw: unknown; format: 'csv' | 'json' }> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') {
    throw new DomainError('unknown-format', `${file}: a bill of materials is .csv or .json`, {
      file,
      accepted: ['.csv', '.json'],
    });
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(error as Error).message}`, { file });
  }
  if (ext === '.csv') return { raw: parseBomCsv(text, file), format: 'csv' };
  try {
    return { raw: JSON.parse(text) as unknown, format: 'json' };
  } catch (error) {
    throw new DomainError('file-rejected', `${file} is not JSON: ${(error as Error).message}`, {
      file,
      field: 'bom',
      accepted: 'a JSON BOM: {currency?, products: [...]}',
    });
  }
}

/** The first CSV row of the product a field path points into (`products[1].madeIn`). */
function productRow(raw: unknown, field: string): number | undefined {
  const i = /^products\[(\d+)\]/.exec(field)?.[1];
  const products = (raw as { products?: { firstRow?: number }[] }).products;
  return i !== undefined ? products?.[Number(i)]?.firstRow : undefined;
}

/**
 * Adds to an error raised over a BOM read from `file` (validation, or an
 * unknown classification found by the analysis) the file and, for a CSV, the
 * column and row it came from; other errors are returned unchanged.
 */
export function locateBomError(error: unknown, raw: unknown, file: string, format: 'csv' | 'json'): unknown {
  if (!isDomainError(error)) return error;
  const field = typeof error.details['field'] === 'string' ? error.details['field'] : undefined;
  const column = format === 'csv' && field ? columnOfField(field) : undefined;
  const knownRow = typeof error.details['row'] === 'number' ? error.details['row'] : undefined;
  const row = knownRow ?? (format === 'csv' && field ? productRow(raw, field) : undefined);
  const where = [
    file,
    row !== undefined && knownRow === undefined ? `row ${row}` : undefined,
    column ? `column ${column}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return new DomainError(error.code, `${where}: ${error.message}`, {
    ...error.details,
    file,
    ...(row !== undefined ? { row } : {}),
    ...(column ? { field: column, path: field } : {}),
  });
}

/** Validates a BOM read from `file`, naming the file, row and column of any error. */
export function validateBomFile(
  data: DeterminationData,
  raw: unknown,
  file: string,
  format: 'csv' | 'json',
): Bom {
  try {
    return validateBom(data, raw);
  } catch (error) {
    throw locateBomError(error, raw, file, format);
  }
}

/**
 * Reads and validates a bill of materials from a `.csv` or `.json` file;
 * every error names the file, and the row and field where they apply.
 *
 * @example
 * const bom = await readBom(data, 'packages/cli/test/fixtures/bom-uav.csv');
 */
export async function readBom(data: DeterminationData, file: string): Promise<Bom> {
  const { raw, format } = await readBomFile(file);
  return validateBomFile(data, raw, file, format);
}
