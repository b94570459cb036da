import { buildParty } from '@entente/core';
import type { Party, PartialDate } from '@entente/core';
import { countriesFromText } from '../common/nationality-adjectives.ts';
import { parseDateText, parseSingleDate } from '../common/parse-date-text.ts';
import { splitEnumerated } from '../common/split-cell.ts';
import { countryCodeFor } from '../common/country-spellings.ts';
import { addCountry, addName, addUnique, buildName, cleanText } from '../common/party-fields.ts';
import type { WarningSink } from '../common/warning-sink.ts';
import { DFAT_LIST_URL, DFAT_SCHEMAS, dfatNameQuality } from './dfat-columns.ts';
import type { DfatRow } from './read-dfat-workbook.ts';

/** The text of a workbook cell (numbers and dates as written, rich text joined). */
export function cellText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText) return cleanText(v.richText.map((r) => r.text).join(''));
    return cellText(v.text ?? v.result);
  }
  return cleanText(String(value));
}

// A UN reference number at the start of "Additional Information" ("TAi.002. Title: …") is the listing's own.
const UN_REFERENCE = /^\s*([A-Z]{2}[ie]\.\d{3})\b/;
// The first date in "Listing Information" ("Listed by UN 1267 Committee on 25 January 2001 (amended …)").
const LISTING_DATE = /\b(\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4})\b/;

function birthDates(value: unknown, row: number, sink: WarningSink): PartialDate[] {
  if (value instanceof Date) return [{ value: value.toISOString().slice(0, 10), precision: 'day' }];
  if (typeof value === 'number') return [{ value: String(value), precision: 'year' }];
  const text = cellText(value);
  if (!text) return [];
  const { dates, unparsed } = parseDateText(text);
  for (const piece of unparsed) sink.add('bad-date', row, 'Date of Birth', `Unreadable date "${piece}"`);
  return dates;
}

/**
 * Builds one party from the rows sharing a DFAT reference (`123`, `123a`,
 * `123b`, …): the `Primary Name` row's name first, then original-script names
 * and aliases (strong or weak); the other columns repeat on every row and are unioned.
 */
export function partyFromDfatRows(reference: string, rows: DfatRow[], sink: WarningSink): Party | undefined {
  const named = rows.filter((r) => cellText(r.cells['Name of Individual or Entity']));
  for (const r of rows.filter((x) => !named.includes(x))) {
    sink.add(
      'missing-name',
      r.row,
      'Name of Individual or Entity',
      `Row ${r.row} (${cellText(r.cells.Reference)}) has no name; dropped`,
    );
  }
  if (named.length === 0) return undefined;
  const primaries = named.filter((r) => /primary/i.test(cellText(r.cells['Name Type']) ?? ''));
  if (primaries.length === 0) {
    sink.add(
      'missing-primary-name',
      named[0]?.row,
      'Name Type',
      `Reference ${reference} has no Primary Name row; its first name is used`,
    );
  } else if (primaries.length > 1) {
    sink.add(
      'duplicate-id',
      primaries[1]?.row,
      'Name Type',
      `Reference ${reference} has ${primaries.length} Primary Name rows; the others become aliases`,
    );
  }
  const first = primaries[0] ?? named[0];
  const ordered = [first, ...named.filter((r) => r !== first)];
  const type = ordered.map((r) => cellText(r.cells.Type)?.toLowerCase()).find(Boolean) ?? '';
  const party = buildParty({
    source: 'au-dfat',
    sourceId: reference,
    schema: DFAT_SCHEMAS[type] ?? 'unknown',
    sourceUrl: DFAT_LIST_URL,
  });
  for (const [i, r] of ordered.entries()) {
    const quality = i === 0 ? 'primary' : dfatNameQuality('', cellText(r.cells['Alias Strength']) ?? '');
    addName(party.names, buildName(cellText(r.cells['Name of Individual or Entity']), quality));
  }
  // Every row repeats the entry's columns: read each distinct value once, so a bad date warns once.
  const seenDates = new Set<string>();
  for (const r of ordered) {
    const { row, cells } = r;
    const dobKey = String(
      cells['Date of Birth'] instanceof Date ? cellText(cells['Date of Birth']) : cells['Date of Birth'],
    );
    const dob = seenDates.has(dobKey) ? undefined : cells['Date of Birth'];
    seenDates.add(dobKey);
    for (const d of birthDates(dob, row, sink)) {
      if (!party.birthDates.some((b) => b.value === d.value && b.to === d.to)) party.birthDates.push(d);
    }
    for (const place of splitEnumerated(cellText(cells['Place of Birth']) ?? ''))
      addUnique(party.birthPlaces, cleanText(place));
    for (const value of splitEnumerated(cellText(cells.Citizenship) ?? '')) {
      const { codes, unknown } = countriesFromText(value.replace(/:/g, ','));
      for (const code of codes) addCountry(party.countries, code, 'citizenship');
      for (const piece of unknown)
        sink.add('unknown-country', row, 'Citizenship', `Unknown country "${piece}"`);
    }
    for (const full of splitEnumerated(cellText(cells.Address) ?? '')) {
      if (!full || party.addresses.some((a) => a.full === full)) continue;
      const country = countryCodeFor(
        full
          .split(',')
          .at(-1)
          ?.replace(/\(.*?\)/g, '')
          .trim() ?? '',
      );
      party.addresses.push({ full, ...(country ? { country } : {}) });
      if (country) addCountry(party.countries, country, 'address');
    }
    const imo = cellText(cells['IMO Number']);
    if (imo && !party.identifiers.some((x) => x.value === imo))
      party.identifiers.push({ type: 'imo', value: imo });
    addUnique(party.programs, cellText(cells.Committees));
    addUnique(party.legalBasis, cellText(cells['Instrument of Designation']));
  }
  const info = cellText(first?.cells['Additional Information']);
  if (info) party.remarks = info;
  const unReference = info ? UN_REFERENCE.exec(info)?.[1] : undefined;
  if (unReference) party.unReference = unReference;
  const listing = cellText(first?.cells['Listing Information']);
  const listed = listing ? LISTING_DATE.exec(listing)?.[1] : undefined;
  const listedOn = listed ? parseSingleDate(listed.replace(',', '')) : undefined;
  if (listedOn) party.listedOn = listedOn.value;
  if (listing) party.citation = listing;
  return party;
}
