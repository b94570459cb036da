import type { ParsedList } from '../list-format.ts';

/** Counts of what a parsed list holds (parties, aliases, …, warnings per kind), for tests and reports. */
export function summarizeList(list: ParsedList): Record<string, number> {
  const sum = (f: (p: ParsedList['parties'][number]) => number): number =>
    list.parties.reduce((n, p) => n + f(p), 0);
  const counts: Record<string, number> = {
    parties: list.parties.length,
    aliases: sum((p) => p.names.length - 1),
    weakAliases: sum((p) => p.names.filter((n) => n.quality === 'weak').length),
    addresses: sum((p) => p.addresses.length),
    birthDates: sum((p) => p.birthDates.length),
    identifiers: sum((p) => p.identifiers.length),
    countries: sum((p) => p.countries.length),
  };
  for (const w of list.warnings) counts[`warn:${w.kind}`] = (counts[`warn:${w.kind}`] ?? 0) + 1;
  return counts;
}
