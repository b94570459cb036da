import type { Jurisdiction } from '../../api/licensing-types.ts';
import type { ClassifyCandidate } from '../../api/types.ts';

/** The jurisdictions an item is classified in, in display order. */
export const JURISDICTIONS: Jurisdiction[] = ['US', 'EU', 'UK', 'JP'];

/**
 * The classification of a classify candidate in each jurisdiction: the candidate
 * itself, then its most specific `same` counterparts (links of the candidate
 * before those of its ancestors), then other relations.
 */
export function classificationsFrom(c: ClassifyCandidate): Partial<Record<Jurisdiction, string>> {
  const out: Partial<Record<Jurisdiction, string>> = {};
  const [list, code] = splitId(c.id);
  if (isJurisdiction(list)) out[list] = code;
  const ranked = c.counterparts
    .map((l) => ({ ...l, rank: (l.type === 'same' ? 0 : 1) * 1000 - l.from.length }))
    .sort((a, b) => a.rank - b.rank);
  for (const link of ranked) {
    const [to, toCode] = splitId(link.to);
    if (isJurisdiction(to) && !out[to]) out[to] = toCode;
  }
  return out;
}

function splitId(id: string): [string, string] {
  const i = id.indexOf(':');
  return [id.slice(0, i), id.slice(i + 1)];
}

function isJurisdiction(list: string): list is Jurisdiction {
  return (JURISDICTIONS as string[]).includes(list);
}
