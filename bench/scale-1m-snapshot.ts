/**
 * The scale bench's single screenings (`bench/scale-1m.ts`: 500 spelling variations and 500
 * invented persons, expansion memo emptied) over one saved index, so that two checkouts screen
 * the very same columns and their CPU per query differs by their screening code alone, not by
 * their builds. Run: `ENTENTE_SHARED_DATA=/work/shared/data SNAPSHOT=/tmp/x.snap node --expose-gc
 * --max-old-space-size=8192 --import tsx bench/scale-1m-snapshot.ts`. Without the SNAPSHOT file,
 * builds SIZE (1,000,000) synthetic parties on two worker threads as the scale bench does and
 * writes their columns (with look-ups and deletion index, `v8.serialize`) there; with it, reads
 * them (`indexOverSnapshot`) and runs PASSES (3) timed passes, each preceded by the scale bench's
 * warm-up (200 other variations) and the memo emptied. DIGEST prints a SHA-256 of every query's
 * top-10 (party and score) to compare checkouts; COUNT=1 counts what a pass asks of the index.
 * PROFILE=<file.cpuprofile> profiles the timed screenings alone (not the load, not the warm-ups):
 * self and inclusive shares by function are printed, the profile written there; printed again
 * for the queries of the middle fifth of wall times (p40–p60: what the p50 is made of) and for
 * the slowest tenth, each sample given to the query whose span holds it (the profiler's clock
 * and `process.hrtime` are the same monotonic clock: ~97 % of the samples fall in a span).
 *
 * WARM=1000,10000,100000 also times the same 1,000 queries, in each pass after the cold ones, with
 * the expansion memo warmed (emptied first, then filled as a server's is: by screening) by that
 * many other queries from the same generator, cumulatively: half spelling variations of other
 * listed parties (none of the timed queries' parties), half invented persons recombined from the
 * words of the mirror's invented persons the timed queries do not use (none of the timed names).
 * The memo keeps its bound (`expandToken` empties it past 50,000 entries). It is set aside before
 * each timed run and put back after it, so the timed queries never warm a later level. Printed
 * per level: CPU and p50/p99, the memo's look-ups per query and their hits, the share of queries
 * whose every look-up hit, the memo's entries and its memory (heap and buffers it holds), the
 * warm-up's own CPU per query, and the digest (which must equal the cold one). QUERIES_OUT=<file>
 * WARM_KEYS=1 warms with the expansions of each warm-up query's words alone (see `warm`), faster than
 * screening it. QUERIES_OUT=<file>
 * writes the warm-up and timed queries (`warm\t` / `timed\t` lines) for `bench/memo-word-mix.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { deserialize, serialize } from 'node:v8';
import {
  expandToken,
  indexOverSnapshot,
  normalizeName,
  screenParty,
  withColumnLookups,
  type ScreeningIndex,
  type TokenExpansion,
} from '@entente/core';
import { snapshotOfPartiesInWorkers } from '../packages/adapters/src/screening/column-build.ts';
import { forEachDeletionHash } from '../packages/core/src/screening/deletion-neighbourhood.ts';
import { cpuMs, gc } from './support/cpu.ts';
import { syntheticGenerator } from './support/scale-index.ts';
import {
  inventedPersonRows,
  load,
  quantile,
  recombinedPersons,
  variationsOf,
} from './support/scale-queries.ts';
import { readWhole } from './support/read-whole.ts';

const SIZE = Number(process.env.SIZE ?? 1_000_000);
const SEED = 18;
const PASSES = Number(process.env.PASSES ?? 3);
const FILE = process.env.SNAPSHOT;
if (!FILE) throw new Error('SNAPSHOT=<file> is needed');

const { reference, generator } = await syntheticGenerator();
if (!existsSync(FILE)) {
  const t0 = performance.now();
  const snapshot = await snapshotOfPartiesInWorkers(
    (function* () {
      for (const party of generator.stream(SIZE, SEED)) yield { party };
    })(),
    reference,
    { workers: 2 },
  );
  const payload = serialize(withColumnLookups(snapshot));
  writeFileSync(FILE, payload);
  console.log(
    `built ${SIZE} parties in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${payload.length} bytes written to ${FILE}`,
  );
  process.exit(0);
}

const t0 = performance.now();
const index: ScreeningIndex = indexOverSnapshot(
  deserialize(readWhole(FILE)) as Parameters<typeof indexOverSnapshot>[0],
  reference,
);
gc();
console.log(
  `read ${index.size} parties, ${index.nameCount} names, ${index.tokenCount} tokens in ${((performance.now() - t0) / 1000).toFixed(1)} s; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; load ${load()}`,
);
const personRows = inventedPersonRows(SEED);
const sample = personRows.map((r) => r.full_name);
const matches = variationsOf(index, SIZE, 500, SEED + 1);
const warmUp = variationsOf(index, SIZE, 200, SEED + 2);
const queries = matches.flatMap((m, i) => [m.name, sample[i]!]);

/** WARM's levels, ascending, and the warm-up queries that reach the last (disjoint from the timed). */
const levels = (process.env.WARM ?? '')
  .split(',')
  .filter((x) => x)
  .map(Number)
  .sort((a, b) => a - b);
