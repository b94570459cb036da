/**
 * What the name-score bound lets through, counted per engine (issue 14: the CPU the score rules
 * of stop 40 added). For each of the 2,683 screening-speed subjects, per query reading as
 * `screenParty` makes them: the candidate names retrieved at the default cap (bounded), those
 * whose bound reaches the floor (scored), and per allowance of `BOUND_ALLOWANCES` how many of
 * them pass only by it (the bound without it is below the floor); and how many bounded pairs are
 * organisation pairs, hold a listed branch word, or a word that may be an acronym (the pairs the
 * acronym and branch allowances read). Counts, not times: the same on a loaded machine.
 *
 *   CORES=<commit A>/packages/core/src/index.ts,<commit B>/packages/core/src/index.ts \
 *     npx tsx bench/bound-allowance-counts.ts
 *
 * Without CORES it counts this engine only; with it, each listed engine and then this one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { speedSubjects } from './support/candidate-sets.ts';

type Core = typeof current;
interface Helpers {
  hasBranchWord?: (t: readonly string[]) => boolean;
  mayBeAcronym?: (t: string, generic: ReadonlySet<string>) => boolean;
}

async function helpersOf(root: string): Promise<Helpers> {
  const out: Helpers = {};
  const branch = path.join(root, 'screening/branch-words.ts');
  const acronym = path.join(root, 'screening/acronym-words.ts');
  if (existsSync(branch)) out.hasBranchWord = ((await import(branch)) as Helpers).hasBranchWord;
  if (existsSync(acronym)) out.mayBeAcronym = ((await import(acronym)) as Helpers).mayBeAcronym;
  return out;
}

async function main(): Promise<void> {
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
  const queries = speedSubjects();
  const engines: { label: string; core: Core; helpers: Helpers }[] = [];
  for (const file of (process.env.CORES ?? '').split(',').filter(Boolean)) {
    const root = path.dirname(path.resolve(file));
    engines.push({
      label: path.relative('/work', root),
      core: (await import(path.resolve(file))) as Core,
      helpers: await helpersOf(root),
    });
  }
  engines.push({
    label: 'this tree',
    core: current,
    helpers: await helpersOf(path.resolve('packages/core/src')),
  });
  for (const { label, core, helpers } of engines) {
    const index = core.buildScreeningIndex(inputs, reference);
    const weight = core.indexTokenWeight(index);
    const threshold = core.DEFAULT_SCREENING_THRESHOLD;
    const { maxBonus, margin } = core.CANDIDATE_FLOOR;
    const allowances = Object.keys(core.BOUND_ALLOWANCES) as (keyof typeof core.BOUND_ALLOWANCES)[];
    const only = new Map<string, number>(allowances.map((k) => [k, 0]));
    const generic = index.compiled.genericOrgWords;
    let variants = 0;
    let bounded = 0;
    let passed = 0;
    let organisation = 0;
    let branch = 0;
    let acronym = 0;
    for (const q of queries) {
      const floor = core.nameScoreFloor(q, threshold);
      const queryName = core.normalizeName(q.name, index.reference, q.schema);
      for (const variant of core.queryVariants(index, q, queryName)) {
        variants++;
        const prepared = core.prepareQuery(index, variant, weight);
        const qAcronym =
          helpers.mayBeAcronym && variant.tokens.some((t) => helpers.mayBeAcronym!(t, generic));
        const ids = core.findCandidateNames(
          index,
          variant,
          weight,
          core.DEFAULT_CANDIDATE_CAP,
          0.2,
          threshold - maxBonus - margin,
          { unscored: 0, atLeast: false },
        );
        for (const id of ids) {
          const name = index.name(id);
          if (!name) continue;
          bounded++;
          if (!prepared.syllabic && core.isOrganisationPair(variant, name.normalized)) {
            organisation++;
            if (helpers.hasBranchWord?.(name.normalized.tokens)) branch++;
            if (qAcronym || name.normalized.tokens.some((t) => helpers.mayBeAcronym?.(t, generic))) acronym++;
          }
          if (core.nameScoreBound(index, prepared, name, floor) < floor) continue;
          passed++;
          for (const k of allowances)
            if (
              core.nameScoreBound(index, prepared, name, floor, { ...core.BOUND_ALLOWANCES, [k]: false }) <
              floor
            )
              only.set(k, only.get(k)! + 1);
        }
      }
    }
    const per = (n: number): string => (n / queries.length).toFixed(2);
    console.log(
      `${label}: ${queries.length} subjects, ${variants} readings; bounded ${bounded} (${per(bounded)}/subject), ` +
        `organisation pairs ${organisation}, with a listed branch word ${branch}, with a possible acronym ${acronym}; ` +
        `bound reaches the floor ${passed} (${per(passed)}/subject)`,
    );
    console.log(`  passing only by: ${[...only].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
}

await main();
