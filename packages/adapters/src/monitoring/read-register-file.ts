import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  assertRegisterReadable,
  DomainError,
  readRegisterRecords,
  type Counterparty,
  type RegisterFormat,
  type RegisterRecord,
} from '@entente/core';

/** Largest register file read (a 100,000-row register is about 20 MiB of CSV). */
export const MAX_REGISTER_BYTES = 64 * 1024 * 1024;

/** The format of a register file: by extension, else by its first character. */
export function registerFormatOf(file: string, text: string): RegisterFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

function csvRecords(file: string, text: string): RegisterRecord[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      info: true,
      relax_column_count: true,
    }) as typeof rows;
  } catch (error) {
    throw new DomainError('file-rejected', `${file} is not a readable CSV: ${(error as Error).message}`, {
      file,
    });
  }
  const first = rows[0]?.record;
  const missing = ['id', 'name'].filter((c) => first && !(c in first));
  if (missing.length)
    throw new DomainError(
      'file-rejected',
      `${file} lacks the columns ${missing.join(', ')} (a register needs id and name)`,
      {
        file,
        missing,
      },
    );
  return rows.map(({ record, info }) => ({ row: info.lines, fields: record }));
}

function jsonRecords(file: string, text: string): RegisterRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DomainError('file-rejected', `${file} is not readable JSON: ${(error as Error).message}`, {
      file,
    });
  }
  const list = Array.isArray(data) ? data : (data as { counterparties?: unknown })?.counterparties;
  if (!Array.isArray(list))
    throw new DomainError('file-rejected', `${file} holds neither an array nor {"counterparties": [...]}`, {
      file,
    });
  return list.map((item, i) => ({
    row: i + 1,
    fields:
      typeof item === 'object' && item !== null && !Array.isArray(item)
        ? (item as Record<string, unknown>)
        : { id: undefined },
  }));
}

/**
 * Reads a register from text (CSV or JSON) into counterparties, refusing a file that looks
 * wholly wrong (`file-rejected`) or that has any row problem (`register-invalid`, with
 * every problem): an import stores all of a file or none of it.
 */
export function readRegisterText(
  file: string,
  text: string,
  knownIds: ReadonlySet<string> = new Set(),
  format: RegisterFormat = registerFormatOf(file, text),
): { format: RegisterFormat; counterparties: Counterparty[] } {
  const records = format === 'json' ? jsonRecords(file, text) : csvRecords(file, text);
  const { counterparties, problems } = readRegisterRecords(file, format, records, knownIds);
  assertRegisterReadable(file, records.length, problems);
  return { format, counterparties };
}

/** Reads a register file from disk (`file-unreadable` when it cannot be read). */
export async function readRegisterFile(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    if (info.size > MAX_REGISTER_BYTES)
      throw new DomainError('file-rejected', `${file} is larger than ${MAX_REGISTER_BYTES} bytes`, {
        file,
        limit: 'size',
      });
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(error as Error).message}`, { file });
  }
}
