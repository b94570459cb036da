import { buildParty } from '@entente/core';
import type { ImportWarning, Party, PartyIdentifier } from '@entente/core';
import { OFAC_TYPES, PRIMARY_COLUMNS, VESSEL_DETAIL_COLUMNS, col, ofacRecordUrl } from './ofac-csv-layout.ts';
import { readOfacCountry } from './ofac-countries.ts';
import { addName, ofacName } from './ofac-name.ts';
import { parseOfacPrograms } from './parse-ofac-programs.ts';
import { parseOfacRemarks } from './parse-ofac-remarks.ts';

/** Where a primary row comes from, for warnings. */
export interface OfacRowContext {
  source: string;
  file: string;
  row: number;
  warnings: ImportWarning[];
}

const cell = (cells: string[], name: (typeof PRIMARY_COLUMNS)[number]): string =>
  cells[col(PRIMARY_COLUMNS, name)] ?? '';

/**
 * The party one row of `sdn.csv` / `cons_prim.csv` describes, its remarks
 * (with their continuation from the comments file) read into typed facts.
 * Undefined, with a `missing-name` warning, when the row has no name.
 */
export function partyFromOfacRow(cells: string[], remarks: string, ctx: OfacRowContext): Party | undefined {
  const warn = (kind: string, field: string, message: string): void => {
    ctx.warnings.push({ kind, file: ctx.file, row: ctx.row, field, message });
  };
  const sourceId = cell(cells, 'ent_num');
  const published = cell(cells, 'SDN_Name');
  if (!published) {
    warn('missing-name', 'SDN_Name', `Record ${sourceId || '?'} has no name; dropped`);
    return undefined;
  }
  const typeText = cell(cells, 'SDN_Type').toLowerCase();
  const schema = OFAC_TYPES[typeText];
  if (schema === undefined) warn('unknown-type', 'SDN_Type', `Unknown type "${typeText}"`);
  const party = buildParty({
    source: ctx.source,
    sourceId,
    schema: schema ?? 'unknown',
    sourceUrl: ofacRecordUrl(sourceId),
  });
  party.names.push(ofacName(published, 'primary', party.schema));
  party.programs = parseOfacPrograms(cell(cells, 'Program'));
  const title = cell(cells, 'Title');
  if (title) party.positions = [title];
  const callSign = cell(cells, 'Call_Sign');
  if (callSign) party.identifiers.push({ type: 'other', value: callSign, label: 'Call Sign' });
  const flag = cell(cells, 'Vess_flag');
  if (flag) {
    const country = readOfacCountry(flag);
    if (country.code) party.countries.push({ code: country.code, role: 'flag' });
    else if (country.unknown) warn('unknown-country', 'Vess_flag', `Unknown vessel flag "${flag}"`);
  }
  applyRemarks(party, remarks, warn);
  const details = VESSEL_DETAIL_COLUMNS.filter((d) => cell(cells, d.column)).map(
    (d) => `${d.label} ${cell(cells, d.column)}`,
  );
  const text = [remarks, ...details].filter((t) => t).join('; ');
  if (text) party.remarks = text;
  return party;
}

/** Copies the facts of the remarks column onto the party. */
function applyRemarks(
  party: Party,
  remarks: string,
  warn: (kind: string, field: string, message: string) => void,
): void {
  if (!remarks) return;
  const facts = parseOfacRemarks(remarks);
  for (const alias of facts.aliases) addName(party.names, ofacName(alias.full, alias.quality, party.schema));
  party.birthDates.push(...facts.birthDates);
  party.birthPlaces.push(...facts.birthPlaces);
  for (const country of facts.countries) {
    if (!party.countries.some((c) => c.code === country.code && c.role === country.role))
      party.countries.push(country);
  }
  party.identifiers.push(...dedupeIdentifiers(facts.identifiers));
  if (facts.gender) party.gender = facts.gender;
  for (const problem of facts.problems) warn(problem.kind, 'Remarks', problem.message);
}

function dedupeIdentifiers(identifiers: PartyIdentifier[]): PartyIdentifier[] {
  const seen = new Set<string>();
  return identifiers.filter((id) => {
    const key = `${id.type}|${id.label ?? ''}|${id.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