const warmQueries: string[] = [];
if (levels.length > 0) {
  const most = levels[levels.length - 1]!;
  const timed = new Set(queries);
  const timedParties = new Set(matches.map((m) => m.entityId));
  const listed = variationsOf(index, SIZE, Math.ceil(most / 2) + 2 * matches.length, SEED + 5)
    .filter((m) => !timedParties.has(m.entityId) && !timed.has(m.name))
    .map((m) => m.name);
  const persons = recombinedPersons(personRows.slice(matches.length), Math.ceil(most / 2), SEED + 6, timed);
  for (let i = 0; warmQueries.length < most; i++) {
    if (i >= listed.length && i >= persons.length) throw new Error('too few warm-up queries');
    if (i < listed.length) warmQueries.push(listed[i]!);
    if (i < persons.length && warmQueries.length < most) warmQueries.push(persons[i]!);
  }
  if (process.env.QUERIES_OUT)
    writeFileSync(
      process.env.QUERIES_OUT,
      [...warmQueries.map((q) => `warm\t${q}`), ...queries.map((q) => `timed\t${q}`)].join('\n') + '\n',
    );
}

/**
 * One warm-up query: screened (as a server fills its memo), or with WARM_KEYS=1 only the
 * expansions of its plain normalised form's keys made (its words, their join, its original-script
 * words, as the retrieval asks them; not those of other readings), for warm-ups too long to screen.
 */
const warmKeysOnly = process.env.WARM_KEYS === '1';
function warm(name: string): void {
  if (!warmKeysOnly) {
    screenParty(index, { name }, { limit: 10 });
    return;
  }
  const { tokens, originalTokens } = normalizeName(name, index.reference);
  for (const t of tokens) expandToken(index, t);
  if (tokens.length > 1) expandToken(index, tokens.join(''));
  for (const t of originalTokens ?? []) expandToken(index, t);
}

// The memo's look-ups and hits (`expandToken` reads it once per expansion it needs).
let memoReads = 0;
let memoHits = 0;
{
  const memo = index.expansions;
  const get = memo.get.bind(memo);
  memo.get = (token) => {
    const found = get(token);
    memoReads++;
    if (found) memoHits++;
    return found;
  };
}

/** Heap and buffers held (after a full collection), in bytes. */
const heldBytes = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** Each timed query's start and end (µs, the profiler's clock) in the last `timedRun`. */
const spans: [number, number][] = [];
/** Per profiled pass, its queries' spans and bands (`bandOf`). */
const bands: { spans: [number, number][]; band: Uint8Array }[] = [];

/** The timed queries, once: times, CPU per query, digest, and per query whether every memo look-up hit. */
function timedRun(): {
  times: number[];
  cpu: number;
  digest: string;
  allHit: number;
  reads: number;
  hits: number;
} {
  const times: number[] = [];
  spans.length = 0;
  const hash = createHash('sha256');
  let allHit = 0;
  const r0 = memoReads;
  const h0 = memoHits;
  const c0 = cpuMs();
  for (const name of queries) {
    const reads = memoReads;
    const hits = memoHits;
    const t = performance.now();
    const from = process.hrtime.bigint();
    const found = screenParty(index, { name }, { limit: 10 });
    spans.push([Number(from / 1000n), Number(process.hrtime.bigint() / 1000n)]);
    times.push(performance.now() - t);
    if (memoReads - reads === memoHits - hits) allHit++;
    hash.update(`${found.map((h) => `${h.entityId}:${h.score}`).join(',')}\n`);
  }
  const cpu = (cpuMs() - c0) / queries.length;
  return {
    times,
    cpu,
    digest: hash.digest('hex').slice(0, 16),
    allHit,
    reads: memoReads - r0,
    hits: memoHits - h0,
  };
}

