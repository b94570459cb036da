import type { Clearance } from '../model/clearance.ts';

/**
 * Why a match is shown for review although its subject was cleared: a listing the clearance
 * did not cover has joined the subject (`new-listing`), or the listings it covered are no
 * longer one subject (`subject-split`).
 */
export type ClearanceReviewReason = 'new-listing' | 'subject-split';

/** Where one match stands with the organisation's clearances for the screened name. */
export type MatchClearance =
  { cleared: Clearance } | { review: Clearance; why: ClearanceReviewReason } | undefined;

interface SubjectClearance {
  clearance: Clearance;
  covered: Set<string>;
  /** The subjects its covered listings belong to now (only those a resolution has seen). */
  subjects: Set<string>;
}

/**
 * For the matches of one screened name: which the active clearances clear, and which must be
 * looked at again because the subject they cleared changed (docs/decisions/2026-12-03-subject-clearances.md).
 * A clearance of one listing clears that listing. A clearance of a subject clears the listings it
 * covered while they are still one subject; a listing that joined that subject since is not
 * cleared but marked `new-listing`, and covered listings now in different subjects are marked
 * `subject-split`. `subjectOf` is the current resolution (undefined for a listing it has not seen).
 *
 * @example
 * const of = clearanceOfMatch(active, (id) => directory.get(id)?.id);
 * of('eu-sanctions:x/38'); // { cleared: … } | { review: …, why: 'new-listing' } | undefined
 */
export function clearanceOfMatch(
  active: readonly Clearance[],
  subjectOf: (entityId: string) => string | undefined,
): (entityId: string) => MatchClearance {
  if (active.length === 0) return () => undefined;
  const byListing = new Map<string, Clearance>();
  const bySubject: SubjectClearance[] = [];
  for (const c of active) {
    if (!c.listings) {
      if (!byListing.has(c.entityId)) byListing.set(c.entityId, c);
      continue;
    }
    const subjects = new Set<string>();
    for (const id of c.listings) {
      const s = subjectOf(id);
      if (s !== undefined) subjects.add(s);
    }
    bySubject.push({ clearance: c, covered: new Set(c.listings), subjects });
  }
  return (entityId) => {
    const own = byListing.get(entityId);
    if (own) return { cleared: own };
    let review: MatchClearance;
    for (const s of bySubject) {
      if (s.covered.has(entityId)) {
        if (s.subjects.size <= 1) return { cleared: s.clearance };
        review ??= { review: s.clearance, why: 'subject-split' };
      } else if (s.subjects.has(subjectOf(entityId) ?? entityId)) {
        review ??= { review: s.clearance, why: 'new-listing' };
      }
    }
    return review;
  };
}
