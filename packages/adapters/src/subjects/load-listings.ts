import { jurisdictionOfSource, type Listing, type ListVersion, type Store } from '@entente/core';

/** Older versions per source whose delistings are read (each costs one diff). */
const HISTORY_VERSIONS = 12;

const listingOf = (
  v: Pick<ListVersion, 'id' | 'source' | 'publishedAt'>,
  entityId: string,
  party: Listing['party'],
  current: boolean,
): Listing => {
  const jurisdiction = jurisdictionOfSource(v.source);
  return {
    entityId,
    source: v.source,
    ...(jurisdiction ? { jurisdiction } : {}),
    party,
    current,
    versionId: v.id,
    publishedAt: v.publishedAt,
  };
};

/**
 * Every listing resolution works on: the parties of each source's latest
 * version, and the parties a source delisted in its last `HISTORY_VERSIONS`
 * updates (as of the last version they were in), so that "delisted by one
 * ally" can be told from "never listed".
 */
export async function loadListings(store: Store): Promise<{ listings: Listing[]; versions: ListVersion[] }> {
  const versions = await store.latestVersions();
  const listings: Listing[] = [];
  const current = new Set<string>();
  for (const v of versions)
    for (const sp of await store.partiesOfVersion(v.id)) {
      listings.push(listingOf(v, sp.entityId, sp.party, true));
      current.add(sp.entityId);
    }
  const former = new Set<string>();
  for (const latest of versions) {
    const history = (await store.listVersions(latest.source)).slice(0, HISTORY_VERSIONS + 1);
    for (let i = 1; i < history.length; i++) {
      const older = history[i]!;
      const diff = await store.diffVersions(latest.source, older.id, history[i - 1]!.id);
      for (const removed of diff.removed) {
        if (current.has(removed.entityId) || former.has(removed.entityId)) continue;
        const sp = await store.getParty(removed.entityId, older.id);
        if (!sp) continue;
        former.add(removed.entityId);
        listings.push(listingOf(older, sp.entityId, sp.party, false));
      }
    }
  }
  return { listings, versions };
}
