/**
 * Screening speed benchmark. Run: `npx tsx bench/screening-speed.ts`.
 * Indexes every list the parsers read from the mirror (CSL JSON, UN, EU,
 * OFAC SDN, …), then reports index build time and memory, single-subject
 * p50/p99, batch subjects per second, and the same for a naive scan with
 * Jaro-Winkler over every name, with each one's recall@1 on the UN pairs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildScreeningIndex, jaroWinkler, normalizeName, screenParty, type ScreeningIndex } from '@entente/core';
import { parse } from 'csv-parse/sync';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const quantile = (xs: number[], q: number): number => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const rows = (file: string): Record<string, string>[] => parse(readFileSync(path.join(MIRROR, 'eval', file), 'utf8'), { columns: true, skip_empty_lines: true });
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Naive baseline: Jaro-Winkler of the lower-cased query against every listed name. */
function naiveScan(names: { text: string; entry: number }[], query: string): { entry: number; score: number } {
  const q = query.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
  let best = { entry: -1, score: 0 };
  for (const n of names) {
    const s = jaroWinkler(q, n.text);
    if (s > best.score) best = { entry: n.entry, score: s };
  }
  return best;
}

function sameName(index: ScreeningIndex, entry: number, listName: string): boolean {
  const want = normalizeName(listName, index.reference).tokens.slice().sort().join(' ');
  const e = index.entries[entry];
  return !!e && e.names.some((id) => index.names[id]?.normalized.tokens.slice().sort().join(' ') === want);
}

async function main(): Promise<void> {
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = buildScreeningIndex(inputs, reference);
  const buildMs = performance.now() - t0;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(`lists: ${lists.map((l) => `${l.source} ${l.parties.length}`).join(', ')}`);
  console.log(`index: ${index.size} parties, ${index.nameCount} names, ${index.tokens.length} distinct tokens`);
  console.log(`index build: ${(buildMs / 1000).toFixed(2)} s; index memory (heap growth${(globalThis as { gc?: unknown }).gc ? ', after gc' : ', run with --expose-gc for precision'}): ${mib(heapAfter - heapBefore)}; rss ${mib(process.memoryUsage().rss)}`);

  const queries = [...rows('negatives_us_1k.csv'), ...rows('negatives_global_1k.csv')].map((r) => r.full_name!);
  const pairs = rows('yente_un_treated_vs_untreated_pairs.csv');
  queries.push(...pairs.map((p) => p.query_name!));
  for (const q of queries.slice(0, 200)) screenParty(index, { name: q }); // warm-up
  const times: number[] = [];
  const tb = performance.now();
  for (const q of queries) {
    const t = performance.now();
    screenParty(index, { name: q }, { limit: 10 });
    times.push(performance.now() - t);
  }
  const batchS = (performance.now() - tb) / 1000;
  console.log(`entente: ${queries.length} subjects, p50 ${quantile(times, 0.5).toFixed(3)} ms, p99 ${quantile(times, 0.99).toFixed(3)} ms, batch ${(queries.length / batchS).toFixed(0)} subjects/s (one thread)`);

  const names = index.names.flatMap((n) => (n ? [{ text: n.text.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim(), entry: n.entry }] : []));
  const sample = pairs.slice(0, Number(process.env.NAIVE_SAMPLE ?? 150));
  let naiveHits = 0;
  let ourHits = 0;
  const naiveTimes: number[] = [];
  for (const p of sample) {
    const t = performance.now();
    const best = naiveScan(names, p.query_name!);
    naiveTimes.push(performance.now() - t);
    if (best.score >= 0.9 && sameName(index, best.entry, p.list_name!)) naiveHits++;
    const ours = screenParty(index, { name: p.query_name!, schema: 'person' }, { limit: 1 })[0];
    if (ours && sameName(index, index.names.find((n) => n && index.entries[n.entry]?.entityId === ours.entityId)!.entry, p.list_name!)) ourHits++;
  }
  const naiveP50 = quantile(naiveTimes, 0.5);
  console.log(`naive JW scan: ${sample.length} subjects, p50 ${naiveP50.toFixed(1)} ms, p99 ${quantile(naiveTimes, 0.99).toFixed(1)} ms, ${(1000 / naiveP50).toFixed(0)} subjects/s`);
  console.log(`speed-up p50: ×${(naiveP50 / quantile(times, 0.5)).toFixed(0)}; recall@1 on the same ${sample.length} UN pairs: entente ${(ourHits / sample.length).toFixed(3)} at its default threshold, naive JW ${(naiveHits / sample.length).toFixed(3)} at 0.9`);
}

await main();
