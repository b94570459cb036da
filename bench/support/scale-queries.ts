/** The queries of `bench/scale-1m.ts`, shared with `bench/retrieval-1m.ts`. */
import type { ScreeningIndex } from '@entente/core';
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
