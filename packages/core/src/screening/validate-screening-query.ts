import { DomainError } from '../errors.ts';
import { isCountryCode } from '../geo/country-codes.ts';
import type { PartySchema } from '../model/party.ts';
import type { ScreeningQuery } from './screen-party.ts';

/** Longest name accepted for screening; longer input is an error, not a slow query. */
export const MAX_SCREENING_NAME_LENGTH = 500;

const SCHEMAS: readonly PartySchema[] = ['person', 'organization', 'vessel', 'aircraft'];

/** Raw subject fields as they arrive from a CSV row, a form or JSON. */
export interface RawScreeningSubject {
  name?: unknown;
  type?: unknown;
  country?: unknown;
  birthDate?: unknown;
  identifiers?: unknown;
  sources?: unknown;
}

function isValidPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (Number(y) < 1850 || Number(y) > 2100) return false;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d !== undefined) {
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (date.getUTCDate() !== Number(d)) return false;
  }
  return true;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/**
 * Checks one screening subject and returns a clean query, or throws a
 * `DomainError('invalid-input'|'unknown-country', …)` naming the field.
 */
export function validateScreeningQuery(raw: RawScreeningSubject): ScreeningQuery {
  // Control characters are noise in a name; strip them before judging emptiness.
  const name = typeof raw.name === 'string' ? raw.name.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim() : '';
  if (!name) throw new DomainError('invalid-input', 'The name is empty', { field: 'name' });
  if (name.length > MAX_SCREENING_NAME_LENGTH) {
    throw new DomainError(
      'invalid-input',
      `The name is longer than ${MAX_SCREENING_NAME_LENGTH} characters (${name.length})`,
      {
        field: 'name',
      },
    );
  }
  const query: ScreeningQuery = { name };
  const type = text(raw.type)?.toLowerCase();
  if (type !== undefined) {
    if (!SCHEMAS.includes(type as PartySchema)) {
      throw new DomainError('invalid-input', `Unknown type "${type}"`, { field: 'type', accepted: SCHEMAS });
    }
    query.schema = type as PartySchema;
  }
  const country = text(raw.country)?.toUpperCase();
  if (country !== undefined) {
    if (!isCountryCode(country)) {
      throw new DomainError('unknown-country', `"${country}" is not an ISO 3166-1 alpha-2 country code`, {
        field: 'country',
      });
    }
    query.country = country;
  }
  const birthDate = text(raw.birthDate);
  if (birthDate !== undefined) {
    if (!isValidPartialDate(birthDate)) {
      throw new DomainError('invalid-input', `Birth date "${birthDate}" is not YYYY, YYYY-MM or YYYY-MM-DD`, {
        field: 'birthDate',
      });
    }
    query.birthDate = birthDate;
  }
  if (Array.isArray(raw.identifiers))
    query.identifiers = raw.identifiers.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  if (Array.isArray(raw.sources))
    query.sources = raw.sources.filter((x): x is string => typeof x === 'string');
  return query;
}
