import type { IdentifierType, Party, PartySchema } from '../model/party.ts';
import { normalizeIdentifier } from '../screening/normalize-identifier.ts';

/** What a strong link between two listings rests on. */
export type StrongEvidenceKind = 'un-reference' | 'cross-reference' | 'identifier';

/** One key two listings share only if they are the same subject. */
export interface StrongKey {
  kind: StrongEvidenceKind;
  /** The key itself, e.g. `un:IRI.039`, `sdn:10481`, `imo:9187629`. */
  key: string;
  /** In words, for the explanation: "UN reference IRi.039". */
  label: string;
}

/** Identifier types that name one subject; phone numbers, e-mails and websites are shared too often. */
const SUBJECT_IDENTIFIERS: Partial<Record<IdentifierType, string>> = {
  imo: 'IMO number',
  lei: 'LEI',
  'swift-bic': 'SWIFT/BIC',
  passport: 'passport',
  'national-id': 'national id',
  registration: 'registration number',
  'tax-id': 'tax number',
  'aircraft-serial': 'aircraft serial number',
};

/** Identifiers shorter than this are too likely to collide (e.g. "12345"). */
const MIN_IDENTIFIER_LENGTH = 6;

/**
 * The OFAC SDN number a listing carries: its own for `us-ofac-sdn`, the
 * Consolidated Screening List's `SDN-<n>` entity number (the CSL repeats the
 * SDN list under those numbers).
 */
function sdnNumberOf(party: Pick<Party, 'source' | 'sourceId'>): string | undefined {
  if (party.source === 'us-ofac-sdn' && /^\d+$/.test(party.sourceId)) return party.sourceId;
  if (party.source === 'us-csl') return /^SDN-(\d+)$/.exec(party.sourceId)?.[1];
  return undefined;
}

/** Identifier keys are compared within one kind of subject: an IMO company number is not a vessel's. */
const schemaKey = (schema: PartySchema): string => (schema === 'unknown' ? 'organization' : schema);

/**
 * The strong keys of a listing: the UN reference it repeats, the SDN number
 * (an explicit cross-reference between two US lists), and identifiers that
 * name one subject (with the issuing country where the publisher gives it,
 * and the kind of subject, so that a vessel and its owner never share a key).
 */
export function strongKeysOf(party: Party): StrongKey[] {
  const keys: StrongKey[] = [];
  const un = party.unReference?.trim();
  if (un) keys.push({ kind: 'un-reference', key: `un:${un.toUpperCase()}`, label: `UN reference ${un}` });
  const sdn = sdnNumberOf(party);
  if (sdn) keys.push({ kind: 'cross-reference', key: `sdn:${sdn}`, label: `OFAC SDN entry ${sdn}` });
  const seen = new Set<string>();
  for (const id of party.identifiers) {
    const label = SUBJECT_IDENTIFIERS[id.type];
    if (!label) continue;
    const value = normalizeIdentifier(id.value);
    if (value.length < MIN_IDENTIFIER_LENGTH || /^0+$/.test(value)) continue;
    const country = id.type === 'passport' || id.type === 'national-id' ? (id.country ?? '') : '';
    const key = `${schemaKey(party.schema)}:${id.type}:${country}:${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push({
      kind: 'identifier',
      key,
      label: `${label} ${id.value}${country ? ` (${country})` : ''}`,
    });
  }
  return keys;
}
