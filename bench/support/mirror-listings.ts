import { jurisdictionOfSource, type Listing, type NameReference } from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR, type LoadedList } from '../eval-screening-lists.ts';

/** The mirror's latest lists, their listings (`mirrorListings`) and the mirror's name reference. */
export async function loadMirrorListings(): Promise<{
  lists: LoadedList[];
  listings: Listing[];
  reference: NameReference;
}> {
  const lists = await loadMirrorLists(MIRROR, () => {});
  const reference = await loadNameReference(MIRROR);
  return { lists, listings: mirrorListings(lists), reference };
}

/** The mirror's lists as subjects' listings: every party current, version 0, as the subject benches resolve them. */
export function mirrorListings(lists: readonly LoadedList[]): Listing[] {
  return lists.flatMap((l) =>
    l.parties.map((party) => {
      const jurisdiction = jurisdictionOfSource(l.source);
      return {
        entityId: `${party.source}:${party.sourceId}`,
        source: party.source,
        ...(jurisdiction ? { jurisdiction } : {}),
        party,
        current: true,
        versionId: 0,
        publishedAt: '',
      };
    }),
  );
}

/** The source with the most listings and how many (its listings are found from the other side, as `subjects resolve --full` does). */
export function largestSource(listings: readonly Listing[]): { source: string; count: number } {
  const counts = new Map<string, number>();
  for (const l of listings) counts.set(l.source, (counts.get(l.source) ?? 0) + 1);
  const [source, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return { source, count };
}
