import { DomainError } from '../errors.ts';
import type { ListingJurisdiction } from './jurisdiction.ts';
import type { Subject } from './resolve-subjects.ts';

/** Why a subject is listed by some of the jurisdictions compared and not others. */
export type ListingGapClass =
  /** The UN lists it and a compared jurisdiction (every ally is a UN member) does not carry it. */
  | 'un-not-implemented'
  /** A compared jurisdiction listed it and no longer does, while another still does. */
  | 'delisted-by-one'
  /** One jurisdiction alone lists it (an autonomous listing nobody followed). */
  | 'autonomous-single'
  /** Several, not all, list it; the UN does not. */
  | 'several-not-all';

/** One subject listed by some compared jurisdictions and not others. */
export interface ListingGap {
  subjectId: string;
  name: string;
  schema: string;
  class: ListingGapClass;
  listedBy: ListingJurisdiction[];
  missing: ListingJurisdiction[];
  delistedBy: ListingJurisdiction[];
  programs: string[];
  /** Why, in words, with each listing's source and date. */
  reasons: string[];
}

/** Days from a UN listing to each ally's listing of the same subject (where both dates are known). */
export interface ImplementationDelay {
  jurisdiction: ListingJurisdiction;
  subjects: number;
  medianDays: number;
  /** Listings dated before the UN's (the ally listed first). */
  before: number;
}

/** The listing gaps between the compared jurisdictions. */
export interface ListingGapReport {
  jurisdictions: ListingJurisdiction[];
  gaps: ListingGap[];
  /** `matrix[x][y]`: subjects listed now by x and not by y. */
  matrix: Record<string, Record<string, number>>;
  byClass: Record<ListingGapClass, number>;
  /** Subjects listed now by each jurisdiction (of those compared). */
  listed: Record<string, number>;
  delays: ImplementationDelay[];
}

const day = (d: string | undefined): number | undefined => {
  if (!d || !/^\d{4}-\d{2}-\d{2}/.test(d)) return undefined;
  const t = Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : t / 86_400_000;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Compares which of the given jurisdictions list each subject: the subjects
 * listed by some and not others, each classified and explained, the matrix of
 * ally pairs, and how long each ally took to list what the UN listed.
 */
export function listingGaps(
  subjects: readonly Subject[],
  jurisdictions: readonly ListingJurisdiction[],
): ListingGapReport {
  const compared = [...new Set(jurisdictions)].sort();
  if (compared.length < 2)
    throw new DomainError('invalid-input', 'Compare at least two jurisdictions', {
      field: 'jurisdictions',
      given: compared,
    });
  const inSet = new Set<string>(compared);
  const matrix: Record<string, Record<string, number>> = {};
  for (const x of compared)
    matrix[x] = Object.fromEntries(compared.filter((y) => y !== x).map((y) => [y, 0]));
  const listed: Record<string, number> = Object.fromEntries(compared.map((j) => [j, 0]));
  const byClass: Record<ListingGapClass, number> = {
    'un-not-implemented': 0,
    'delisted-by-one': 0,
    'autonomous-single': 0,
    'several-not-all': 0,
  };
  const gaps: ListingGap[] = [];
  const delays = new Map<ListingJurisdiction, number[]>();
  const before = new Map<ListingJurisdiction, number>();
  for (const s of subjects) {
    const now = new Set(s.jurisdictions.filter((j) => inSet.has(j)));
    if (now.size === 0) continue;
    for (const j of now) listed[j]!++;
    for (const x of now) for (const y of compared) if (!now.has(y) && x !== y) matrix[x]![y]!++;
    const un = s.members.find((m) => m.current && m.jurisdiction === 'UN');
    const unDay = day(un?.listedOn);
    if (unDay !== undefined)
      for (const j of now) {
        if (j === 'UN') continue;
        const days = s.members
          .filter((m) => m.current && m.jurisdiction === j)
          .map((m) => day(m.listedOn))
          .filter((d): d is number => d !== undefined);
        if (!days.length) continue;
        const delay = Math.min(...days) - unDay;
        if (delay < 0) before.set(j, (before.get(j) ?? 0) + 1);
        delays.set(j, [...(delays.get(j) ?? []), Math.max(0, delay)]);
      }
    if (now.size === compared.length) continue;
    const missing = compared.filter((j) => !now.has(j));
    const delistedBy = missing.filter((j) => s.members.some((m) => !m.current && m.jurisdiction === j));
    const klass: ListingGapClass = now.has('UN')
      ? 'un-not-implemented'
      : delistedBy.length
        ? 'delisted-by-one'
        : now.size === 1
          ? 'autonomous-single'
          : 'several-not-all';
    byClass[klass]++;
    const reasons = s.members
      .filter((m) => m.jurisdiction && inSet.has(m.jurisdiction))
      .map(
        (m) =>
          `${m.current ? 'listed' : 'no longer listed'} by ${m.jurisdiction} (${m.source} ${m.entityId.slice(m.source.length + 1)}${m.listedOn ? `, listed ${m.listedOn}` : ''}; list of ${m.publishedAt.slice(0, 10)})`,
      );
    if (missing.length) reasons.push(`not on the current list of ${missing.join(', ')}`);
    gaps.push({
      subjectId: s.id,
      name: s.name,
      schema: s.schema,
      class: klass,
      listedBy: [...now].sort(),
      missing,
      delistedBy,
      programs: [...new Set(s.members.filter((m) => m.current).flatMap((m) => m.programs))].sort(),
      reasons,
    });
  }
  return {
    jurisdictions: compared,
    gaps: gaps.sort((a, b) => a.class.localeCompare(b.class) || a.name.localeCompare(b.name)),
    matrix,
    byClass,
    listed,
    delays: [...delays].map(([jurisdiction, days]) => ({
      jurisdiction,
      subjects: days.length,
      medianDays: median(days),
      before: before.get(jurisdiction) ?? 0,
    })),
  };
}
