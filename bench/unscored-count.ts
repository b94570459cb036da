/**
 * The "unscored" note of a single screening (`ScreeningOutcome.unscored`) against a previous
 * engine, in one process: per query set, the queries that carry a note and the names it
 * counts, and what the count costs. Since 2026-12-05 the names beyond the cap are counted by
 * the name-score bound (`nameScoreBound` against `nameScoreFloor`, at most four times the cap
 * of them bounded, the rest counted as not ruled out); before, every name the retrieval's
 * looser bound left beyond the cap was counted. Since h48 (same day) the count stops with
 * "at least" once the cap's worth beyond the cap are bounded and some could reach the
 * threshold; "the unscored count differs on" says on how many queries the two engines' notes
 * (count and "at least") differ. Also: the count with every name beyond the
 * cap bounded (no budget, `findCandidateNames` with `beyond`), what the note would say
 * exactly; whether both engines return the same matches and scores; and the CPU per query of
 * `screenPartyOutcome` (the note's path: CLI, API, web) and of `screenParty` (matches only:
 * the batch and the benches), passes alternating, the expansion memo emptied before each.
 *
 *   git archive main | tar -x -C /tmp/old && cp -al node_modules /tmp/old/
 *   OLD_CORE=/tmp/old/packages/core/src/index.ts NODE_OPTIONS=--expose-gc \
 *     npx tsx bench/unscored-count.ts [--passes 2] [--sets speed,heldout,register] (--passes 0: no CPU)
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import * as current from '@entente/core';
import type { ScreeningQuery } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { cpuMs, gc } from './support/cpu.ts';
import { registerQueries, speedSubjects } from './support/candidate-sets.ts';
import { buildDevSet } from './heldout/build-dev-set.ts';

type Core = typeof current;
type Index = ReturnType<Core['buildScreeningIndex']>;

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (xs: number[], q: number): number =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const load = (): string => loadavg()[0]!.toFixed(2);

/** Names beyond the cap on the query's main reading whose name-score bound reaches the floor (no budget). */
function exactCount(core: Core, index: Index, q: ScreeningQuery): number {
  const weight = core.indexTokenWeight(index);
  const name = core.normalizeName(q.name, index.reference, q.schema);
  const { maxBonus, margin } = core.CANDIDATE_FLOOR;
  const threshold = core.DEFAULT_SCREENING_THRESHOLD;
  const cut: current.CandidateCut = { unscored: 0, atLeast: false, beyond: [] };
  core.findCandidateNames(
    index,
    name,
    weight,
    core.DEFAULT_CANDIDATE_CAP,
    0.2,
    threshold - maxBonus - margin,
    cut,
  );
  const prepared = core.prepareQuery(index, name, weight);
  const floor = core.nameScoreFloor(q, threshold);
  let n = 0;
  for (const id of cut.beyond ?? []) {
    const listed = index.name(id);
    if (listed && core.nameScoreBound(index, prepared, listed, floor) >= floor) n++;
  }
  return n;
}

