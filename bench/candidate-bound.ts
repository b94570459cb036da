/**
 * The name-score bound (`nameScoreBound`, 2026-12-04) against the coverage bound alone, on
 * the query sets of the candidate-cut note: the 2,683 screening-speed subjects (2,000
 * invented persons, 683 UN spellings), the held-out cases over the full index, and the
 * synthetic register's 5,000 counterparties (each name, with its schema and country).
 *
 * Part 1 (per set): the candidate names whose coverage bound passes (`findCandidateNames`
 * at CANDIDATE_CAP, main reading) and those of them whose name-score bound passes
 * (p50/p90/p99/max); every hit (limit 10,000, cap 10,000) of the previous engine
 * (OLD_CORE, the coverage bound only) that this engine loses or scores differently — must
 * be none — and those it adds.
 * Part 2: CPU per query, one process, passes alternating (expansion memo emptied before
 * each): (a) previous engine, default cap 150; (b) previous engine, cap 10,000; (c) this
 * engine, cap 10,000; (d) this engine, cap 150 (the default) — limit 10, as a single
 * screening; and per run against (a), the queries whose top 10 lost a hit or a score (a hit
 * the cut had hidden can push one out of the top 10) and those that gained a hit. RUNS=c,d
 * keeps those runs only.
 *
 *   git archive main packages/core/src | tar -x -C bench/.out/old
 *   cp -r packages/core/src bench/.out/cur/packages/core/   # CURRENT_CORE: the fair comparison
 *   OLD_CORE=bench/.out/old/packages/core/src/index.ts CURRENT_CORE=bench/.out/cur/packages/core/src/index.ts \
 *     NODE_OPTIONS=--expose-gc npx tsx bench/candidate-bound.ts [--passes 2] [--sets speed,heldout,register] [--no-cpu] [--no-diag]
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import * as current from '@entente/core';
import type { ScreeningQuery } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { cpuMs, gc } from './support/cpu.ts';
import { registerQueries, retrievedAtCap, speedSubjects } from './support/candidate-sets.ts';
import { buildDevSet } from './heldout/build-dev-set.ts';

type Core = typeof current;
type Index = ReturnType<Core['buildScreeningIndex']>;

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const quantile = (xs: number[], q: number): number =>
  xs.length ? xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : 0;
const load = (): string => loadavg()[0]!.toFixed(2);

/** Candidate names passing the coverage bound and the name-score bound, for the query's main reading. */
function passing(
  core: Core,
  index: Index,
  q: ScreeningQuery,
): { old: number; atLeast: boolean; bound: number } {
  const weight = core.indexTokenWeight(index);
  const name = core.normalizeName(q.name, index.reference, q.schema);
  const cut = { unscored: 0, atLeast: false };
  const ids = retrievedAtCap(core, index, name, weight, cut);
  const prepared = core.prepareQuery(index, name, weight);
  const floor = core.nameScoreFloor(q, core.DEFAULT_SCREENING_THRESHOLD);
  let bound = 0;
  for (const id of ids) {
    const n = index.name(id);
    if (n && core.nameScoreBound(index, prepared, n, floor) >= floor) bound++;
  }
  return { old: ids.length + cut.unscored, atLeast: cut.atLeast, bound };
}

const hits = (core: Core, index: Index, q: ScreeningQuery): Map<string, number> =>
  new Map(
    core
      .screenParty(index, q, { limit: 10_000, candidateCap: 10_000 })
      .map((m) => [m.entityId, m.score] as const),
  );

async function main(): Promise<void> {
  if (!process.env.OLD_CORE)
    throw new Error('OLD_CORE (the previous engine’s core/src/index.ts) is required');
  const passes = Number(option('passes') ?? 2);
  const sets = (option('sets') ?? 'speed,heldout,register').split(',');
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const parties = lists.flatMap((l) => l.parties);
  const inputs = parties.map((party) => ({ party }));
  const old = (await import(path.resolve(process.env.OLD_CORE))) as Core;
  const cur = process.env.CURRENT_CORE
    ? ((await import(path.resolve(process.env.CURRENT_CORE))) as Core)
    : current;
  const oldIndex = old.buildScreeningIndex(inputs, reference);
  const curIndex = cur.buildScreeningIndex(inputs, reference);

  const querySets: { label: string; queries: ScreeningQuery[] }[] = [];
  if (sets.includes('speed')) querySets.push({ label: 'speed subjects', queries: speedSubjects() });
  if (sets.includes('heldout')) {
    const cases = await buildDevSet(lists, MIRROR);
    querySets.push({ label: 'eval-heldout cases', queries: cases.map((c) => c.query) });
  }
  if (sets.includes('register'))
    querySets.push({ label: 'synthetic register 5,000', queries: registerQueries(parties) });
  console.log(
    `${parties.length} parties; load ${load()}; sets ${querySets.map((s) => `${s.label} ${s.queries.length}`).join(', ')}`,
  );

  if (!process.argv.includes('--no-diag')) diagnose(querySets, old, oldIndex, cur, curIndex);
  if (process.argv.includes('--no-cpu')) return;
  cpuRuns(querySets, old, oldIndex, cur, curIndex, passes);
}

type QuerySet = { label: string; queries: ScreeningQuery[] };

