import { parse } from 'csv-parse/sync';
import { countryCodeFromName, DomainError, isCountryCode, type ImportWarning } from '@entente/core';
import type { DenialInput, TransactionParty, TransactionPartyRole } from '@entente/core';

/** The columns of the LITE denial-notification import format. */
export const DENIAL_CSV_COLUMNS = [
  'reference',
  'regime_reg_ref',
  'name',
  'address',
  'notifying_government',
  'country',
  'denial_cle',
  'item_description',
  'end_use',
  'reason_for_refusal',
  'entity_type',
] as const;

/** LITE entity types and the party role each one is. */
const ENTITY_ROLES: Record<string, TransactionPartyRole> = {
  end_user: 'end-user',
  consignee: 'consignee',
  third_party: 'third-party',
  ultimate_end_user: 'end-user',
};

/** One denial read from the file: everything but the date and sharing scope, which the importer supplies. */
export type ParsedDenial = Omit<DenialInput, 'deniedOn' | 'scope' | 'destination'> & {
  destination?: string;
  rows: number[];
};

/** What a denial CSV holds: denials grouped by reference, and row-level warnings. */
export interface ParsedDenialCsv {
  denials: ParsedDenial[];
  warnings: ImportWarning[];
  rowCount: number;
}

function countryOf(text: string): string | undefined {
  const t = text.trim();
  if (isCountryCode(t.toUpperCase())) return t.toUpperCase();
  return countryCodeFromName(t);
}

/**
 * Parses a denial notification CSV in the LITE format: one row per denied
 * party, rows sharing a `reference` (else `regime_reg_ref`) forming one
 * denial. The destination is the end user's country, else the consignee's.
 */
export function parseDenialCsv(text: string, file = 'denials.csv'): ParsedDenialCsv {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as typeof records;
  } catch (error) {
    throw new DomainError('file-rejected', `${file} is not a readable CSV: ${(error as Error).message}`, {
      file,
    });
  }
  const first = records[0]?.record;
  const missing = DENIAL_CSV_COLUMNS.filter((c) => !first || !(c in first));
  if (missing.length)
    throw new DomainError('file-rejected', `${file} lacks the columns ${missing.join(', ')}`, {
      file,
      missing,
    });
  const warnings: ImportWarning[] = [];
  const groups = new Map<string, ParsedDenial>();
  for (const { record: r, info } of records) {
    const row = info.lines;
    const key = r.reference || r.regime_reg_ref;
    if (!r.name || !key) {
      warnings.push({
        kind: 'missing-field',
        file,
        row,
        field: r.name ? 'reference' : 'name',
        message: 'Row skipped: it has no party name or no reference',
      });
      continue;
    }
    let role = ENTITY_ROLES[r.entity_type?.toLowerCase() ?? ''];
    if (!role) {
      warnings.push({
        kind: 'unknown-entity-type',
        file,
        row,
        field: 'entity_type',
        message: `Unknown entity type "${r.entity_type}", read as third party`,
      });
      role = 'third-party';
    }
    const country = r.country ? countryOf(r.country) : undefined;
    if (r.country && !country)
      warnings.push({
        kind: 'unknown-country',
        file,
        row,
        field: 'country',
        message: `Unknown country "${r.country}"`,
      });
    const party: TransactionParty = {
      role,
      name: r.name,
      ...(r.address ? { address: r.address } : {}),
      ...(country ? { country } : {}),
    };
    const denial = groups.get(key) ?? {
      ...(r.reference ? { reference: r.reference } : { reference: r.regime_reg_ref }),
      items: [],
      parties: [],
      endUse: r.end_use ?? '',
      reason: r.reason_for_refusal ?? '',
      ...(r.notifying_government ? { notifyingGovernment: r.notifying_government } : {}),
      rows: [],
    };
    if (r.denial_cle && !denial.items.some((i) => i.code === r.denial_cle))
      denial.items.push({ code: r.denial_cle, description: r.item_description ?? '' });
    denial.parties.push(party);
    denial.rows.push(row);
    groups.set(key, denial);
  }
  const denials = [...groups.values()].map((d) => {
    // The end user's country is where the goods end up; the consignee's is the next best guess.
    const destination = (['end-user', 'consignee'] as const)
      .map((r) => d.parties.find((p) => p.role === r && p.country)?.country)
      .find(Boolean);
    return destination ? { ...d, destination } : d;
  });
  return { denials, warnings, rowCount: records.length };
}