const counts = new Map<string, number>();
if (process.env.COUNT === '1') {
  const target = index as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const method of [
    'name',
    'entry',
    'factsAt',
    'foldIds',
    'phoneticIds',
    'forEachKasraFoldFound',
    'nameEntry',
  ]) {
    const f = target[method];
    if (typeof f !== 'function') continue;
    const bound = f.bind(index);
    target[method] = (...a: unknown[]) => {
      counts.set(method, (counts.get(method) ?? 0) + 1);
      const result = bound(...a);
      // The ids of a phonetic key's or a fold's run: each is read (its length, then maybe its facts).
      if (result instanceof Int32Array)
        counts.set(`${method} ids`, (counts.get(`${method} ids`) ?? 0) + result.length);
      return result;
    };
  }
  // The near tokens the deletion index hands the expansion (duplicates included), and the
  // postings under each expansion made (the most the posting loop can read of its key).
  const near = target.forEachNearToken!.bind(index);
  const bump = (key: string, by = 1): void => void counts.set(key, (counts.get(key) ?? 0) + by);
  target.forEachNearToken = (token: unknown, edits: unknown, visit: unknown) => {
    // The deletion keys the look-up hashes (each a bucket read), and the distinct tokens visited.
    forEachDeletionHash(token as string, Math.min(2, edits as number), () => bump('deletion keys probed'));
    const distinct = new Set<number>();
    near(token, edits, (...args: unknown[]) => {
      bump('near tokens visited');
      distinct.add(args[0] as number);
      (visit as (...a: unknown[]) => void)(...args);
    });
    bump('near tokens distinct', distinct.size);
  };
  const expansions = index.expansions;
  const set = expansions.set.bind(expansions);
  expansions.set = (token, expansion) => {
    counts.set('expansions made', (counts.get('expansions made') ?? 0) + 1);
    counts.set('postings under them', (counts.get('postings under them') ?? 0) + expansion.postings);
    counts.set('tokens in them', (counts.get('tokens in them') ?? 0) + expansion.ids.length);
    return set(token, expansion);
  };
}

const session = process.env.PROFILE ? new Session() : undefined;
const profiles: Profile[] = [];
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
}

for (let p = 0; p < PASSES; p++) {
  for (const q of warmUp) screenParty(index, { name: q.name }, { limit: 10 });
  index.expansions.clear();
  counts.clear();
  gc();
  if (session) await session.post('Profiler.start');
  const cold = timedRun();
  const { times, cpu } = cold;
  if (session) {
    profiles.push((await session.post('Profiler.stop')).profile);
    bands.push(bandOf(times, spans));
  }
  console.log(
    `pass ${p + 1}: CPU ${cpu.toFixed(3)} ms per query, p50 ${quantile(times, 0.5).toFixed(3)} ms, p90 ${quantile(times, 0.9).toFixed(3)} ms, p99 ${quantile(times, 0.99).toFixed(3)} ms; top-10s sha256 ${cold.digest}; memo hits ${cold.hits}/${cold.reads}, queries all hit ${cold.allHit}; load ${load()}`,
  );
  if (counts.size)
    console.log(
      `  per query: ${[...counts].map(([k, v]) => `${k} ${(v / queries.length).toFixed(1)}`).join(', ')}`,
    );
  if (levels.length === 0) continue;
  // The warm levels: the memo emptied, then filled by the warm-up queries up to each level.
  index.expansions.clear();
  let warmed = 0;
  for (const level of levels) {
    const c0 = cpuMs();
    const from = warmed;
    for (; warmed < level; warmed++) warm(warmQueries[warmed]!);
    const warmCpu = (cpuMs() - c0) / Math.max(1, level - from);
    // The memo's memory: held bytes with it, less those without it (its entries set aside as one
    // serialised buffer, counted and taken off, then read back: the same numbers).
    const withMemo = heldBytes();
    const saved = serialize([...index.expansions]);
    index.expansions.clear();
    const memoBytes = withMemo - (heldBytes() - saved.byteLength);
    const kept = new Map(deserialize(saved) as [string, TokenExpansion][]);
    for (const [k, v] of kept) index.expansions.set(k, v);
    counts.clear();
    gc();
    const run = timedRun();
    console.log(
      `pass ${p + 1} WARM=${level}: CPU ${run.cpu.toFixed(3)} ms per query, p50 ${quantile(run.times, 0.5).toFixed(3)} ms, p90 ${quantile(run.times, 0.9).toFixed(3)} ms, p99 ${quantile(run.times, 0.99).toFixed(3)} ms; top-10s sha256 ${run.digest}${run.digest === cold.digest ? ' (= cold)' : ' (DIFFERS from cold)'}; memo ${kept.size} entries, ${(memoBytes / 2 ** 20).toFixed(1)} MiB; look-ups ${(run.reads / queries.length).toFixed(2)} per query, hits ${((100 * run.hits) / run.reads).toFixed(1)} %, queries all hit ${run.allHit}; warm-up ${warmCpu.toFixed(3)} ms CPU per query; load ${load()}`,
    );
    if (counts.size)
      console.log(
        `  per query: ${[...counts].map(([k, v]) => `${k} ${(v / queries.length).toFixed(1)}`).join(', ')}`,
      );
    index.expansions.clear();
    for (const [k, v] of kept) index.expansions.set(k, v);
  }
  // Cold again, after the warm levels: the order of the runs (JIT, the columns' memos) bracketed.
  index.expansions.clear();
  gc();
  const again = timedRun();
  console.log(
    `pass ${p + 1} cold again: CPU ${again.cpu.toFixed(3)} ms per query, p50 ${quantile(again.times, 0.5).toFixed(3)} ms, p90 ${quantile(again.times, 0.9).toFixed(3)} ms, p99 ${quantile(again.times, 0.99).toFixed(3)} ms; top-10s sha256 ${again.digest}; memo hits ${again.hits}/${again.reads}; load ${load()}`,
  );
}

