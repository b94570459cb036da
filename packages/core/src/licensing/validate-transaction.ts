import { DomainError } from '../errors.ts';
import { BIS_RED_FLAGS } from './bis-red-flags.ts';
import { JURISDICTIONS, type DeterminationData, type Jurisdiction } from './determination-data.ts';
import {
  PARTY_ROLES,
  type PartyRole,
  type Transaction,
  type TransactionItem,
  type ExportParty,
} from './transaction.ts';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalid(field: string, message: string, accepted: unknown): never {
  throw new DomainError('invalid-input', `${field}: ${message}`, { field, accepted });
}

function text(obj: Json, key: string, field: string, required: boolean): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null || v === '') {
    if (required) invalid(field, 'is required', 'a non-empty string');
    return undefined;
  }
  if (typeof v !== 'string') invalid(field, 'must be a string', 'a non-empty string');
  return v.trim();
}

function country(data: DeterminationData, v: unknown, field: string): string {
  const code = typeof v === 'string' ? v.trim().toUpperCase() : '';
  if (!data.countries.has(code)) {
    throw new DomainError('unknown-country', `${field}: unknown country "${String(v)}"`, {
      field,
      accepted: [...data.countries.keys()].sort(),
    });
  }
  return code;
}

function num(obj: Json, key: string, field: string, max = Infinity): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max)
    invalid(field, `must be a number between 0 and ${max}`, `a number in [0, ${max}]`);
  return v;
}

function parseItem(data: DeterminationData, raw: unknown, i: number): TransactionItem {
  const f = `items[${i}]`;
  if (!isObject(raw))
    invalid(f, 'must be an object', 'an object with description, classifications or code, origin');
  const classifications: Partial<Record<Jurisdiction, string>> = {};
  const cls = raw['classifications'];
  if (cls !== undefined) {
    if (!isObject(cls))
      invalid(`${f}.classifications`, 'must be an object', 'an object keyed by US, EU, UK, JP');
    for (const [k, v] of Object.entries(cls)) {
      const j = k.toUpperCase();
      if (!(JURISDICTIONS as readonly string[]).includes(j)) {
        throw new DomainError('unknown-jurisdiction', `${f}.classifications: unknown jurisdiction "${k}"`, {
          field: `${f}.classifications.${k}`,
          accepted: [...JURISDICTIONS],
        });
      }
      if (typeof v !== 'string' || !v.trim())
        invalid(`${f}.classifications.${k}`, 'must be a code', 'a control entry code, EAR99 or none');
      classifications[j as Jurisdiction] = v.trim();
    }
  }
  const code = text(raw, 'code', `${f}.code`, false);
  if (!code && Object.keys(classifications).length === 0)
    invalid(
      `${f}.classifications`,
      'an item needs classifications or a code',
      'classifications {US, EU, UK, JP} or code',
    );
  const hsCode = text(raw, 'hsCode', `${f}.hsCode`, false);
  if (hsCode && !/^\d{6,10}$/.test(hsCode.replace(/[.\s]/g, '')))
    invalid(`${f}.hsCode`, 'must have 6 to 10 digits', 'an HS code such as 854231 or 8542.31');
  const value = num(raw, 'value', `${f}.value`);
  const quantity = num(raw, 'quantity', `${f}.quantity`);
  const share = num(raw, 'usContentShare', `${f}.usContentShare`, 1);
  return {
    description: text(raw, 'description', `${f}.description`, true) as string,
    classifications,
    ...(code ? { code } : {}),
    ...(hsCode ? { hsCode: hsCode.replace(/[.\s]/g, '') } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
    origin: country(data, raw['origin'], `${f}.origin`),
    ...(share !== undefined ? { usContentShare: share } : {}),
  };
}

function parseParty(data: DeterminationData, raw: unknown, i: number): ExportParty {
  const f = `parties[${i}]`;
  if (!isObject(raw)) invalid(f, 'must be an object', 'an object with role, name, country');
  const role = text(raw, 'role', `${f}.role`, true) as string;
  if (!(PARTY_ROLES as readonly string[]).includes(role))
    invalid(`${f}.role`, `unknown role "${role}"`, [...PARTY_ROLES]);
  const address = text(raw, 'address', `${f}.address`, false);
  return {
    role: role as PartyRole,
    name: text(raw, 'name', `${f}.name`, true) as string,
    country: country(data, raw['country'], `${f}.country`),
    ...(address ? { address } : {}),
  };
}

/**
 * Checks a transaction file's parsed JSON and returns a typed Transaction, or
 * throws a DomainError naming the field and the accepted values.
 */
export function validateTransaction(data: DeterminationData, raw: unknown): Transaction {
  if (!isObject(raw))
    invalid('transaction', 'must be a JSON object', 'an object with items, parties, route, endUse');
  const items = raw['items'];
  if (!Array.isArray(items) || items.length === 0)
    invalid('items', 'must be a non-empty array', 'an array of items');
  const parties = raw['parties'];
  if (!Array.isArray(parties) || parties.length === 0)
    invalid('parties', 'must be a non-empty array', 'an array of parties');
  const parsedParties = parties.map((p, i) => parseParty(data, p, i));
  if (!parsedParties.some((p) => p.role === 'exporter'))
    invalid('parties', 'an exporter is required', PARTY_ROLES);
  if (!parsedParties.some((p) => p.role === 'consignee' || p.role === 'end-user'))
    invalid('parties', 'a consignee or end user is required', PARTY_ROLES);
  const route = raw['route'] ?? [];
  if (!Array.isArray(route)) invalid('route', 'must be an array of country codes', 'ISO-2 country codes');
  const indicators = raw['indicators'] ?? [];
  if (!Array.isArray(indicators)) invalid('indicators', 'must be an array', Object.keys(BIS_RED_FLAGS));
  for (const [i, id] of indicators.entries()) {
    if (typeof id !== 'string' || !(id in BIS_RED_FLAGS))
      invalid(`indicators[${i}]`, `unknown red flag "${String(id)}"`, Object.keys(BIS_RED_FLAGS));
  }
  const id = text(raw, 'id', 'id', false);
  const endUse = text(raw, 'endUse', 'endUse', false);
  return {
    ...(id ? { id } : {}),
    items: items.map((it, i) => parseItem(data, it, i)),
    parties: parsedParties,
    route: route.map((c, i) => country(data, c, `route[${i}]`)),
    ...(endUse ? { endUse } : {}),
    indicators: indicators as string[],
  };
}
