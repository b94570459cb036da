import type { CountryRole, PartySchema } from '@entente/core';

/** `entityType` values and the schema each one means. */
export const ENTITY_TYPES: Record<string, PartySchema> = {
  individual: 'person',
  entity: 'organization',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** Name part types and the model's name part each fills; the others stay only in the full name. */
export const NAME_PARTS: Record<string, 'family' | 'given' | 'middle' | 'patronymic'> = {
  'last name': 'family',
  'first name': 'given',
  'middle name': 'middle',
  patronymic: 'patronymic',
};

/** OFAC's script codes that are not ISO 15924, and the ISO code for each. */
export const SCRIPT_CODES: Record<string, string> = {
  latin: 'Latn',
  hebrew: 'Hebr',
  japanese: 'Jpan',
  korean: 'Kore',
};

/** Address part types and the address field each fills (ADDRESS1-3 join into the street). */
export const ADDRESS_PARTS: Record<string, 'street' | 'city' | 'region' | 'postalCode'> = {
  address1: 'street',
  address2: 'street',
  address3: 'street',
  city: 'city',
  'state/province': 'region',
  region: 'region',
  'postal code': 'postalCode',
};

/** What a feature type means for the party; identifiers are found through the shared label table. */
export type FeatureRule =
  | { kind: 'birth-date' }
  | { kind: 'birth-place' }
  | { kind: 'country'; role: CountryRole }
  | { kind: 'gender' };

/** Feature types (lower case, trailing colon dropped) that fill a field of the party. */
export const FEATURE_RULES: Record<string, FeatureRule> = {
  birthdate: { kind: 'birth-date' },
  'organization established date': { kind: 'birth-date' },
  'place of birth': { kind: 'birth-place' },
  'nationality country': { kind: 'country', role: 'nationality' },
  'citizenship country': { kind: 'country', role: 'citizenship' },
  'nationality of registration': { kind: 'country', role: 'jurisdiction' },
  'vessel flag': { kind: 'country', role: 'flag' },
  gender: { kind: 'gender' },
};

/** The publication's list names that decide the source of its entities. */
export const SDN_LIST_NAME = 'SDN List';
/** The umbrella list every non-SDN entity belongs to; not a sub-list of its own. */
export const CONSOLIDATED_LIST_NAME = 'Consolidated List';
