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
 * The listings of one source as of its latest version: its parties, and the
 * parties it delisted in its last `HISTORY_VERSIONS` updates (as of the last
 * version they were in), so that "delisted by one ally" can be told from
 * "never listed".
 */
export async function loadSourceListings(store: Store, latest: ListVersion): Promise<Listing[]> {
  const listings: Listing[] = [];
  const current = new Set<string>();
  for (const sp of await store.partiesOfVersion(latest.id)) {
    listings.push(listingOf(latest, sp.entityId, sp.party, true));
    current.add(sp.entityId);
  }
  const former = new Set<string>();
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
  return listings;
}

/**
 * Every listing resolution works on: each source's (see `loadSourceListings`).
 * `cached` holds the listings of sources read before, by the latest version
 * they were read at; a source whose latest version is still that one is not
 * read again (an incremental resolution reads only the sources that changed).
 */
export async function loadListings(
  store: Store,
  cached: ReadonlyMap<string, { versionId: number; listings: Listing[] }> = new Map(),
): Promise<{
  listings: Listing[];
  versions: ListVersion[];
  bySource: Map<string, { versionId: number; listings: Listing[] }>;
}> {
  const versions = await store.latestVersions();
  const bySource = new Map<string, { versionId: number; listings: Listing[] }>();
  for (const v of versions) {
    const known = cached.get(v.source);
    bySource.set(
      v.source,
      known && known.versionId === v.id
        ? known
        : { versionId: v.id, listings: await loadSourceListings(store, v) },
    );
  }
  return { listings: [...bySource.values()].flatMap((s) => s.listings), versions, bySource };
}
