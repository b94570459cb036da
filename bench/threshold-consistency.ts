/**
 * Whether a screening at a threshold returns every match that a screening at threshold 0 finds
 * at or above it. The candidate search filters names by the share of the query their words
 * reach through the index's keys, and how much it asks for rises with the threshold; a name whose
 * score rests on what the keys do not see (words joined or split in another order, a listed name
 * contained in the query with generic words, an acronym, a word pair the expansion does not read)
 * can be found at a low threshold and lost at the default one, though it scores above both.
 *
 * For every case of the held-out development set (all splits; over the indexes the evaluation
 * uses) and the 2,683 screening-speed subjects (2,000 invented persons and 683 UN spellings, over
 * the full index): the matches at `--threshold` (default: the default threshold) against those
 * at `--from` (default 0.5, with the largest candidate cap, `CANDIDATE_CAP`, so that the cap hides
 * nothing there) that reach it. Prints per set and split the matches the threshold's candidate
 * search loses (at the largest cap too: "matches lost", the cases with a loss, the truth parties
 * lost) and those a screening at the default cap loses (the cap's part is told to the user in
 * the unscored note), and the CPU per query of the three screenings, the baseline (`--from`) in
 * the same process, passes alternating. `--show N` prints N losses with
 * their explanations.
 *
 *   npx tsx bench/threshold-consistency.ts [--threshold 0.86] [--from 0.5] [--passes 2] [--show 40] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import {
  CANDIDATE_CAP,
  DEFAULT_SCREENING_THRESHOLD,
  screenParty,
  type ScreeningMatch,
  type ScreeningQuery,
} from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { buildDevSet } from './heldout/build-dev-set.ts';
import { buildIndexes, indexFor } from './heldout/screen-cases.ts';
import { cpuMs, evalRows } from './support/cpu.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const threshold = Number(option('threshold') ?? DEFAULT_SCREENING_THRESHOLD);
const from = Number(option('from') ?? 0.5);
const passes = Number(option('passes') ?? 2);
const show = Number(option('show') ?? 0);
const jsonOut = option('json');
if (!(from < threshold)) throw new Error('--from must be below --threshold');

const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const parties = lists.flatMap((l) => l.parties);
const cases = await buildDevSet(lists, MIRROR, 'wide');
const indexes = buildIndexes(parties, reference, cases);

interface Item {
  group: string;
  split: string;
  query: ScreeningQuery;
  truth: Set<string>;
  index: ReturnType<typeof indexFor>;
}
const items: Item[] = cases.map((c) => ({
  group: `set ${c.set}`,
  split: c.split,
  query: c.query,
  truth: new Set(c.truth),
  index: indexFor(indexes, c),
}));
// The screening-speed subjects (bench/screening-speed.ts): invented persons and UN altered spellings.
for (const r of [...evalRows('negatives_us_1k.csv'), ...evalRows('negatives_global_1k.csv')])
  items.push({
    group: 'speed invented',
    split: '-',
    query: { name: r.full_name! },
    truth: new Set(),
    index: indexes.full,
  });
for (const r of evalRows('yente_un_treated_vs_untreated_pairs.csv'))
  items.push({
    group: 'speed UN',
    split: '-',
    query: { name: r.query_name! },
    truth: new Set(),
    index: indexes.full,
  });

const screenAll = (
  at: number,
  limit: number,
  candidateCap?: number,
): { results: ScreeningMatch[][]; ms: number } => {
  const t0 = cpuMs();
  // Only the matches at or above the threshold are kept (the baseline's others are not compared).
  const results = items.map((it) =>
    screenParty(it.index, it.query, { threshold: at, limit, candidateCap }).filter(
      (m) => m.score >= threshold,
    ),
  );
  return { results, ms: cpuMs() - t0 };
};

// Warm, then alternate: the baseline (`from`, the largest cap), the threshold at the largest cap
// (what the candidate search's filter alone loses), the threshold at the default cap (what a
// screening returns; names the cap leaves are counted in its unscored note).
screenAll(threshold, 1000);
let base: ScreeningMatch[][] = [];
let whole: ScreeningMatch[][] = [];
let capped: ScreeningMatch[][] = [];
const baseMs: number[] = [];
const wholeMs: number[] = [];
const cappedMs: number[] = [];
for (let p = 0; p < passes; p++) {
  const b = screenAll(from, 1000, CANDIDATE_CAP);
  base = b.results;
  baseMs.push(b.ms);
  const w = screenAll(threshold, 1000, CANDIDATE_CAP);
  whole = w.results;
  wholeMs.push(w.ms);
  const c = screenAll(threshold, 1000);
  capped = c.results;
  cappedMs.push(c.ms);
}

interface Count {
  queries: number;
  withLoss: number;
  lost: number;
  truthLost: number;
  cappedLost: number;
  cappedTruthLost: number;
  extra: number;
}
const noCount = (): Count => ({
  queries: 0,
  withLoss: 0,
  lost: 0,
  truthLost: 0,
  cappedLost: 0,
  cappedTruthLost: 0,
  extra: 0,
});
const counts = new Map<string, Count>();
const losses: string[] = [];
for (let i = 0; i < items.length; i++) {
  const it = items[i]!;
  const key = `${it.group}\t${it.split}`;
  const c = counts.get(key) ?? noCount();
  counts.set(key, c);
  c.queries++;
  const inWhole = new Set(whole[i]!.map((m) => m.entityId));
  const inCapped = new Set(capped[i]!.map((m) => m.entityId));
  const wanted = new Set(base[i]!.map((m) => m.entityId));
  let lost = 0;
  for (const m of base[i]!) {
    if (!inCapped.has(m.entityId)) {
      c.cappedLost++;
      if (it.truth.has(m.entityId)) c.cappedTruthLost++;
    }
    if (inWhole.has(m.entityId)) continue;
    lost++;
    if (it.truth.has(m.entityId)) c.truthLost++;
    if (losses.length < show)
      losses.push(
        `${it.group} ${it.split} ${JSON.stringify(it.query.name)} lost ${m.matchedName} = ${m.score}: ${m.explanation.join(' / ')}`,
      );
  }
  for (const m of whole[i]!) if (!wanted.has(m.entityId)) c.extra++;
  c.lost += lost;
  if (lost) c.withLoss++;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `# Threshold consistency: matches at ${threshold} against those at ${from} that reach it (${items.length} queries)\n`,
);
console.log(
  '| group | split | queries | with a loss | matches lost | truth lost | lost at the default cap | truth lost there | extra |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
const total = noCount();
for (const [key, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
  const [group, split] = key.split('\t');
  console.log(
    `| ${group} | ${split} | ${c.queries} | ${c.withLoss} | ${c.lost} | ${c.truthLost} | ${c.cappedLost} | ${c.cappedTruthLost} | ${c.extra} |`,
  );
  for (const k of Object.keys(total) as (keyof Count)[]) total[k] += c[k];
}
console.log(
  `| all | | ${total.queries} | ${total.withLoss} | ${total.lost} | ${total.truthLost} | ${total.cappedLost} | ${total.cappedTruthLost} | ${total.extra} |\n`,
);
const perQuery = (xs: number[]): string => `${((median(xs) / items.length) * 1000).toFixed(0)} µs`;
console.log(
  `CPU per query (median of ${passes} passes): at ${threshold}, default cap ${perQuery(cappedMs)}; at ${threshold}, cap ${CANDIDATE_CAP} ${perQuery(wholeMs)}; ` +
    `baseline at ${from}, cap ${CANDIDATE_CAP} ${perQuery(baseMs)}; ratio default cap / baseline ${(median(cappedMs) / median(baseMs)).toFixed(3)}`,
);
if (losses.length) console.log(`\n${losses.join('\n')}`);
if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      { threshold, from, total, groups: Object.fromEntries(counts), cappedMs, wholeMs, baseMs },
      null,
      1,
    ),
  );
}
