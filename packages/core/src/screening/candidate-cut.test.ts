import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { findCandidateNames } from './find-candidates.ts';
import { nameScoreBound } from './name-score-bound.ts';
import { normalizeName } from './normalize-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import {
  CANDIDATE_CAP,
  CANDIDATE_FLOOR,
  DEFAULT_CANDIDATE_CAP,
  DEFAULT_SCREENING_THRESHOLD,
  nameScoreFloor,
  screenParty,
  screenPartyOutcome,
} from './screen-party.ts';
import { prepareQuery } from './score-indexed-name.ts';
import { indexTokenWeight } from './token-weight.ts';

const QUERY = 'Varkolin Dremisov Tarkhanov 1';
const TRUTH = 'Varkolyn Dremisof Tarkhanof 1';

/** A listed company with one primary name. */
const company = (sourceId: string, full: string): Party =>
  buildParty({ source: 'test', sourceId, schema: 'organization', names: [{ full, quality: 'primary' }] });

/**
 * `n` listed companies that carry every word of the query but another number: they pass the bound, and
 * the number conflict keeps them below the threshold. Their numbers have two digits (several companies
 * share one), so that the cap, which ranks a name by its own words' share too, ranks each of them above
 * the respelt true match (a number of three digits weighs more on its name and ranked such a decoy below).
 */
function decoys(n: number): Party[] {
  return Array.from({ length: n }, (_, i) =>
    company(`decoy-${i}`, `Varkolin Dremisov Tarkhanov ${(i % 80) + 20}`),
  );
}

const FILLERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A made-up word per `i` and `k`, of syllables that no word of the query resembles. */
function filler(i: number, k: number): string {
  const syllables = ['ba', 'ke', 'mi', 'no', 'ru', 'sa', 'te', 'vi', 'zo', 'lu'];
  const digits = String(i * FILLERS.length + k).padStart(4, '0');
  return 'Q' + [...digits].map((d) => syllables[Number(d)]).join('');
}

/**
 * `n` listed companies whose name holds every word of the query and ten words of their own:
 * the retrieval's bound, which takes a listed name as fully covered, passes them; the name
 * score's bound does not (the query explains too little of the listed name).
 */
function longDecoys(n: number): Party[] {
  return Array.from({ length: n }, (_, i) =>
    company(`long-${i}`, `${QUERY} ${FILLERS.map((k) => filler(i, k)).join(' ')}`),
  );
}

const truth = company('truth', TRUTH);

