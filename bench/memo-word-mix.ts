/**
 * Is the warm-up of `bench/scale-1m-snapshot.ts`'s WARM levels a realistic word mix? Compares the
 * query words (normalised as screening does: `normalizeName(...).tokens`, the expansion memo's keys)
 * of its queries (QUERIES=<file>, written by its QUERIES_OUT) with those of the mirror's listed
 * names (one Latin name per party, shuffled): for each stream, the share of the word occurrences
 * of 1,000 later names already met among the N names before them (what an unbounded memo of
 * words would hit), and the frequency profile of 10,000 names (distinct words, the share of the
 * occurrences the 100 and 1,000 commonest words take, the share of words met once).
 * Run: `ENTENTE_SHARED_DATA=/work/shared/data QUERIES=/tmp/q.txt npx tsx bench/memo-word-mix.ts`.
 */
import { readFileSync } from 'node:fs';
import { normalizeName } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { scriptOf } from './name-profile.ts';
import { seededRandom } from './synthetic-parties.ts';

const file = process.env.QUERIES;
if (!file) throw new Error('QUERIES=<file> is needed (scale-1m-snapshot.ts QUERIES_OUT=)');
const reference = await loadNameReference(MIRROR);
const tokensOf = (name: string): string[] => normalizeName(name, reference).tokens;

const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l)
  .map((l) => l.split('\t') as [string, string]);
const warm = lines.filter(([k]) => k === 'warm').map(([, q]) => q);
const timed = lines.filter(([k]) => k === 'timed').map(([, q]) => q);

const mirror = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
const random = seededRandom(61);
const listed = mirror
  .map((p) => p.names.find((n) => n.full && scriptOf(n.full) === 'Latin')?.full)
  .filter((n): n is string => !!n)
  .map((n) => ({ n, k: random() }))
  .sort((a, b) => a.k - b.k)
  .map((x) => x.n);

/** The share of `later`'s word occurrences among the words of `before`. */
function reuse(before: string[], later: string[]): number {
  const seen = new Set(before.flatMap(tokensOf));
  let met = 0;
  let all = 0;
  for (const name of later)
    for (const t of tokensOf(name)) {
      all++;
      if (seen.has(t)) met++;
    }
  return met / all;
}

/** Distinct words, top-100 and top-1,000 shares and the share of words met once, over `names`. */
function profile(names: string[]): string {
  const counts = new Map<string, number>();
  let all = 0;
  for (const name of names)
    for (const t of tokensOf(name)) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      all++;
    }
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const top = (k: number): number => sorted.slice(0, k).reduce((s, c) => s + c, 0) / all;
  const once = sorted.filter((c) => c === 1).length;
  return `${names.length} names, ${(all / names.length).toFixed(2)} words each, ${counts.size} distinct; top 100 ${(100 * top(100)).toFixed(1)} %, top 1,000 ${(100 * top(1000)).toFixed(1)} % of occurrences; words met once ${(100 * (once / counts.size)).toFixed(1)} % of distinct`;
}

console.log(
  `mirror: ${listed.length} parties with a Latin name; generator: ${warm.length} warm-up, ${timed.length} timed`,
);
const held = listed.slice(listed.length - 1000);
for (const n of [1000, 10_000, 50_000, 100_000]) {
  const g =
    n <= warm.length ? `generator ${(100 * reuse(warm.slice(0, n), timed)).toFixed(1)} %` : 'generator -';
  const m =
    n <= listed.length - 1000
      ? `mirror ${(100 * reuse(listed.slice(listed.length - 1000 - n, listed.length - 1000), held)).toFixed(1)} %`
      : 'mirror -';
  console.log(`words of 1,000 later names met in the ${n} before: ${g}, ${m}`);
}
console.log(`profile, generator warm-up: ${profile(warm.slice(0, 10_000))}`);
console.log(`profile, generator timed:   ${profile(timed)}`);
console.log(`profile, mirror:            ${profile(listed.slice(0, 10_000))}`);
console.log(`profile, mirror 1,000:      ${profile(held)}`);
