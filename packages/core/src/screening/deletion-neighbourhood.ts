import { allowedEdits } from './compare-tokens.ts';

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
    // (`deletionJobsOf` and its steps make the same arrays on several threads at once.)
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
    sortDeletionBuckets(offsets, entries, 0, buckets);
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

/**
 * Tokens whose deletion index is made, as the steps below read them: strings, or their UTF-16
 * code units end to end (`ends[i]` ends token i; in shared memory, read by several threads at
 * once without a copy). `deletions` gives each token's deletions (at most 2); without it they
 * are `allowedEdits` of its length, as `deletionArraysOf` makes them.
 */
export type DeletionSource =
  | { tokens: readonly string[]; deletions?: Uint8Array }
  | { codes: Uint8Array | Uint16Array; ends: Uint32Array; deletions?: Uint8Array };

/** Length in code units of the token `keyUnits` last read. */
let keyTokenLength = 0;

/** Code units of token `id`'s deletion key, written into `codes`: their count (its length in `keyTokenLength`). */
function keyUnits(source: DeletionSource, id: number, codes: Uint16Array): number {
  if ('tokens' in source) {
    const token = source.tokens[id]!;
    keyTokenLength = token.length;
    const key = deletionKey(token);
    for (let i = 0; i < key.length; i++) codes[i] = key.charCodeAt(i);
    return key.length;
  }
  const from = id ? source.ends[id - 1]! : 0;
  const length = source.ends[id]! - from;
  keyTokenLength = length;
  // `deletionKey` on code units: the whole token, or its first and last DELETION_END.
  const head = length <= 2 * DELETION_END ? length : DELETION_END;
  for (let i = 0; i < head; i++) codes[i] = source.codes[from + i]!;
  if (head === length) return length;
  for (let i = 0; i < DELETION_END; i++) codes[head + i] = source.codes[from + length - DELETION_END + i]!;
  return 2 * DELETION_END;
}

/** A key's code units, reused by the steps (a deletion key has at most 2 × DELETION_END). */
const units = new Uint16Array(2 * DELETION_END);

/**
 * Calls `emit` with each deletion hash of tokens `[from, to)`, in order, `before(id, length)`
 * first for each token (one closure per pass, not per token).
 */
function forEachTokenHash(
  source: DeletionSource,
  from: number,
  to: number,
  before: (id: number, length: number) => void,
  emit: (hash: number) => void,
): void {
  for (let id = from; id < to; id++) {
    const end = keyUnits(source, id, units);
    const length = keyTokenLength;
    before(id, length);
    hashVariants(units, end, deletionsOfToken(source, id, length), emit);
  }
}

/** The deletions indexed for token `id` of `length` units. */
const deletionsOfToken = (source: DeletionSource, id: number, length: number): number =>
  source.deletions ? source.deletions[id]! : Math.min(MAX_DELETIONS, allowedEdits(length));

/** The number of hashes `hashVariants` emits for the same key, counted without hashing. */
function variantCount(codes: Uint16Array, end: number, deletions: number): number {
  let n = 1;
  if (deletions < 1) return n;
  for (let i = 0; i < end; i++) {
    if (i > 0 && codes[i] === codes[i - 1]) continue;
    n++;
    if (deletions >= 2) for (let j = i + 1; j < end; j++) if (!(j > i + 1 && codes[j] === codes[j - 1])) n++;
  }
  return n;
}

/** Step 1 of a deletion index: the number of its entries from tokens `[from, to)` (summed over the parts). */
export function deletionVariantCount(source: DeletionSource, from: number, to: number): number {
  let n = 0;
  for (let id = from; id < to; id++) {
    const end = keyUnits(source, id, units);
    n += variantCount(units, end, deletionsOfToken(source, id, keyTokenLength));
  }
  return n;
}

/**
 * Step 2: the empty arrays of a deletion index of `entries` entries (step 1's sum), in shared
 * memory when `shared` (for a build in parts on several threads). Both are filled by the steps.
 */
export function deletionArraysFor(
  entries: number,
  shared = false,
): { offsets: Uint32Array; entries: Uint32Array } {
  let buckets = 1024;
  while (buckets < entries) buckets *= 2;
  const make = (length: number): Uint32Array =>
    shared ? new Uint32Array(new SharedArrayBuffer(4 * length)) : new Uint32Array(length);
  return { offsets: make(buckets + 1), entries: make(entries) };
}

/**
 * Step 3: the bucket sizes of tokens `[from, to)` added into `offsets[bucket + 1]`, for the
 * buckets `[lo, hi)` alone (default all). A part on its own thread counts every token into its
 * own range of buckets: no other thread writes there, so no `Atomics` are needed (a token's
 * hashes are made by every part, which costs less than an atomic add per hash).
 */
