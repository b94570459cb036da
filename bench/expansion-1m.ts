/**
 * The token expansion at scale, counted and timed, old against new in one process (issue 18,
 * point 4). Run: `ENTENTE_SHARED_DATA=/work/shared/data SIZE=1000000 OLD=/work/old-62f node
 * --expose-gc --max-old-space-size=8192 --import tsx bench/expansion-1m.ts`. Builds the synthetic
 * index of `bench/scale-1m.ts` (SIZE parties, seed 18, column index on worker threads), takes the
 * key tokens the retrieval expands for the readings of its 1,000 queries (query words, joined
 * query, original-script words), and:
 * - counts, per query, what the expansion of each does through the deletion index (keys probed,
 *   tokens returned, distinct, within the length window, alike by spelling, kept);
 * - checks that `expandToken` of OLD's checkout (default: main's, from git) and this checkout's give
 *   the same ids, similarities, postings and best for every token (memo emptied);
 * - times both in alternating passes (memo emptied before each: every expansion computed), CPU;
 * - with PROFILE=<dir>, writes a CPU profile of one pass of the new expansion and prints its
 *   functions by self time.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import * as core from '@entente/core';
import { normalizeName, screenParty, type ScreeningIndex, type TokenExpansion } from '@entente/core';
import { allowedEdits } from '../packages/core/src/screening/compare-tokens.ts';
import { forEachDeletionHash } from '../packages/core/src/screening/deletion-neighbourhood.ts';
import { expandToken, forEachKasraFold } from '../packages/core/src/screening/expand-token.ts';
import { jaroWinkler } from '../packages/core/src/screening/string-similarity.ts';
import { osaDistance } from '../packages/core/src/screening/string-similarity-osa.ts';
import { cpuMs, gc } from './support/cpu.ts';
import { buildScaleIndex } from './support/scale-index.ts';
import { inventedPersons, load, variationsOf } from './support/scale-queries.ts';

const SIZE = Number(process.env.SIZE ?? 1_000_000);
const SEED = 18;
const PASSES = Number(process.env.PASSES ?? 6);
const OLD = process.env.OLD;

const { index, given } = await buildScaleIndex(SIZE, SEED);
const sample = inventedPersons(SEED);
const matches = variationsOf(index, given, 500, SEED + 1);
for (const q of variationsOf(index, given, 200, SEED + 2))
  screenParty(index, { name: q.name }, { limit: 10 });
const queries = matches.flatMap((m, i) => [m.name, sample[i]!]);
const readings = queries.flatMap((name) =>
  core.queryVariants(index, { name }, normalizeName(name, index.reference, undefined)),
);
// The keys `findCandidateNames` expands, in the order it expands them (repeats included: the
// memo answers those, as in a screening).
const keys: string[] = [];
for (const r of readings) {
  const seen = new Set<string>();
  for (const t of r.tokens)
    if (!seen.has(t)) {
      seen.add(t);
      keys.push(t);
    }
  if (r.tokens.length > 1 && !seen.has(r.tokens.join(''))) keys.push(r.tokens.join(''));
  for (const t of new Set(r.originalTokens ?? [])) keys.push(t);
}
const distinct = [...new Set(keys)];
console.log(
  `${queries.length} queries, ${readings.length} readings, ${keys.length} keys expanded (${distinct.length} distinct)`,
);

// Counters of the deletion-index step, per distinct key (what a pass with the memo emptied does).
const tally = { probes: 0, returned: 0, distinctTokens: 0, inWindow: 0, letters: 0, alike: 0, kept: 0 };
// The other routes: kasra folds varied (each a vocabulary and a fold look-up), those found, and
// the phonetic key's tokens verified.
const routes = {
  kasraFolds: 0,
  kasraVisited: 0,
  kasraVocabulary: 0,
  kasraFoldIds: 0,
  foldIds: 0,
  phonetic: 0,
  maxKasra: 0,
};
for (const token of distinct) {
  const e = expandToken(index, token);
  tally.kept += e.ids.length;
  if (token.length < 2) continue;
  const facts = index.factsOf(token);
  routes.foldIds += index.foldIds(facts.fold)?.length ?? 0;
  const key = facts.key;
  if (key.length >= 3 || (key.length >= 1 && facts.vowelPoor))
    routes.phonetic += index.phoneticIds(key)?.length ?? 0;
  if (allowedEdits(token.length) > 0) {
    let n = 0;
    forEachKasraFold(facts.fold, (fold) => {
      n++;
      if (index.vocabulary.get(fold) !== undefined) routes.kasraVocabulary++;
      routes.kasraFoldIds += index.foldIds(fold)?.length ?? 0;
    });
    routes.kasraFolds += n;
    const own =
      (index.vocabulary.get(facts.fold) === undefined ? 0 : 1) + (index.foldIds(facts.fold)?.length ?? 0);
    index.forEachKasraFoldFound(facts.fold, own, () => routes.kasraVisited++);
    routes.maxKasra = Math.max(routes.maxKasra, n);
  }
  const edits = allowedEdits(token.length);
  if (edits === 0) continue;
  forEachDeletionHash(token, Math.min(2, edits), () => tally.probes++);
  const seen = new Set<number>();
  index.forEachNearToken(token, edits, (id) => {
    tally.returned++;
    if (seen.has(id)) return;
    seen.add(id);
    tally.distinctTokens++;
    if (Math.abs(index.tokenLength(id) - token.length) > edits) return;
    tally.inWindow++;
    const b = index.tokenAt(id);
    const shorter = Math.min(token.length, b.length);
    const allowed = allowedEdits(shorter);
    // The letters in common (as a multiset): what the new expansion tests first.
    const count = new Map<string, number>();
    for (const c of token) count.set(c, (count.get(c) ?? 0) + 1);
    let common = 0;
    for (const c of b)
      if ((count.get(c) ?? 0) > 0) {
        count.set(c, count.get(c)! - 1);
        common++;
      }
    let prefix = 0;
    while (prefix < Math.min(4, shorter) && token[prefix] === b[prefix]) prefix++;
    const jaro = (common / token.length + common / b.length + 1) / 3;
    if (
      (allowed > 0 && Math.max(token.length, b.length) - common <= allowed) ||
      (shorter >= 4 && prefix > 0 && common > 0 && jaro + prefix * 0.1 * (1 - jaro) >= 0.9 - 1e-9)
    )
      tally.letters++;
    if (
      (allowed > 0 && osaDistance(token, b, allowed) <= allowed) ||
      (shorter >= 4 && token.charCodeAt(0) === b.charCodeAt(0) && jaroWinkler(token, b) >= 0.9)
    )
      tally.alike++;
  });
}
const per = (n: number): string => (n / queries.length).toFixed(1);
console.log(
  `per query (distinct keys ÷ ${queries.length} queries): keys ${per(distinct.length)}, deletion keys probed ${per(tally.probes)}, tokens returned ${per(tally.returned)}, distinct ${per(tally.distinctTokens)}, within the length window ${per(tally.inWindow)}, passing the letters in common ${per(tally.letters)}, alike by spelling ${per(tally.alike)}, tokens in the expansions ${per(tally.kept)}`,
);

console.log(
  `per query: kasra folds varied ${per(routes.kasraFolds)} (most for one key ${routes.maxKasra}), made by the index's walk ${per(routes.kasraVisited)}, found as tokens ${per(routes.kasraVocabulary)}, tokens folding to them ${per(routes.kasraFoldIds)}; tokens folding as the key ${per(routes.foldIds)}; phonetic key's tokens ${per(routes.phonetic)}`,
);

// Old against new: the expansion of each distinct key, memo emptied.
type Expand = (index: ScreeningIndex, token: string) => TokenExpansion;
const expands = new Map<string, Expand>();
if (OLD) {
  expands.set(
    'old',
    ((await import(path.join(OLD, 'packages/core/src/screening/expand-token.ts'))) as { expandToken: Expand })
      .expandToken,
  );
} else {
  const screeningDir = path.resolve('packages/core/src/screening');
  const file = `/tmp/expand-token-main-${process.pid}.ts`;
  const source = execFileSync('git', ['show', 'main:packages/core/src/screening/expand-token.ts'], {
    encoding: 'utf8',
  });
  writeFileSync(file, source.replace(/from '\.\//g, `from '${screeningDir}/`));
  expands.set('old', ((await import(file)) as { expandToken: Expand }).expandToken);
}
expands.set('new', expandToken);
const same = (a: TokenExpansion, b: TokenExpansion): boolean =>
  a.postings === b.postings &&
  a.best === b.best &&
  a.ids.length === b.ids.length &&
  a.ids.every((id, k) => id === b.ids[k] && a.similarities[k] === b.similarities[k]);
let differ = 0;
for (const token of distinct) {
  index.expansions.clear();
  const a = expands.get('old')!(index, token);
  index.expansions.clear();
  const b = expandToken(index, token);
  if (!same(a, b)) {
    differ++;
    if (differ <= 5) console.log(`differs: ${token}`);
  }
}
console.log(`${distinct.length} distinct keys: ${differ} expansions differ between old and new`);

const timed = new Map<string, number[]>([...expands.keys()].map((l) => [l, []]));
for (let p = 0; p < PASSES; p++)
  for (const label of p % 2 ? [...expands.keys()].reverse() : [...expands.keys()]) {
    const expand = expands.get(label)!;
    index.expansions.clear();
    gc();
    const c0 = cpuMs();
    for (const token of keys) expand(index, token);
    timed.get(label)!.push((cpuMs() - c0) / queries.length);
  }
const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};
const base = median(timed.get('old')!);
console.log(`expansion CPU per query (ms), memo emptied before each pass; load ${load()}`);
for (const [label, xs] of timed)
  console.log(
    `  ${label}: ${xs.map((x) => x.toFixed(3)).join(' ')}; median ${median(xs).toFixed(3)} (×${(median(xs) / base).toFixed(2)} of old)`,
  );

// With PROFILE=<dir>: each expansion (old, then new) profiled over three passes; self time by function.
for (const [label, expand] of process.env.PROFILE ? expands : []) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  index.expansions.clear();
  gc();
  await session.post('Profiler.start');
  for (let p = 0; p < 3; p++) {
    index.expansions.clear();
    for (const token of keys) expand(index, token);
  }
  const { profile: prof } = await session.post('Profiler.stop');
  session.disconnect();
  const file = path.join(process.env.PROFILE!, `expansion-${label}.cpuprofile`);
  writeFileSync(file, JSON.stringify(prof));
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  prof.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas![i] ?? 0)));
  let total = 0;
  for (const node of prof.nodes) {
    const f = node.callFrame;
    const fn = `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    const t = dt.get(node.id) ?? 0;
    total += t;
    self.set(fn, (self.get(fn) ?? 0) + t);
  }
  console.log(`profile of ${label} ${file}: self time by function (of ${(total / 1000).toFixed(0)} ms)`);
  for (const [fn, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${((100 * t) / total).toFixed(1)} %  ${fn}`);
}
