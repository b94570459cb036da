/**
 * Which ownership rules a listed party's list brings into play: an OFAC SDN
 * entry the OFAC 50 Percent Rule, a BIS Entity List or MEU List entry the BIS
 * Affiliates Rule, an EU or UK consolidated list entry the EU or UK test. Lists
 * with no ownership rule modelled (UN, other allies, the DPL) bring none.
 */
import type { OwnershipRuleId } from './ownership-rules.ts';

const BY_SOURCE: Readonly<Record<string, readonly OwnershipRuleId[]>> = {
  'us-ofac-sdn': ['us-ofac-50'],
  'us-bis-entity-list': ['us-bis-affiliates'],
  'us-bis-meu': ['us-bis-affiliates'],
  'eu-sanctions': ['eu-owned-or-controlled'],
  'uk-ofsi': ['uk-owned-or-controlled'],
};

/** The CSL mixes sub-lists; its source ids start with the sub-list's code (`SDN-…`, `EL-…`, `MEU-…`). */
const BY_CSL_PREFIX: Readonly<Record<string, readonly OwnershipRuleId[]>> = {
  SDN: ['us-ofac-50'],
  EL: ['us-bis-affiliates'],
  MEU: ['us-bis-affiliates'],
};

/**
 * The ownership rules under which owning or controlling entities follow a party listed as `entityId` (`source:sourceId`).
 *
 * @example
 * ownershipRulesForParty('us-csl:EL-1234'); // ['us-bis-affiliates']
 */
export function ownershipRulesForParty(entityId: string): readonly OwnershipRuleId[] {
  const colon = entityId.indexOf(':');
  const source = colon < 0 ? entityId : entityId.slice(0, colon);
  if (source === 'us-csl') {
    const prefix = entityId.slice(colon + 1).split('-')[0] ?? '';
    return BY_CSL_PREFIX[prefix] ?? [];
  }
  return BY_SOURCE[source] ?? [];
}