async function main(): Promise<void> {
  const passes = Number(option('passes') ?? 2);
  const sets = (option('sets') ?? 'speed,heldout').split(',');
  if (!process.env.OLD_CORE) throw new Error('OLD_CORE: the previous engine, to compare against');
  const old = (await import(path.resolve(process.env.OLD_CORE))) as Core;
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
  const engines = [
    { label: 'previous', core: old, index: old.buildScreeningIndex(inputs, reference) },
    { label: 'current', core: current, index: current.buildScreeningIndex(inputs, reference) },
  ];
  const querySets: [string, ScreeningQuery[]][] = [];
  if (sets.includes('speed')) querySets.push(['speed subjects', speedSubjects()]);
  if (sets.includes('heldout'))
    querySets.push(['held-out cases', (await buildDevSet(lists, MIRROR)).map((c) => c.query)]);
  if (sets.includes('register'))
    querySets.push(['register names', registerQueries(lists.flatMap((l) => l.parties))]);
  for (const e of engines)
    for (const q of querySets[0]![1].slice(0, 300)) e.core.screenPartyOutcome(e.index, q);
  console.log(`${inputs.length} parties; load ${load()}`);
  for (const [label, queries] of querySets) {
    const notes: Record<
      string,
      { queries: number; names: number; atLeast: number; out: string[]; counts: string[] }
    > = {};
    for (const e of engines) {
      const r = { queries: 0, names: 0, atLeast: 0, out: [] as string[], counts: [] as string[] };
      for (const q of queries) {
        const o = e.core.screenPartyOutcome(e.index, q);
        if (o.unscored > 0) r.queries++;
        if (o.unscoredAtLeast) r.atLeast++;
        r.names += o.unscored;
        r.out.push(o.matches.map((m) => `${m.entityId}:${m.score}`).join(' '));
        r.counts.push(`${o.unscored}${o.unscoredAtLeast ? '+' : ''}`);
      }
      notes[e.label] = r;
    }
    let exactQueries = 0;
    let exactNames = 0;
    for (const q of queries) {
      const n = exactCount(current, engines[1]!.index, q);
      exactNames += n;
      if (n > 0) exactQueries++;
    }
    const differ = notes.previous!.out.filter((x, i) => x !== notes.current!.out[i]).length;
    const counts = notes.previous!.counts.filter((x, i) => x !== notes.current!.counts[i]).length;
    console.log(
      `${label} (${queries.length} queries): matches and scores differ on ${differ}, the unscored count on ${counts}`,
    );
    for (const e of engines) {
      const r = notes[e.label]!;
      console.log(
        `  ${e.label}: a note on ${r.queries} queries (of them "at least" ${r.atLeast}), ${r.names} names counted`,
      );
    }
    console.log(
      `  every name beyond the cap bounded (main reading, no budget): ${exactQueries} queries, ${exactNames} names`,
    );
    const cpu: Record<string, number[]> = {};
    const p99: Record<string, number[]> = {};
    for (let p = 0; p < passes; p++) {
      const order = p % 2 ? [...engines].reverse() : engines;
      for (const e of order)
        for (const [kind, run] of [
          ['outcome', (q: ScreeningQuery) => e.core.screenPartyOutcome(e.index, q)],
          ['matches', (q: ScreeningQuery) => e.core.screenParty(e.index, q)],
        ] as const) {
          e.index.expansions.clear();
          gc();
          const times: number[] = [];
          const c0 = cpuMs();
          for (const q of queries) {
            const t = performance.now();
            run(q);
            times.push(performance.now() - t);
          }
          (cpu[`${e.label} ${kind}`] ??= []).push((cpuMs() - c0) / queries.length);
          (p99[`${e.label} ${kind}`] ??= []).push(quantile(times, 0.99));
        }
      console.log(
        `  pass ${p + 1}: ${Object.entries(cpu)
          .map(([k, xs]) => `${k} ${xs.at(-1)!.toFixed(3)} ms (p99 ${p99[k]!.at(-1)!.toFixed(1)} ms)`)
          .join(', ')} (load ${load()})`,
      );
    }
    if (passes === 0) continue;
    const m = (k: string): number => median(cpu[k]!);
    const w = (k: string): number => median(p99[k]!);
    console.log(
      `  medians, CPU per query: screenPartyOutcome ${m('previous outcome').toFixed(3)} → ${m('current outcome').toFixed(3)} ms (×${(m('current outcome') / m('previous outcome')).toFixed(2)}), screenParty ${m('previous matches').toFixed(3)} → ${m('current matches').toFixed(3)} ms (×${(m('current matches') / m('previous matches')).toFixed(2)}); ` +
        `p99 (wall, memo empty) screenPartyOutcome ${w('previous outcome').toFixed(1)} → ${w('current outcome').toFixed(1)} ms, screenParty ${w('previous matches').toFixed(1)} → ${w('current matches').toFixed(1)} ms`,
    );
  }
}

await main();
