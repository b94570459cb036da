import { buildParty } from '@entente/core';
import type { NameQuality, Party } from '@entente/core';
import { addCountry, addName, addUnique, buildName, cleanText } from '../common/party-fields.ts';
import type { WarningSink } from '../common/warning-sink.ts';
import { celexActName, celexUrl } from './celex-act.ts';
import { EU_COUNTRY_COLUMNS, EU_IDENTIFIER_COLUMNS, EU_SCHEMAS } from './eu-columns.ts';
import { countriesFromText } from '../common/nationality-adjectives.ts';
import { parseDateText, parseSingleDate } from '../common/parse-date-text.ts';
import { splitCell, splitEnumerated } from '../common/split-cell.ts';
import type { EuJournalRow } from './read-eu-journal-csv.ts';
import { splitOriginalScript } from './split-original-script.ts';

/** Where a row comes from: its framework act and, for amendment rows, the amending act. */
export interface EuRowContext {
  frameworkCelex: string;
  amendingCelex?: string;
  sink: WarningSink;
}

/**
 * The stable id of a designation: framework CELEX, annex and the annex's
 * record number (`32014R0269/I.PERSONS/1`); where the act prints no number,
 * the name stands in for it (`32002R0881/I/~Al-Qaida`).
 */
export function euSourceId(frameworkCelex: string, cells: Record<string, string>): string {
  const key = cells.recordId || `~${(cells.name ?? '').replace(/\s+/g, ' ').trim()}`;
  return [frameworkCelex, cells.annex, key].filter(Boolean).join('/');
}

function addNames(party: Party, cell: string | undefined, quality: NameQuality): void {
  for (const value of splitCell(cell)) {
    for (const part of splitOriginalScript(value)) addName(party.names, buildName(part, quality));
  }
}

/** Maps one EU Journal row to a party; undefined, with a `missing-name` warning, when it has no name. */
export function partyFromEuRow({ row, cells }: EuJournalRow, ctx: EuRowContext): Party | undefined {
  const { sink } = ctx;
  const primary = buildName(cells.name, 'primary');
  if (!primary) {
    sink.add('missing-name', row, 'name', `Row ${row} has no name; dropped`);
    return undefined;
  }
  const schema = EU_SCHEMAS[cells.schema ?? ''];
  if (!schema) sink.add('unknown-schema', row, 'schema', `Unknown schema "${cells.schema}"`);
  const party = buildParty({
    source: 'eu-sanctions',
    sourceId: euSourceId(ctx.frameworkCelex, cells),
    schema: schema ?? 'unknown',
    sourceUrl: celexUrl(ctx.amendingCelex ?? ctx.frameworkCelex),
  });
  party.names.push(primary);
  addNames(party, cells.alias, 'strong');
  addNames(party, cells.previousName, 'strong');
  addNames(party, cells.weakAlias, 'weak');
  for (const column of ['birthDate', 'incorporationDate']) {
    for (const value of splitCell(cells[column])) {
      const { dates, unparsed } = parseDateText(value);
      for (const d of dates)
        if (!party.birthDates.some((b) => b.value === d.value && b.to === d.to)) party.birthDates.push(d);
      for (const piece of unparsed) sink.add('bad-date', row, column, `Unreadable date "${piece}"`);
    }
  }
  for (const value of splitCell(cells.birthPlace))
    for (const p of splitEnumerated(value)) addUnique(party.birthPlaces, p);
  for (const [column, role] of Object.entries(EU_COUNTRY_COLUMNS)) {
    for (const value of splitCell(cells[column]).flatMap(splitEnumerated)) {
      const { codes, unknown } = countriesFromText(value);
      for (const code of codes) addCountry(party.countries, code, role);
      for (const piece of unknown)
        sink.add('unknown-country', row, column, `Unknown country "${piece}" in "${value}"`);
    }
  }
  for (const [column, { type, label }] of Object.entries(EU_IDENTIFIER_COLUMNS)) {
    for (const value of splitCell(cells[column]))
      party.identifiers.push({ type, value, ...(label ? { label } : {}) });
  }
  for (const value of splitCell(cells.address).flatMap(splitEnumerated)) {
    if (!party.addresses.some((a) => a.full === value)) party.addresses.push({ full: value });
  }
  addUnique(party.programs, cleanText(cells.programKey));
  party.legalBasis.push(celexActName(ctx.frameworkCelex));
  if (ctx.amendingCelex) party.citation = celexActName(ctx.amendingCelex);
  const listedOn = parseSingleDate(cells.startDate ?? '');
  if (listedOn) party.listedOn = listedOn.value;
  else if (cells.startDate)
    sink.add('bad-date', row, 'startDate', `Unreadable listing date "${cells.startDate}"`);
  if (cells.annex) party.subList = `Annex ${cells.annex}${cells.measure ? ` (${cells.measure})` : ''}`;
  const gender = splitCell(cells.gender)[0];
  if (gender) party.gender = gender.toLowerCase();
  const positions = splitCell(cells.position);
  if (positions.length > 0) party.positions = positions;
  const remarks = [...splitCell(cells.notes), cleanText(cells.reason)].filter(Boolean).join('\n');
  if (remarks) party.remarks = remarks;
  return party;
}
