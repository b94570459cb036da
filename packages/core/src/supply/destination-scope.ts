import type { DeterminationData } from '../licensing/determination-data.ts';
import type { DestinationScope } from './supply-scenario.ts';

const US_GROUP = /^(A:[1-6]|B|D:[1-5]|E:[12])$/;

/** True when `token` names a destination or a group a scope may use. */
export function isScopeToken(data: DeterminationData, token: string): boolean {
  return (
    token === '*' ||
    token === 'EU' ||
    token === 'EU001' ||
    token === 'JP-A' ||
    US_GROUP.test(token) ||
    data.countries.has(token)
  );
}

function hasToken(data: DeterminationData, country: string, token: string): boolean {
  if (token === '*' || token === country) return true;
  const fact = data.countries.get(country);
  if (!fact) return false;
  if (token === 'EU') return fact.euMember;
  if (token === 'EU001') return fact.eu001;
  if (token === 'JP-A') return fact.japanGroupA;
  return fact.usGroups.includes(token);
}

/** True when `country` falls in the scope: in `include` (everything when absent) and not in `exclude`. */
export function isInScope(data: DeterminationData, scope: DestinationScope, country: string): boolean {
  const included = !scope.include || scope.include.some((t) => hasToken(data, country, t));
  return included && !(scope.exclude ?? []).some((t) => hasToken(data, country, t));
}

/** The countries where an actor's export law applies: the US, the UK (GB), Japan, the EU's members, or one country. */
export function actorTerritory(data: DeterminationData, actor: string): Set<string> {
  if (actor === 'UK') return new Set(['GB']);
  if (actor === 'EU')
    return new Set([...data.countries.values()].filter((c) => c.euMember).map((c) => c.iso2));
  return new Set([actor]);
}

/** The jurisdiction a country's exports fall under, for grouping sources: US, EU, UK, JP, else the country. */
export function jurisdictionOfCountry(data: DeterminationData, country: string): string {
  if (country === 'GB') return 'UK';
  return data.countries.get(country)?.euMember ? 'EU' : country;
}
