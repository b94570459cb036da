import {
  buildScreeningIndex,
  partiesFromDenial,
  screenParty,
  type Denial,
  type NameReference,
  type ScreeningIndex,
  type ScreeningMatch,
  type ScreeningOptions,
  type ScreeningQuery,
} from '@entente/core';
import { actorOf, sourceOf, type Actor } from './actor.ts';
import { denialReadsOf } from './audit-log.ts';
import type { SharingStore } from './sharing-store.ts';

/** The denied parties one agency may see, screenable with the screening engine. */
export interface DenialScreen {
  /** Valid denials visible to the agency, and their parties. */
  denials: number;
  parties: number;
  /**
   * Screens one subject against the denied parties (source `denials`, source
   * id `<denial id>/<n>`); the denying agency, date and reason are added to
   * the programmes and the explanation.
   */
  screen(query: ScreeningQuery, options?: ScreeningOptions): ScreeningMatch[];
  /** Records the read of shared data: subjects screened and the denials they hit. */
  audit(subjects: number): Promise<void>;
}

/** Indexes kept per name reference, by the visible denials' ids and versions (a change makes a new key). */
const INDEX_CACHE_SIZE = 16;
const cache = new WeakMap<NameReference, Map<string, ScreeningIndex>>();

/** The screening index of these denials' parties, built once per set of denial versions. */
function indexOf(denials: Denial[], reference: NameReference): ScreeningIndex {
  let byKey = cache.get(reference);
  if (!byKey) cache.set(reference, (byKey = new Map()));
  const key = denials
    .map((d) => `${d.id}@${d.version}`)
    .sort()
    .join(',');
  let index = byKey.get(key);
  if (index) {
    byKey.delete(key);
  } else {
    index = buildScreeningIndex(
      denials.flatMap(partiesFromDenial).map((party) => ({ party })),
      reference,
    );
    if (byKey.size >= INDEX_CACHE_SIZE) byKey.delete(byKey.keys().next().value as string);
  }
  byKey.set(key, index);
  return index;
}

/** The denial a denied party's source id (`<denial id>/<n>`) belongs to. */
function denialIdOf(sourceId: string): string {
  const i = sourceId.lastIndexOf('/');
  return i > 0 ? sourceId.slice(0, i) : sourceId;
}

/**
 * The denied parties of every valid denial shared with the principal's
 * agency (through a regime it belongs to or by name, and its own), indexed
 * with the screening engine and the given name reference (the screening
 * service's). Undefined for exporters, without reading the store. The
 * denials are read on every call (visibility and validity are the store's);
 * the index is reused while the same denial versions are visible.
 *
 * @example
 * const denials = await openDenialScreen(sharing, principal, service.reference);
 * const hits = denials?.screen({ name: 'Kaliningrad Instrument Works' }) ?? [];
 * await denials?.audit(1);
 */
export async function openDenialScreen(
  sharing: SharingStore,
  principal: Actor,
  reference: NameReference,
): Promise<DenialScreen | undefined> {
  if (principal.orgKind !== 'agency') return undefined;
  const viewer = await sharing.denials.viewerOf(principal);
  if (viewer.kind !== 'agency') return undefined;
  const denials = await sharing.denials.visibleTo(viewer);
  const byId = new Map<string, Denial>(denials.map((d) => [d.id, d]));
  const index = indexOf(denials, reference);
  const parties = index.entries.length;
  const hit = new Set<string>();
  return {
    denials: denials.length,
    parties,
    screen(query, options = {}) {
      if (parties === 0) return [];
      const { sources: _ignored, ...subject } = query;
      return screenParty(index, subject, options).map((m) => {
        const denial = byId.get(denialIdOf(m.sourceId));
        if (!denial) return m;
        hit.add(denial.id);
        return {
          ...m,
          programs: [...m.programs, `denied-by:${denial.orgId}`],
          explanation: [
            ...m.explanation,
            `Denial ${denial.reference ?? denial.id} by agency ${denial.orgId} on ${denial.deniedOn} (destination ${denial.destination}; items ${denial.items.map((x) => x.code).join(', ')}): ${denial.reason}`,
          ],
        };
      });
    },
    async audit(subjects) {
      await sharing.audit.append(
        {
          ...actorOf(sourceOf(principal)),
          action: 'denial.screen-parties',
          targetType: 'denial',
          targetId: null,
          outcome: 'ok',
          details: {
            denials: denials.length,
            parties,
            subjects,
            hits: [...hit].sort().join(','),
          },
        },
        denialReadsOf(
          principal.orgId,
          [...hit].flatMap((id) => byId.get(id) ?? []),
        ),
      );
    },
  };
}
