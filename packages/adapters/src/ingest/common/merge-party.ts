import type { Party } from '@entente/core';

function union<T>(a: T[], b: T[], key: (x: T) => string = (x) => JSON.stringify(x)): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)))];
}

/**
 * Merges a second record with the same source id into the first: lists are
 * unioned (the first record's primary name stays first), scalars keep the
 * first non-empty value, except `listedOn`, which keeps the earliest date.
 */
export function mergeParty(a: Party, b: Party): Party {
  const listedOn = [a.listedOn, b.listedOn].filter((d): d is string => !!d).sort()[0];
  const remarks = [a.remarks, b.remarks].filter((r): r is string => !!r);
  return {
    ...b,
    ...a,
    schema: a.schema === 'unknown' ? b.schema : a.schema,
    names: union(a.names, b.names, (n) => n.full.toLowerCase()),
    birthDates: union(a.birthDates, b.birthDates),
    birthPlaces: union(a.birthPlaces, b.birthPlaces),
    countries: union(a.countries, b.countries),
    identifiers: union(a.identifiers, b.identifiers),
    addresses: union(a.addresses, b.addresses, (x) => x.full),
    programs: union(a.programs, b.programs),
    legalBasis: union(a.legalBasis, b.legalBasis),
    positions: union(a.positions ?? [], b.positions ?? []),
    ...(listedOn ? { listedOn } : {}),
    ...(remarks.length > 0 ? { remarks: [...new Set(remarks)].join('\n') } : {}),
  };
}
