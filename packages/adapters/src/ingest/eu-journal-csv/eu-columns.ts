import type { CountryRole, IdentifierType, PartySchema } from '@entente/core';

/** The header of a consolidated file (FORMAT.md), in order. */
export const CONSOLIDATED_HEADER =
  'celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,previousName,country,nationality,jurisdiction,birthDate,birthPlace,position,passportNumber,gender,appearance,ethnicity,fatherName,motherName,incorporationDate,legalForm,sector,registrationNumber,taxNumber,idNumber,innCode,ogrnCode,kppCode,okpoCode,leiCode,swiftBic,ticker,imoNumber,mmsi,flag,address,phone,email,website,notes';

/** The header of an amendment file: the consolidated columns after two CELEX columns. */
export const AMENDMENT_HEADER = `amendedCelex,amendmentCelex,${CONSOLIDATED_HEADER.slice('celex,'.length)}`;

/** FollowTheMoney schema → party schema (an `Asset` is a facility, zone or crypto-asset). */
export const EU_SCHEMAS: Record<string, PartySchema> = {
  Person: 'person',
  LegalEntity: 'organization',
  Organization: 'organization',
  Company: 'organization',
  Vessel: 'vessel',
  Asset: 'unknown',
};

/** Identifier columns → identifier type and label. */
export const EU_IDENTIFIER_COLUMNS: Record<string, { type: IdentifierType; label?: string }> = {
  passportNumber: { type: 'passport' },
  idNumber: { type: 'national-id' },
  taxNumber: { type: 'tax-id' },
  innCode: { type: 'tax-id', label: 'INN' },
  registrationNumber: { type: 'registration' },
  ogrnCode: { type: 'registration', label: 'OGRN' },
  okpoCode: { type: 'registration', label: 'OKPO' },
  kppCode: { type: 'other', label: 'KPP' },
  leiCode: { type: 'lei' },
  swiftBic: { type: 'swift-bic' },
  ticker: { type: 'other', label: 'Ticker' },
  imoNumber: { type: 'imo' },
  mmsi: { type: 'mmsi' },
  phone: { type: 'phone' },
  email: { type: 'email' },
  website: { type: 'website' },
};

/** Country columns → country role. */
export const EU_COUNTRY_COLUMNS: Record<string, CountryRole> = {
  nationality: 'nationality',
  jurisdiction: 'jurisdiction',
  flag: 'flag',
  country: 'other',
};
