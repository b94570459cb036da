import type { IdentifierType, PartyIdentifier } from '@entente/core';

/**
 * OFAC's identifier labels (remark keywords in the legacy CSV, document and
 * feature types in the Enhanced XML) and the identifier type each one means.
 * `withToken` labels take the next word into the label ("Digital Currency
 * Address - XBT"); `valuePrefix` is stripped from the value ("IMO 9486910").
 */
export interface IdentifierLabel {
  label: string;
  type: IdentifierType;
  withToken?: boolean;
  valuePrefix?: string;
}

const PASSPORT = [
  'Passport',
  'Diplomatic Passport',
  'Passport No.',
  'Passport Booklet',
  'British National Overseas Passport',
  'Stateless Person Passport',
  'Travel Document Number',
  "Seafarer's Identification Document",
];
const NATIONAL_ID = [
  'National ID No.',
  'Cedula No.',
  'C.U.R.P.',
  'C.U.R.P. #',
  'D.N.I.',
  'Personal ID Card',
  'National Foreign ID Number',
  'Turkish Identification Number',
  'Numero de Identidad',
  'Residency Number',
  'SSN',
  'Birth Certificate Number',
  'Electoral Registry No.',
  'Credencial electoral',
  'I.F.E.',
  "Citizen's Card Number",
  'Kenyan ID No.',
  'Tazkira National ID Card',
  'Refugee ID Card',
  'Stateless Person ID Card',
  'UAE Identification',
  'Moroccan Personal ID No.',
  'Bosnian Personal ID No.',
  'CNP (Personal Numerical Code)',
  'Identification Number',
  'Immigration No.',
  'Public Security and Immigration No.',
  'N.I.E.',
  'Romanian Permanent Resident CAN',
  'Cartilla de Servicio Militar Nacional',
  'Military Registration Number',
  'VisaNumberID',
  'Residency Permit',
];
const TAX_ID = [
  'Tax ID No.',
  'R.F.C.',
  'R.F.C. #',
  'RFC',
  'NIT #',
  'RUC #',
  'RIF #',
  'V.A.T. Number',
  'US FEIN',
  'C.U.I.',
  'C.U.I.T.',
  'C.U.I.P.',
  'Italian Fiscal Code',
  'Fiscal Code',
  'RTN',
  'C.I.F.',
  'Romanian Tax Registration',
  'Numero Unico de Identificacao Tributaria (NUIT)',
  'Paraguayan tax identification number',
];
const REGISTRATION = [
  'Registration Number',
  'Registration ID',
  'Business Registration Number',
  'Business Registration Document #',
  'Company Number',
  'UK Company Number',
  'Commercial Registry Number',
  'C.R. No.',
  'Folio Mercantil No.',
  'Matricula Mercantil No',
  'Chamber of Commerce Number',
  'Public Registration Number',
  'Government Gazette Number',
  'D-U-N-S Number',
  'Economic Register Number (CBLS)',
  'Enterprise Number',
  'Business Number',
  'Trade License No.',
  'Central Registration System Number',
  'Istanbul Chamber of Comm. No.',
  'Dubai Chamber of Commerce Membership No.',
  'Registered Charity No.',
  'Branch Unit Number',
  'Unified Social Credit Code (USCC)',
  'United Social Credit Code Certificate (USCCC)',
  'Certificate of Incorporation Number',
  'LE Number',
  'License',
  'Romanian C.R.',
  'Company ID: No.',
  'MSB Registration Number',
  'Permit Number',
  'SRE Permit No.',
  'Afghan Money Service Provider License Number',
  'Tourism License No.',
  'File Number',
  'Organization Code',
];
const OTHER = [
  "Driver's License No.",
  'Pilot License Number',
  'BIK (RU)',
  'ISIN',
  'Equity Ticker',
  'Chinese Commercial Code',
  'Aircraft Mode S Transponder Code',
  'Interpol: Red Notice. File No.',
  'Other Vessel Call Sign',
  'Call Sign',
];

