/** The query sets and the retrieval call the candidate benches share (`candidate-bound.ts`, `listed-side-bound.ts`). */
import type * as current from '@entente/core';
import type { NormalizedName, Party, ScreeningQuery, TokenWeight } from '@entente/core';
import { syntheticRegister } from '../synthetic-register.ts';
import { evalRows } from './cpu.ts';

type Core = typeof current;
type Index = ReturnType<Core['buildScreeningIndex']>;

/** The 2,683 screening-speed subjects: 2,000 invented persons and 683 UN altered spellings, name only. */
export function speedSubjects(): ScreeningQuery[] {
  return [...evalRows('negatives_us_1k.csv'), ...evalRows('negatives_global_1k.csv')]
    .map((r) => r.full_name!)
    .concat(evalRows('yente_un_treated_vs_untreated_pairs.csv').map((p) => p.query_name!))
    .map((name) => ({ name }));
}

/** The synthetic register's 5,000 counterparties, each name a query with its schema and first country. */
export function registerQueries(parties: Party[]): ScreeningQuery[] {
  return syntheticRegister(parties, 5_000).flatMap((c) =>
    c.names.map((name) => {
      const q: ScreeningQuery = { name, schema: c.type };
      if (c.countries[0]) q.country = c.countries[0];
      return q;
    }),
  );
}

/** The names `findCandidateNames` retrieves for a reading at `CANDIDATE_CAP`, with the default threshold's floor. */
export function retrievedAtCap(
  core: Core,
  index: Index,
  name: NormalizedName,
  weight: TokenWeight,
  cut?: { unscored: number; atLeast: boolean },
): number[] {
  const { maxBonus, margin } = core.CANDIDATE_FLOOR;
  const threshold = core.DEFAULT_SCREENING_THRESHOLD;
  return core.findCandidateNames(
    index,
    name,
    weight,
    core.CANDIDATE_CAP,
    0.2,
    threshold - maxBonus - margin,
    cut,
  );
}
