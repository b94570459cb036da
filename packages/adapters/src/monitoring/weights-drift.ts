import { forEachIndexedName, normalizeName, type ScreeningIndex } from '@entente/core';

/** As in packages/core/src/screening/token-weight.ts: names a token may appear in before it weighs less. */
const RARE_DF = 50;

/** The rarity factor of a token's weight for its document frequency (token-weight.ts's `weightOf`). */
function rarity(df: number): number {
  return df <= RARE_DF ? 1 : Math.max(0.3, 1 - 0.25 * Math.log10(df / RARE_DF));
}

/**
 * How far a list change can have moved token weights: the largest relative move of a word's
 * weight among the words of the added, changed and removed listed parties' names, from its
 * number of names in the patched index and that number less the added and changed parties'
 * names and plus the removed ones' (a changed party counts as added: its old names are not
 * read, so the figure can be too high, never too low for those names; a removed party counts
 * with its primary name only). A token's weight depends only on how many names carry it.
 */
export function weightsDrift(
  index: ScreeningIndex,
  addedOrChanged: Iterable<string>,
  removedNames: Iterable<string>,
): number {
  const moved = new Map<string, number>();
  const count = (tokens: readonly string[], by: number) => {
    for (const t of new Set(tokens)) moved.set(t, (moved.get(t) ?? 0) + by);
  };
  for (const entityId of addedOrChanged) {
    const party = index.get(entityId)?.party;
    if (party) forEachIndexedName(party, index.reference, (_text, _quality, n) => count(n.tokens, 1));
  }
  for (const name of removedNames) count(normalizeName(name, index.reference).tokens, -1);
  let drift = 0;
  for (const [token, added] of moved) {
    const id = index.vocabulary.get(token);
    const now = id === undefined ? 0 : index.postingCount(id);
    const before = Math.max(0, now - added);
    const r = Math.abs(rarity(now) - rarity(before)) / rarity(before);
    if (r > drift) drift = r;
  }
  return Math.round(drift * 10_000) / 10_000;
}
