import {
  buildParty,
  countryCodeFromName,
  type ImportWarning,
  type Party,
  type PartyAddress,
} from '@entente/core';
import { slugName } from '../common/name-slug.ts';
import { parseUsDate } from '../common/parse-us-date.ts';
import { ORGANIZATION_WORDS } from '../common/organization-words.ts';
import { COUNTRY_HEADINGS } from './entity-rules.ts';
import { parseEntityCell } from './parse-entity-cell.ts';
import type { SupplementEntry } from './read-supplement-rows.ts';

/** What the parties of one supplement share. */
export interface SupplementInfo {
  source: string;
  file: string;
  legalBasis: string;
  sourceUrl: string;
}

function headingCountry(heading: string): string | undefined {
  return COUNTRY_HEADINGS[heading.toUpperCase()] ?? countryCodeFromName(heading);
}

/** The country an address ends with ("…, Kowloon, Hong Kong", "…, 310 Taiwan"), if recognisable. */
function addressCountry(address: string): string | undefined {
  const last = address.split(',').pop()!.trim();
  return (
    countryCodeFromName(last) ??
    countryCodeFromName(last.replace(/^[\w-]*\d[\w-]*(?:\s+[\w-]*\d[\w-]*)*\s+/, ''))
  );
}

/** The earliest date among the Federal Register citations ("76 FR 71869, 11/21/11."). */
function firstCitedDate(citation: string): string | undefined {
  const dates = [...citation.matchAll(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g)]
    .map((m) => parseUsDate(m[0]))
    .filter(Boolean) as string[];
  return dates.sort()[0];
}

/**
 * The stable id of a listed entity: ISO-2 of its country heading (or the
 * heading's slug when unknown), a hyphen, and the slug of its primary name;
 * a subordinate institution's id inserts its parent's slug
 * (`CN-china-aerospace-science-and-industry-corporation-second-academy--201-research-institute`).
 */
export function entitySourceId(country: string, name: string, parent?: string): string {
  return parent ? `${country}-${slugName(parent)}--${slugName(name)}` : `${country}-${slugName(name)}`;
}

function mergeInto(target: Party, extra: Party): void {
  const seen = new Set(target.names.map((n) => n.full));
  for (const n of extra.names)
    if (!seen.has(n.full))
      target.names.push({ ...n, quality: n.quality === 'primary' ? 'strong' : n.quality });
  const addr = new Set(target.addresses.map((a) => a.full));
  target.addresses.push(...extra.addresses.filter((a) => !addr.has(a.full)));
  for (const c of extra.countries)
    if (!target.countries.some((t) => t.code === c.code)) target.countries.push(c);
  if (extra.citation && extra.citation !== target.citation)
    target.citation = `${target.citation ?? ''}; ${extra.citation}`.replace(/^; /, '');
}

/** Turns the grouped rows of the Entity List or MEU table into parties, merging same-id entries with a `duplicate-id` warning. */
export function buildEntityParties(
  entries: SupplementEntry[],
  info: SupplementInfo,
  warnings: ImportWarning[],
): Party[] {
  const byId = new Map<string, Party>();
  const warnedCountries = new Set<string>();
  for (const entry of entries) {
    const cc = headingCountry(entry.country);
    if (!cc && !warnedCountries.has(entry.country)) {
      warnedCountries.add(entry.country);
      warnings.push({
        kind: 'unknown-country',
        file: info.file,
        row: entry.row,
        field: 'country',
        message: `Unknown country heading "${entry.country}"`,
      });
    }
    const cells = parseEntityCell(entry.text);
    if (cells.length === 0) {
      warnings.push({
        kind: 'missing-name',
        file: info.file,
        row: entry.row,
        field: 'entity',
        message: `No entity name in "${entry.text.slice(0, 60)}"; dropped`,
      });
    }
    for (const cell of cells) {
      const addresses: PartyAddress[] = cell.addresses.map((full) => {
        const country = addressCountry(full) ?? cc;
        return country ? { full, country } : { full };
      });
      const codes = [...new Set([cc, ...addresses.map((a) => a.country)].filter((c): c is string => !!c))];
      const listedOn = firstCitedDate(entry.citation);
      const party = buildParty({
        source: info.source,
        sourceId: entitySourceId(cc ?? slugName(entry.country), cell.name, cell.subordinateOf),
        schema: ORGANIZATION_WORDS.test([cell.name, ...cell.aliases].join(' ')) ? 'organization' : 'unknown',
        names: [
          { full: cell.name, quality: 'primary' },
          ...cell.aliases.map((full) => ({ full, quality: 'strong' as const })),
          ...cell.formerNames.map((full) => ({ full, quality: 'weak' as const })),
        ],
        countries: codes.map((code) => ({ code, role: 'address' as const })),
        addresses,
        legalBasis: [info.legalBasis],
        sourceUrl: info.sourceUrl,
        ...(entry.licenceRequirement ? { licenceRequirement: entry.licenceRequirement } : {}),
        ...(entry.licencePolicy ? { licencePolicy: entry.licencePolicy } : {}),
        ...(entry.citation ? { citation: entry.citation } : {}),
        ...(listedOn ? { listedOn } : {}),
        ...(cell.subordinateOf ? { remarks: `Subordinate institution of ${cell.subordinateOf}` } : {}),
      });
      const existing = byId.get(party.sourceId);
      if (existing) {
        warnings.push({
          kind: 'duplicate-id',
          file: info.file,
          row: entry.row,
          field: 'entity',
          message: `"${cell.name}" is listed twice under ${entry.country}; merged`,
        });
        mergeInto(existing, party);
      } else byId.set(party.sourceId, party);
    }
  }
  return [...byId.values()];
}
