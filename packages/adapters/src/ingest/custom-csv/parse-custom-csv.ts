import { parse } from 'csv-parse/sync';
import {
  buildParty,
  countryCodeFromName,
  detectScript,
  DomainError,
  type ImportWarning,
  type Party,
  type PartyIdentifier,
  type PartyName,
} from '@entente/core';
import {
  CUSTOM_COLUMNS,
  HEADER_ALIASES,
  IDENTIFIER_PREFIXES,
  TYPE_VALUES,
  type CustomColumn,
} from './custom-csv-columns.ts';
import { parseIsoPartialDate } from '../common/parse-iso-partial-date.ts';

type Row = Partial<Record<CustomColumn, string>>;

/**
 * Parses one custom watch-list CSV (`id,name[,type,aliases,country,birth_date,identifiers]`)
 * into `parties`, keyed by id; a repeated id (also across files) is merged
 * into the first with a `duplicate-id` warning. Row problems become warnings.
 *
 * @example
 * const parties = new Map<string, Party>();
 * const warnings = parseCustomCsv('id,name\nc1,Acme Ltd\n', 'list.csv', 'custom:acme', parties);
 */
export function parseCustomCsv(
  text: string,
  file: string,
  source: string,
  parties: Map<string, Party>,
): ImportWarning[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse returns {record, info} pairs; its types do not say so.
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new DomainError('file-rejected', `${file} is not a readable CSV: ${(err as Error).message}`, {
      file,
    });
  }
  const header = records[0]?.record ?? [];
  const columns = header.map(columnOf);
  const missing = (['id', 'name'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new DomainError(
      'file-rejected',
      `${file} is not a watch-list CSV: missing column ${missing.join(', ')} (expected a header with ${CUSTOM_COLUMNS.join(',')})`,
      { file, field: missing[0], missing },
    );
  }
  const warnings: ImportWarning[] = [];
  for (const { record, info } of records.slice(1)) {
    const row: Row = {};
    columns.forEach((c, i) => {
      if (c && record[i] !== undefined && record[i] !== '') row[c] = record[i];
    });
    // info.lines is the line the record ends on; quoted newlines move the start up.
    const rowNo = info.lines - record.join('').split('\n').length + 1;
    const warn = (kind: string, field: string, message: string) =>
      warnings.push({ kind, file, row: rowNo, field, message });
    const party = partyFromRow(row, source, warn);
    if (!party) continue;
    const earlier = parties.get(party.sourceId);
    if (earlier) {
      warn('duplicate-id', 'id', `id "${party.sourceId}" appears again; merged into the first row`);
      mergeParty(earlier, party);
    } else {
      parties.set(party.sourceId, party);
    }
  }
  return warnings;
}

function columnOf(header: string): CustomColumn | undefined {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if ((CUSTOM_COLUMNS as readonly string[]).includes(key)) return key as CustomColumn;
  return HEADER_ALIASES[key];
}

function partyFromRow(
  row: Row,
  source: string,
  warn: (kind: string, field: string, message: string) => void,
): Party | undefined {
  if (!row.id) return void warn('missing-id', 'id', 'row has no id; dropped');
  if (!row.name) return void warn('missing-name', 'name', `row "${row.id}" has no name; dropped`);
  const party = buildParty({ source, sourceId: row.id, names: [nameOf(row.name, 'primary')] });
  if (row.type) {
    const schema = TYPE_VALUES[row.type.toLowerCase()];
    if (schema) party.schema = schema;
    else
      warn(
        'bad-type',
        'type',
        `unknown type "${row.type}" (person|organization|vessel|aircraft); kept as unknown`,
      );
  }
  for (const alias of splitList(row.aliases)) party.names.push(nameOf(alias, 'strong'));
  for (const c of splitList(row.country)) {
    const code = countryCodeFromName(c);
    if (code) party.countries.push({ code, role: 'other' });
    else warn('unknown-country', 'country', `unknown country "${c}"`);
  }
  if (row.birth_date) {
    const date = parseIsoPartialDate(row.birth_date);
    if (date) party.birthDates.push(date);
    else warn('bad-date', 'birth_date', `"${row.birth_date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  for (const item of splitList(row.identifiers)) {
    const id = identifierOf(item);
    if (id) party.identifiers.push(id);
    else warn('bad-identifier', 'identifiers', `"${item}" is not type:value`);
  }
  return party;
}

function nameOf(full: string, quality: PartyName['quality']): PartyName {
  const name: PartyName = { full: full.replace(/\s+/g, ' ').trim(), quality };
  const script = detectScript(name.full);
  if (script) name.script = script;
  return name;
}

function identifierOf(item: string): PartyIdentifier | undefined {
  const colon = item.indexOf(':');
  if (colon <= 0 || colon === item.length - 1) return undefined;
  const label = item.slice(0, colon).trim();
  const value = item.slice(colon + 1).trim();
  const type = IDENTIFIER_PREFIXES[label.toLowerCase()];
  return type ? { type, value } : { type: 'other', value, label };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Adds what `later` knows to `first`: its names become aliases; other values are appended once. */
function mergeParty(first: Party, later: Party): void {
  const has = (list: unknown[], v: unknown) => list.some((x) => JSON.stringify(x) === JSON.stringify(v));
  for (const n of later.names) {
    const alias: PartyName = { ...n, quality: n.quality === 'primary' ? 'strong' : n.quality };
    if (!first.names.some((x) => x.full === alias.full)) first.names.push(alias);
  }
  if (first.schema === 'unknown') first.schema = later.schema;
  for (const key of ['countries', 'birthDates', 'identifiers'] as const) {
    const target = first[key] as unknown[];
    for (const v of later[key]) if (!has(target, v)) target.push(v);
  }
}
