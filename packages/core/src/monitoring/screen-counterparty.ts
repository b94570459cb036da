import { buildParty, type Party } from '../model/party.ts';
import type { ScreeningMatch, ScreeningQuery } from '../screening/screen-party.ts';
import type { Counterparty } from './counterparty.ts';

/** The source id counterparties carry when a register is indexed like a list. */
export const REGISTER_SOURCE = 'register';

/**
 * The screening queries of a counterparty: one per name (primary and aliases), each with
 * its type, first country, birth date and identifiers.
 */
export function counterpartyQueries(c: Counterparty): ScreeningQuery[] {
  const identifiers = c.identifiers.map((i) => i.value);
  return c.names.map((name) => ({
    name,
    schema: c.type,
    ...(c.countries[0] ? { country: c.countries[0] } : {}),
    ...(c.birthDate ? { birthDate: c.birthDate } : {}),
    ...(identifiers.length ? { identifiers } : {}),
  }));
}

/** The best match per listed party over the matches of a counterparty's names, best first. */
export function mergeCounterpartyMatches(perName: ScreeningMatch[][]): ScreeningMatch[] {
  const best = new Map<string, ScreeningMatch>();
  for (const matches of perName)
    for (const m of matches) {
      const seen = best.get(m.entityId);
      if (!seen || m.score > seen.score) best.set(m.entityId, m);
    }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId));
}

/**
 * A counterparty as a party of the `register` source, so that a register can be indexed
 * like a list and listed parties screened against it (what changed in a list version
 * against every counterparty).
 */
export function counterpartyAsParty(c: Counterparty): Party {
  return buildParty({
    source: REGISTER_SOURCE,
    sourceId: c.id,
    schema: c.type,
    names: c.names.map((full, i) => ({ full, quality: i === 0 ? 'primary' : 'strong' })),
    countries: c.countries.map((code) => ({ code, role: 'other' })),
    birthDates: c.birthDate
      ? [
          {
            value: c.birthDate,
            precision: c.birthDate.length === 4 ? 'year' : c.birthDate.length === 7 ? 'month' : 'day',
          },
        ]
      : [],
    identifiers: c.identifiers.map((i) => ({ type: i.type, value: i.value })),
  });
}

/** The screening queries of a listed party against a register: one per name, with its identifiers. */
export function partyQueries(p: Party): ScreeningQuery[] {
  const identifiers = p.identifiers.map((i) => i.value).filter((v) => v.length >= 4);
  const seen = new Set<string>();
  return p.names
    .filter((n) => n.full && !seen.has(n.full) && seen.add(n.full))
    .map((n) => ({
      name: n.full,
      ...(p.schema !== 'unknown' ? { schema: p.schema } : {}),
      ...(identifiers.length ? { identifiers } : {}),
    }));
}
