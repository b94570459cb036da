import type { PartySchema } from '../model/party.ts';

/** The kinds of thing a counterparty is: the same as a listed party's schema, without `unknown`. */
export type CounterpartyType = Exclude<PartySchema, 'unknown'>;

/** Every counterparty type, in the order the import format documents them. */
export const COUNTERPARTY_TYPES: readonly CounterpartyType[] = [
  'person',
  'organization',
  'vessel',
  'aircraft',
];

/** Identifier kinds a register may carry. */
export type CounterpartyIdentifierType = 'lei' | 'registration' | 'tax-id' | 'imo';

/** A typed identifier of a counterparty, e.g. `{type:'lei', value:'5493001KJTIIGC8Y1R12'}`. */
export interface CounterpartyIdentifier {
  type: CounterpartyIdentifierType;
  value: string;
}

/**
 * A link owner → owned between two counterparties of one register: a share of
 * the owned counterparty in percent, or control without (or beyond) a share.
 */
export interface OwnershipLink {
  ownerId: string;
  ownedId: string;
  /** Share held, in percent (0 < share ≤ 100). */
  share?: number;
  /** The owner controls the owned counterparty (board, voting rights, agreement). */
  controls?: boolean;
}

/**
 * One of an organisation's own counterparties (customer, consignee, end user, supplier,
 * forwarder): its own id, names in any script (the first is the primary one), and what
 * else screening reads. Owners are named by their ids in the same register.
 */
export interface Counterparty {
  /** The organisation's own id for it (unique in its register). */
  id: string;
  type: CounterpartyType;
  /** Names and aliases, primary first, in any script. */
  names: string[];
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  addresses: string[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (persons; incorporation date for others, if wanted). */
  birthDate?: string;
  identifiers: CounterpartyIdentifier[];
  /** Who owns or controls it (links owner → this counterparty). */
  owners: { ownerId: string; share?: number; controls?: boolean }[];
}

/** A counterparty as stored: with its organisation, version and when that version was recorded. */
export interface StoredCounterparty extends Counterparty {
  orgId: string;
  /** 1 for the first import, one more for every change. */
  version: number;
  updatedAt: string;
}

/** The ownership links a counterparty's owners describe. */
export function ownershipLinksOf(c: Pick<Counterparty, 'id' | 'owners'>): OwnershipLink[] {
  return c.owners.map((o) => ({
    ownerId: o.ownerId,
    ownedId: c.id,
    ...(o.share !== undefined ? { share: o.share } : {}),
    ...(o.controls ? { controls: true } : {}),
  }));
}

/** The subject a clearance of a hit on this counterparty records (primary name, first country, birth date). */
export function counterpartySubject(c: Pick<Counterparty, 'names' | 'countries' | 'birthDate'>): {
  name: string;
  country?: string;
  birthDate?: string;
} {
  return {
    name: c.names[0] ?? '',
    ...(c.countries[0] ? { country: c.countries[0] } : {}),
    ...(c.birthDate ? { birthDate: c.birthDate } : {}),
  };
}
