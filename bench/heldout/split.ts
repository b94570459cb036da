/**
 * Deterministic split of the held-out development set by subject.
 *
 * Every case names the subject it is about (a UN reference such as `QDi.001`,
 * or the cluster key of a listed party, see subject-clusters.ts). The split is
 * a pure function of that key: the first four bytes of its SHA-256, modulo 4,
 * give `tune` for 0 and 1 (50 %), `threshold` for 2 (25 %) and `report` for 3
 * (25 %). All spellings of one subject therefore land in one split, so a
 * change tuned on `tune` cannot have seen the subjects `report` measures.
 */
import { createHash } from 'node:crypto';

/** The three parts of the development set. */
export type Split = 'tune' | 'threshold' | 'report';

/** All splits, in the order they are used: tune, then choose the threshold, then report. */
export const SPLITS: readonly Split[] = ['tune', 'threshold', 'report'];

/** The split a subject belongs to (stable across runs, machines and Node versions). */
export function splitOf(subject: string): Split {
  const bucket = createHash('sha256').update(subject, 'utf8').digest().readUInt32BE(0) % 4;
  return bucket < 2 ? 'tune' : bucket === 2 ? 'threshold' : 'report';
}

/** A number in [0,1) derived from a key (FNV-1a, 32 bits: fast enough to order whole lists), for sampling. */
export function unitHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** Sorts items by the hash of their key: a deterministic shuffle. */
export function hashOrder<T>(items: T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, h: unitHash(key(item)) }))
    .sort((a, b) => a.h - b.h)
    .map((x) => x.item);
}
