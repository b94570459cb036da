import { DomainError } from '../errors.ts';
import { countryCodeFromName, isCountryCode } from '../geo/country-codes.ts';
import { unsafeTextProblem } from '../text/unsafe-text.ts';
import { checkIdentifier } from './check-identifier.ts';
import {
  COUNTERPARTY_TYPES,
  type Counterparty,
  type CounterpartyIdentifierType,
  type CounterpartyType,
} from './counterparty.ts';
import type { RegisterProblem } from './register-problem.ts';

/** One record of a register file as its reader found it: CSV cells or a JSON object. */
export interface RegisterRecord {
  row: number;
  fields: Record<string, unknown>;
}

/** The two register formats; they differ in field names and how lists are written. */
export type RegisterFormat = 'csv' | 'json';

/** The CSV columns: `id` and `name` are required; lists inside a cell are separated by `|`. */
export const REGISTER_CSV_COLUMNS = [
  'id',
  'name',
  'aliases',
  'type',
  'countries',
  'addresses',
  'birth_date',
  'lei',
  'registration',
  'tax_id',
  'imo',
  'owners',
] as const;

const IDENTIFIER_FIELDS: Record<RegisterFormat, [string, CounterpartyIdentifierType][]> = {
  csv: [
    ['lei', 'lei'],
    ['registration', 'registration'],
    ['tax_id', 'tax-id'],
    ['imo', 'imo'],
  ],
  json: [
    ['lei', 'lei'],
    ['registration', 'registration'],
    ['taxId', 'tax-id'],
    ['imo', 'imo'],
  ],
};

const TYPE_SPELLINGS: Record<string, CounterpartyType> = {
  person: 'person',
  individual: 'person',
  organization: 'organization',
  organisation: 'organization',
  company: 'organization',
  entity: 'organization',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Accepts a list given as a JSON array or a `|`-separated string (CSV); empty items dropped. */
function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'string')
    return value
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
  return [value];
}

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day && Number(m[1]) >= 1800;
}

/** Reads an owner written `ID:60`, `ID:60%`, `ID:controls` (CSV) or `{ownerId, share, controls}` (JSON). */
function ownerOf(value: unknown): { ownerId: string; share?: number; controls?: boolean } | string {
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    const share = o.share === undefined || o.share === null ? undefined : Number(o.share);
    if (typeof o.ownerId !== 'string' || !o.ownerId.trim()) return 'an owner needs an ownerId';
    if (share !== undefined && !(share > 0 && share <= 100))
      return `share ${String(o.share)} is not in (0, 100]`;
    if (share === undefined && o.controls !== true) return 'an owner needs a share or controls: true';
    return {
      ownerId: o.ownerId.trim(),
      ...(share !== undefined ? { share } : {}),
      ...(o.controls === true ? { controls: true } : {}),
    };
  }
  const text = String(value);
  const at = text.lastIndexOf(':');
  if (at <= 0) return `"${text}" is not OWNER_ID:SHARE% or OWNER_ID:controls`;
  const ownerId = text.slice(0, at).trim();
  const rest = text
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (rest === 'controls' || rest === 'control') return { ownerId, controls: true };
  const share = Number(rest.replace(/%$/, ''));
  if (!Number.isFinite(share) || !(share > 0 && share <= 100))
    return `"${text}": the share must be a percentage in (0, 100] or "controls"`;
  return { ownerId, share };
}