/** Part 1: names passing each bound, and the previous engine's hits the name bound loses. */
function diagnose(querySets: QuerySet[], old: Core, oldIndex: Index, cur: Core, curIndex: Index): void {
  console.log(
    '\n## Names passing, and every hit (cap 10,000) of the coverage bound alone the name bound loses',
  );
  console.log(
    '| query set | queries | coverage bound p50/p90/p99/max | name bound p50/p90/p99/max | > 150 (coverage / name) | hits (previous) | lost | score changed | added |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const set of querySets) {
    const olds: number[] = [];
    const bounds: number[] = [];
    let hitCount = 0;
    let lost = 0;
    let changed = 0;
    let added = 0;
    for (const q of set.queries) {
      const p = passing(cur, curIndex, q);
      olds.push(p.old);
      bounds.push(p.bound);
      const before = hits(old, oldIndex, q);
      const after = hits(cur, curIndex, q);
      hitCount += before.size;
      for (const [id, score] of before) {
        const now = after.get(id);
        if (now === undefined) {
          lost++;
          console.log(`LOST ${JSON.stringify(q)} ${id} ${score}`);
        } else if (now !== score) {
          changed++;
          console.log(`CHANGED ${JSON.stringify(q)} ${id} ${score} -> ${now}`);
        }
      }
      for (const id of after.keys()) if (!before.has(id)) added++;
    }
    const qs = (xs: number[]): string => [0.5, 0.9, 0.99, 1].map((x) => quantile(xs, x)).join(' / ');
    console.log(
      `| ${set.label} | ${set.queries.length} | ${qs(olds)} | ${qs(bounds)} | ${olds.filter((n) => n > 150).length} / ${bounds.filter((n) => n > 150).length} | ${hitCount} | ${lost} | ${changed} | ${added} |`,
    );
  }
  console.log(`(load ${load()})`);
}

/** Part 2: CPU per query of the four runs, alternating, and whether the default cap's results only gained hits. */
function cpuRuns(
  querySets: QuerySet[],
  old: Core,
  oldIndex: Index,
  cur: Core,
  curIndex: Index,
  passes: number,
): void {
  type Run = { label: string; core: Core; index: Index; cap: number };
  const runs: Run[] = [
    { label: '(a) previous, cap 150', core: old, index: oldIndex, cap: 150 },
    { label: '(b) previous, cap 10,000', core: old, index: oldIndex, cap: 10_000 },
    { label: '(c) name bound, cap 10,000', core: cur, index: curIndex, cap: 10_000 },
    { label: '(d) name bound, cap 150', core: cur, index: curIndex, cap: 150 },
  ];
  // RUNS=c,d keeps those runs only (for `node --cpu-prof`).
  const only = process.env.RUNS?.split(',');
  if (only) runs.splice(0, runs.length, ...runs.filter((r) => only.includes(r.label[1]!)));
  // Warm the JIT.
  for (const r of runs)
    for (const q of querySets[0]!.queries.slice(0, 300))
      r.core.screenParty(r.index, q, { candidateCap: r.cap });
  console.log('\n## CPU per query (ms), limit 10, passes alternating');
  for (const set of querySets) {
    const cpu = new Map<string, number[]>();
    const unscored = new Map<string, number>();
    const results = new Map<string, Map<string, number>[]>();
    for (let i = 0; i < passes; i++) {
      for (const r of i % 2 ? [...runs].reverse() : runs) {
        r.index.expansions.clear();
        gc();
        let left = 0;
        const out: Map<string, number>[] = [];
        const c0 = cpuMs();
        for (const q of set.queries) {
          const o = r.core.screenPartyOutcome(r.index, q, { limit: 10, candidateCap: r.cap });
          if (o.unscored > 0) left++;
          out.push(new Map(o.matches.map((m) => [m.entityId, m.score])));
        }
        const ms = (cpuMs() - c0) / set.queries.length;
        results.set(r.label, out);
        (cpu.get(r.label) ?? cpu.set(r.label, []).get(r.label)!).push(ms);
        unscored.set(r.label, left);
        console.log(`${set.label} pass ${i + 1} ${r.label}: ${ms.toFixed(3)} ms (load ${load()})`);
      }
    }
    // Against (a), main's default: queries whose top 10 lost a hit or a score, and those that gained one.
    const base10 = results.get(runs[0]!.label)!;
    for (const r of runs.slice(1)) {
      let lost = 0;
      let gained = 0;
      results.get(r.label)!.forEach((m, i) => {
        const before = base10[i]!;
        if ([...before].some(([id, s]) => m.get(id) === undefined || m.get(id)! < s)) {
          lost++;
          if (r.core === cur && r.cap === 150)
            console.log(
              `TOP10 CHANGED ${JSON.stringify(set.queries[i])} ${JSON.stringify([...before])} -> ${JSON.stringify([...m])}`,
            );
        }
        if ([...m].some(([id]) => !before.has(id))) gained++;
      });
      console.log(
        `${set.label} ${r.label} vs (a): top 10 lost a hit or a score on ${lost} queries, gained a hit on ${gained}`,
      );
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const base = mean(cpu.get(runs[0]!.label)!);
    console.log(
      `| ${set.label} | run | CPU ms per query (mean of ${passes}) | × (a) | queries with names unscored |`,
    );
    for (const r of runs) {
      const m = mean(cpu.get(r.label)!);
      console.log(
        `| | ${r.label} | ${m.toFixed(3)} | ×${(m / base).toFixed(2)} | ${unscored.get(r.label)} |`,
      );
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
