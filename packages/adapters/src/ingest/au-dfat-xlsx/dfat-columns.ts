import type { NameQuality, PartySchema } from '@entente/core';

/** The DFAT consolidated list's header row, as published (columns A to S). */
export const DFAT_HEADER = [
  'Reference',
  'Name of Individual or Entity',
  'Type',
  'Name Type',
  'Alias Strength',
  'Date of Birth',
  'Place of Birth',
  'Citizenship',
  'Address',
  'Additional Information',
  'Listing Information',
  'IMO Number',
  'Committees',
  'Control Date',
  'Instrument of Designation',
] as const;

/** `Type` → party schema. */
export const DFAT_SCHEMAS: Record<string, PartySchema> = {
  individual: 'person',
  entity: 'organization',
  vessel: 'vessel',
};

/** `Name Type` (and `Alias Strength` for aliases) → name quality. */
export function dfatNameQuality(nameType: string, strength: string): NameQuality {
  if (/primary/i.test(nameType)) return 'primary';
  return /weak/i.test(strength) ? 'weak' : 'strong';
}

/** The publisher's page for the list (the workbook carries no per-entry URL). */
export const DFAT_LIST_URL =
  'https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list';