export function countDeletionBuckets(
  source: DeletionSource,
  from: number,
  to: number,
  offsets: Uint32Array,
  lo = 0,
  hi = offsets.length - 1,
): void {
  const mask = offsets.length - 2;
  forEachTokenHash(
    source,
    from,
    to,
    () => {},
    (h) => {
      const b = h & mask;
      if (b >= lo && b < hi) offsets[b + 1]!++;
    },
  );
}

/**
 * Step 3 into bytes: the bucket sizes of tokens `[from, to)` counted into `counts[bucket]`, for
 * the buckets `[lo, hi)` alone, a size past 255 going on in `offsets[bucket + 1]` (rare: a bucket
 * shared by hundreds of tokens with the same deletion key). The counts are a quarter of the
 * offsets' size and made resident instead of them (hashed at random, all at once): a part can
 * count beside a caller's peak and leave the offsets untouched until `startDeletionBucketsOf`.
 */
export function countDeletionBucketBytes(
  source: DeletionSource,
  from: number,
  to: number,
  counts: Uint8Array,
  offsets: Uint32Array,
  lo = 0,
  hi = counts.length,
): void {
  const mask = counts.length - 1;
  forEachTokenHash(
    source,
    from,
    to,
    () => {},
    (h) => {
      const b = h & mask;
      if (b < lo || b >= hi) return;
      if (counts[b] === 255) offsets[b + 1]!++;
      else counts[b]!++;
    },
  );
}

/**
 * Step 4 after `countDeletionBucketBytes`, for the buckets `[lo, hi)` (default all): their sizes
 * (their bytes plus what went on in `offsets`) → their starts counted from `lo`'s, into
 * `offsets[lo + 1..hi]`; returns the range's entries. With every range, as `startDeletionBuckets`
 * once each range has had the entries of the ranges before it added (`deletionPart`).
 */
export function startDeletionBucketsOf(
  counts: Uint8Array,
  offsets: Uint32Array,
  lo = 0,
  hi = counts.length,
): number {
  let sum = 0;
  for (let b = lo; b < hi; b++) {
    sum += counts[b]! + offsets[b + 1]!;
    offsets[b + 1] = sum;
  }
  return sum;
}

/** Step 4 (one thread, after every part's step 3): bucket sizes → bucket starts. */
export function startDeletionBuckets(offsets: Uint32Array): void {
  for (let b = 0; b < offsets.length - 1; b++) offsets[b + 1]! += offsets[b]!;
}

/**
 * Step 5: the entries of tokens `[from, to)` in buckets `[lo, hi)` (default all) put in their
 * buckets, through the bucket starts themselves (no copy of `offsets`: each ends at the next's
 * start). Parts fill ranges of buckets of their own, each token's in token order; step 7 sorts
 * each bucket all the same (a bucket sorted is the same however it was filled).
 */
export function fillDeletionBuckets(
  source: DeletionSource,
  from: number,
  to: number,
  offsets: Uint32Array,
  entries: Uint32Array,
  lo = 0,
  hi = offsets.length - 1,
): void {
  const mask = offsets.length - 2;
  // Per entry: token length (capped at 255) in the top 8 bits, token id below.
  let entry = 0;
  const next = (id: number, length: number): void => {
    entry = ((Math.min(255, length) << 24) | id) >>> 0;
  };
  forEachTokenHash(source, from, to, next, (h) => {
    const b = h & mask;
    if (b >= lo && b < hi) entries[offsets[b]!++] = entry;
  });
}

/** Most deletion hashes of one token: a key of 2 × DELETION_END units, two deletions (1 + 8 + 28). */
const MOST_VARIANTS = 64;

/** Entries a part stages before writing them (`fillDeletionBucketsInGroups`): 4,194,304 (64 MB of scratch). */
export const FILL_CHUNK = 1 << 22;

/** log₂ of the buckets written together: 65,536 (256 KB of starts and about as much of entries, cache-sized). */
const GROUP_SHIFT = 16;

/**
 * Step 5 as `fillDeletionBuckets` (the same entries in the same slots), written in cache-sized
 * groups of buckets instead of at random: the entries of tokens `[from, to)` in buckets
 * `[lo, hi)` are staged, `chunk` at most at a time (in token order), grouped by their bucket's
 * group of 65,536 (a stable count), then written group after group. Each write then falls within
 * the ~0.5 MB of starts and entries of its group, and the groups are reached in address order,
 * where the random writes missed the cache twice per entry (the starts and entries of a part's
 * range are ~268 MB at 1,000,000 parties). Scratch: four arrays of `chunk` entries.
 */
