/**
 * What a batch screening scores, counted per engine (issue 14: the batch's CPU per subject).
 * For each of the 2,683 screening-speed subjects (the batch bench's subjects, once), per query
 * variant as `screenParty` makes them: the candidate names retrieved at the default cap (150),
 * those whose name-score bound reaches the floor (the names `scoreIndexedName` scores), and, for
 * this engine, how many of those pass only by the middle-names allowance (the bound without it
 * is below the floor). Counts, not times: the same on a loaded machine.
 *
 *   git archive <commit> packages/core/src | tar -x -C bench/.out/old
 *   OLD_CORE=bench/.out/old/packages/core/src/index.ts NODE_OPTIONS=--expose-gc npx tsx bench/batch-scored-names.ts
 */
import path from 'node:path';
import * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { speedSubjects } from './support/candidate-sets.ts';

type Core = typeof current;

async function main(): Promise<void> {
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
  const queries = speedSubjects();
  const engines: { label: string; core: Core }[] = [];
  if (process.env.OLD_CORE)
    engines.push({ label: 'previous', core: (await import(path.resolve(process.env.OLD_CORE))) as Core });
  engines.push({ label: 'current', core: current });
  for (const { label, core } of engines) {
    const index = core.buildScreeningIndex(inputs, reference);
    const weight = core.indexTokenWeight(index);
    const threshold = core.DEFAULT_SCREENING_THRESHOLD;
    const { maxBonus, margin } = core.CANDIDATE_FLOOR;
    const noMiddle =
      'middleNames' in core.BOUND_ALLOWANCES ? { ...core.BOUND_ALLOWANCES, middleNames: false } : undefined;
    let variants = 0;
    let retrieved = 0;
    let scored = 0;
    let byMiddle = 0;
    const perQuery: number[] = [];
    for (const q of queries) {
      const floor = core.nameScoreFloor(q, threshold);
      const queryName = core.normalizeName(q.name, index.reference, q.schema);
      let n = 0;
      for (const variant of core.queryVariants(index, q, queryName)) {
        variants++;
        const prepared = core.prepareQuery(index, variant, weight);
        const ids = core.findCandidateNames(
          index,
          variant,
          weight,
          core.DEFAULT_CANDIDATE_CAP,
          0.2,
          threshold - maxBonus - margin,
          { unscored: 0, atLeast: false },
        );
        retrieved += ids.length;
        for (const id of ids) {
          const name = index.name(id);
          if (!name || core.nameScoreBound(index, prepared, name, floor) < floor) continue;
          n++;
          if (noMiddle && core.nameScoreBound(index, prepared, name, floor, noMiddle) < floor) byMiddle++;
        }
      }
      scored += n;
      perQuery.push(n);
    }
    const sorted = perQuery.slice().sort((a, b) => a - b);
    console.log(
      `${label}: ${queries.length} subjects, ${variants} readings, ${retrieved} names retrieved (${(retrieved / queries.length).toFixed(1)} per subject), ` +
        `${scored} scored (${(scored / queries.length).toFixed(2)} per subject, p50 ${sorted[sorted.length >> 1]}, p99 ${sorted[Math.floor(0.99 * sorted.length)]}, max ${sorted.at(-1)})` +
        (noMiddle ? `; ${byMiddle} of them only by the middle-names allowance` : ''),
    );
  }
}

await main();
