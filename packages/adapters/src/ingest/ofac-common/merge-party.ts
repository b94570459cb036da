import type { Party } from '@entente/core';
import { addName } from './ofac-name.ts';

/** Appends the items of `more` that `list` does not hold yet (compared as JSON). */
function union<T>(list: T[], more: T[]): T[] {
  const seen = new Set(list.map((x) => JSON.stringify(x)));
  const out = [...list];
  for (const item of more) {
    const key = JSON.stringify(item);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/**
 * One party from two records that carry the same source id: names, dates,
 * countries, identifiers, addresses and programmes are united; the first
 * record's scalars win and the remarks are joined.
 */
export function mergeParty(first: Party, second: Party): Party {
  const names = [...first.names];
  for (const name of second.names)
    addName(names, name.quality === 'primary' ? { ...name, quality: 'strong' } : name);
  const merged: Party = {
    ...second,
    ...first,
    names,
    birthDates: union(first.birthDates, second.birthDates),
    birthPlaces: union(first.birthPlaces, second.birthPlaces),
    countries: union(first.countries, second.countries),
    identifiers: union(first.identifiers, second.identifiers),
    addresses: union(first.addresses, second.addresses),
    programs: union(first.programs, second.programs),
    legalBasis: union(first.legalBasis, second.legalBasis),
  };
  const remarks = [first.remarks, second.remarks].filter((r) => r);
  if (remarks.length > 0) merged.remarks = [...new Set(remarks)].join(' | ');
  return merged;
}
