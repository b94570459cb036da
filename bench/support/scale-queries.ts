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
  return inventedPersonRows(seed).map((r) => r.full_name);
}

/** An invented person's row of the mirror's `eval/negatives_*_1k.csv` (the columns read here). */
export interface InventedPerson {
  full_name: string;
  first_name: string;
  middle_name: string;
  last_name: string;
}

/** The rows of `inventedPersons(seed)`, in the same order. */
export function inventedPersonRows(seed: number): InventedPerson[] {
  const rows = ['negatives_us_1k.csv', 'negatives_global_1k.csv'].flatMap((f) =>
    parse(readFileSync(path.join(MIRROR, 'eval', f), 'utf8'), { columns: true, skip_empty_lines: true }),
  ) as InventedPerson[];
  const random = seededRandom(seed + 3);
  return rows
    .map((r) => ({ r, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
}

/**
 * `count` more invented persons drawn from `rows`' own words: a first name (and, as often as in
 * the rows, a middle name) of one row with the last name of another; none of them in `exclude`.
 * The same word mix as the rows, for more persons than the 2,000 the mirror has.
 */
export function recombinedPersons(
  rows: InventedPerson[],
  count: number,
  seed: number,
  exclude: ReadonlySet<string>,
): string[] {
  const random = seededRandom(seed);
  const pick = (): InventedPerson => rows[Math.floor(random() * rows.length)]!;
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < 100 * count; tries++) {
    const first = pick();
    const middle = pick().middle_name;
    const name = [first.first_name, middle, pick().last_name].filter((w) => w).join(' ');
    if (!exclude.has(name)) out.push(name);
  }
  return out;
}

/** The load averages, for the bench's lines. */
export const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The `q` quantile of `xs` (the value at `floor(q · n)` in order). */
export const quantile = (xs: number[], q: number): number =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
