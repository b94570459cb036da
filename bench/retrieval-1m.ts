/**
 * What the retrieval reads at scale, and old against new in one process (issue 18, point 4).
 * Run: `ENTENTE_SHARED_DATA=/work/shared/data SIZE=1000000 node --expose-gc
 * --max-old-space-size=8192 --import tsx bench/retrieval-1m.ts`. Builds the synthetic index of
 * `bench/scale-1m.ts` once (SIZE parties, seed 18, the column index built on worker threads) and
 * screens its 1,000 queries (500 spelling variations of listed names, 500 invented persons,
 * expansion memo emptied before each pass).
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unlinkSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as core from '@entente/core';
import { normalizeName, screenParty, type CandidateCut, type NormalizedName } from '@entente/core';
import { cpuMs, gc } from './support/cpu.ts';
import { buildScaleIndex } from './support/scale-index.ts';
import { inventedPersons, load, quantile, variationsOf } from './support/scale-queries.ts';

const SIZE = Number(process.env.SIZE ?? 1_000_000);
const SEED = 18;
const PASSES = Number(process.env.PASSES ?? 6);

const { index, given } = await buildScaleIndex(SIZE, SEED);
const sample = inventedPersons(SEED);
const matches = variationsOf(index, given, 500, SEED + 1);
for (const q of variationsOf(index, given, 200, SEED + 2))
  screenParty(index, { name: q.name }, { limit: 10 });
const queries = matches.flatMap((m, i) => [
  { name: m.name, entityId: m.entityId },
  { name: sample[i]!, entityId: '' },
]);

/** One pass over the queries, memo emptied: wall times, CPU, recall and invented with a match. */
function pass(screen: typeof screenParty = screenParty): {
  times: number[];
  cpu: number;
  found: number;
  invented: number;
  digest: string;
} {
  index.expansions.clear();
  gc();
  const times: number[] = [];
  let found = 0;
  let invented = 0;
  const out: string[] = [];
  const c0 = cpuMs();
  for (const q of queries) {
    const t = performance.now();
    const hits = screen(index, { name: q.name }, { limit: 10 });
    times.push(performance.now() - t);
    if (q.entityId && hits.some((h) => h.entityId === q.entityId)) found++;
    if (!q.entityId && hits.length > 0) invented++;
    out.push(hits.map((h) => `${h.entityId}:${h.score}`).join(','));
  }
  return { times, cpu: (cpuMs() - c0) / queries.length, found, invented, digest: out.join('\n') };
}

