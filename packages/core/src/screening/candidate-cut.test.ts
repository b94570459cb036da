import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { findCandidateNames } from './find-candidates.ts';
import { normalizeName } from './normalize-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import {
  CANDIDATE_CAP,
  DEFAULT_SCREENING_THRESHOLD,
  screenParty,
  screenPartyOutcome,
} from './screen-party.ts';
import { indexTokenWeight } from './token-weight.ts';

const QUERY = 'Varkolin Dremisov Tarkhanov 1';
const TRUTH = 'Varkolyn Dremisof Tarkhanov 1';

/** `n` listed companies that carry every word of the query but another number: they pass the bound, and the number conflict keeps them below the threshold. */
function decoys(n: number): Party[] {
  return Array.from({ length: n }, (_, i) =>
    buildParty({
      source: 'test',
      sourceId: `decoy-${i}`,
      schema: 'organization',
      names: [{ full: `Varkolin Dremisov Tarkhanov ${i + 2}`, quality: 'primary' }],
    }),
  );
}

const truth = buildParty({
  source: 'test',
  sourceId: 'truth',
  schema: 'organization',
  names: [{ full: TRUTH, quality: 'primary' }],
});

describe('the candidate cut (issues 14 and 17)', () => {
  const index = buildScreeningIndex(
    [...decoys(300), truth].map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );

  it('scores a true match that more than 150 names rank before by bound', () => {
    // The setup: over 150 names pass the bound, and the respelt true match ranks beyond 150 of them.
    const weight = indexTokenWeight(index);
    const all = findCandidateNames(index, normalizeName(QUERY, index.reference), weight, 1e9, 0.2, 0.7);
    expect(all.length).toBeGreaterThan(150);
    expect(all.findIndex((id) => index.name(id)!.text === TRUTH)).toBeGreaterThan(150);
    // The engine scored only the best 150 by bound until 2026-12-04 and returned nothing here.
    const matches = screenParty(index, { name: QUERY });
    expect(matches.map((m) => m.entityId)).toEqual(['test:truth']);
    expect(matches[0]!.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
    const outcome = screenPartyOutcome(index, { name: QUERY }, { limit: Number.MAX_SAFE_INTEGER });
    expect(outcome).toMatchObject({ unscored: 0, unscoredAtLeast: false });
    expect(outcome.matches.map((m) => m.entityId)).toEqual(['test:truth']);
  });

  it('reports the names a query with more candidates than the cap leaves unscored', () => {
    const crowded = buildScreeningIndex(
      decoys(CANDIDATE_CAP + 40).map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const outcome = screenPartyOutcome(crowded, { name: QUERY });
    expect(outcome.matches).toEqual([]);
    expect(outcome.unscored).toBeGreaterThanOrEqual(40);
    // A query whose candidates fit under the cap reports none.
    expect(screenPartyOutcome(crowded, { name: 'Someone Else Entirely' }).unscored).toBe(0);
  });
});
