import { DomainError } from '../errors.ts';
import { isCountryCode } from '../geo/country-codes.ts';
import { defaultValidUntil } from './is-denial-valid.ts';
import {
  SHARING_GROUPS,
  type ApplicationInput,
  type DenialInput,
  type DenialItem,
  type TransactionParty,
} from './sharing-model.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ROLES = new Set(['consignee', 'end-user', 'third-party']);

function isDay(v: string): boolean {
  return (
    DAY.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
  );
}

function country(code: string, field: string): string {
  const c = code.trim().toUpperCase();
  if (!isCountryCode(c))
    throw new DomainError('unknown-country', `Unknown country code "${code}"`, { field });
  return c;
}

function checkItems(items: DenialItem[]): DenialItem[] {
  if (items.length === 0)
    throw new DomainError('invalid-input', 'At least one item is needed', { field: 'items' });
  return items.map((item, i) => {
    const code = item.code.trim();
    if (!code)
      throw new DomainError('invalid-input', 'An item needs its control entry code', {
        field: `items.${i}.code`,
      });
    return { ...item, code, ...(item.list ? { list: item.list.trim().toUpperCase() } : {}) };
  });
}

function checkParties(parties: TransactionParty[], needConsigneeOrEndUser: boolean): TransactionParty[] {
  if (parties.length === 0)
    throw new DomainError('invalid-input', 'At least one party is needed', { field: 'parties' });
  if (needConsigneeOrEndUser && !parties.some((p) => p.role === 'consignee' || p.role === 'end-user')) {
    throw new DomainError('invalid-input', 'A consignee or an end user is needed', { field: 'parties' });
  }
  return parties.map((p, i) => {
    if (!ROLES.has(p.role))
      throw new DomainError('invalid-input', `Unknown party role "${p.role}"`, {
        field: `parties.${i}.role`,
      });
    if (!p.name.trim())
      throw new DomainError('invalid-input', 'A party needs a name', { field: `parties.${i}.name` });
    return {
      ...p,
      name: p.name.trim(),
      ...(p.country ? { country: country(p.country, `parties.${i}.country`) } : {}),
    };
  });
}

/** The application with codes trimmed and countries checked; throws `invalid-input` or `unknown-country`. */
export function checkApplicationInput(input: ApplicationInput): ApplicationInput {
  if (!input.applicant.trim())
    throw new DomainError('invalid-input', 'The applicant is needed', { field: 'applicant' });
  return {
    ...input,
    applicant: input.applicant.trim(),
    items: checkItems(input.items),
    parties: checkParties(input.parties, true),
    destination: country(input.destination, 'destination'),
  };
}

/**
 * The denial with its validity filled in (three years by default) and every
 * field checked: dates, countries, at least one party, a non-empty sharing scope.
 */
export function checkDenialInput(input: DenialInput): DenialInput & { validUntil: string } {
  if (!isDay(input.deniedOn))
    throw new DomainError('invalid-input', `deniedOn must be YYYY-MM-DD, got "${input.deniedOn}"`, {
      field: 'deniedOn',
    });
  const validUntil = input.validUntil ?? defaultValidUntil(input.deniedOn);
  if (!isDay(validUntil) || validUntil < input.deniedOn) {
    throw new DomainError('invalid-input', 'validUntil must be a YYYY-MM-DD date on or after deniedOn', {
      field: 'validUntil',
    });
  }
  if (!input.reason.trim())
    throw new DomainError('invalid-input', 'The reason (regime criterion) is needed', { field: 'reason' });
  const badRegime = input.scope.regimes.find((r) => !SHARING_GROUPS.includes(r));
  if (badRegime)
    throw new DomainError('invalid-input', `Unknown regime "${badRegime}"`, {
      field: 'scope.regimes',
      accepted: SHARING_GROUPS,
    });
  if (input.scope.regimes.length === 0 && input.scope.agencies.length === 0) {
    throw new DomainError('invalid-input', 'Share the denial with at least one regime or agency', {
      field: 'scope',
    });
  }
  return {
    ...input,
    items: checkItems(input.items),
    parties: checkParties(input.parties, false),
    destination: country(input.destination, 'destination'),
    validUntil,
    scope: { regimes: [...new Set(input.scope.regimes)], agencies: [...new Set(input.scope.agencies)] },
  };
}