export function fillDeletionBucketsInGroups(
  source: DeletionSource,
  from: number,
  to: number,
  offsets: Uint32Array,
  entries: Uint32Array,
  lo = 0,
  hi = offsets.length - 1,
  chunk = FILL_CHUNK,
): void {
  if (hi <= lo || to <= from) return;
  const mask = offsets.length - 2;
  const capacity = Math.max(chunk, MOST_VARIANTS);
  const groups = ((hi - lo - 1) >>> GROUP_SHIFT) + 1;
  const starts = new Int32Array(groups + 1);
  const staged = new Uint32Array(capacity);
  const stagedEntries = new Uint32Array(capacity);
  const grouped = new Uint32Array(capacity);
  const groupedEntries = new Uint32Array(capacity);
  let n = 0;
  let entry = 0;
  const stage = (h: number): void => {
    const b = h & mask;
    if (b < lo || b >= hi) return;
    staged[n] = b;
    stagedEntries[n++] = entry;
    starts[((b - lo) >>> GROUP_SHIFT) + 1]!++;
  };
  let id = from;
  while (id < to) {
    n = 0;
    starts.fill(0);
    for (; id < to && n + MOST_VARIANTS <= capacity; id++) {
      const end = keyUnits(source, id, units);
      const length = keyTokenLength;
      entry = ((Math.min(255, length) << 24) | id) >>> 0;
      hashVariants(units, end, deletionsOfToken(source, id, length), stage);
    }
    for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
    for (let i = 0; i < n; i++) {
      const b = staged[i]!;
      const k = starts[(b - lo) >>> GROUP_SHIFT]!++;
      grouped[k] = b;
      groupedEntries[k] = stagedEntries[i]!;
    }
    for (let i = 0; i < n; i++) entries[offsets[grouped[i]!]!++] = groupedEntries[i]!;
  }
}

/** Step 6 (one thread, after every part's step 5): the bucket ends the fill left → bucket starts. */
export function endDeletionFill(offsets: Uint32Array): void {
  offsets.copyWithin(1, 0, offsets.length - 1);
  offsets[0] = 0;
}

/**
 * Step 7: buckets `[from, to)` sorted. Sorted by length, a bucket yields the tokens of a length
 * window without reading the rest (a common prefix such as "mohammad" is shared by thousands
 * of joined names); sorted, a bucket is the same whichever part filled which of its slots.
 * Most buckets hold one or two entries: sorted in place (a `subarray` per bucket was millions
 * of short-lived objects); a large one by the typed array's sort.
 */
