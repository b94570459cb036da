import type { FactSource } from '../licensing/fact-citation.ts';
import { entryId, type ControlEntry, type Correspondence } from './control-entry.ts';

function provisionOf(e: ControlEntry): string {
  return `${e.citation.act}, ${e.citation.provision}`;
}

/**
 * The citation of a derived crosswalk link that carries none of its own: the two entries'
 * provisions and where they were read. Verified only for a shared-code link whose two entries
 * were both read and whose headings were compared without a disagreement; every other derived
 * link (to a regime list, the munitions tables, Japanese rows, Australia Group lists) is
 * `unverified`, saying which entry was not read or that no text states the correspondence.
 *
 * @example
 * linkSource({ from: 'US:3A001', to: 'EU:3A001', type: 'same', basis: 'shared-regime-code' }, entries)
 * // → { citation: '15 CFR 774 …, ECCN 3A001; Regulation (EU) 2021/821 …, entry 3A001', status: 'verified', … }
 */
export function linkSource(c: Correspondence, entries: ReadonlyMap<string, ControlEntry>): FactSource {
  const ends = [entries.get(c.from), entries.get(c.to)].filter((e): e is ControlEntry => e !== undefined);
  const citation = ends.map(provisionOf).join('; ') || `${c.from}; ${c.to}`;
  const unread = ends.filter((e) => e.citation.status !== 'verified' || !e.citation.readFrom);
  if (c.basis === 'shared-regime-code' && ends.length === 2 && unread.length === 0 && !c.warning) {
    const dates = ends.map((e) => e.citation.readOn).filter((d): d is string => !!d);
    return {
      citation,
      status: 'verified',
      readIn: [...new Set(ends.map((e) => e.citation.readFrom as string))].join('; '),
      ...(dates.length ? { readOn: dates.sort().at(-1) } : {}),
      note: 'the same code in both lists, both entries read and their headings compared; the correspondence rests on the shared regime numbering',
    };
  }
  const why = [
    ...unread.map((e) => `${entryId(e)} was not read${e.citation.note ? ` (${e.citation.note})` : ''}`),
    ...(c.warning ? [c.warning] : []),
    ...(unread.length === 0 && !c.warning
      ? [`the correspondence (${c.basis}) is derived from numbering or a curated table, not read in a text`]
      : []),
  ];
  return { citation, status: 'unverified', note: why.join('; ') };
}
