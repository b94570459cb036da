import { buildParty, type Party } from '../model/party.ts';
import { jurisdictionOfSource } from './jurisdiction.ts';
import type { Listing } from './listing.ts';

/** A listing for tests: a person or organisation on one source's list. */
export function listingOf(
  source: string,
  sourceId: string,
  name: string,
  extra: Partial<Party> & { current?: boolean; publishedAt?: string } = {},
): Listing {
  const { current = true, publishedAt = '2026-01-01', ...fields } = extra;
  const party = buildParty({
    source,
    sourceId,
    schema: 'person',
    names: [{ full: name, quality: 'primary' }],
    ...fields,
  });
  const jurisdiction = jurisdictionOfSource(source);
  return {
    entityId: `${source}:${sourceId}`,
    source,
    ...(jurisdiction ? { jurisdiction } : {}),
    party,
    current,
    versionId: 1,
    publishedAt,
  };
}