export function sortDeletionBuckets(
  offsets: Uint32Array,
  entries: Uint32Array,
  from: number,
  to: number,
): void {
  for (let b = from; b < to; b++) {
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
}

/**
 * One thread's part of a deletion index made on several at once (`deletionJobsOf`): its arrays
 * and the tokens' code units in shared memory, `control` their meeting point between steps.
 */
export interface DeletionJob {
  source: { codes: Uint8Array | Uint16Array; ends: Uint32Array };
  offsets: Uint32Array;
  entries: Uint32Array;
  /** The bucket sizes as bytes (`countDeletionBucketBytes`), one per bucket of `offsets`. */
  counts: Uint8Array;
  /**
   * Four shared counters: threads arrived at the current step, steps passed, parts failed, and
   * whether the parts may start (`releaseDeletionParts`; from the start unless held).
   */
  control: Int32Array;
  /** Per part, the entries of its range of buckets (shared; step 4). */
  totals: Float64Array;
  part: number;
  parts: number;
}

/** `[from, to)` of part `part` of `parts` of `count` items. */
const shareOf = (count: number, part: number, parts: number): [number, number] => {
  const size = Math.ceil(count / parts);
  return [Math.min(count, part * size), Math.min(count, (part + 1) * size)];
};

/** Thrown by the parts still running when another part of the deletion index failed. */
export class DeletionPartFailed extends Error {
  override name = 'DeletionPartFailed';
}

/**
 * Waits until all `parts` threads have called it (`Atomics.wait`: not on a browser's main
 * thread), or until one has failed (`failPart`): then throws, so that no part waits for ever.
 */
function meet(control: Int32Array, parts: number): void {
  const step = Atomics.load(control, 1);
  if (Atomics.load(control, 2)) throw new DeletionPartFailed('another part of the deletion index failed');
  if (Atomics.add(control, 0, 1) === parts - 1) {
    Atomics.store(control, 0, 0);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  } else while (Atomics.load(control, 1) === step) Atomics.wait(control, 1, step);
  if (Atomics.load(control, 2)) throw new DeletionPartFailed('another part of the deletion index failed');
}

/** Marks the build failed and wakes the parts waiting in `meet` or for their release (which then throw). */
function failPart(control: Int32Array): void {
  Atomics.store(control, 2, 1);
  Atomics.add(control, 1, 1);
  Atomics.notify(control, 1);
  Atomics.notify(control, 3);
}

/** Waits until the parts are released (`releaseDeletionParts`) or one has failed (then throws). */
function awaitRelease(control: Int32Array): void {
  while (Atomics.load(control, 3) === 0 && !Atomics.load(control, 2)) Atomics.wait(control, 3, 0);
  if (Atomics.load(control, 2)) throw new DeletionPartFailed('another part of the deletion index failed');
}

/**
 * Lets the parts of a deletion index made with `hold` go on past their count. The count goes
 * into bytes (`countDeletionBucketBytes`: ~67 MB at 1,000,000 parties); the index's arrays
 * become resident after the release, as the bucket starts are made and filled (the offsets and
 * the entries about 268 MB each at 1,000,000 parties, hashed at random so all at once): a caller
 * whose own garbage peaks meanwhile (the layout, the look-ups) releases the parts after it.
 */
export function releaseDeletionParts(jobs: readonly DeletionJob[]): void {
  const control = jobs[0]?.control;
  if (!control) return;
  Atomics.store(control, 3, 1);
  Atomics.notify(control, 3);
}

/**
 * The deletion index of `tokens` (as `deletionArraysOf` makes it, entry for entry) split into
 * `parts` jobs, one per thread (`deletionPart`, each on its own thread, all at once): its arrays
 * are made here, in shared memory, and filled by the jobs in place (no copy of them, nor of the
 * tokens, per thread). `arrays` is the index once every job has returned.
 */
export function deletionJobsOf(
  tokens: readonly string[],
  parts: number,
  options: { hold?: boolean } = {},
): { jobs: DeletionJob[]; arrays: DeletionArrays } {
  if (tokens.length > ID_MASK) throw new RangeError('too many distinct tokens for the deletion index');
  let total = 0;
  let wide = false;
  for (const token of tokens) {
    total += token.length;
    if (!wide) for (let i = 0; i < token.length && !wide; i++) wide = token.charCodeAt(i) > 0xff;
  }
  const buffer = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(bytes);
  const codes = wide ? new Uint16Array(buffer(2 * total)) : new Uint8Array(buffer(total));
  const ends = new Uint32Array(buffer(4 * tokens.length));
  let at = 0;
  tokens.forEach((token, id) => {
    for (let i = 0; i < token.length; i++) codes[at++] = token.charCodeAt(i);
    ends[id] = at;
  });
  const source = { codes, ends };
  const { offsets, entries } = deletionArraysFor(deletionVariantCount(source, 0, tokens.length), true);
  const counts = new Uint8Array(buffer(offsets.length - 1));
  const control = new Int32Array(buffer(16));
  const totals = new Float64Array(buffer(8 * parts));
  if (!options.hold) control[3] = 1;
  const jobs = Array.from({ length: parts }, (_, part) => ({
    source,
    offsets,
    entries,
    counts,
    control,
    totals,
    part,
    parts,
  }));
  return { jobs, arrays: { count: tokens.length, offsets, entries } };
}

/**
 * One job of `deletionJobsOf`: returns when every part has done its steps. When one part
 * throws, the others throw `DeletionPartFailed` at their next meeting rather than wait for it.
 */
export function deletionPart(job: DeletionJob): void {
  const { source, offsets, entries, counts, control, totals, part, parts } = job;
  try {
    // Every token, into this part's own range of buckets (written by no other thread): counted
    // into bytes at once, held or not; the offsets and entries only once released.
    const count = source.ends.length;
    const [lo, hi] = shareOf(offsets.length - 1, part, parts);
    countDeletionBucketBytes(source, 0, count, counts, offsets, lo, hi);
    awaitRelease(control);
    // The bucket starts of this part's range (its counts are its own), then the entries of the
    // ranges before it added: each part starts its own range, at once (on one thread, the
    // offsets' first touch — ~268 MB at 1,000,000 parties — left the other parts waiting).
    totals[part] = startDeletionBucketsOf(counts, offsets, lo, hi);
    meet(control, parts);
    let before = 0;
    for (let p = 0; p < part; p++) before += totals[p]!;
    if (before > 0) for (let b = lo; b < hi; b++) offsets[b + 1]! += before;
    meet(control, parts);
    fillDeletionBucketsInGroups(source, 0, count, offsets, entries, lo, hi);
    meet(control, parts);
    if (part === 0) endDeletionFill(offsets);
    meet(control, parts);
    sortDeletionBuckets(offsets, entries, lo, hi);
  } catch (e) {
    if (!(e instanceof DeletionPartFailed)) failPart(control);
    throw e;
  }
}
