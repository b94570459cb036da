import type { IdentifierType, PartySchema } from '@entente/core';

/** The columns a custom watch list may have; `id` and `name` are required. */
export const CUSTOM_COLUMNS = [
  'id',
  'name',
  'type',
  'aliases',
  'country',
  'birth_date',
  'identifiers',
] as const;

/** One known column. */
export type CustomColumn = (typeof CUSTOM_COLUMNS)[number];

/** Header spellings users write, mapped to a column (keys are lower-case, `_`-joined). */
export const HEADER_ALIASES: Record<string, CustomColumn> = {
  birthdate: 'birth_date',
  dob: 'birth_date',
  date_of_birth: 'birth_date',
  alias: 'aliases',
  countries: 'country',
  identifier: 'identifiers',
  ids: 'identifiers',
  schema: 'type',
};

/** Values of the `type` column, mapped to a party schema (keys lower-case). */
export const TYPE_VALUES: Record<string, PartySchema> = {
  person: 'person',
  individual: 'person',
  organization: 'organization',
  organisation: 'organization',
  entity: 'organization',
  company: 'organization',
  vessel: 'vessel',
  ship: 'vessel',
  aircraft: 'aircraft',
  airplane: 'aircraft',
  unknown: 'unknown',
};

/** Identifier prefixes in the `identifiers` column (`imo:9187629`), mapped to a type (keys lower-case). */
export const IDENTIFIER_PREFIXES: Record<string, IdentifierType> = {
  imo: 'imo',
  mmsi: 'mmsi',
  passport: 'passport',
  'national-id': 'national-id',
  national_id: 'national-id',
  nid: 'national-id',
  id: 'national-id',
  tax: 'tax-id',
  'tax-id': 'tax-id',
  tin: 'tax-id',
  vat: 'tax-id',
  inn: 'tax-id',
  registration: 'registration',
  reg: 'registration',
  ogrn: 'registration',
  lei: 'lei',
  swift: 'swift-bic',
  bic: 'swift-bic',
  'swift-bic': 'swift-bic',
  crypto: 'crypto-address',
  'crypto-address': 'crypto-address',
  'aircraft-serial': 'aircraft-serial',
  msn: 'aircraft-serial',
  'aircraft-tail': 'aircraft-tail',
  tail: 'aircraft-tail',
  email: 'email',
  phone: 'phone',
  website: 'website',
  url: 'website',
  other: 'other',
};
