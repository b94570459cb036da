import { DomainError, type ImportWarning } from '@entente/core';
import type { CslId, CslRecord } from './csl-record.ts';
import { parseCslIdsColumn } from './parse-csl-ids.ts';

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** A JSON list field: an array of strings, or one string joined with "; " (both occur in CSL exports). */
function strings(v: unknown): string[] {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return items
    .flatMap((s) => (typeof s === 'string' ? s.split(/;\s*/) : []))
    .map((s) => s.trim())
    .filter(Boolean);
}

function addressesOf(v: unknown): CslRecord['addresses'] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((a: unknown) => {
    if (typeof a === 'string') return [{ full: a }];
    if (!a || typeof a !== 'object') return [];
    const o = a as Json;
    const country = str(o.country);
    const full = [o.address, o.city, o.state, o.postal_code, o.country].map(str).filter(Boolean).join(', ');
    return full ? [country ? { full, country } : { full }] : [];
  });
}

function idsOf(v: unknown): CslId[] {
  if (typeof v === 'string') return parseCslIdsColumn(v);
  if (!Array.isArray(v)) return [];
  return v.flatMap((i: unknown) => {
    if (!i || typeof i !== 'object') return [];
    const o = i as Json;
    const label = str(o.type);
    const value = str(o.number);
    const country = str(o.country);
    if (!label || !value) return [];
    return [country ? { label, value, country } : { label, value }];
  });
}

/** Result of reading a CSL JSON export. */
export interface CslJsonRecords {
  records: CslRecord[];
  warnings: ImportWarning[];
  /** `sources_generated_at` / `sources_used[].source_last_updated`, as `YYYY-MM-DD`, when present. */
  generatedAt?: string;
}

/**
 * Reads the trade.gov Consolidated Screening List JSON (the API's and bulk
 * file's shape: an object with a `results` array). A result without a name
 * is dropped with `missing-name`. Throws `file-rejected` when the text is not
 * JSON or has no `results` array.
 */
export function parseCslJson(text: string, file: string): CslJsonRecords {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new DomainError('file-rejected', `${file} is not valid JSON: ${(err as Error).message}`, { file });
  }
  const results = doc && typeof doc === 'object' ? (doc as Json).results : undefined;
  if (!Array.isArray(results)) {
    throw new DomainError(
      'file-rejected',
      `${file} is not a Consolidated Screening List JSON (no "results" array)`,
      { file, field: 'results' },
    );
  }
  const warnings: ImportWarning[] = [];
  const records: CslRecord[] = [];
  results.forEach((item: unknown, index) => {
    const row = index + 1;
    const o = (item && typeof item === 'object' ? item : {}) as Json;
    const name = str(o.name);
    if (!name) {
      warnings.push({
        kind: 'missing-name',
        file,
        row,
        field: 'name',
        message: `Result ${row} has no name; dropped`,
      });
      return;
    }
    records.push({
      row,
      subList: str(o.source) ?? '',
      ...(str(o.entity_number) ? { entityNumber: str(o.entity_number) } : {}),
      ...(str(o.type) ? { type: str(o.type) } : {}),
      name,
      altNames: strings(o.alt_names),
      addresses: addressesOf(o.addresses),
      programs: strings(o.programs),
      title: str(o.title),
      federalRegisterNotice: str(o.federal_register_notice),
      startDate: str(o.start_date),
      endDate: str(o.end_date),
      licenseRequirement: str(o.license_requirement),
      licensePolicy: str(o.license_policy),
      callSign: str(o.call_sign),
      vesselType: str(o.vessel_type),
      grossTonnage: str(o.gross_tonnage),
      grossRegisteredTonnage: str(o.gross_registered_tonnage),
      vesselFlag: str(o.vessel_flag),
      vesselOwner: str(o.vessel_owner),
      remarks: str(o.remarks),
      sourceListUrl: str(o.source_list_url),
      citizenships: strings(o.citizenships),
      datesOfBirth: strings(o.dates_of_birth),
      nationalities: strings(o.nationalities),
      placesOfBirth: strings(o.places_of_birth),
      ids: idsOf(o.ids),
    });
  });
  const generated = str((doc as Json).sources_generated_at);
  const generatedAt = generated && /^\d{4}-\d{2}-\d{2}/.test(generated) ? generated.slice(0, 10) : undefined;
  return generatedAt ? { records, warnings, generatedAt } : { records, warnings };
}