type Profile = Profiler.Profile;

/**
 * Per timed query, which band of the wall times it is in: 1 for the middle fifth (p40–p60,
 * the queries the p50 is made of), 2 for the slowest tenth, 0 else; with each query's span, so
 * that the profile's samples can be told apart by query (`PROFILE`).
 */
function bandOf(times: number[], spans: [number, number][]): { spans: [number, number][]; band: Uint8Array } {
  const sorted = [...times].sort((a, b) => a - b);
  const lo = sorted[Math.floor(0.4 * sorted.length)]!;
  const hi = sorted[Math.floor(0.6 * sorted.length)]!;
  const slow = sorted[Math.floor(0.9 * sorted.length)]!;
  const band = new Uint8Array(times.length);
  times.forEach((t, i) => (band[i] = t >= lo && t <= hi ? 1 : t >= slow ? 2 : 0));
  return { spans: spans.map((s) => [s[0], s[1]]), band };
}

if (session) {
  session.disconnect();
  writeFileSync(process.env.PROFILE!, JSON.stringify(profiles[profiles.length - 1]));
  // Self and inclusive time by function over every pass's profile.
  for (const [bandName, wanted] of [
    ['all queries', -1],
    ['middle fifth of wall times (p40-p60)', 1],
    ['slowest tenth', 2],
  ] as const) {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let total = 0;
    let inQueries = 0;
    let every = 0;
    for (const [pi, prof] of profiles.entries()) {
      const dt = new Map<number, number>();
      const { spans: sp, band } = bands[pi]!;
      let at = prof.startTime;
      let q = 0;
      prof.samples!.forEach((id, i) => {
        at += prof.timeDeltas![i] ?? 0;
        while (q < sp.length && sp[q]![1] < at) q++;
        const inQuery = q < sp.length && sp[q]![0] <= at;
        every += prof.timeDeltas![i] ?? 0;
        if (inQuery) inQueries += prof.timeDeltas![i] ?? 0;
        if (wanted >= 0 && !(inQuery && band[q] === wanted)) return;
        dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas![i] ?? 0));
      });
      const byId = new Map(prof.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const label = (id: number): string => {
        const f = byId.get(id)!.callFrame;
        return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      };
      for (const [id, t] of dt) {
        total += t;
        self.set(label(id), (self.get(label(id)) ?? 0) + t);
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const l = label(at);
          if (seen.has(l)) continue;
          seen.add(l);
          inclusive.set(l, (inclusive.get(l) ?? 0) + t);
        }
      }
    }
    for (const [title, shares, top] of [
      ['self', self, 40],
      ['inclusive', inclusive, 50],
    ] as const) {
      console.log(
        `profile (${bandName}): ${title} time by function (of ${(total / 1000).toFixed(0)} ms, ${((100 * total) / Math.max(1, every)).toFixed(1)} % of the profile; ${((100 * inQueries) / Math.max(1, every)).toFixed(1)} % of the profile within a query's span)`,
      );
      for (const [l, t] of [...shares].sort((a, b) => b[1] - a[1]).slice(0, top))
        console.log(`  ${((100 * t) / total).toFixed(1)} %  ${l}`);
    }
  }
}
