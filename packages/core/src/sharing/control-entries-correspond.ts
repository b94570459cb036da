import type { DenialItem } from './sharing-model.ts';

/** Decides whether two items' control entries correspond (same, narrower or broader); the crosswalk plugs in here. */
export type EntriesCorrespond = (
  a: Pick<DenialItem, 'code' | 'list'>,
  b: Pick<DenialItem, 'code' | 'list'>,
) => boolean;

/** A control entry code without its list prefix (`UK:ML1.a` → `ML1.A`), spaces removed, upper-cased. */
export function bareControlCode(code: string): string {
  return code
    .replace(/^[A-Za-z]{2,5}:/, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * Stand-in for the crosswalk: entries correspond when their bare codes are
 * equal or one is a paragraph prefix of the other (`3A001` covers `3A001.a.1`),
 * which counts same, narrower and broader alike.
 */
export const controlEntriesCorrespond: EntriesCorrespond = (a, b) => {
  const x = bareControlCode(a.code);
  const y = bareControlCode(b.code);
  if (!x || !y) return false;
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
};
