import type { CountryRole, IdentifierType, PartySchema } from '@entente/core';

/** A FollowTheMoney entity as one JSON line (`{"id","schema","properties","datasets"}`). */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  /** Entente's extension: the listing's own source and id, and the party fields FtM cannot express. */
  entente?: FtmEntenteExtension;
  [key: string]: unknown;
}

/** What an exported entity carries beyond FtM properties so that re-import gives back the same party. */
export interface FtmEntenteExtension {
  source: string;
  sourceId: string;
  /** Party fields whose FtM form loses detail, as they were (null: the field was absent). */
  [field: string]: unknown;
}

/** FtM schemata read as parties. */
export const SCHEMA_FROM_FTM: Record<string, PartySchema> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'organization',
  PublicBody: 'organization',
  LegalEntity: 'unknown',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

/** The FtM schema each party schema is written as. */
export const SCHEMA_TO_FTM: Record<PartySchema, string> = {
  person: 'Person',
  organization: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
  unknown: 'LegalEntity',
};

/** Country properties and the role they give, in the order they are read. */
export const COUNTRY_PROPS: [prop: string, role: CountryRole][] = [
  ['nationality', 'nationality'],
  ['citizenship', 'citizenship'],
  ['birthCountry', 'birth'],
  ['jurisdiction', 'jurisdiction'],
  ['flag', 'flag'],
  ['country', 'other'],
];

/** The property a country role is written to (roles without their own property go to `country`). */
export const COUNTRY_ROLE_PROP: Partial<Record<CountryRole, string>> = {
  nationality: 'nationality',
  citizenship: 'citizenship',
  birth: 'birthCountry',
  jurisdiction: 'jurisdiction',
  flag: 'flag',
};

/** Identifier properties, their type, and the label that singles out a national register. */
export const IDENTIFIER_PROPS: [prop: string, type: IdentifierType, label?: string][] = [
  ['passportNumber', 'passport'],
  ['idNumber', 'national-id'],
  ['taxNumber', 'tax-id'],
  ['innCode', 'tax-id', 'INN'],
  ['registrationNumber', 'registration'],
  ['ogrnCode', 'registration', 'OGRN'],
  ['imoNumber', 'imo'],
  ['mmsiNumber', 'mmsi'],
  ['leiCode', 'lei'],
  ['swiftBic', 'swift-bic'],
  ['serialNumber', 'aircraft-serial'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['website', 'website'],
];

/** Date properties read as birth (or incorporation, or build) dates. */
export const DATE_PROPS = ['birthDate', 'incorporationDate', 'buildDate'];

/** The date property each schema's dates are written to. */
export const DATE_PROP_BY_SCHEMA: Record<PartySchema, string> = {
  person: 'birthDate',
  organization: 'incorporationDate',
  unknown: 'incorporationDate',
  vessel: 'buildDate',
  aircraft: 'buildDate',
};
