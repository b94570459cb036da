/** Characters kept from each end of a long token before its deletions are indexed. */
export const DELETION_END = 4;

/** Most deletions indexed per token, whatever its length. */
export const MAX_DELETIONS = 2;

/** Token ids take the low 24 bits of an entry. */
const ID_MASK = 0xffffff;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The part of a token whose deletions are indexed: the token itself, or its
 * first and last four characters when longer. Edits inside a long token's
 * middle leave it unchanged, and an edit near either end changes it by at
 * most one deletion on each side, so tokens within k edits still share a
 * k-deletion variant of it, while long names that merely start alike
 * ("mohammad…") no longer all collide.
 */
export function deletionKey(token: string): string {
  return token.length <= 2 * DELETION_END ? token : token.slice(0, DELETION_END) + token.slice(-DELETION_END);
}

/** The code units of the deletion key being hashed, reused (a fresh array when a caller's `emit` hashes again). */
let shared: Uint16Array | undefined = new Uint16Array(64);

/** FNV-1a state after `codes[from..to)`, from state `h`. */
function fnv(codes: Uint16Array, h: number, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ codes[i]!, FNV_PRIME);
  return h;
}

/**
 * Calls `emit` with the hash of every string made by deleting up to
 * `deletions` characters (at most 2) from a token's `deletionKey`.
 * Deleting either of two equal neighbours gives the same string, so only
 * the first is emitted. Each hash is FNV-1a of the string's code units from a
 * start that mixes in its length; the states of shared prefixes are carried
 * instead of hashing every variant from its start.
 */
export function forEachDeletionHash(word: string, deletions: number, emit: (hash: number) => void): void {
  const token = deletionKey(word);
  const end = token.length;
  const codes = shared && shared.length >= end ? shared : new Uint16Array(Math.max(64, end));
  shared = undefined;
  try {
    for (let i = 0; i < end; i++) codes[i] = token.charCodeAt(i);
    hashVariants(codes, end, deletions, emit);
  } finally {
    shared = codes;
  }
}

function hashVariants(
  codes: Uint16Array,
  end: number,
  deletions: number,
  emit: (hash: number) => void,
): void {
  emit(fnv(codes, FNV_OFFSET ^ end, 0, end) >>> 0);
  if (deletions < 1) return;
  // States after codes[0..i) of the one- and two-deletion variants (their starts differ by length).
  let one = FNV_OFFSET ^ (end - 1);
  let two = FNV_OFFSET ^ (end - 2);
  for (let i = 0; i < end; i++) {
    if (!(i > 0 && codes[i] === codes[i - 1])) {
      emit(fnv(codes, one, i + 1, end) >>> 0);
      if (deletions >= 2) {
        // State after codes[0..i) and codes[i+1..j).
        let mid = two;
        for (let j = i + 1; j < end; j++) {
          if (!(j > i + 1 && codes[j] === codes[j - 1])) emit(fnv(codes, mid, j + 1, end) >>> 0);
          mid = Math.imul(mid ^ codes[j]!, FNV_PRIME);
        }
      }
    }
    one = Math.imul(one ^ codes[i]!, FNV_PRIME);
    two = Math.imul(two ^ codes[i]!, FNV_PRIME);
  }
}

/** A built deletion index as plain arrays: `offsets` has one more slot than it has buckets. */
export interface DeletionArrays {
  count: number;
  offsets: Uint32Array;
  entries: Uint32Array;
}

/**
 * A deletion-neighbourhood index over distinct tokens: two tokens within
 * OSA distance k (k ≤ 2) share a string obtained by at most k deletions from
 * each one's `deletionKey`, so looking up the query's deletion variants finds every
 * such token without scanning the vocabulary. Stored as hash buckets in two
 * typed arrays (no strings); a lookup may also return tokens that merely
 * collide, which the caller verifies.
 */
export class DeletionNeighbourhood {
  /** Tokens `[0, count)` are indexed. */
  readonly count: number;
  private readonly mask: number;
  private readonly offsets: Uint32Array;
  /** Per entry: token length (capped at 255) in the top 8 bits, token id below; each bucket sorted. */
  private readonly entries: Uint32Array;

