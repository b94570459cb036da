import {
  screenParty,
  type NameReference,
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
  /**
   * Records the read of shared data (subjects screened, denials hit) in the
   * audit chain: queued and appended in a batch right after the response, so
   * the request does not wait for the chain's lock (`sharing.audit.flush()` waits).
   */
  audit(subjects: number): Promise<void>;
}

/** The denial a denied party's source id (`<denial id>/<n>`) belongs to. */
function denialIdOf(sourceId: string): string {
  const i = sourceId.lastIndexOf('/');
  return i > 0 ? sourceId.slice(0, i) : sourceId;
}

/**
 * The denied parties of every valid denial shared with the principal's
 * agency (through a regime it belongs to or by name, and its own), screened
 * with the screening engine and the given name reference (the screening
 * service's). Undefined for exporters, without reading the store. The index
 * is the sharing store's (`DenialScreenIndex`): built once per agency and
 * patched as denials change, not rebuilt per request.
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
  const viewer = await sharing.denialScreens.viewerOf(principal.orgId);
  if (viewer.kind !== 'agency') return undefined;
  const view = await sharing.denialScreens.open(viewer, reference);
  const { index } = view;
  const hit = new Set<string>();
  return {
    denials: view.denials,
    parties: view.parties,
    screen(query, options = {}) {
      if (index.size === 0) return [];
      const { sources: _ignored, ...subject } = query;
      return screenParty(index, subject, options).map((m) => {
        const denial = view.denialOf(denialIdOf(m.sourceId));
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
      sharing.audit.appendSoon(
        {
          ...actorOf(sourceOf(principal)),
          action: 'denial.screen-parties',
          targetType: 'denial',
          targetId: null,
          outcome: 'ok',
          details: {
            denials: view.denials,
            parties: view.parties,
            subjects,
            hits: [...hit].sort().join(','),
          },
        },
        // The denying agencies see in their audit view who screened against their denials.
        denialReadsOf(
          principal.orgId,
          [...hit].flatMap((id) => view.denialOf(id) ?? []),
        ),
      );
    },
  };
}
