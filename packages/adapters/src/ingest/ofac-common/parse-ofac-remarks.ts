import type { NameQuality, PartialDate, PartyCountry, PartyIdentifier } from '@entente/core';
import { findIdentifierLabel } from './identifier-labels.ts';
import { readOfacCountry, ofacCountryCode } from './ofac-countries.ts';
import { parseOfacDate } from './parse-ofac-date.ts';
import {
  BRACKETED_VALUE_TYPES,
  GENDERS,
  IDENTIFIER_VALUE_END,
  REMARK_ALIAS_PREFIXES,
  REMARK_COUNTRY_KEYWORDS,
  REMARK_DATE_KEYWORDS,
  REMARK_PLACE_KEYWORDS,
} from './remark-rules.ts';

/** A problem in one remark segment; the caller adds file and row. */
export interface RemarkProblem {
  kind: 'bad-date' | 'unknown-country';
  message: string;
}

/** What the remarks of one OFAC record say, in model terms. */
export interface OfacRemarkFacts {
  aliases: { full: string; quality: NameQuality }[];
  birthDates: PartialDate[];
  birthPlaces: string[];
  countries: PartyCountry[];
  identifiers: PartyIdentifier[];
  gender?: string;
  problems: RemarkProblem[];
}

/** The text after `keyword` when the segment starts with it as a whole word, else undefined. */
function afterKeyword(segment: string, keyword: string): string | undefined {
  if (segment.length <= keyword.length || !segment.toLowerCase().startsWith(keyword.toLowerCase()))
    return undefined;
  const next = segment.charAt(keyword.length);
  return next === ' ' || next === ':' ? segment.slice(keyword.length + 1).replace(/^:?\s*/, '') : undefined;
}

/** The country of the last parenthesis that names one: "(Florida) (United States)" gives US. */
function countryFromParentheses(text: string): string | undefined {
  let code: string | undefined;
  for (const m of text.matchAll(/\(([^()]+)\)/g)) code = ofacCountryCode(m[1]!) ?? code;
  return code;
}

/** Reads one identifier segment; undefined when the segment does not start with a known label. */
function readIdentifier(segment: string): PartyIdentifier | undefined {
  const entry = findIdentifierLabel(segment);
  if (!entry) return undefined;
  let label = entry.label;
  let rest = segment.slice(entry.label.length).replace(/^[\s:#]+/, '');
  if (entry.withToken) {
    const token = /^\S+/.exec(rest)?.[0] ?? '';
    label = `${label} ${token}`;
    rest = rest.slice(token.length).trim();
  }
  const end = BRACKETED_VALUE_TYPES.has(entry.type) ? null : IDENTIFIER_VALUE_END.exec(rest);
  let value = (end ? rest.slice(0, end.index) : rest).trim().replace(/[.,]$/, '');
  if (entry.valuePrefix && value.toUpperCase().startsWith(`${entry.valuePrefix} `)) {
    value = value.slice(entry.valuePrefix.length + 1).trim();
  }
  if (!value) return undefined;
  const identifier: PartyIdentifier = { type: entry.type, value, label };
  const country = end ? countryFromParentheses(rest.slice(end.index)) : undefined;
  if (country) identifier.country = country;
  return identifier;
}

/** Splits remarks into segments: "; "-separated, "alt." dropped, closing full stop dropped. */
export function splitOfacRemarks(remarks: string): string[] {
  return remarks
    .split(/;\s*/)
    .map((s) => s.trim().replace(/^alt\.\s+/i, ''))
    .filter((s) => s.length > 0);
}

/**
 * Reads the facts OFAC packs into a remarks text: weak aliases, birth dates,
 * places of birth, nationality and citizenship, gender and typed identifiers.
 * Segments it does not recognise stay only in the remarks text.
 *
 * @example
 * parseOfacRemarks("DOB 28 Jul 1963; Passport P0017003 (Belize); a.k.a. 'BURTON BURGESS'.")
 */
export function parseOfacRemarks(remarks: string): OfacRemarkFacts {
  const facts: OfacRemarkFacts = {
    aliases: [],
    birthDates: [],
    birthPlaces: [],
    countries: [],
    identifiers: [],
    problems: [],
  };
  for (const raw of splitOfacRemarks(remarks)) {
    const alias = REMARK_ALIAS_PREFIXES.find((a) => raw.toLowerCase().startsWith(a.prefix));
    if (alias) {
      const full = raw
        .slice(alias.prefix.length)
        .trim()
        .replace(/^,\s*/, '')
        .replace(/\.$/, '')
        .replace(/^'|'$/g, '')
        .trim();
      if (full) facts.aliases.push({ full, quality: alias.quality });
      continue;
    }
    const segment = raw.replace(/\.$/, '');
    if (readFact(segment, facts)) continue;
    const identifier = readIdentifier(segment);
    if (identifier) facts.identifiers.push(identifier);
  }
  return facts;
}

/** Reads a date, place, country or gender segment into `facts`; false when it is none of these. */
function readFact(segment: string, facts: OfacRemarkFacts): boolean {
  for (const keyword of REMARK_DATE_KEYWORDS) {
    const text = afterKeyword(segment, keyword);
    if (text === undefined) continue;
    const date = parseOfacDate(text);
    if (date) facts.birthDates.push(date);
    else facts.problems.push({ kind: 'bad-date', message: `Unreadable ${keyword} "${text}"` });
    return true;
  }
  for (const keyword of REMARK_PLACE_KEYWORDS) {
    const text = afterKeyword(segment, keyword);
    if (text === undefined) continue;
    facts.birthPlaces.push(text);
    // A place of birth names its country last ("Toledo District, Belize"), when it names one.
    const code = ofacCountryCode(text.split(',').at(-1) ?? '');
    if (code) facts.countries.push({ code, role: 'birth' });
    return true;
  }
  for (const { keyword, role } of REMARK_COUNTRY_KEYWORDS) {
    const text = afterKeyword(segment, keyword);
    if (text === undefined) continue;
    const country = readOfacCountry(text);
    if (country.code) facts.countries.push({ code: country.code, role });
    else if (country.unknown)
      facts.problems.push({ kind: 'unknown-country', message: `Unknown ${keyword} "${text}"` });
    return true;
  }
  const gender = afterKeyword(segment, 'Gender');
  if (gender !== undefined) {
    facts.gender = GENDERS[gender.toLowerCase()] ?? gender;
    return true;
  }
  return false;
}
