import { buildParty, countryCodeFromName, DomainError, type ImportWarning, type Party } from '@entente/core';
import { ORGANIZATION_WORDS } from '../common/organization-words.ts';
import { slugName } from '../common/name-slug.ts';
import { parseUsDate } from '../common/parse-us-date.ts';
import { US_STATES } from './us-states.ts';

/** The DPL source id. */
export const DPL_SOURCE = 'us-bis-dpl';

const REQUIRED = ['Name', 'Street_Address', 'Country', 'Effective_Date', 'FR_Citation'];
const DPL_URL = 'https://www.bis.gov/licensing/end-user-guidance/denied-persons-list-dpl';

/** One tab-separated line, each field's surrounding quotes removed and doubled quotes undone. */
function splitDplLine(line: string): string[] {
  return line.split('\t').map((f) =>
    f
      .trim()
      .replace(/^"([\s\S]*)"$/, '$1')
      .replace(/""/g, '"')
      .trim(),
  );
}

/**
 * The latest `Last_Update`, ignoring (with a `bad-date` warning) typos more
 * than a year after the latest effective date: the 2023 file has "3033-09-30".
 */
function latestPlausibleUpdate(
  updates: { date: string; row: number }[],
  latestEffective: string | undefined,
  file: string,
  warnings: ImportWarning[],
): string | undefined {
  const limit = latestEffective
    ? `${Number(latestEffective.slice(0, 4)) + 1}${latestEffective.slice(4)}`
    : '9999';
  let latest: string | undefined;
  for (const { date, row } of updates) {
    if (date > limit) {
      warnings.push({
        kind: 'bad-date',
        file,
        row,
        field: 'Last_Update',
        message: `Implausible update date "${date}" (after ${limit}); ignored`,
      });
    } else if (!latest || date > latest) latest = date;
  }
  return latest;
}

/** Result of reading a DPL file: its parties (one per denied person), warnings, and the latest `Last_Update`. */
export interface DplParse {
  parties: Party[];
  warnings: ImportWarning[];
  lastUpdate?: string;
}

/**
 * Reads the BIS Denied Persons List text file (tab-separated, quoted, header
 * `Name, Street_Address, City, State, Country, Postal_Code, Effective_Date,
 * Expiration_Date, Standard_Order, Last_Update, Action, FR_Citation`). The DPL
 * repeats a person once per address or order, with no id, so rows are keyed by
 * the slug of the name and repeats merged with a `duplicate-id` warning.
 * Throws `file-rejected` when the header is not the DPL's.
 */
export function parseBisDpl(text: string, file: string): DplParse {
  const lines = text.split(/\r?\n/);
  const header = splitDplLine(lines[0] ?? '');
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new DomainError(
      'file-rejected',
      `${file} is not a BIS Denied Persons List file (no ${missing.join(', ')} column)`,
      {
        file,
        row: 1,
        field: missing[0],
      },
    );
  }
  const col = (cells: string[], name: string): string => cells[header.indexOf(name)] ?? '';
  const warnings: ImportWarning[] = [];
  const byId = new Map<string, Party>();
  const updates: { date: string; row: number }[] = [];
  let latestEffective: string | undefined;
  lines.forEach((line, index) => {
    const row = index + 1;
    if (index === 0 || !line.trim()) return;
    const cells = splitDplLine(line);
    const name = col(cells, 'Name').replace(/\s+/g, ' ');
    if (!name) {
      warnings.push({
        kind: 'missing-name',
        file,
        row,
        field: 'Name',
        message: `Row ${row} has no name; dropped`,
      });
      return;
    }
    const state = col(cells, 'State');
    const countryText = col(cells, 'Country');
    const country = countryText ? countryCodeFromName(countryText) : US_STATES.has(state) ? 'US' : undefined;
    if (countryText && !country) {
      warnings.push({
        kind: 'unknown-country',
        file,
        row,
        field: 'Country',
        message: `Unknown country "${countryText}"`,
      });
    }
    const full = [
      col(cells, 'Street_Address'),
      col(cells, 'City'),
      state,
      col(cells, 'Postal_Code'),
      countryText || country,
    ]
      .filter(Boolean)
      .join(', ');
    const dates: Record<string, string | undefined> = {};
    for (const field of ['Effective_Date', 'Expiration_Date', 'Last_Update']) {
      const raw = col(cells, field);
      dates[field] = raw ? parseUsDate(raw) : undefined;
      if (raw && !dates[field])
        warnings.push({ kind: 'bad-date', file, row, field, message: `Unreadable date "${raw}"` });
    }
    if (dates.Last_Update) updates.push({ date: dates.Last_Update, row });
    if (dates.Effective_Date && (!latestEffective || dates.Effective_Date > latestEffective))
      latestEffective = dates.Effective_Date;
    const remarks = [
      col(cells, 'Action'),
      dates.Expiration_Date && `expires ${dates.Expiration_Date}`,
      col(cells, 'Standard_Order') === 'Y' && 'standard order',
    ]
      .filter(Boolean)
      .join('; ');
    const citation = col(cells, 'FR_Citation');
    const sourceId = slugName(name);
    const existing = byId.get(sourceId);
    if (existing) {
      warnings.push({
        kind: 'duplicate-id',
        file,
        row,
        field: 'Name',
        message: `"${name}" repeats an earlier row; merged`,
      });
      if (full && !existing.addresses.some((a) => a.full === full))
        existing.addresses.push(country ? { full, country } : { full });
      if (country && !existing.countries.some((c) => c.code === country))
        existing.countries.push({ code: country, role: 'address' });
      if (citation && !existing.citation?.includes(citation))
        existing.citation = existing.citation ? `${existing.citation}; ${citation}` : citation;
      if (dates.Effective_Date && (!existing.listedOn || dates.Effective_Date < existing.listedOn))
        existing.listedOn = dates.Effective_Date;
      return;
    }
    byId.set(
      sourceId,
      buildParty({
        source: DPL_SOURCE,
        sourceId,
        schema: ORGANIZATION_WORDS.test(name) ? 'organization' : 'unknown',
        names: [{ full: name, quality: 'primary' }],
        countries: country ? [{ code: country, role: 'address' }] : [],
        addresses: full ? [country ? { full, country } : { full }] : [],
        legalBasis: ['15 CFR 764.3(a)(2) (denial order)'],
        sourceUrl: DPL_URL,
        ...(dates.Effective_Date ? { listedOn: dates.Effective_Date } : {}),
        ...(citation ? { citation } : {}),
        ...(remarks ? { remarks } : {}),
      }),
    );
  });
  const lastUpdate = latestPlausibleUpdate(updates, latestEffective, file, warnings);
  return lastUpdate
    ? { parties: [...byId.values()], warnings, lastUpdate }
    : { parties: [...byId.values()], warnings };
}
