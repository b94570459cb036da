import {
  screenParty,
  type ExportParty,
  type Party,
  type ScreenParty,
  type ScreeningHit,
  type ScreeningIndex,
  type ScreeningOptions,
} from '@entente/core';

/**
 * The assessment's `screen` dependency over a screening index: each party is
 * screened by name and country, and each match carries the listing's licence
 * requirement and review policy (Entity List, MEU) so the US determinations
 * can apply them. The source is named with its sub-list ("us-csl (Entity
 * List)") because the assessment classes hits by list.
 *
 * @example
 * assessTransaction(data, tx, { screen: partyScreener(index) });
 */
export function partyScreener(index: ScreeningIndex, options: ScreeningOptions = {}): ScreenParty {
  return (party: ExportParty): ScreeningHit[] =>
    screenParty(
      index,
      { name: party.name, ...(party.country ? { country: party.country } : {}) },
      { limit: 5, ...options },
    ).map((m) => {
      const listed: Party | undefined = index.get(m.entityId)?.party;
      return {
        source: listed?.subList ? `${m.source} (${listed.subList})` : m.source,
        sourceId: m.sourceId,
        name: m.name,
        score: m.score,
        ...(listed?.licenceRequirement ? { licenceRequirement: listed.licenceRequirement } : {}),
        ...(listed?.licencePolicy ? { licencePolicy: listed.licencePolicy } : {}),
      };
    });
}
