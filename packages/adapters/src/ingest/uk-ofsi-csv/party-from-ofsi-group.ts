import {
  buildParty,
  detectScript,
  type ImportWarning,
  type Party,
  type PartyName,
  type PartySchema,
} from '@entente/core';
import {
  countryFromText,
  identifiersIn,
  parseOfsiDate,
  splitEnumeration,
  unReferenceIn,
  vesselIdentifiersIn,
} from './parse-ofsi-fields.ts';

/** One CSV row: its 1-based line and its non-empty cells keyed by lower-case header. */
export interface OfsiRow {
  row: number;
  cells: Record<string, string>;
}

/** OFSI "Group Type" values, lower-case, mapped to a party schema. */
const GROUP_TYPES: Record<string, PartySchema> = {
  individual: 'person',
  entity: 'organization',
  ship: 'vessel',
};

const ADDRESS_COLUMNS = ['address 1', 'address 2', 'address 3', 'address 4', 'address 5', 'address 6'];

/**
 * One party from the rows of one OFSI Group ID: every row contributes a
 * name (Prime Alias first) and its date of birth, address and documents.
 */
export function partyFromOfsiGroup(
  groupId: string,
  rows: OfsiRow[],
  file: string,
  warnings: ImportWarning[],
): Party {
  const first = rows[0]!.cells;
  const party = buildParty({ source: 'uk-ofsi', sourceId: groupId });
  const warn = (kind: string, row: number, field: string, message: string) =>
    warnings.push({ kind, file, row, field, message });
  const groupType = first['group type'] ?? '';
  party.schema = GROUP_TYPES[groupType.toLowerCase()] ?? 'unknown';
  if (party.schema === 'unknown')
    warn('bad-type', rows[0]!.row, 'Group Type', `unknown Group Type "${groupType}"`);

  const add = <T>(list: T[], value: T) => {
    if (!list.some((x) => JSON.stringify(x) === JSON.stringify(value))) list.push(value);
  };
  for (const { row, cells } of rows) {
    const name = nameOf(cells, party.schema);
    if (name) add(party.names, name);
    else warn('missing-name', row, 'Name 6', 'row has no name');
    const nonLatin = cells['name non-latin script'];
    if (nonLatin) add(party.names, scripted({ full: nonLatin, quality: 'strong' }));
    if (cells.dob) {
      const dob = parseOfsiDate(cells.dob);
      if (dob) add(party.birthDates, dob);
      else warn('bad-date', row, 'DOB', `"${cells.dob}" is not dd/mm/yyyy`);
    }
    for (const place of birthPlacesOf(cells)) add(party.birthPlaces, place);
    for (const [field, role] of [
      ['country of birth', 'birth'],
      ['nationality', 'nationality'],
      ['country', 'address'],
    ] as const) {
      for (const item of splitEnumeration(cells[field] ?? '')) {
        const code = countryFromText(item);
        if (code) add(party.countries, { code, role });
        else warn('unknown-country', row, field, `unknown country "${item}"`);
      }
    }
    for (const id of identifiersIn(cells['passport details'] ?? '', 'passport')) add(party.identifiers, id);
    for (const id of identifiersIn(cells['ni number'] ?? '', 'national-id')) add(party.identifiers, id);
    const address = addressOf(cells);
    if (address) add(party.addresses, address);
    if (cells.position) add((party.positions ??= []), cells.position);
    if (cells.regime) add(party.programs, cells.regime);
  }
  orderNames(party, rows, warn);
  const info = first['other information'];
  if (info) {
    party.remarks = info;
    const unRef = unReferenceIn(info);
    if (unRef) party.unReference = unRef;
    for (const id of vesselIdentifiersIn(info)) add(party.identifiers, id);
    if (party.schema === 'organization' && party.identifiers.some((i) => i.type === 'imo'))
      party.schema = 'vessel';
  }
  const listed = parseOfsiDate(first['listed on'] ?? '');
  if (listed) party.listedOn = listed.value;
  return party;
}

function nameOf(cells: Record<string, string>, schema: PartySchema): PartyName | undefined {
  const given = cells['name 1'];
  const middle = ['name 2', 'name 3', 'name 4', 'name 5']
    .map((c) => cells[c])
    .filter(Boolean)
    .join(' ');
  const family = cells['name 6'];
  const full = [given, middle, family].filter(Boolean).join(' ');
  if (!full) return undefined;
  const type = `${cells['alias type'] ?? ''} ${cells['name type'] ?? ''}`.toLowerCase();
  const quality = /prime|primary/.test(type)
    ? 'primary'
    : /low/.test(cells['alias quality'] ?? '')
      ? 'weak'
      : 'strong';
  const name: PartyName = { full, quality };
  if (schema === 'person') {
    const parts: NonNullable<PartyName['parts']> = {};
    if (given) parts.given = given;
    if (middle) parts.middle = middle;
    if (family) parts.family = family;
    if (cells.title) parts.title = cells.title;
    name.parts = parts;
  }
  return scripted(name);
}

function scripted(name: PartyName): PartyName {
  const script = detectScript(name.full);
  return script ? { ...name, script } : name;
}

/** Primary names first; a group whose rows are all aliases gets its first name promoted. */
function orderNames(
  party: Party,
  rows: OfsiRow[],
  warn: (k: string, r: number, f: string, m: string) => void,
) {
  // The same name may come once as Prime Alias and once as AKA (per-DOB rows): keep the primary one.
  const primaries = new Set(party.names.filter((n) => n.quality === 'primary').map((n) => n.full));
  party.names = party.names.filter((n) => n.quality === 'primary' || !primaries.has(n.full));
  party.names.sort((a, b) => Number(b.quality === 'primary') - Number(a.quality === 'primary'));
  const head = party.names[0];
  if (head && head.quality !== 'primary') {
    warn(
      'no-primary-name',
      rows[0]!.row,
      'Alias Type',
      `group ${party.sourceId} has no Prime Alias row; first name used`,
    );
    party.names[0] = { ...head, quality: 'primary' };
  }
  for (let i = 1; i < party.names.length; i++) {
    const n = party.names[i]!;
    if (n.quality === 'primary') party.names[i] = { ...n, quality: 'strong' };
  }
}

function birthPlacesOf(cells: Record<string, string>): string[] {
  const towns = splitEnumeration(cells['town of birth'] ?? '');
  const country = (cells['country of birth'] ?? '').replace(/^\(\d+\)(?:-\(\d+\))?\s*/, '');
  // "(1) A (2) B" country enumerations are per town; then the towns stand alone.
  const single = splitEnumeration(country).length <= 1 ? country : '';
  if (towns.length === 0) return country ? [country] : [];
  return towns.map((t) => (single && !t.includes(single) ? `${t}, ${single}` : t));
}

function addressOf(cells: Record<string, string>): Party['addresses'][number] | undefined {
  const lines = ADDRESS_COLUMNS.map((c) => cells[c]).filter((v): v is string => Boolean(v));
  const postalCode = cells['post/zip code'];
  const countryText = cells.country;
  const full = [...lines, postalCode, countryText].filter(Boolean).join(', ');
  if (!full) return undefined;
  const address: Party['addresses'][number] = { full };
  if (postalCode) address.postalCode = postalCode;
  const code = countryText ? countryFromText(splitEnumeration(countryText)[0] ?? '') : undefined;
  if (code) address.country = code;
  return address;
}