// Old against new: `findCandidateNames` as it is at each revision of BASES (default: main), loaded
// from git with its imports pointed at this checkout's modules, against this checkout's, on every
// reading of the queries that screenParty retrieves for (default cap and floor), in alternating passes.
const BASES = (process.env.BASES ?? 'main').split(',').filter(Boolean);
const screeningDir = path.resolve('packages/core/src/screening');
type Find = typeof core.findCandidateNames;
const finds = new Map<string, Find>();
for (const base of BASES) {
  const file = `/tmp/find-candidates-${base.replace(/\W/g, '')}-${process.pid}.ts`;
  const source = execFileSync('git', ['show', `${base}:packages/core/src/screening/find-candidates.ts`], {
    encoding: 'utf8',
  });
  writeFileSync(file, source.replace(/from '\.\//g, `from '${screeningDir}/`));
  finds.set(base, ((await import(file)) as typeof core).findCandidateNames);
  unlinkSync(file);
}
finds.set('new', core.findCandidateNames);
const weight = core.indexTokenWeight(index);
const minScore =
  core.DEFAULT_SCREENING_THRESHOLD - core.CANDIDATE_FLOOR.maxBonus - core.CANDIDATE_FLOOR.margin;
const readings: NormalizedName[] = queries.flatMap((q) =>
  core.queryVariants(index, { name: q.name }, normalizeName(q.name, index.reference, undefined)),
);
const retrieve = (find: Find, reading: NormalizedName, cut: CandidateCut): number[] =>
  find(index, reading, weight, core.DEFAULT_CANDIDATE_CAP, 0.2, minScore, cut);
const outcome = (find: Find, reading: NormalizedName): string => {
  const cut: CandidateCut = { unscored: 0, atLeast: false, beyond: [] };
  const names = retrieve(find, reading, cut);
  return `${names.join()}|${cut.unscored}|${cut.atLeast}|${cut.beyond!.join()}`;
};
for (const base of BASES) {
  let differ = 0;
  for (const reading of readings)
    if (outcome(finds.get(base)!, reading) !== outcome(core.findCandidateNames, reading)) differ++;
  console.log(
    `${readings.length} readings: ${differ} differ between ${base} and new (names, order, unscored, at least, names beyond)`,
  );
}
const labels = [...finds.keys()];
const timed = new Map(labels.map((l) => [l, { cold: [] as number[], warm: [] as number[] }]));
for (let p = 0; p < PASSES; p++)
  for (const label of p % 2 ? labels.slice().reverse() : labels)
    for (const memo of ['cold', 'warm'] as const) {
      if (memo === 'cold') index.expansions.clear();
      gc();
      const cut: CandidateCut = { unscored: 0, atLeast: false };
      const find = finds.get(label)!;
      const c0 = cpuMs();
      for (const reading of readings) retrieve(find, reading, cut);
      timed.get(label)![memo].push((cpuMs() - c0) / queries.length);
    }
const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};
for (const memo of ['cold', 'warm'] as const) {
  const first = median(timed.get(labels[0]!)![memo]);
  console.log(
    `retrieval CPU per query (ms), expansion memo ${memo === 'cold' ? 'emptied before each pass' : 'warm'}; load ${load()}`,
  );
  for (const label of labels) {
    const xs = timed.get(label)![memo];
    console.log(
      `  ${label}: ${xs.map((x) => x.toFixed(3)).join(' ')}; median ${median(xs).toFixed(3)} (×${(median(xs) / first).toFixed(2)} of ${labels[0]})`,
    );
  }
}
const screened = [pass(), pass(), pass()];
for (const r of screened)
  console.log(
    `screenParty (new), memo empty: p50 ${quantile(r.times, 0.5).toFixed(3)} ms, p90 ${quantile(r.times, 0.9).toFixed(3)} ms, p99 ${quantile(r.times, 0.99).toFixed(2)} ms, CPU ${r.cpu.toFixed(3)} ms per query; recall@10 ${(r.found / 5).toFixed(1)} %, invented with a match ${(r.invented / 5).toFixed(1)} %; load ${load()}`,
  );

// With OLD_CORE=<another checkout's packages/core/src/index.ts>: its `screenParty` (its own
// modules, over this process's index) against this checkout's, in alternating passes (memo
// emptied before each): the top-10 of every query (party and score) compared, and the timings.
if (process.env.OLD_CORE) {
  const old = ((await import(process.env.OLD_CORE)) as typeof core).screenParty;
  const runs = { old: [] as ReturnType<typeof pass>[], new: [] as ReturnType<typeof pass>[] };
  for (let p = 0; p < Math.max(2, PASSES); p++)
    for (const label of p % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const))
      runs[label].push(pass(label === 'old' ? old : screenParty));
  const digests = new Set([...runs.old, ...runs.new].map((r) => r.digest));
  const a = runs.old[0]!.digest.split('\n');
  const b = runs.new[0]!.digest.split('\n');
  console.log(
    `screenParty old (${process.env.OLD_CORE}) against new: ${digests.size === 1 ? 'identical' : 'DIFFERENT'} top-10s (party and score) in all ${runs.old.length + runs.new.length} passes; ${a.filter((x, i) => x !== b[i]).length} of ${a.length} queries differ in the first pair`,
  );
  // The note's path too (every name beyond the cap bounded as the scored ones are kept): the
  // matches, the unscored count and "at least" of every query, old against new.
  const oldOutcome = ((await import(process.env.OLD_CORE)) as typeof core).screenPartyOutcome;
  const outcomes = (screen: typeof core.screenPartyOutcome): string[] =>
    queries.map((q) => {
      const o = screen(index, { name: q.name }, { limit: 10 });
      return `${o.matches.map((h) => `${h.entityId}:${h.score}`).join(',')}|${o.unscored}|${o.unscoredAtLeast}`;
    });
  const before = outcomes(oldOutcome);
  const after = outcomes(core.screenPartyOutcome);
  console.log(
    `screenPartyOutcome old against new: ${before.filter((x, i) => x !== after[i]).length} of ${before.length} queries differ (matches, unscored, at least)`,
  );
  // Names asked of the index (`index.name`, each made from the columns unless its memo holds it)
  // in one pass of screenParty, old and new: a count, not a timing.
  const name = index.name.bind(index);
  let asked = 0;
  index.name = (id: number) => {
    asked++;
    return name(id);
  };
  for (const [label, screen] of [
    ['old', old],
    ['new', screenParty],
  ] as const) {
    asked = 0;
    pass(screen);
    console.log(
      `  ${label}: ${(asked / queries.length).toFixed(1)} names asked of the index per query (one pass)`,
    );
  }
  index.name = name;
  for (const label of ['old', 'new'] as const) {
    const rs = runs[label];
    console.log(
      `  ${label}: p50 ${rs.map((r) => quantile(r.times, 0.5).toFixed(3)).join(' ')} ms (median ${median(rs.map((r) => quantile(r.times, 0.5))).toFixed(3)}); CPU per query ${rs.map((r) => r.cpu.toFixed(3)).join(' ')} ms (median ${median(rs.map((r) => r.cpu)).toFixed(3)}); recall@10 ${(rs[0]!.found / 5).toFixed(1)} %, invented with a match ${(rs[0]!.invented / 5).toFixed(1)} %; load ${load()}`,
    );
  }
}

// With PROFILE=<dir>: a CPU profile of three `screenParty` passes (memo emptied before each), its
// self time by source file and by function.
if (process.env.PROFILE) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  for (let p = 0; p < 3; p++) pass();
  const { profile: prof } = await session.post('Profiler.stop');
  session.disconnect();
  const file = path.join(process.env.PROFILE, 'screen-new.cpuprofile');
  writeFileSync(file, JSON.stringify(prof));
  const dt = new Map<number, number>();
  prof.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas![i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const node of prof.nodes) {
    const f = node.callFrame;
    const t = dt.get(node.id) ?? 0;
    total += t;
    const label = `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    byFunction.set(label, (byFunction.get(label) ?? 0) + t);
    const source = path.basename(f.url) || f.functionName;
    byFile.set(source, (byFile.get(source) ?? 0) + t);
  }
  for (const [title, shares, top] of [
    ['file', byFile, 20],
    ['function', byFunction, 40],
  ] as const) {
    console.log(`profile ${file}: self time by ${title} (of ${(total / 1000).toFixed(0)} ms)`);
    for (const [label, t] of [...shares].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${((100 * t) / total).toFixed(1)} %  ${label}`);
  }
}
