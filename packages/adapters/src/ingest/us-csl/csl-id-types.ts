import type { IdentifierType } from '@entente/core';

/** CSL id labels (OFAC "ID types") and the identifier type each one is. Other labels become `other`. */
export const ID_LABEL_TYPES: Record<string, IdentifierType> = {
  passport: 'passport',
  'diplomatic passport': 'passport',
  'national id no.': 'national-id',
  'national foreign id number': 'national-id',
  'identification number': 'national-id',
  'personal id card': 'national-id',
  'cedula no.': 'national-id',
  'c.u.r.p.': 'national-id',
  'curp #': 'national-id',
  'd.n.i.': 'national-id',
  'c.u.i.': 'national-id',
  'electoral registry no.': 'national-id',
  'credencial electoral': 'national-id',
  'residency number': 'national-id',
  ssn: 'national-id',
  "driver's license no.": 'national-id',
  'tax id no.': 'tax-id',
  'nit #': 'tax-id',
  'r.f.c.': 'tax-id',
  rfc: 'tax-id',
  'ruc #': 'tax-id',
  'rif #': 'tax-id',
  'v.a.t. number': 'tax-id',
  'us fein': 'tax-id',
  'italian fiscal code': 'tax-id',
  'c.i.f.': 'tax-id',
  'registration number': 'registration',
  'registration id': 'registration',
  'company number': 'registration',
  'commercial registry number': 'registration',
  'business registration number': 'registration',
  'business registration document #': 'registration',
  'public registration number': 'registration',
  'trade license no.': 'registration',
  'matricula mercantil no': 'registration',
  'folio mercantil no.': 'registration',
  'c.r. no.': 'registration',
  'chamber of commerce number': 'registration',
  'government gazette number': 'registration',
  'unified social credit code (uscc)': 'registration',
  'legal entity number': 'lei',
  'vessel registration identification': 'imo',
  imo: 'imo',
  mmsi: 'mmsi',
  'swift/bic': 'swift-bic',
  'email address': 'email',
  'phone number': 'phone',
  website: 'website',
  "aircraft manufacturer's serial number (msn)": 'aircraft-serial',
  'aircraft construction number (also called l/n or s/n or f/n)': 'aircraft-serial',
  'aircraft tail number': 'aircraft-tail',
};

/**
 * Labels that carry sanctions information rather than an identifier ("Secondary
 * sanctions risk:", "Listing Date (CMIC)", "Target Type", …): they end with a
 * colon or dash, or name a date, directive, model, operator or former flag.
 */
export const INFO_LABEL =
  /[:\-]$|\bdate\b|directive|information|executive order|caatsa|target type|organization type|issuer name|aircraft model|aircraft operator|former vessel flag|nationality of registration|vessel year of build|equity ticker|gender/i;

/** The identifier type of a CSL id label, `other` when the label is not in the table. */
export function identifierTypeOf(label: string): IdentifierType {
  if (label.toLowerCase().startsWith('digital currency address')) return 'crypto-address';
  return ID_LABEL_TYPES[label.toLowerCase()] ?? 'other';
}

/** True when a label names a known id type or an information item (so it is the label, not the value). */
export function isKnownLabel(text: string): boolean {
  return (
    text.toLowerCase() in ID_LABEL_TYPES || INFO_LABEL.test(text) || /^digital currency address/i.test(text)
  );
}
