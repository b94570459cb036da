import type { Party } from '@entente/core';
import { partiesFromDenial } from '@entente/core';
import { sourceOf, type Actor } from './actor.ts';
import type { SharingStore } from './sharing-store.ts';

/**
 * The denied parties of every valid denial the principal may see, as
 * screenable parties with source `denials` (none for exporters). The read is audited.
 *
 * @example
 * const extra = await visibleDenialParties(sharing, principal); // add to the screening index for this caller
 */
export async function visibleDenialParties(sharing: SharingStore, principal: Actor): Promise<Party[]> {
  const denials = await sharing.denials.visibleTo(await sharing.denials.viewerOf(principal));
  const parties = denials.flatMap(partiesFromDenial);
  const s = sourceOf(principal);
  await sharing.audit.append({
    actorUserId: s.userId,
    actorOrgId: s.orgId,
    ip: s.ip,
    action: 'denial.screen-parties',
    targetType: 'denial',
    targetId: null,
    outcome: 'ok',
    details: { denials: denials.length, parties: parties.length },
  });
  return parties;
}
