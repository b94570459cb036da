import type { Party } from '../model/party.ts';
import { screenParty, type ScreeningMatch, type ScreeningQuery } from '../screening/screen-party.ts';
import type { ScreeningIndex } from '../screening/screening-index.ts';
import type { Listing, SubjectLink } from './listing.ts';

/** Thresholds of name-based links (chosen on the tune half of the truth set: bench/subjects-quality.ts). */
export interface NameLinkThresholds {
  /** At or above, with nothing contradicting, a link is made automatically. */
  auto: number;
  /** At or above (and below `auto`, or contradicted), the link is only proposed to an analyst. */
  propose: number;
}

/** The thresholds in force (see docs/benchmarks.md, "Subjects across lists"). */
export const DEFAULT_NAME_LINK_THRESHOLDS: NameLinkThresholds = Object.freeze({ auto: 0.99, propose: 0.88 });

/** A name-based link, and whether it may be made without an analyst. */
export interface NameLink extends SubjectLink {
  kind: 'name';
  automatic: boolean;
}

/** The query a listing is screened as: its first Latin-script name, kind, first birth date, nationality. */
export function queryOfParty(party: Party): ScreeningQuery {
  const latin = party.names.find((n) => !n.script || n.script === 'Latn') ?? party.names[0];
  const nationality = party.countries.find((c) => c.role === 'nationality' || c.role === 'citizenship');
  return {
    name: latin?.full ?? '',
    schema: party.schema === 'unknown' ? undefined : party.schema,
    ...(party.birthDates[0] ? { birthDate: party.birthDates[0].value } : {}),
    ...(nationality ? { country: nationality.code } : {}),
  };
}

/**
 * Why a name match may not link automatically: a person needs a birth date
 * that agrees (a shared name alone joins namesakes), and nothing may contradict
 * (birth date, kind of subject, country).
 */
function reservation(match: ScreeningMatch, party: Party): string | undefined {
  const f = match.features;
  // Feature names as the screening engine's feature table has them (negative values contradict).
  const has = (...keys: string[]) => keys.some((k) => (f[k] ?? 0) !== 0);
  if (has('birthDateConflict') || (f.birthDate ?? 0) < 0) return 'birth dates differ';
  if (has('schemaConflict') || (f.schema ?? 0) < 0) return 'different kinds of subject';
  if (has('countryConflict') || (f.country ?? 0) < 0) return 'countries differ';
  if (party.schema === 'person' && !(has('birthDateMatch') || (f.birthDate ?? 0) > 0))
    return 'no birth date to confirm a person';
  return undefined;
}

/**
 * Name-based links from each listing to listings of other sources, scored by
 * the screening engine over an index that holds every listing. Listings of
 * `skipSources` are not screened themselves (they are still found from the
 * other side: the largest source is usually skipped, halving the work).
 */
export function findNameLinks(
  index: ScreeningIndex,
  listings: readonly Listing[],
  thresholds: NameLinkThresholds = DEFAULT_NAME_LINK_THRESHOLDS,
  skipSources: ReadonlySet<string> = new Set(),
): NameLink[] {
  const links = new Map<string, NameLink>();
  for (const listing of listings) {
    if (skipSources.has(listing.source)) continue;
    const query = queryOfParty(listing.party);
    if (!query.name) continue;
    for (const match of screenParty(index, query, { threshold: thresholds.propose, limit: 20 })) {
      if (match.source === listing.source || match.entityId === listing.entityId) continue;
      const key =
        listing.entityId < match.entityId
          ? `${listing.entityId}|${match.entityId}`
          : `${match.entityId}|${listing.entityId}`;
      const previous = links.get(key);
      if (previous && previous.score >= match.score) continue;
      const why = reservation(match, listing.party);
      links.set(key, {
        a: listing.entityId,
        b: match.entityId,
        kind: 'name',
        score: match.score,
        automatic: match.score >= thresholds.auto && !why,
        evidence: [...match.explanation, ...(why ? [`not linked without an analyst: ${why}`] : [])],
      });
    }
  }
  return [...links.values()];
}
