import type { ScreenSubject, SubjectType } from '../../api/types.ts';

/** One subject read from a batch CSV, with its row id. */
export interface BatchSubject extends ScreenSubject {
  id: string;
}

/** Splits CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, CRLF). */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const TYPES = new Set(['person', 'organization', 'vessel', 'aircraft']);

/**
 * Reads a batch-screening CSV (header with `name` and optional `id`, `type`,
 * `country`, `birth_date`) into subjects, or throws a message naming the problem.
 */
export function parseBatchCsv(text: string): BatchSubject[] {
  const rows = parseCsvRows(text.replace(/^\uFEFF/, ''));
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const nameCol = col('name');
  if (nameCol < 0)
    throw new Error(
      'The CSV needs a header row with a "name" column (and optionally id, type, country, birth_date).',
    );
  const idCol = col('id');
  const typeCol = col('type');
  const countryCol = col('country');
  const birthCol = col('birth_date') >= 0 ? col('birth_date') : col('birthdate');
  return rows.map((r, i) => {
    const type = typeCol >= 0 ? r[typeCol]?.trim().toLowerCase() : undefined;
    const country = countryCol >= 0 ? r[countryCol]?.trim() : undefined;
    const birthDate = birthCol >= 0 ? r[birthCol]?.trim() : undefined;
    return {
      id: (idCol >= 0 ? r[idCol]?.trim() : '') || String(i + 1),
      name: r[nameCol]?.trim() ?? '',
      ...(type && TYPES.has(type) ? { type: type as SubjectType } : {}),
      ...(country ? { country } : {}),
      ...(birthDate ? { birthDate } : {}),
    };
  });
}
