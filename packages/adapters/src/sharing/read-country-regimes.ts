import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { DomainError } from '@entente/core';
import type { SharingGroup } from '@entente/core';

/** The `country_regimes.csv` column that flags membership of each regime. */
const REGIME_COLUMNS: Record<SharingGroup, string> = {
  EU: 'eu_member',
  WA: 'wassenaar',
  MTCR: 'mtcr',
  NSG: 'nsg',
  AG: 'australia_group',
};

/** Where the membership table sits inside a mirror directory. */
export const COUNTRY_REGIMES_PATH = 'controls/countries/country_regimes.csv';

/** SharingGroup memberships by ISO-2 code from the text of `country_regimes.csv` (a `1` in a regime's column). */
export function parseCountryRegimes(text: string, file = 'country_regimes.csv'): Map<string, SharingGroup[]> {
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  const missing = Object.values(REGIME_COLUMNS).filter((c) => rows[0] && !(c in rows[0]));
  if (!rows.length || missing.length) {
    throw new DomainError('file-rejected', `${file} lacks the columns ${missing.join(', ') || 'iso2'}`, {
      file,
    });
  }
  const out = new Map<string, SharingGroup[]>();
  for (const row of rows) {
    const code = row.iso2?.trim().toUpperCase();
    if (!code) continue;
    out.set(
      code,
      (Object.keys(REGIME_COLUMNS) as SharingGroup[]).filter((r) => row[REGIME_COLUMNS[r]]?.trim() === '1'),
    );
  }
  return out;
}

/** Reads `country_regimes.csv` into regime memberships by ISO-2 code. */
export async function readCountryRegimes(file: string): Promise<Map<string, SharingGroup[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(error as Error).message}`, { file });
  }
  return parseCountryRegimes(text, file);
}
