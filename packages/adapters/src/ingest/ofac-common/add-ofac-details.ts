import type { ImportWarning, Party, PartyAddress } from '@entente/core';
import { ADD_COLUMNS, ALT_COLUMNS, ALT_TYPE_QUALITY, WEAK_ALIAS_REMARK, col } from './ofac-csv-layout.ts';
import { readOfacCountry } from './ofac-countries.ts';
import { addName, ofacName } from './ofac-name.ts';
import { readOfacCsv } from './read-ofac-csv.ts';

type Warn = (kind: string, row: number, field: string, message: string) => void;

function warner(file: string, warnings: ImportWarning[]): Warn {
  return (kind, row, field, message) => warnings.push({ kind, file, row, field, message });
}

/** Adds the aliases of `alt.csv` / `cons_alt.csv` to their parties. */
export async function addOfacAliases(
  file: string,
  parties: Map<string, Party>,
  warnings: ImportWarning[],
): Promise<void> {
  const table = await readOfacCsv(file, ALT_COLUMNS.length);
  const warn = warner(file, warnings);
  for (const row of table.badRows)
    warn('bad-row', row, '', `Row does not have ${ALT_COLUMNS.length} columns; skipped`);
  for (const { row, cells } of table.rows) {
    const entNum = cells[col(ALT_COLUMNS, 'ent_num')]!;
    const party = parties.get(entNum);
    if (!party) {
      warn('orphan-row', row, 'ent_num', `Alias for unknown record ${entNum}; ignored`);
      continue;
    }
    const name = cells[col(ALT_COLUMNS, 'alt_name')]!;
    if (!name) {
      warn('missing-name', row, 'alt_name', `Alias of record ${entNum} has no name; dropped`);
      continue;
    }
    const type = cells[col(ALT_COLUMNS, 'alt_type')]!.toLowerCase().replace(/\./g, '');
    const remark = cells[col(ALT_COLUMNS, 'alt_remarks')]!;
    const quality = WEAK_ALIAS_REMARK.test(remark) ? 'weak' : (ALT_TYPE_QUALITY[type] ?? 'strong');
    addName(party.names, ofacName(name, quality, party.schema));
  }
}

/** Adds the addresses of `add.csv` / `cons_add.csv` (and their countries) to their parties. */
export async function addOfacAddresses(
  file: string,
  parties: Map<string, Party>,
  warnings: ImportWarning[],
): Promise<void> {
  const table = await readOfacCsv(file, ADD_COLUMNS.length);
  const warn = warner(file, warnings);
  for (const row of table.badRows)
    warn('bad-row', row, '', `Row does not have ${ADD_COLUMNS.length} columns; skipped`);
  for (const { row, cells } of table.rows) {
    const entNum = cells[col(ADD_COLUMNS, 'ent_num')]!;
    const party = parties.get(entNum);
    if (!party) {
      warn('orphan-row', row, 'ent_num', `Address for unknown record ${entNum}; ignored`);
      continue;
    }
    const street = cells[col(ADD_COLUMNS, 'Address')]!;
    const city = cells[col(ADD_COLUMNS, 'City/State/Province/Postal Code')]!;
    const countryName = cells[col(ADD_COLUMNS, 'Country')]!;
    const remark = cells[col(ADD_COLUMNS, 'add_remarks')]!;
    // OFAC writes an all-empty address row for every record without an address.
    if (!street && !city && !countryName) continue;
    const address: PartyAddress = { full: [street, city, countryName, remark].filter((p) => p).join(', ') };
    if (street) address.street = street;
    if (city) address.city = city;
    if (countryName) {
      const country = readOfacCountry(countryName);
      if (country.code) {
        address.country = country.code;
        if (!party.countries.some((c) => c.code === country.code && c.role === 'address')) {
          party.countries.push({ code: country.code, role: 'address' });
        }
      } else if (country.unknown) warn('unknown-country', row, 'Country', `Unknown country "${countryName}"`);
    }
    party.addresses.push(address);
  }
}
