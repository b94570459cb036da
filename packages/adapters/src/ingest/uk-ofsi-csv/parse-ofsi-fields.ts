import {
  countryCodeFromName,
  type IdentifierType,
  type PartialDate,
  type PartyIdentifier,
} from '@entente/core';
import { isCalendarDate } from '../common/parse-iso-partial-date.ts';
import { DEMONYMS } from './demonyms.ts';

/**
 * An OFSI date `dd/mm/yyyy` where `00` marks an unknown day or month, as a
 * PartialDate with its precision; undefined when it is not such a date.
 *
 * @example
 * parseOfsiDate('00/00/1980') // { value: '1980', precision: 'year' }
 */
export function parseOfsiDate(text: string): PartialDate | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), m[3]!];
  const mm = String(month).padStart(2, '0');
  if (month === 0) return day === 0 ? { value: year, precision: 'year' } : undefined;
  if (month > 12) return undefined;
  if (day === 0) return { value: `${year}-${mm}`, precision: 'month' };
  if (!isCalendarDate(Number(year), month, day)) return undefined;
  return { value: `${year}-${mm}-${String(day).padStart(2, '0')}`, precision: 'day' };
}

/** Splits OFSI enumerations, "(1) A (2) B", "1) A 2) B", "(a) A (b) B", into their items. */
export function splitEnumeration(text: string): string[] {
  return text
    .split(/(?:^|\s)\(?(?:\d{1,2}|[a-h])\)(?:-\(\d{1,2}\))?\s*/)
    .map((s) => s.replace(/[\s.;,]+$/, '').trim())
    .filter((s) => s !== '');
}

/** The ISO-2 code for a country name or nationality adjective ("Syria", "Syrian", "Iran (Islamic Republic of)"). */
export function countryFromText(text: string): string | undefined {
  const t = text.trim().replace(/[.;,]+$/, '');
  if (t === '') return undefined;
  return countryCodeFromName(t) ?? DEMONYMS[t.toLowerCase()];
}

/** The UN reference (`QDi.001`, `QI.A.86.03`) named in an OFSI "Other Information" text. */
export function unReferenceIn(text: string): string | undefined {
  const m = /UN\s*Ref(?:erence)?\s*(?:No\.?)?\s*[:.]?\s*([A-Za-z]{1,4}(?:\.[A-Za-z0-9]+)+)/i.exec(text);
  return m?.[1];
}

/** IMO and MMSI numbers written in an OFSI "Other Information" text. */
export function vesselIdentifiersIn(text: string): PartyIdentifier[] {
  const ids: PartyIdentifier[] = [];
  for (const [type, re] of [
    ['imo', /\bIMO(?:\s*(?:number|no\.?))?\s*[:.]?\s*(\d{7})\b/gi],
    ['mmsi', /\bMMSI(?:\s*(?:number|no\.?))?\s*[:.]?\s*(\d{9})\b/gi],
  ] as const) {
    for (const m of text.matchAll(re)) ids.push({ type, value: m[1]! });
  }
  return ids;
}

/** A document number: has at least four digits and is not a date or a year. */
const ID_TOKEN =
  /(?<![\w/-])(?=[A-Z0-9/-]*\d[A-Z0-9/-]*\d[A-Z0-9/-]*\d[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{3,}[A-Z0-9](?![\w/-])/gi;
const DATE_LIKE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4})$/;

/**
 * The document numbers in a passport or national-id text, one per enumerated
 * item, with the issuing country when the text names it ("(Qatari passport …)",
 * "Tunisia number G557170"); the item text is kept as the label.
 */
export function identifiersIn(text: string, type: IdentifierType): PartyIdentifier[] {
  const ids: PartyIdentifier[] = [];
  for (const item of splitEnumeration(text)) {
    const value = [...item.matchAll(ID_TOKEN)].map((m) => m[0]).find((t) => !DATE_LIKE.test(t));
    if (!value) continue;
    const id: PartyIdentifier = { type, value, label: item };
    const country = issuingCountryIn(item);
    if (country) id.country = country;
    ids.push(id);
  }
  return ids;
}

function issuingCountryIn(item: string): string | undefined {
  const candidates: string[] = [];
  for (const m of item.matchAll(/\(([^()]+)\)/g)) {
    candidates.push(m[1]!, m[1]!.split(/\s+/)[0]!);
  }
  const lead = /^([A-Z][a-z]+)\b/.exec(item)?.[1];
  if (lead) candidates.push(lead);
  for (const c of candidates) {
    const code = countryFromText(c);
    if (code) return code;
  }
  return undefined;
}