  /**
   * Indexes `tokens`, each with the deletions `deletionsOf(token)` allows (capped at 2);
   * or adopts the arrays of an index built before (see `arrays`).
   */
  constructor(tokens: readonly string[], deletionsOf: (token: string) => number);
  constructor(saved: DeletionArrays);
  constructor(tokens: readonly string[] | DeletionArrays, deletionsOf?: (token: string) => number) {
    if (!Array.isArray(tokens)) {
      const saved = tokens as DeletionArrays;
      this.count = saved.count;
      this.mask = saved.offsets.length - 2;
      this.offsets = saved.offsets;
      this.entries = saved.entries;
      return;
    }
    this.count = tokens.length;
    if (tokens.length > ID_MASK) throw new RangeError('too many distinct tokens for the deletion index');
    // Three passes over the deletion hashes (count, bucket sizes, fill) instead of keeping
    // every (hash, id) pair: those arrays were two thirds of the index's size again, and
    // grown by doubling (about 0.7 GiB at peak for 2,000,000 tokens); hashing is cheap.
    const deletions = new Uint8Array(tokens.length);
    let n = 0;
    for (let id = 0; id < tokens.length; id++) {
      const token = tokens[id]!;
      deletions[id] = Math.min(MAX_DELETIONS, deletionsOf!(token));
      forEachDeletionHash(token, deletions[id]!, () => n++);
    }
    let buckets = 1024;
    while (buckets < n) buckets *= 2;
    const mask = buckets - 1;
    this.mask = mask;
    const offsets = new Uint32Array(buckets + 1);
    for (let id = 0; id < tokens.length; id++)
      forEachDeletionHash(tokens[id]!, deletions[id]!, (h) => offsets[(h & mask) + 1]!++);
    for (let b = 0; b < buckets; b++) offsets[b + 1]! += offsets[b]!;
    const entries = new Uint32Array(n);
    // Filled through the bucket starts themselves (no copy of `offsets`): each ends at the next's start.
    for (let id = 0; id < tokens.length; id++) {
      const entry = ((Math.min(255, tokens[id]!.length) << 24) | id) >>> 0;
      forEachDeletionHash(tokens[id]!, deletions[id]!, (h) => {
        entries[offsets[h & mask]!++] = entry;
      });
    }
    offsets.copyWithin(1, 0, buckets);
    offsets[0] = 0;
    // Sorted by length, a bucket yields the tokens of a length window without reading the rest
    // (a common prefix such as "mohammad" is shared by thousands of joined names).
    // Most buckets hold one or two entries: sorted in place (a `subarray` per bucket was
    // millions of short-lived objects); a large one by the typed array's sort.
    for (let b = 0; b < buckets; b++) {
      const lo = offsets[b]!;
      const hi = offsets[b + 1]!;
      if (hi - lo > 16) entries.subarray(lo, hi).sort();
      else
        for (let i = lo + 1; i < hi; i++) {
          const x = entries[i]!;
          let j = i - 1;
          while (j >= lo && entries[j]! > x) {
            entries[j + 1] = entries[j]!;
            j--;
          }
          entries[j + 1] = x;
        }
    }
    this.offsets = offsets;
    this.entries = entries;
  }

  /** The arrays this index is made of, for a snapshot (shared, not copied). */
  get arrays(): DeletionArrays {
    return { count: this.count, offsets: this.offsets, entries: this.entries };
  }

  /** Number of (variant, token) entries stored. */
  get entryCount(): number {
    return this.entries.length;
  }

  /**
   * Calls `visit` with every indexed token that may be within `deletions`
   * edits of `token` and differs in length by at most `deletions`
   * (duplicates possible).
   */
  forEachNear(token: string, deletions: number, visit: (id: number) => void): void {
    const { offsets, entries, mask } = this;
    const from = Math.max(0, Math.min(255, token.length - deletions) * 2 ** 24);
    const to =
      Math.min(255, token.length + deletions) === 255 ? 2 ** 32 : (token.length + deletions + 1) * 2 ** 24;
    forEachDeletionHash(token, Math.min(MAX_DELETIONS, deletions), (h) => {
      const b = h & mask;
      let lo = offsets[b]!;
      let hi = offsets[b + 1]!;
      // First entry of the bucket at or above the shortest wanted length.
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (entries[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo, end = offsets[b + 1]!; k < end; k++) {
        const e = entries[k]!;
        if (e >= to) break;
        visit(e & ID_MASK);
      }
    });
  }
}
