import type { TokenExpansion } from './screening-index.ts';

/**
 * Query-token expansions in shared memory, read and filled by every worker of a screening pool
 * (see `expandToken`): a token one worker expanded is not expanded again by another. Before,
 * each worker expanded every token it met itself, and a batch spread over two workers paid most
 * first-seen tokens twice.
 *
 * One `SharedArrayBuffer`: a header, an open-addressing table of slots (linear probing, at most
 * half full) and an arena the entries are appended to. An entry is written whole in the arena
 * (at a place taken with `Atomics.add`) and only then published by a compare-and-swap of an
 * empty slot to its offset; a reader sees a slot's offset with `Atomics.load`, so it never reads
 * an entry being written. Two workers that expand the same token at once both write an entry;
 * the first to take a slot publishes it and the other's copy is left unused (the two are the same
 * numbers: an expansion depends only on the index and the token). Entries are never changed or
 * removed: once the arena or the table is full, new expansions stay in each worker's own memo.
 * The memo belongs to one index: the pool makes a new one with each snapshot it starts on.
 *
 * Entry layout (byte offsets from the entry, which is 8-byte aligned):
 *   0  int32 key length `k`     4  int32 count `n`     8  int32 postings    12  (unused)
 *   16 float64 best
 *   24 uint16 × k key           then int32 × n ids (8-aligned)   then float64 × n similarities.
 */
export class SharedExpansions {
  readonly buffer: SharedArrayBuffer;
  readonly #header: Int32Array;
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #maxEntries: number;
  readonly #i32: Int32Array;
  readonly #u16: Uint16Array;
  readonly #f64: Float64Array;

  /**
   * A new memo with room for `slots` (rounded up to a power of two; at most half of them are
   * filled) and `arenaBytes` of entries; or, given a `buffer`, the memo another thread made.
   */
  constructor(options: { slots?: number; arenaBytes?: number } | SharedArrayBuffer = {}) {
    if (options instanceof SharedArrayBuffer) {
      this.buffer = options;
    } else {
      const slots = 2 ** Math.ceil(Math.log2(Math.max(16, options.slots ?? DEFAULT_SLOTS)));
      const arenaBytes = Math.ceil((options.arenaBytes ?? DEFAULT_ARENA_BYTES) / 8) * 8;
      this.buffer = new SharedArrayBuffer(HEADER_BYTES + slots * 4 + arenaBytes);
      const header = new Int32Array(this.buffer, 0, HEADER_WORDS);
      header[SLOT_COUNT] = slots;
      header[TOP] = HEADER_BYTES + slots * 4;
    }
    // Offsets are int32 (in the slots and the top, which threads may push a little past the end).
    if (this.buffer.byteLength > 2 ** 30) throw new RangeError('a shared expansion memo holds at most 1 GiB');
    this.#header = new Int32Array(this.buffer, 0, HEADER_WORDS);
    const slots = this.#header[SLOT_COUNT]!;
    if (!(slots >= 16 && (slots & (slots - 1)) === 0)) throw new RangeError('not a shared expansion memo');
    this.#slots = new Int32Array(this.buffer, HEADER_BYTES, slots);
    this.#mask = slots - 1;
    this.#maxEntries = slots >>> 1;
    this.#i32 = new Int32Array(this.buffer);
    this.#u16 = new Uint16Array(this.buffer);
    this.#f64 = new Float64Array(this.buffer);
  }

