import type { Context } from 'hono';
import {
  DENIALS_SOURCE,
  DomainError,
  isDomainError,
  type ScreeningOptions,
  type ScreeningQuery,
} from '@entente/core';
import {
  openDenialScreen,
  type DenialScreen,
  type ScreeningResult,
  type ScreeningResults,
  type ScreeningService,
  type SubjectOf,
} from '@entente/adapters';
import type { AppDeps } from '../app-deps.ts';
import type { AppEnv } from '../policy.ts';
import { actorFrom } from './sharing-deps.ts';

/** What one screening request screens: the restricted-party lists (which) and, for agencies, the denied parties. */
export interface ScreeningPlan {
  /** Screen the lists at all (false when `sources` names only `denials`). */
  lists: boolean;
  /** The list sources to screen (undefined: every list). */
  listSources?: string[];
  /** The denied parties shared with the caller's agency; undefined for exporters or when `sources` leaves them out. */
  denials?: DenialScreen;
}

/**
 * Splits `sources` between the lists and the denied parties (source
 * `denials`). Exporters screen the lists only, with no extra store query; for
 * them `denials` is an unknown source like any other. Agencies also screen
 * the parties of the valid denials shared with them, through the sharing
 * store's per-agency index (built once with the screening service's name
 * reference, patched as denials change).
 */
export async function planScreening(
  c: Context<AppEnv>,
  deps: AppDeps,
  service: ScreeningService,
  sources: string[] | undefined,
): Promise<ScreeningPlan> {
  if (c.get('principal')?.orgKind !== 'agency') {
    service.checkSources(sources);
    return { lists: true, ...(sources ? { listSources: sources } : {}) };
  }
  const listSources = sources?.filter((s) => s !== DENIALS_SOURCE);
  try {
    service.checkSources(listSources);
  } catch (e) {
    // Agencies may also name the denied parties: say so in the accepted values.
    if (isDomainError(e) && e.code === 'unknown-source' && Array.isArray(e.details.accepted))
      throw new DomainError(e.code, e.message, {
        ...e.details,
        accepted: [...(e.details.accepted as string[]), DENIALS_SOURCE],
      });
    throw e;
  }
  const wantDenials = !sources || sources.includes(DENIALS_SOURCE);
  const denials = wantDenials
    ? await openDenialScreen(deps.services.sharing, actorFrom(c), service.reference)
    : undefined;
  return {
    lists: !listSources || listSources.length > 0,
    ...(listSources ? { listSources } : {}),
    ...(denials ? { denials } : {}),
  };
}

/** List and denial matches in one ranking, best first, cut at `limit` (default 10). */
export function mergeMatches<T extends { score: number; entityId: string }>(
  lists: T[],
  denials: T[],
  limit = 10,
): T[] {
  if (denials.length === 0) return lists;
  return [...lists, ...denials]
    .sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId))
    .slice(0, limit);
}

/**
 * One subject screened as planned: the lists (in a screening worker when they
 * run) and, meanwhile on this thread, the denied parties; one ranking. The
 * two overlap, so an agency's request costs about the longer of the two, not
 * their sum. With the list candidates the cap left unscored (the denied parties'
 * index is small, and its cut is not reported).
 */
export async function screenPlanned(
  plan: ScreeningPlan,
  service: ScreeningService,
  query: ScreeningQuery,
  options: ScreeningOptions,
  orgId: string,
  subjectOf?: SubjectOf,
): Promise<ScreeningResults> {
  const listing = plan.lists
    ? service.screenOutcome({ ...query, sources: plan.listSources }, options, orgId, subjectOf)
    : Promise.resolve({ results: [], unscored: 0, unscoredAtLeast: false });
  let denied: ScreeningResult[];
  try {
    denied = plan.denials?.screen(query, options) ?? [];
  } catch (e) {
    listing.catch(() => {}); // the denial error is the one reported
    throw e;
  }
  const lists = await listing;
  return { ...lists, results: mergeMatches(lists.results, denied, options.limit) };
}