describe('the candidate cut (issues 14 and 17)', () => {
  const index = buildScreeningIndex(
    [...decoys(300), truth].map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );

  it('reports the true match beyond the default 150 as unscored, and scores it with a larger cap', () => {
    // The setup: over 150 names pass the bound, and the respelt true match ranks beyond 150 of them.
    const weight = indexTokenWeight(index);
    const all = findCandidateNames(index, normalizeName(QUERY, index.reference), weight, 1e9, 0.2, 0.7);
    expect(all.length).toBeGreaterThan(150);
    expect(all.findIndex((id) => index.name(id)!.text === TRUTH)).toBeGreaterThan(150);
    // The default scores the best 150 by bound (the engine's cost and results before
    // 2026-12-04) and now says that names it did not score could reach the threshold.
    expect(DEFAULT_CANDIDATE_CAP).toBe(150);
    const cut = screenPartyOutcome(index, { name: QUERY });
    expect(cut.matches).toEqual([]);
    expect(cut.unscored).toBeGreaterThan(0);
    expect(cut.unscored).toBeLessThanOrEqual(all.length - 150);
    // More than the cap's worth beyond it: the count stops at those and says "at least".
    expect(all.length - 150 > 150).toBe(cut.unscoredAtLeast);
    expect(screenParty(index, { name: QUERY })).toEqual([]);
    // Run again with a larger cap: the truth is scored, and nothing is left unscored.
    const full = screenPartyOutcome(index, { name: QUERY }, { candidateCap: CANDIDATE_CAP });
    expect(full).toMatchObject({ unscored: 0, unscoredAtLeast: false });
    expect(full.matches.map((m) => m.entityId)).toEqual(['test:truth']);
    expect(full.matches[0]!.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });

  it('reports the names a query with more candidates than the largest cap leaves unscored', () => {
    const crowded = buildScreeningIndex(
      decoys(CANDIDATE_CAP + 40).map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const outcome = screenPartyOutcome(crowded, { name: QUERY }, { candidateCap: CANDIDATE_CAP });
    expect(outcome.matches).toEqual([]);
    expect(outcome.unscored).toBeGreaterThanOrEqual(40);
    // A query whose candidates fit under the cap reports none.
    expect(screenPartyOutcome(crowded, { name: 'Someone Else Entirely' }).unscored).toBe(0);
  });

  it('counts as unscored only the names beyond the cap whose name-score bound reaches the floor', () => {
    // 300 long names hold the query's words and pass the retrieval, but no score of theirs can
    // reach the threshold; the 250 numbered decoys can (their number conflict is not bounded).
    const mixed = buildScreeningIndex(
      [...longDecoys(300), ...decoys(250)].map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const query = normalizeName(QUERY, mixed.reference);
    const weight = indexTokenWeight(mixed);
    const minScore = DEFAULT_SCREENING_THRESHOLD - CANDIDATE_FLOOR.maxBonus - CANDIDATE_FLOOR.margin;
    const all = findCandidateNames(mixed, query, weight, 1e9, 0.2, minScore);
    const scored = findCandidateNames(mixed, query, weight, DEFAULT_CANDIDATE_CAP, 0.2, minScore);
    expect(all).toHaveLength(550);
    const prepared = prepareQuery(mixed, query, weight);
    const floor = nameScoreFloor({}, DEFAULT_SCREENING_THRESHOLD);
    const reach = (ids: number[]): number =>
      ids.filter((id) => nameScoreBound(mixed, prepared, mixed.name(id)!, floor) >= floor).length;
    expect(reach(all)).toBe(250);
    const couldReach = reach(all) - reach(scored);
    expect(couldReach).toBeGreaterThan(0);
    // Before 2026-12-05 the note counted every name the retrieval left beyond the cap (400).
    // 400 are beyond the cap, more than the cap's worth: once the first 150 of them are bounded
    // and some could reach the threshold, the count stops and says "at least" (never above
    // the exact count).
    const outcome = screenPartyOutcome(mixed, { name: QUERY });
    expect(outcome).toMatchObject({ matches: [], unscoredAtLeast: true });
    expect(outcome.unscored).toBeGreaterThan(0);
    // No more than the 100 that could (the cap ranks the numbered decoys, whose own words the
    // query reaches, before the long names: all 100 are among the first 150 beyond it).
    expect(outcome.unscored).toBeLessThanOrEqual(couldReach);
    expect(couldReach).toBeLessThan(all.length - DEFAULT_CANDIDATE_CAP);
    // With no more than the cap's worth beyond it (250 beyond a cap of 300), the count is exact.
    const wider = findCandidateNames(mixed, query, weight, 300, 0.2, minScore);
    expect(screenPartyOutcome(mixed, { name: QUERY }, { candidateCap: 300 })).toMatchObject({
      matches: [],
      unscored: reach(all) - reach(wider),
    });
    // Only the long names: nothing past the cap could reach the threshold, and a full scoring agrees.
    const long = buildScreeningIndex(
      longDecoys(300).map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    expect(findCandidateNames(long, query, indexTokenWeight(long), 1e9, 0.2, minScore)).toHaveLength(300);
    expect(screenPartyOutcome(long, { name: QUERY })).toMatchObject({ matches: [], unscored: 0 });
    expect(screenPartyOutcome(long, { name: QUERY }, { candidateCap: CANDIDATE_CAP }).matches).toEqual([]);
  });

  it('bounds every name beyond the cap up to CANDIDATE_CAP of them before counting any unbounded', () => {
    // 800 long names pass the retrieval and none can reach the threshold: 650 are beyond the
    // default cap, more than four times the cap. Until 2026-12-06 only the first 600 were bounded
    // and the other 50 counted as "could reach the threshold"; the note is an upper bound of the
    // names whose bound reaches the floor, and now that is every one of them: none.
    const crowded = buildScreeningIndex(
      longDecoys(800).map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const query = normalizeName(QUERY, crowded.reference);
    const weight = indexTokenWeight(crowded);
    const minScore = DEFAULT_SCREENING_THRESHOLD - CANDIDATE_FLOOR.maxBonus - CANDIDATE_FLOOR.margin;
    const all = findCandidateNames(crowded, query, weight, 1e9, 0.2, minScore);
    expect(all).toHaveLength(800);
    const prepared = prepareQuery(crowded, query, weight);
    const floor = nameScoreFloor({}, DEFAULT_SCREENING_THRESHOLD);
    expect(all.filter((id) => nameScoreBound(crowded, prepared, crowded.name(id)!, floor) >= floor)).toEqual(
      [],
    );
    expect(screenPartyOutcome(crowded, { name: QUERY })).toMatchObject({ matches: [], unscored: 0 });
    expect(screenPartyOutcome(crowded, { name: QUERY }, { candidateCap: CANDIDATE_CAP }).matches).toEqual([]);
    // With 250 numbered decoys among them (which can reach the floor), still an upper bound:
    // the count stops at "at least" once some of the first cap's worth could.
    const mixed = buildScreeningIndex(
      [...longDecoys(800), ...decoys(250)].map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const outcome = screenPartyOutcome(mixed, { name: QUERY });
    expect(outcome.unscored).toBeGreaterThan(0);
    expect(outcome.unscored).toBeLessThanOrEqual(250);
  });

  it('accepts only an integer cap from 1 to CANDIDATE_CAP', () => {
    for (const candidateCap of [0, -1, 1.5, CANDIDATE_CAP + 1, Number.NaN])
      expect(() => screenPartyOutcome(index, { name: QUERY }, { candidateCap })).toThrow(
        expect.objectContaining({ code: 'invalid-input', details: { field: 'candidateCap' } }),
      );
    expect(screenPartyOutcome(index, { name: QUERY }, { candidateCap: 1 }).unscored).toBeGreaterThan(0);
  });

  it('reports nothing for the ofac algorithm, whose 600-name cut is a ranking by design', () => {
    const outcome = screenPartyOutcome(index, { name: QUERY }, { algorithm: 'ofac' });
    expect(outcome).toMatchObject({ unscored: 0, unscoredAtLeast: false });
  });
});
