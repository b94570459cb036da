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

/** Parties added or changed by a new version beyond which the source is read whole rather than patched. */
const MAX_PATCHED = 500;

/**
 * The listings of one source at `latest`, from those kept at an earlier version and the diff
 * between the two: what `loadSourceListings` gives, without reading the whole list again. The
 * parties the new version added or changed are read one by one; unchanged ones move to the new
 * version; removed ones become former listings (as of the kept version, the last they were in);
 * former listings stay while their version is among the last `HISTORY_VERSIONS` updates. Undefined
 * when the new version changed too many parties to patch.
 */
async function patchSourceListings(
  store: Store,
  latest: ListVersion,
  kept: { versionId: number; listings: Listing[] },
): Promise<Listing[] | undefined> {
  const diff = await store.diffVersions(latest.source, kept.versionId, latest.id);
  const fresh = [...diff.added, ...diff.changed].map((x) => x.entityId);
  if (fresh.length > MAX_PATCHED) return undefined;
  const history = (await store.listVersions(latest.source)).slice(1, HISTORY_VERSIONS + 1);
  const window = new Set(history.map((v) => v.id));
  const removed = new Set(diff.removed.map((x) => x.entityId));
  const renewed = new Set(fresh);
  const listings: Listing[] = [];
  const former = new Set<string>();
  for (const l of kept.listings) {
    if (l.current && removed.has(l.entityId)) {
      listings.push({ ...l, current: false });
      former.add(l.entityId);
    } else if (l.current && !renewed.has(l.entityId))
      listings.push({ ...l, versionId: latest.id, publishedAt: latest.publishedAt });
  }
  for (const id of fresh) {
    const sp = await store.getParty(id, latest.id);
    if (sp) listings.push(listingOf(latest, sp.entityId, sp.party, true));
  }
  for (const l of kept.listings)
    if (!l.current && window.has(l.versionId) && !renewed.has(l.entityId) && !former.has(l.entityId))
      listings.push(l);
  // In the order `loadSourceListings` gives: current by entity id, then former, the latest delisted first.
  const order = (a: Listing, b: Listing) =>
    Number(b.current) - Number(a.current) ||
    (a.current ? 0 : b.versionId - a.versionId) ||
    (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0);
  return listings.sort(order);
}

/**
 * Every listing resolution works on: each source's (see `loadSourceListings`).
 * `cached` holds the listings of sources read before, by the latest version
 * they were read at; a source whose latest version is still that one is not
 * read again, and one with a newer version is patched with the diff between
 * the two (an incremental resolution reads only what changed).
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
    if (known && known.versionId === v.id) {
      bySource.set(v.source, known);
      continue;
    }
    const patched = known && (await patchSourceListings(store, v, known));
    bySource.set(v.source, { versionId: v.id, listings: patched ?? (await loadSourceListings(store, v)) });
  }
  return { listings: [...bySource.values()].flatMap((s) => s.listings), versions, bySource };
}
