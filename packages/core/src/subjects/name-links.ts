import type { Party } from '../model/party.ts';
import {
  screenParty,
  type ScreeningMatch,
  type ScreeningOptions,
  type ScreeningQuery,
} from '../screening/screen-party.ts';
import type { ScreeningIndex } from '../screening/screening-index.ts';
import type { Listing, SubjectLink } from './listing.ts';
import { sharedDistinctNames } from './shared-names.ts';

/** Thresholds of name-based links (chosen on the tune half of the truth set: bench/subjects-quality.ts). */
export interface NameLinkThresholds {
  /** At or above, with nothing contradicting, a link is made automatically. */
  auto: number;
  /** At or above (and below `auto`, or contradicted), the link is only proposed to an analyst. */
  propose: number;
}

/** The thresholds in force (see docs/benchmarks.md, "Subjects across lists"). */
export const DEFAULT_NAME_LINK_THRESHOLDS: NameLinkThresholds = Object.freeze({ auto: 0.99, propose: 0.88 });

/**
 * The version of the rules that make name links (this file, `shared-names.ts`, and the adapters'
 * `load-listings.ts` and `name-links-in-workers.ts`), stored with each resolution: a store resolved
 * under other rules keeps links these rules would not make, so its next resolution screens every
 * listing again. Set to the day of a change that may make different links (a second change on
 * one day: `2026-12-07.2`); the adapters' `name-link-rules-version.test.ts` fails when those sources
 * change and its record of them is not renewed, and says whether this was bumped.
 */
export const NAME_LINK_RULES_VERSION = '2026-12-07';

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

/** The reservation a second distinct shared name can lift (nothing contradicts; only a birth date is missing). */
const NO_BIRTH_DATE = 'no birth date to confirm a person';

/** Distinct names two listings must both carry to link a person without a birth date. */
const SHARED_NAMES_FOR_NO_BIRTH_DATE = 2;

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
  if (party.schema === 'person' && !(has('birthDateMatch') || (f.birthDate ?? 0) > 0)) return NO_BIRTH_DATE;
  return undefined;
}

/** What a listing is screened with to find its name links: at most 20 matches from the proposal floor. */
export function nameLinkOptions(
  thresholds: NameLinkThresholds = DEFAULT_NAME_LINK_THRESHOLDS,
): ScreeningOptions {
  return { threshold: thresholds.propose, limit: 20 };
}

/**
 * The name links one listing's screening matches make (to listings of other
 * sources), each marked automatic when at or above `thresholds.auto` with
 * nothing contradicting. A person whose birth date is missing on either side
 * is linked automatically only when the two listings also carry two distinct
 * names in common (`sharedDistinctNames`; `partyOf` gives the matched
 * listing's party); otherwise the link is proposed. Wherever the screening
 * ran (in process or in a worker), the links are the same.
 */
export function nameLinksOf(
  listing: Listing,
  matches: readonly ScreeningMatch[],
  thresholds: NameLinkThresholds = DEFAULT_NAME_LINK_THRESHOLDS,
  partyOf: (entityId: string) => Party | undefined = () => undefined,
): NameLink[] {
  const out: NameLink[] = [];
  for (const match of matches) {
    if (match.source === listing.source || match.entityId === listing.entityId) continue;
    let why = reservation(match, listing.party);
    const confirmed: string[] = [];
    if (why === NO_BIRTH_DATE && match.score >= thresholds.auto) {
      const other = partyOf(match.entityId);
      const shared = other ? sharedDistinctNames(listing.party, other) : [];
      if (shared.length >= SHARED_NAMES_FOR_NO_BIRTH_DATE) {
        why = undefined;
        confirmed.push(
          `no birth date to compare, but both listings carry the names ${shared.map((n) => `"${n}"`).join(' and ')}`,
        );
      }
    }
    out.push({
      a: listing.entityId,
      b: match.entityId,
      kind: 'name',
      score: match.score,
      automatic: match.score >= thresholds.auto && !why,
      evidence: [
        ...match.explanation,
        ...confirmed,
        ...(why ? [`not linked without an analyst: ${why}`] : []),
      ],
    });
  }
  return out;
}

/** Looks a listing's party up by entity id, over the listings given. */
export function partiesById(listings: readonly Listing[]): (entityId: string) => Party | undefined {
  const byId = new Map(listings.map((l) => [l.entityId, l.party]));
  return (entityId) => byId.get(entityId);
}

/** One link per pair of listings (found from either side): the better scored. */
export function bestLinkPerPair<T extends SubjectLink>(links: Iterable<T>): T[] {
  const byPair = new Map<string, T>();
  for (const l of links) {
    const key = l.a < l.b ? `${l.a}|${l.b}` : `${l.b}|${l.a}`;
    const seen = byPair.get(key);
    if (!seen || l.score > seen.score) byPair.set(key, l);
  }
  return [...byPair.values()];
}

/** The listings worth screening by name: those with a name, but those of `skipSources`. */
export function listingsToScreen(
  listings: readonly Listing[],
  skipSources: ReadonlySet<string> = new Set(),
): Listing[] {
  return listings.filter((l) => !skipSources.has(l.source) && queryOfParty(l.party).name !== '');
}

/**
 * Name-based links from each listing to listings of other sources, scored by
 * the screening engine over an index that holds every listing, in this
 * thread. Listings of `skipSources` are not screened themselves (they are
 * still found from the other side: the largest source is usually skipped,
 * halving the work). The adapters run the same steps in screening workers.
 */
export function findNameLinks(
  index: ScreeningIndex,
  listings: readonly Listing[],
  thresholds: NameLinkThresholds = DEFAULT_NAME_LINK_THRESHOLDS,
  skipSources: ReadonlySet<string> = new Set(),
): NameLink[] {
  const options = nameLinkOptions(thresholds);
  const partyOf = partiesById(listings);
  const links: NameLink[] = [];
  for (const listing of listingsToScreen(listings, skipSources))
    links.push(
      ...nameLinksOf(listing, screenParty(index, queryOfParty(listing.party), options), thresholds, partyOf),
    );
  return bestLinkPerPair(links);
}
