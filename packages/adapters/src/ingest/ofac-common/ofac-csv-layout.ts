import type { NameQuality, PartySchema } from '@entente/core';

/** Columns of the primary file (`sdn.csv`, `cons_prim.csv`), by OFAC's own column names. */
export const PRIMARY_COLUMNS = [
  'ent_num',
  'SDN_Name',
  'SDN_Type',
  'Program',
  'Title',
  'Call_Sign',
  'Vess_type',
  'Tonnage',
  'GRT',
  'Vess_flag',
  'Vess_owner',
  'Remarks',
] as const;

/** Columns of the alias file (`alt.csv`, `cons_alt.csv`). */
export const ALT_COLUMNS = ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'] as const;

/** Columns of the address file (`add.csv`, `cons_add.csv`). */
export const ADD_COLUMNS = [
  'ent_num',
  'add_num',
  'Address',
  'City/State/Province/Postal Code',
  'Country',
  'add_remarks',
] as const;

/** Columns of the remarks continuation file (`sdn_comments.csv`, `cons_comments.csv`). */
export const COMMENT_COLUMNS = ['ent_num', 'Remarks_Extended'] as const;

/** The index of a named column. */
export function col<T extends readonly string[]>(columns: T, name: T[number]): number {
  return columns.indexOf(name);
}

/** SDN_Type values and the schema each one means; OFAC leaves the type empty for entities. */
export const OFAC_TYPES: Record<string, PartySchema> = {
  '': 'organization',
  individual: 'person',
  entity: 'organization',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** alt_type values: all of them are strong aliases unless OFAC marks them weak. */
export const ALT_TYPE_QUALITY: Record<string, NameQuality> = {
  aka: 'strong',
  fka: 'strong',
  nka: 'strong',
  'weak aka': 'weak',
  'low quality aka': 'weak',
};

/** alt_remarks that mark an alias weak. */
export const WEAK_ALIAS_REMARK = /low quality|weak/i;

/** Vessel columns that have no place in the model; they are kept in the remarks. */
export const VESSEL_DETAIL_COLUMNS: { column: (typeof PRIMARY_COLUMNS)[number]; label: string }[] = [
  { column: 'Vess_type', label: 'Vessel Type' },
  { column: 'Tonnage', label: 'Tonnage' },
  { column: 'GRT', label: 'Gross Registered Tonnage' },
  { column: 'Vess_owner', label: 'Vessel Owner' },
];

/** OFAC's public page for one record. */
export function ofacRecordUrl(entNum: string): string {
  return `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${entNum}`;
}
