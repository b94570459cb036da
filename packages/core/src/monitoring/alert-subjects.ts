import type { AlertListing } from './alert.ts';

/** What monitoring reads of the current resolution of listings into subjects. */
export interface SubjectView {
  /** The subject a listing belongs to; undefined for a listing no resolution has seen. */
  subjectOf(entityId: string): { id: string; name: string } | undefined;
  /** The current listings of a resolved subject, with their sources (empty for an unknown id). */
  members(subjectId: string): readonly { entityId: string; source: string }[];
  /** The sources of the loaded lists. */
  sources: readonly string[];
}

/** No resolution: every listing is a subject of its own (what monitoring did before subjects). */
export const NO_SUBJECTS: SubjectView = { subjectOf: () => undefined, members: () => [], sources: [] };

/** A counterparty's hit on one listing, as an alert lists it. */
export interface ListingHit {
  entityId: string;
  source: string;
  score: number;
  listedName: string;
}

/** The subject id of a listing: its resolved subject's, else its own (as screening names it). */
export function subjectIdOf(view: SubjectView, entityId: string): string {
  return view.subjectOf(entityId)?.id ?? entityId;
}

/**
 * Every current listing of the subject with the counterparty's hits on them (a hit on a listing
 * the resolution does not hold, e.g. a newer list version, is listed too), best hit first and
 * then by entity id; and the loaded lists that list none of them (none while no resolution has
 * seen the subject: which lists lack it is then unknown).
 *
 * @example
 * alertListingsOf(view, 'un-sc:IRi.039', hits) // { listings: [{ entityId: 'us-ofac-sdn:10481', score: 0.97, … }, …], notListedBy: ['uk-hmt'] }
 */
export function alertListingsOf(
  view: SubjectView,
  subjectId: string,
  hits: readonly ListingHit[],
): { listings: AlertListing[]; notListedBy: string[] } {
  const byEntity = new Map<string, AlertListing>();
  for (const m of view.members(subjectId))
    byEntity.set(m.entityId, { entityId: m.entityId, source: m.source });
  for (const h of hits)
    byEntity.set(h.entityId, {
      entityId: h.entityId,
      source: h.source,
      score: h.score,
      listedName: h.listedName,
    });
  const listings = [...byEntity.values()].sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.entityId.localeCompare(b.entityId),
  );
  const resolved = view.members(subjectId).length > 0;
  const listing = new Set(listings.map((l) => l.source));
  const notListedBy = resolved ? view.sources.filter((s) => !listing.has(s)).sort() : [];
  return { listings, notListedBy };
}
