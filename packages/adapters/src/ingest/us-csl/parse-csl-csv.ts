import { DomainError, type ImportWarning } from '@entente/core';
import type { CslId, CslRecord } from './csl-record.ts';
import { parseCslIdsColumn } from './parse-csl-ids.ts';
import { readCsvRecords } from './read-csv-records.ts';

/** The columns every CSL CSV has; a file without them is not a CSL CSV. */
const REQUIRED = ['source', 'name', 'alt_names', 'addresses'];

const list = (v: string | undefined): string[] =>
  v
    ? v
        .split(/;\s*/)
        .map((s) => s.trim().replace(/^and\s+/, ''))
        .filter(Boolean)
    : [];
const opt = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** "street, city, state, postal, CC; …" → addresses, the last part of each being its country. */
function addressesOf(text: string | undefined): CslRecord['addresses'] {
  return list(text).map((full) => {
    const parts = full.split(',').map((p) => p.trim());
    // The last part is the country unless it holds digits (a US postal code when the country is left out).
    const last = parts[parts.length - 1];
    return last && !/\d/.test(last) ? { full, country: last } : { full };
  });
}

/** Result of reading a CSL CSV: the records and the row-level problems met on the way. */
export interface CslCsvRecords {
  records: CslRecord[];
  warnings: ImportWarning[];
}

/**
 * Reads the trade.gov Consolidated Screening List CSV (29 columns, header
 * first). A repeated header line is skipped with a `duplicate-header` warning;
 * a record cut off by a truncated file is kept (when it has a name) with a
 * `truncated-record` warning; a record without a name is dropped with
 * `missing-name`. Throws `file-rejected` when the header lacks CSL columns.
 */
export function parseCslCsv(text: string, file: string): CslCsvRecords {
  const { records: rows, truncated } = readCsvRecords(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new DomainError(
      'file-rejected',
      `${file} is not a Consolidated Screening List CSV (no ${missing.join(', ')} column)`,
      {
        file,
        row: 1,
        field: missing[0],
      },
    );
  }
  const col = new Map(header.map((h, i) => [h, i]));
  const headerLine = rows[0]!.join(',');
  const warnings: ImportWarning[] = [];
  const records: CslRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    const row = r + 1;
    const get = (name: string): string | undefined => {
      const i = col.get(name);
      return i === undefined ? undefined : cells[i];
    };
    if (cells.join(',') === headerLine) {
      warnings.push({
        kind: 'duplicate-header',
        file,
        row,
        message: `Row ${row} repeats the header line; skipped`,
      });
      continue;
    }
    if (truncated && r === rows.length - 1) {
      warnings.push({
        kind: 'truncated-record',
        file,
        row,
        message: `The file ends inside row ${row}: ${cells.length} of ${header.length} fields`,
      });
    }
    const name = opt(get('name'));
    if (!name) {
      warnings.push({
        kind: 'missing-name',
        file,
        row,
        field: 'name',
        message: `Row ${row} has no name; dropped`,
      });
      continue;
    }
    const ids: CslId[] = parseCslIdsColumn(get('ids') ?? '');
    records.push({
      row,
      subList: opt(get('source')) ?? '',
      ...(opt(get('entity_number')) ? { entityNumber: opt(get('entity_number')) } : {}),
      ...(opt(get('type')) ? { type: opt(get('type')) } : {}),
      name,
      altNames: list(get('alt_names')),
      addresses: addressesOf(get('addresses')),
      programs: list(get('programs')),
      title: opt(get('title')),
      federalRegisterNotice: opt(get('federal_register_notice')),
      startDate: opt(get('start_date')),
      endDate: opt(get('end_date')),
      licenseRequirement: opt(get('license_requirement')),
      licensePolicy: opt(get('license_policy')),
      callSign: opt(get('call_sign')),
      vesselType: opt(get('vessel_type')),
      grossTonnage: opt(get('gross_tonnage')),
      grossRegisteredTonnage: opt(get('gross_registered_tonnage')),
      vesselFlag: opt(get('vessel_flag')),
      vesselOwner: opt(get('vessel_owner')),
      remarks: opt(get('remarks')),
      sourceListUrl: opt(get('source_list_url')),
      citizenships: list(get('citizenships')),
      datesOfBirth: list(get('dates_of_birth')),
      nationalities: list(get('nationalities')),
      placesOfBirth: list(get('places_of_birth')),
      ids,
    });
  }
  return { records, warnings };
}
