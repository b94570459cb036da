/**
 * The "unscored" note (`ScreeningOutcome.unscored`) of a few single screenings whose names beyond
 * the cap are more than four times the cap, against a previous engine, in one process: the note
 * each engine gives, the names the retrieval left beyond the cap on the main reading, how many of
 * them the name-score bound does not rule out (every one bounded: what an exact note says), the
 * matches with the largest cap, and the CPU of the note's path (`screenPartyOutcome`) per query.
 * Since 2026-12-06 the note bounds up to `CANDIDATE_CAP` names beyond the cap before counting any
 * unbounded (before: four times the cap, 600 at the default).
 *
 *   OLD_CORE=/work/old-45a/packages/core/src/index.ts NODE_OPTIONS=--expose-gc \
 *     npx tsx bench/unscored-budget.ts ["name;name;…"]
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { cpuMs, gc } from './support/cpu.ts';

type Core = typeof current;
const names = (process.argv[2] ?? 'Aisha Muammar el Qaddafi;Muhammad;Kim Jong;Ali Hassan;Abdul Rahman').split(
  ';',
);
if (!process.env.OLD_CORE) throw new Error('OLD_CORE: the previous engine, to compare against');
const old = (await import(path.resolve(process.env.OLD_CORE))) as Core;
const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
const engines = [
  { label: 'previous', core: old, index: old.buildScreeningIndex(inputs, reference) },
  { label: 'current', core: current, index: current.buildScreeningIndex(inputs, reference) },
];
console.log(`${inputs.length} parties; load ${loadavg()[0]!.toFixed(2)}`);
const e = engines[1]!;
for (const n of names) {
  const q = { name: n };
  const index = e.index;
  const name = current.normalizeName(n, index.reference);
  const { maxBonus, margin } = current.CANDIDATE_FLOOR;
  const threshold = current.DEFAULT_SCREENING_THRESHOLD;
  const cut: current.CandidateCut = { unscored: 0, atLeast: false, beyond: [] };
  const weight = current.indexTokenWeight(index);
  current.findCandidateNames(
    index,
    name,
    weight,
    current.DEFAULT_CANDIDATE_CAP,
    0.2,
    threshold - maxBonus - margin,
    cut,
  );
  const prepared = current.prepareQuery(index, name, weight);
  const floor = current.nameScoreFloor({}, threshold);
  let exact = 0;
  for (const id of cut.beyond ?? []) {
    const listed = index.name(id);
    if (listed && current.nameScoreBound(index, prepared, listed, floor) >= floor) exact++;
  }
  const notes = engines.map((x) => {
    const o = x.core.screenPartyOutcome(x.index, q);
    return `${x.label} ${o.unscored}${o.unscoredAtLeast ? ' (at least)' : ''}`;
  });
  const all = e.core.screenPartyOutcome(e.index, q, { candidateCap: current.CANDIDATE_CAP });
  const cpu = engines.map((x) => {
    const times: number[] = [];
    for (let r = 0; r < 7; r++) {
      x.index.expansions.clear();
      gc();
      const c0 = cpuMs();
      x.core.screenPartyOutcome(x.index, q);
      times.push(cpuMs() - c0);
    }
    return `${x.label} ${times.sort((a, b) => a - b)[3]!.toFixed(1)} ms`;
  });
  console.log(
    `"${n}": note ${notes.join(', ')}; beyond the cap (main reading) ${cut.beyond?.length ?? 0}, of them not ruled out by the bound ${exact}; matches ${all.matches.length} with cap ${current.CANDIDATE_CAP}; CPU of the note's screening (median of 7) ${cpu.join(', ')}`,
  );
}
