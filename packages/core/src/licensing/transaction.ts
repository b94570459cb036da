import type { Jurisdiction } from './determination-data.ts';

/** The roles a party can play in a transaction. */
export const PARTY_ROLES = ['exporter', 'consignee', 'end-user', 'intermediary'] as const;

/** One party role. */
export type PartyRole = (typeof PARTY_ROLES)[number];

/** One item of a transaction. */
export interface TransactionItem {
  description: string;
  /** Classification per jurisdiction, e.g. { US: '3A001.a.1.b', EU: '3A001.a.1' }. */
  classifications: Partial<Record<Jurisdiction, string>>;
  /** One code to cross-walk to every jurisdiction whose list has it. */
  code?: string;
  hsCode?: string;
  value?: number;
  quantity?: number;
  /** Country of origin (ISO-2). */
  origin: string;
  /** Share of US-origin controlled content by value, in [0,1]. */
  usContentShare?: number;
}

/** One party of a transaction. */
export interface ExportParty {
  role: PartyRole;
  name: string;
  country: string;
  address?: string;
}

/** A whole export transaction to assess. */
export interface Transaction {
  id?: string;
  items: TransactionItem[];
  parties: ExportParty[];
  /** Countries of transit, in order. */
  route: string[];
  endUse?: string;
  /** Ids of BIS "know your customer" red flags the exporter has observed. */
  indicators: string[];
}