/** Every label, grouped by type; the lookup tries the longest matching label first. */
export const IDENTIFIER_LABELS: IdentifierLabel[] = [
  ...PASSPORT.map((label) => ({ label, type: 'passport' as const })),
  ...NATIONAL_ID.map((label) => ({ label, type: 'national-id' as const })),
  ...TAX_ID.map((label) => ({ label, type: 'tax-id' as const })),
  ...REGISTRATION.map((label) => ({ label, type: 'registration' as const })),
  ...OTHER.map((label) => ({ label, type: 'other' as const })),
  { label: 'Legal Entity Number', type: 'lei' },
  { label: 'SWIFT/BIC', type: 'swift-bic' },
  { label: 'Vessel Registration Identification', type: 'imo', valuePrefix: 'IMO' },
  { label: 'Identification Number IMO', type: 'imo' },
  { label: 'Company Number IMO', type: 'imo' },
  { label: 'International Maritime Organization No.', type: 'imo' },
  { label: 'IMO', type: 'imo' },
  { label: 'MMSI', type: 'mmsi' },
  { label: 'Digital Currency Address -', type: 'crypto-address', withToken: true },
  { label: "Aircraft Manufacturer's Serial Number (MSN)", type: 'aircraft-serial' },
  { label: 'Aircraft Construction Number (also called L/N or S/N or F/N)', type: 'aircraft-serial' },
  { label: 'Aircraft Serial Identification', type: 'aircraft-serial' },
  { label: 'Serial No.', type: 'aircraft-serial' },
  { label: 'Aircraft Tail Number', type: 'aircraft-tail' },
  { label: 'Previous Aircraft Tail Number', type: 'aircraft-tail' },
  { label: 'Email Address', type: 'email' },
  { label: 'Email', type: 'email' },
  { label: 'Website', type: 'website' },
  ...[
    'Phone Number',
    'Phone No.',
    'Phone',
    'Telephone',
    'Telephone No.',
    'Telephone Number',
    'Alt. Telephone',
    'Fax',
    'Fax No.',
    'Alt. Fax',
    'TELEX',
  ].map((label) => ({ label, type: 'phone' as const })),
];

/** Labels indexed by their lower-cased first word, longest first, so a lookup scans a handful. */
const BY_FIRST_WORD = new Map<string, IdentifierLabel[]>();
for (const entry of [...IDENTIFIER_LABELS].sort((a, b) => b.label.length - a.label.length)) {
  const key = firstWord(entry.label);
  BY_FIRST_WORD.set(key, [...(BY_FIRST_WORD.get(key) ?? []), entry]);
}

function firstWord(text: string): string {
  return (/^[^\s:]+/.exec(text)?.[0] ?? '').toLowerCase();
}

/**
 * The identifier label a remark segment starts with, followed by a space, a colon
 * or the end, compared without case; undefined when the segment is not an identifier.
 *
 * @example
 * findIdentifierLabel('Passport P0017003 (Belize)')?.type // 'passport'
 */
export function findIdentifierLabel(segment: string): IdentifierLabel | undefined {
  const candidates = BY_FIRST_WORD.get(firstWord(segment));
  if (!candidates) return undefined;
  const lower = segment.toLowerCase();
  for (const entry of candidates) {
    const label = entry.label.toLowerCase();
    if (!lower.startsWith(label)) continue;
    const next = segment.charAt(label.length);
    if (next === '' || next === ' ' || next === ':' || entry.label.endsWith('.') || entry.label.endsWith('#'))
      return entry;
  }
  return undefined;
}

/**
 * The identifier a label and a value name when the label is exactly one of the
 * table's (an Enhanced XML document or feature type); undefined otherwise.
 *
 * @example
 * identifierFromLabel('Vessel Registration Identification', 'IMO 9486910') // { type: 'imo', value: '9486910', … }
 */
export function identifierFromLabel(label: string, value: string): PartyIdentifier | undefined {
  const text = label.trim().replace(/:$/, '');
  const entry = findIdentifierLabel(text);
  if (!entry || (!entry.withToken && entry.label.length !== text.length)) return undefined;
  let v = value.trim();
  if (entry.valuePrefix && v.toUpperCase().startsWith(`${entry.valuePrefix} `))
    v = v.slice(entry.valuePrefix.length + 1).trim();
  return v ? { type: entry.type, value: v, label: text } : undefined;
}
