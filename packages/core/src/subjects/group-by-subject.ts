/** Screening matches of one subject: its best score first, every listing under it. */
export interface SubjectMatchGroup<M> {
  /** The subject id (the listing's own entity id when it is in no resolved subject). */
  subjectId: string;
  name: string;
  score: number;
  /** The matched listings, best first. */
  listings: M[];
}

/**
 * Groups matches (best first) by the subject their listing belongs to; the
 * groups keep the order of their best match. A listing no resolution has
 * seen (a newer list version) is a subject of its own until the next one.
 */
export function groupBySubject<M extends { entityId: string; name: string; score: number }>(
  matches: readonly M[],
  subjectOf: (entityId: string) => { id: string; name: string } | undefined,
): SubjectMatchGroup<M>[] {
  const groups = new Map<string, SubjectMatchGroup<M>>();
  for (const m of matches) {
    const subject = subjectOf(m.entityId);
    const id = subject?.id ?? m.entityId;
    const group = groups.get(id);
    if (group) {
      group.listings.push(m);
      group.score = Math.max(group.score, m.score);
    } else groups.set(id, { subjectId: id, name: subject?.name ?? m.name, score: m.score, listings: [m] });
  }
  return [...groups.values()];
}
