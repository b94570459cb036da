import {
  buildParty,
  countryCodeFromName,
  type ImportWarning,
  type PartialDate,
  type Party,
  type PartyCountry,
  type PartyIdentifier,
  type PartySchema,
} from '@entente/core';
import type { CslRecord } from './csl-record.ts';
import { identifierTypeOf, INFO_LABEL } from './csl-id-types.ts';
import { slugName } from '../common/name-slug.ts';
import { parseCslBirthDate, parseUsDate } from '../common/parse-us-date.ts';
import { subListCode } from './csl-sub-lists.ts';

/** The CSL source id. */
export const CSL_SOURCE = 'us-csl';

const SCHEMAS: Record<string, PartySchema> = {
  individual: 'person',
  entity: 'organization',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/**
 * The stable id of a CSL entry: the sub-list code, a hyphen, and the OFAC
 * `entity_number` where the entry has one (`SDN-17014`, `SSI-17014`: OFAC
 * numbers repeat across SDN, SSI, NS-MBS and PLC), else the slug of the name
 * (`EL-huawei-technologies-co-ltd`), since BIS and State entries carry only a
 * content hash that changes with every edit.
 */
export function cslSourceId(record: Pick<CslRecord, 'subList' | 'entityNumber' | 'name'>): string {
  const code = subListCode(record.subList);
  return record.entityNumber ? `${code}-${record.entityNumber}` : `${code}-${slugName(record.name)}`;
}

/** Context for warnings. */
interface WarnContext {
  file: string;
  warnings: ImportWarning[];
}

/**
 * Country spellings of the CSL that the shared table does not resolve: OFAC's
 * "region:" prefix, and the dissolved Netherlands Antilles (`AN`), which OFAC
 * still uses and which we map to its largest successor, Curaçao.
 */
const COUNTRY_FIXES: Record<string, string> = { AN: 'CW', 'NETHERLANDS ANTILLES': 'CW' };

function countryOf(text: string, row: number, field: string, ctx: WarnContext): string | undefined {
  const cleaned = text.replace(/^region:\s*/i, '').trim();
  const code = COUNTRY_FIXES[cleaned.toUpperCase()] ?? countryCodeFromName(cleaned);
  if (!code)
    ctx.warnings.push({
      kind: 'unknown-country',
      file: ctx.file,
      row,
      field,
      message: `Unknown country "${text}"`,
    });
  return code;
}

function addCountry(countries: PartyCountry[], code: string | undefined, role: PartyCountry['role']): void {
  if (code && !countries.some((c) => c.code === code && c.role === role)) countries.push({ code, role });
}

function identifiersOf(record: CslRecord): { ids: PartyIdentifier[]; gender?: string } {
  const ids: PartyIdentifier[] = [];
  let gender: string | undefined;
  for (const id of record.ids) {
    if (/^gender$/i.test(id.label)) gender = id.value.toLowerCase();
    else if (id.value && !INFO_LABEL.test(id.label)) {
      const type = identifierTypeOf(id.label);
      // OFAC writes IMO numbers as "IMO 9187629" under "Vessel Registration Identification".
      const value = type === 'imo' ? id.value.replace(/^IMO\s*/i, '') : id.value;
      ids.push({ type, value, label: id.label, ...(id.country ? { country: id.country } : {}) });
    }
  }
  if (record.callSign) ids.push({ type: 'other', value: record.callSign, label: 'Call Sign' });
  return gender ? { ids, gender } : { ids };
}

/** Maps one CSL record to a party of source `us-csl`, warning about unknown countries and unreadable dates. */
export function partyFromCslRecord(record: CslRecord, ctx: WarnContext): Party {
  const { row } = record;
  const countries: PartyCountry[] = [];
  const addresses = record.addresses.map((a) => {
    const code = a.country ? countryOf(a.country, row, 'addresses', ctx) : undefined;
    addCountry(countries, code, 'address');
    return code ? { full: a.full, country: code } : { full: a.full };
  });
  for (const n of record.nationalities)
    addCountry(countries, countryOf(n, row, 'nationalities', ctx), 'nationality');
  for (const c of record.citizenships)
    addCountry(countries, countryOf(c, row, 'citizenships', ctx), 'citizenship');
  if (record.vesselFlag) addCountry(countries, countryOf(record.vesselFlag, row, 'vessel_flag', ctx), 'flag');
  const birthDates: PartialDate[] = [];
  for (const d of record.datesOfBirth) {
    const parsed = parseCslBirthDate(d);
    if (parsed) birthDates.push(parsed);
    else
      ctx.warnings.push({
        kind: 'bad-date',
        file: ctx.file,
        row,
        field: 'dates_of_birth',
        message: `Unreadable birth date "${d}"`,
      });
  }
  const listedOn = record.startDate ? parseUsDate(record.startDate) : undefined;
  if (record.startDate && !listedOn) {
    ctx.warnings.push({
      kind: 'bad-date',
      file: ctx.file,
      row,
      field: 'start_date',
      message: `Unreadable start date "${record.startDate}"`,
    });
  }
  const { ids, gender } = identifiersOf(record);
  const vessel = [record.vesselType, record.vesselOwner && `owner: ${record.vesselOwner}`]
    .filter(Boolean)
    .join('; ');
  const remarks = [record.remarks, vessel, record.endDate && `end date: ${record.endDate}`]
    .filter(Boolean)
    .join('; ');
  return buildParty({
    source: CSL_SOURCE,
    sourceId: cslSourceId(record),
    schema: SCHEMAS[(record.type ?? '').toLowerCase()] ?? 'unknown',
    names: [
      { full: record.name, quality: 'primary' },
      ...record.altNames
        .filter((n) => n !== record.name)
        .map((full) => ({ full, quality: 'strong' as const })),
    ],
    birthDates,
    birthPlaces: record.placesOfBirth,
    countries,
    identifiers: ids,
    addresses,
    programs: record.programs,
    subList: record.subList,
    ...(listedOn ? { listedOn } : {}),
    ...(record.licenseRequirement ? { licenceRequirement: record.licenseRequirement } : {}),
    ...(record.licensePolicy ? { licencePolicy: record.licensePolicy } : {}),
    ...(record.federalRegisterNotice ? { citation: record.federalRegisterNotice } : {}),
    ...(record.title ? { positions: [record.title] } : {}),
    ...(gender ? { gender } : {}),
    ...(remarks ? { remarks } : {}),
    ...(record.sourceListUrl ? { sourceUrl: record.sourceListUrl } : {}),
  });
}
