/** A typed identifier as the CSL publishes it, before mapping to `PartyIdentifier`. */
export interface CslId {
  label: string;
  value: string;
  country?: string;
}

/** One CSL entry (one row of the CSV, one element of the JSON `results`), in the CSL's own terms. */
export interface CslRecord {
  /** 1-based record number in the file: the CSV record (header = 1) or the JSON `results` index + 1. */
  row: number;
  /** The CSL `source` column: the sub-list ("Entity List (EL) - Bureau of Industry and Security"). */
  subList: string;
  entityNumber?: string;
  type?: string;
  name: string;
  altNames: string[];
  /** Each address as published, and its country (ISO-2 or a name) where given separately. */
  addresses: { full: string; country?: string }[];
  programs: string[];
  title?: string;
  federalRegisterNotice?: string;
  startDate?: string;
  endDate?: string;
  licenseRequirement?: string;
  licensePolicy?: string;
  callSign?: string;
  vesselType?: string;
  grossTonnage?: string;
  grossRegisteredTonnage?: string;
  vesselFlag?: string;
  vesselOwner?: string;
  remarks?: string;
  sourceListUrl?: string;
  citizenships: string[];
  datesOfBirth: string[];
  nationalities: string[];
  placesOfBirth: string[];
  ids: CslId[];
}
