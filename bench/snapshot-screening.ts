/**
 * Does an index restored from its snapshot screen as fast as the index it was
 * taken of? Run: `npx tsx bench/snapshot-screening.ts`. Builds the whole
 * mirror's index, takes its snapshot and restores it, checks that both give the
 * same best match for every query, and so does a read-only index over the snapshot
 * in shared memory (what a screening worker reads); then times single screenings on
 * the three in alternating passes (built, restored, shared, shared, restored, built, …;
 * the expansion memo emptied before each pass) and reports the median and p99 per
 * index and their ratios. The built index is the baseline, in the same process.
 */
import { loadavg } from 'node:os';
import {
  buildScreeningIndex,
  indexFromSnapshot,
  indexOverSnapshot,
  screenParty,
  shareSnapshot,
  snapshotOfIndex,
  type ScreeningIndex,
} from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const PASSES = Number(process.env.PASSES ?? 4);
const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(path.join(MIRROR, 'eval', file), 'utf8'), { columns: true, skip_empty_lines: true });
const quantile = (xs: number[], q: number): number =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function pass(index: ScreeningIndex, queries: string[], into: number[]): void {
  index.expansions.clear();
  for (const name of queries) {
    const t0 = performance.now();
    screenParty(index, { name });
    into.push(performance.now() - t0);
  }
}

async function main(): Promise<void> {
  console.log(`load average at start ${load()}`);
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const built = buildScreeningIndex(
    lists.flatMap((l) => l.parties.map((party) => ({ party }))),
    reference,
  );
  const t0 = performance.now();
  const restored = indexFromSnapshot(snapshotOfIndex(built), reference);
  console.log(
    `${built.size} parties; snapshot taken and restored in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );
  // What a screening worker reads: a read-only index over the snapshot's columns in shared memory.
  const shared = indexOverSnapshot(shareSnapshot(snapshotOfIndex(built)), reference);
  const pairs = rows('yente_un_treated_vs_untreated_pairs.csv');
  const queries = [...rows('negatives_us_1k.csv'), ...rows('negatives_global_1k.csv')]
    .map((r) => r.full_name!)
    .concat(pairs.map((p) => p.query_name!));
  let differ = 0;
  let differShared = 0;
  for (const name of queries) {
    const a = screenParty(built, { name })[0];
    const b = screenParty(restored, { name })[0];
    const c = screenParty(shared, { name })[0];
    if (a?.entityId !== b?.entityId || a?.score !== b?.score) differ++;
    if (a?.entityId !== c?.entityId || a?.score !== c?.score) differShared++;
  }
  console.log(
    `${queries.length} queries; best match differs on ${differ} (restored), ${differShared} (shared)`,
  );
  const times = { built: [] as number[], restored: [] as number[], shared: [] as number[] };
  const indexes = { built, restored, shared };
  for (let p = 0; p < PASSES; p++) {
    const order: (keyof typeof times)[] =
      p % 2 ? ['shared', 'restored', 'built'] : ['built', 'restored', 'shared'];
    for (const which of order) pass(indexes[which], queries, times[which]);
  }
  for (const which of ['built', 'restored', 'shared'] as const)
    console.log(
      `${which}: p50 ${quantile(times[which], 0.5).toFixed(3)} ms, p99 ${quantile(times[which], 0.99).toFixed(3)} ms (${times[which].length} screenings)`,
    );
  const ratio = (which: 'restored' | 'shared', q: number) =>
    (quantile(times[which], q) / quantile(times.built, q)).toFixed(2);
  console.log(
    `restored / built: p50 ${ratio('restored', 0.5)}×, p99 ${ratio('restored', 0.99)}×; shared / built: p50 ${ratio('shared', 0.5)}×, p99 ${ratio('shared', 0.99)}×; load average at end ${load()}`,
  );
}

await main();
