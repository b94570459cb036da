/** The kind of thing a restricted party is. */
export type PartySchema = 'person' | 'organization' | 'vessel' | 'aircraft' | 'unknown';

/** How much the publisher trusts a name: primary name, strong alias, weak ("low quality") alias. */
export type NameQuality = 'primary' | 'strong' | 'weak';

/** One name of a party, in the script the publisher used. */
export interface PartyName {
  /** The full name as published (whitespace collapsed). */
  full: string;
  /** Name parts where the publisher gives them separately. */
  parts?: {
    given?: string;
    middle?: string;
    family?: string;
    patronymic?: string;
    title?: string;
  };
  /** ISO 15924 script code of the name (`Latn`, `Cyrl`, `Arab`, `Hani`, …). */
  script?: string;
  /** BCP 47 language tag where the publisher gives one. */
  lang?: string;
  quality: NameQuality;
}

/** How precisely a date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A birth (or incorporation) date with its precision; `to` makes it a range. */
export interface PartialDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. */
  value: string;
  precision: DatePrecision;
  /** End of a range ("1960 to 1962"), same format. */
  to?: string;
  /** The publisher says "circa" / "approximately". */
  circa?: boolean;
}

/** Why a country is attached to a party. */
export type CountryRole =
  'nationality' | 'citizenship' | 'address' | 'jurisdiction' | 'flag' | 'birth' | 'residence' | 'other';

/** A country (ISO 3166-1 alpha-2) with its role. */
export interface PartyCountry {
  code: string;
  role: CountryRole;
}

/** Kinds of identifier a list may publish. */
export type IdentifierType =
  | 'passport'
  | 'national-id'
  | 'tax-id'
  | 'registration'
  | 'imo'
  | 'mmsi'
  | 'lei'
  | 'swift-bic'
  | 'crypto-address'
  | 'aircraft-serial'
  | 'aircraft-tail'
  | 'email'
  | 'phone'
  | 'website'
  | 'other';

/** A typed identifier, e.g. `{type:'imo', value:'9187629'}`. */
export interface PartyIdentifier {
  type: IdentifierType;
  value: string;
  /** Issuing country, ISO-2, where known. */
  country?: string;
  /** The publisher's own label (e.g. "Digital Currency Address - XBT"). */
  label?: string;
}

/** A postal address; `full` is always present. */
export interface PartyAddress {
  full: string;
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/**
 * A person, organization, vessel or aircraft on a restricted-party list, as one
 * publisher lists it. `source` + `sourceId` identify it; `entityId` is
 * `${source}:${sourceId}`.
 */
export interface Party {
  source: string;
  sourceId: string;
  schema: PartySchema;
  /** All names; the first is the primary name. */
  names: PartyName[];
  birthDates: PartialDate[];
  birthPlaces: string[];
  countries: PartyCountry[];
  identifiers: PartyIdentifier[];
  addresses: PartyAddress[];
  /** Sanctions programmes or list names (e.g. `SDGT`, `RUSSIA-EO14024`). */
  programs: string[];
  /** Legal acts the listing rests on (e.g. `Council Regulation (EU) 269/2014`). */
  legalBasis: string[];
  /** Date of listing (`YYYY-MM-DD` or shorter). */
  listedOn?: string;
  /** UN Security Council reference number (`QDi.001`) where the listing repeats a UN one. */
  unReference?: string;
  /** Sub-list inside an aggregated source (CSL: "Entity List", "Specially Designated Nationals"…). */
  subList?: string;
  /** Licence requirement attached to the listing (Entity List, MEU). */
  licenceRequirement?: string;
  /** Licence review policy attached to the listing. */
  licencePolicy?: string;
  /** Federal Register or Official Journal citation of the listing. */
  citation?: string;
  gender?: string;
  positions?: string[];
  remarks?: string;
  sourceUrl?: string;
}

/** The stable id of a party across versions of its list. */
export function partyEntityId(party: Pick<Party, 'source' | 'sourceId'>): string {
  return `${party.source}:${party.sourceId}`;
}

/** The primary (first) name of a party. */
export function primaryName(party: Pick<Party, 'names'>): string {
  return party.names[0]?.full ?? '';
}

/**
 * A party with every optional collection filled with empty values; parsers
 * build parties from this so no field is ever undefined where an array is expected.
 */
export function buildParty(fields: Pick<Party, 'source' | 'sourceId'> & Partial<Party>): Party {
  return {
    schema: 'unknown',
    names: [],
    birthDates: [],
    birthPlaces: [],
    countries: [],
    identifiers: [],
    addresses: [],
    programs: [],
    legalBasis: [],
    ...fields,
  };
}