/** The problems of one record and, when it has none, the counterparty it describes. */
function readRecord(
  file: string,
  format: RegisterFormat,
  { row, fields }: RegisterRecord,
  ids: ReadonlySet<string>,
): { counterparty?: Counterparty; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ file, row, field, message });
  const text = (field: string): string => {
    const v = fields[field];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string' && typeof v !== 'number') {
      problem(field, 'must be text');
      return '';
    }
    return String(v).trim();
  };
  for (const [field, value] of Object.entries(fields)) {
    for (const item of listOf(value)) {
      const unsafe = typeof item === 'string' ? unsafeTextProblem(item) : undefined;
      if (unsafe) problem(field, `contains ${unsafe}`);
    }
  }
  const id = text('id');
  if (!id) problem('id', 'is required');
  else if (id.length > 100) problem('id', 'is longer than 100 characters');
  const namesField = format === 'csv' ? 'name' : 'names';
  const names =
    format === 'csv'
      ? [text('name'), ...listOf(fields.aliases).map(String)]
      : [...listOf(fields.names ?? fields.name).map(String), ...listOf(fields.aliases).map(String)];
  const cleanNames = [...new Set(names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (!names[0]?.trim()) problem(namesField, 'is required');
  const typeText = text('type').toLowerCase();
  const type = typeText ? TYPE_SPELLINGS[typeText] : 'organization';
  if (!type) problem('type', `"${typeText}" is not one of ${COUNTERPARTY_TYPES.join(', ')}`);
  const countries: string[] = [];
  for (const c of listOf(fields.countries ?? fields.country).map(String)) {
    const code = isCountryCode(c.toUpperCase()) ? c.toUpperCase() : countryCodeFromName(c);
    if (code) countries.push(code);
    else problem('countries', `"${c}" is not an ISO 3166-1 alpha-2 code or a country name`);
  }
  const addresses = listOf(fields.addresses ?? fields.address).map((a) => String(a).trim());
  const birthField = format === 'csv' ? 'birth_date' : 'birthDate';
  const birthDate = text(birthField);
  if (birthDate && !isRealDate(birthDate))
    problem(birthField, `"${birthDate}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  const identifiers: Counterparty['identifiers'] = [];
  for (const [field, idType] of IDENTIFIER_FIELDS[format]) {
    for (const raw of listOf(fields[field]).map(String)) {
      const checked = checkIdentifier(idType, raw);
      if ('problem' in checked) problem(field, checked.problem);
      else identifiers.push({ type: idType, value: checked.value });
    }
  }
  const owners: Counterparty['owners'] = [];
  for (const raw of listOf(fields.owners)) {
    const owner = ownerOf(raw);
    if (typeof owner === 'string') problem('owners', owner);
    else if (owner.ownerId === id) problem('owners', 'a counterparty cannot own itself');
    else if (!ids.has(owner.ownerId)) problem('owners', `owner "${owner.ownerId}" is not in the register`);
    else owners.push(owner);
  }
  const total = owners.reduce((n, o) => n + (o.share ?? 0), 0);
  if (total > 100.0001) problem('owners', `the owners' shares add up to ${total} %, more than 100 %`);
  if (problems.length > 0 || !type) return { problems };
  return {
    problems,
    counterparty: {
      id,
      type,
      names: cleanNames,
      countries: [...new Set(countries)],
      addresses: addresses.filter(Boolean),
      ...(birthDate ? { birthDate } : {}),
      identifiers,
      owners,
    },
  };
}

/**
 * Reads every record of a register file into counterparties, collecting every problem
 * (file, row, field) rather than stopping at the first: duplicate ids, and owners that
 * are neither in the file nor among `knownIds` (the organisation's stored register).
 */
export function readRegisterRecords(
  file: string,
  format: RegisterFormat,
  records: RegisterRecord[],
  knownIds: ReadonlySet<string> = new Set(),
): { counterparties: Counterparty[]; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  const counterparties: Counterparty[] = [];
  const idOf = (r: RegisterRecord) =>
    typeof r.fields.id === 'string' || typeof r.fields.id === 'number' ? String(r.fields.id).trim() : '';
  const ids = new Set([...knownIds, ...records.map(idOf).filter(Boolean)]);
  const firstRow = new Map<string, number>();
  for (const record of records) {
    const id = idOf(record);
    const seen = id ? firstRow.get(id) : undefined;
    const read = readRecord(file, format, record, ids);
    problems.push(...read.problems);
    if (seen !== undefined) {
      problems.push({ file, row: record.row, field: 'id', message: `"${id}" is also the id of row ${seen}` });
      continue;
    }
    if (id) firstRow.set(id, record.row);
    if (read.counterparty) counterparties.push(read.counterparty);
  }
  return { counterparties, problems };
}

/**
 * Refuses a register file that looks wholly wrong (`file-rejected`: no records, or
 * most records unreadable) or that has any row problem (`register-invalid`, every
 * problem in `details.problems`): a register import stores all of its rows or none.
 */
export function assertRegisterReadable(file: string, recordCount: number, problems: RegisterProblem[]): void {
  if (recordCount === 0) throw new DomainError('file-rejected', `${file} holds no counterparties`, { file });
  const badRows = new Set(problems.map((p) => p.row)).size;
  if (recordCount >= 4 && badRows > recordCount / 2)
    throw new DomainError(
      'file-rejected',
      `${file} does not look like a counterparty register: ${badRows} of ${recordCount} rows are unreadable`,
      { file, problems: problems.slice(0, 20) },
    );
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new DomainError(
      'register-invalid',
      `${file} has ${problems.length} problem(s) in ${badRows} row(s); nothing was imported. First: row ${first.row}, field ${first.field}: ${first.message}`,
      { file, row: first.row, field: first.field, problems },
    );
  }
}
