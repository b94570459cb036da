/**
 * Set (c): Cyrillic names of listed persons whose entry also carries Latin
 * names (EU original-script aliases, AU and UN entries), screened against the
 * entry's own list with every non-Latin name removed, so the engine must reach
 * the person through its Latin spellings. Correct: the entry itself or another
 * entry of the same list carrying one of its Latin spellings (the EU lists one
 * person under several regimes). Other lists are left out because a namesake
 * there cannot be told apart from the person by name.
 */
import { partyEntityId } from '@entente/core';
import { foldKey, scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { holdersOf, type ListContext } from './list-context.ts';
import { splitOf } from './split.ts';

/** Builds set (c) from the indexed lists. */
export function cyrillicCases(ctx: ListContext): HeldoutCase[] {
  const cases = new Map<string, HeldoutCase>();
  for (const party of ctx.parties) {
    if (party.schema !== 'person') continue;
    const latin = party.names.filter((n) => scriptOf(n.full) === 'Latn');
    const cyrillic = party.names.filter((n) => scriptOf(n.full) === 'Cyrl');
    if (!latin.length || !cyrillic.length) continue;
    const id = partyEntityId(party);
    // Same list only: another list's listing of a namesake cannot be told apart from the person by name.
    const sameList = (h: string): boolean => ctx.byId.get(h)?.source === party.source;
    const truth = [...new Set([id, ...latin.flatMap((n) => holdersOf(ctx, n.full)).filter(sameList)])].sort();
    const subject = ctx.subject.get(id)!;
    for (const name of cyrillic) {
      const key = `c:${subject}:${foldKey(name.full)}`;
      if (cases.has(key)) continue;
      cases.set(key, {
        id: key,
        set: 'c',
        rule: `${party.source}-cyrillic`,
        script: 'Cyrl',
        subject,
        split: splitOf(subject),
        expect: 'match',
        query: { name: name.full, schema: 'person', sources: [party.source] },
        truth,
        index: 'latin',
        listed: latin[0]!.full,
      });
    }
  }
  return [...cases.values()];
}