  /** Entries published. */
  get size(): number {
    return Atomics.load(this.#header, COUNT);
  }

  /** Bytes of the arena taken so far (entries, published or not). */
  get bytesUsed(): number {
    return Math.min(Atomics.load(this.#header, TOP), this.buffer.byteLength) - this.#arenaStart();
  }

  /** The expansion of `token` if some thread put it here: views of the shared memory, not copies. */
  get(token: string): TokenExpansion | undefined {
    const at = this.#find(token, hashToken(token));
    return at > 0 ? this.#read(at) : undefined;
  }

  /**
   * Puts the expansion of `token` unless it is here already. Returns the entry here (views of
   * shared memory), or `expansion` itself when there is no room left.
   */
  put(token: string, expansion: TokenExpansion): TokenExpansion {
    const hash = hashToken(token);
    const found = this.#find(token, hash);
    if (found > 0) return this.#read(found);
    if (Atomics.load(this.#header, COUNT) >= this.#maxEntries) return expansion;
    const n = expansion.ids.length;
    const idsAt = align8(ENTRY_HEAD + 2 * token.length);
    const simsAt = align8(idsAt + 4 * n);
    const bytes = simsAt + 8 * n;
    // Full: the top is read first, so that it never moves far past the end (and never wraps).
    if (Atomics.load(this.#header, TOP) + bytes > this.buffer.byteLength) return expansion;
    const at = Atomics.add(this.#header, TOP, bytes);
    if (at + bytes > this.buffer.byteLength) return expansion;
    const w = at >>> 2;
    this.#i32[w] = token.length;
    this.#i32[w + 1] = n;
    this.#i32[w + 2] = expansion.postings;
    this.#f64[(at + 16) >>> 3] = expansion.best;
    const k = (at + ENTRY_HEAD) >>> 1;
    for (let i = 0; i < token.length; i++) this.#u16[k + i] = token.charCodeAt(i);
    this.#i32.set(expansion.ids, (at + idsAt) >>> 2);
    this.#f64.set(expansion.similarities, (at + simsAt) >>> 3);
    // Publish: the writes above happen before the compare-and-swap a reader's load sees.
    for (let probe = 0, slot = hash & this.#mask; probe <= this.#mask; probe++) {
      const prior = Atomics.compareExchange(this.#slots, slot, 0, at);
      if (prior === 0) {
        Atomics.add(this.#header, COUNT, 1);
        return this.#read(at);
      }
      // Another thread published this token meanwhile: its entry holds the same numbers.
      if (this.#keyIs(prior, token)) return this.#read(prior);
      slot = (slot + 1) & this.#mask;
    }
    return expansion;
  }

  #arenaStart(): number {
    return HEADER_BYTES + this.#slots.length * 4;
  }

  /** The offset of `token`'s entry, or 0. */
  #find(token: string, hash: number): number {
    for (let probe = 0, slot = hash & this.#mask; probe <= this.#mask; probe++) {
      const at = Atomics.load(this.#slots, slot);
      if (at === 0) return 0;
      if (this.#keyIs(at, token)) return at;
      slot = (slot + 1) & this.#mask;
    }
    return 0;
  }

  #keyIs(at: number, token: string): boolean {
    if (this.#i32[at >>> 2] !== token.length) return false;
    const k = (at + ENTRY_HEAD) >>> 1;
    for (let i = 0; i < token.length; i++) if (this.#u16[k + i] !== token.charCodeAt(i)) return false;
    return true;
  }

  #read(at: number): TokenExpansion {
    const w = at >>> 2;
    const length = this.#i32[w]!;
    const n = this.#i32[w + 1]!;
    const idsAt = align8(ENTRY_HEAD + 2 * length);
    const simsAt = align8(idsAt + 4 * n);
    return {
      ids: new Int32Array(this.buffer, at + idsAt, n),
      similarities: new Float64Array(this.buffer, at + simsAt, n),
      postings: this.#i32[w + 2]!,
      best: this.#f64[(at + 16) >>> 3]!,
    };
  }
}

/** Slots of a pool's memo: room for 128k expansions (512 KiB). */
const DEFAULT_SLOTS = 1 << 18;
/**
 * Bytes of entries of a pool's memo. Memory is committed only as entries are written (about
 * 250 bytes each on the mirror), so a memo holds what the workers expanded, once for all of them.
 */
const DEFAULT_ARENA_BYTES = 64 * 1024 * 1024;

const HEADER_WORDS = 4;
const HEADER_BYTES = HEADER_WORDS * 4;
/** Header words: the arena's top (a byte offset in the buffer), entries published, slots. */
const TOP = 0;
const COUNT = 1;
const SLOT_COUNT = 2;
const ENTRY_HEAD = 24;

const align8 = (n: number): number => (n + 7) & ~7;

/** FNV-1a over a token's code units. */
function hashToken(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
