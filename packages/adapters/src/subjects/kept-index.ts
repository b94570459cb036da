import { buildScreeningIndex, type Listing, type NameReference, type ScreeningIndex } from '@entente/core';

/** A screening index over every listing of a run, kept for the next run, and which listings it holds. */
export interface KeptIndex {
  index: ScreeningIndex;
  entityIds: Set<string>;
}

/**
 * The index over `listings` that a few changed listings are screened
 * against: the one kept from the last run, patched (listings gone removed,
 * `changed` ones and new ones added), or a new one when none was kept or
 * nothing says what changed. Patching costs milliseconds; building the whole
 * mirror's index costs seconds.
 */
export function patchedIndex(
  listings: readonly Listing[],
  changed: ReadonlySet<string> | undefined,
  kept: KeptIndex | undefined,
  reference: NameReference,
): KeptIndex {
  if (!kept || !changed)
    return {
      index: buildScreeningIndex(
        listings.map((l) => ({ party: l.party, versionId: l.versionId })),
        reference,
      ),
      entityIds: new Set(listings.map((l) => l.entityId)),
    };
  const present = new Set(listings.map((l) => l.entityId));
  for (const id of kept.entityIds)
    if (!present.has(id)) {
      kept.index.remove(id);
      kept.entityIds.delete(id);
    }
  for (const l of listings)
    if (changed.has(l.entityId) || !kept.entityIds.has(l.entityId)) {
      kept.index.add(l.party, l.versionId);
      kept.entityIds.add(l.entityId);
    }
  kept.index.prepare();
  return kept;
}
