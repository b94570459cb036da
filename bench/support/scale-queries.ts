/** The queries of `bench/scale-1m.ts`, shared with `bench/retrieval-1m.ts`. */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { ScreeningIndex } from '@entente/core';
import { parse } from 'csv-parse/sync';
import { MIRROR } from '../eval-screening-lists.ts';
import { scriptOf, wordsOf } from '../name-profile.ts';
import { respell, seededRandom } from '../synthetic-parties.ts';

/**
 * Spelling variations of listed names: one word respelt, or the words rotated; with the party they
 * came from. Parties are picked by entry id from the index (the parties in the order they were given).
 */
export function variationsOf(
  index: ScreeningIndex,
  slots: number,
  count: number,
  seed: number,
): { name: string; entityId: string }[] {
  const random = seededRandom(seed);
  const out: { name: string; entityId: string }[] = [];
  while (out.length < count) {
    const party = index.entry(Math.floor(random() * slots))?.party;
    if (!party) continue;
    const names = party.names.filter((n) => n.full && scriptOf(n.full) === 'Latin');
    if (names.length === 0) continue;
    const name = random() < 0.7 ? names[0]! : names[Math.floor(random() * names.length)]!;
    const words = wordsOf(name.full);
    const long = words.map((w, i) => (w.length >= 5 ? i : -1)).filter((i) => i >= 0);
    if (long.length > 0 && random() < 0.7) {
      const at = long[Math.floor(random() * long.length)]!;
      words[at] = respell(words[at]!, random);
    } else if (words.length > 1) words.push(words.shift()!);
    else continue;
    out.push({ name: words.join(' '), entityId: `${party.source}:${party.sourceId}` });
  }
  return out;
}

/** The invented persons of the mirror's `eval/negatives_*_1k.csv`, in the order `seed` shuffles them to. */
export function inventedPersons(seed: number): string[] {
  const negatives = (
    ['negatives_us_1k.csv', 'negatives_global_1k.csv'].flatMap((f) =>
      parse(readFileSync(path.join(MIRROR, 'eval', f), 'utf8'), { columns: true, skip_empty_lines: true }),
    ) as { full_name: string }[]
  ).map((r) => r.full_name);
  const random = seededRandom(seed + 3);
  return negatives
    .map((n) => ({ n, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.n);
}

/** The load averages, for the bench's lines. */
export const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The `q` quantile of `xs` (the value at `floor(q · n)` in order). */
export const quantile = (xs: number[], q: number): number =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
