/**
 * Strings end to end, `ends[i]` ending string i: one value to copy instead of thousands. Either
 * as one string (`text`, as built and saved), or as its UTF-16 code units (`codes`: one byte each
 * when every unit fits), which can live in shared memory and so are not copied per worker thread.
 */
export type PackedStrings =
  { text: string; ends: Uint32Array } | { codes: Uint8Array | Uint16Array; ends: Uint32Array };

/** Where string `i` starts. */
const startOf = (ends: Uint32Array, i: number): number => (i ? ends[i - 1]! : 0);

/** Strings end to end, `ends[i]` ending string i: packed strings as one string, as made. */
export interface JoinedStrings {
  text: string;
  ends: Uint32Array;
}

/** `list` as joined strings (what `pack` stores, but for `narrowed`: to pass between threads). */
export function joinStrings(list: readonly string[]): JoinedStrings {
  const ends = new Uint32Array(list.length);
  let at = 0;
  for (let i = 0; i < list.length; i++) ends[i] = at += list[i]!.length;
  return { text: list.join(''), ends };
}

/** String `i` of joined strings. */
export function joinedAt(joined: JoinedStrings, i: number): string {
  return joined.text.slice(i ? joined.ends[i - 1]! : 0, joined.ends[i]!);
}

/**
 * Strings in their order, joined in two strings by width: those with a unit above 0xff, and the
 * rest held one byte per unit (`narrowed`). A string cut from a two-byte string is two-byte and
 * keeps the whole string it was cut from alive: cut from these, a Latin name costs one byte per
 * unit and keeps only Latin strings alive.
 */
export interface WidthStrings {
  narrow: JoinedStrings;
  wide: JoinedStrings;
  /** Per string, 1 when it is in `wide`. */
  isWide: Uint8Array;
}

const WIDE_UNIT = /[\u0100-\uffff]/;

/** `list` as width strings. */
export function joinByWidth(list: readonly string[]): WidthStrings {
  const narrow: string[] = [];
  const wide: string[] = [];
  const isWide = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    if (WIDE_UNIT.test(x)) {
      isWide[i] = 1;
      wide.push(x);
    } else narrow.push(x);
  }
  return { narrow: packJoined(joinStrings(narrow)) as JoinedStrings, wide: joinStrings(wide), isWide };
}

/** A reader of width strings: each call gives the next string, in their order. */
export function widthReader(strings: WidthStrings): () => string {
  let i = 0;
  let n = 0;
  let w = 0;
  return () => (strings.isWide[i++] ? joinedAt(strings.wide, w++) : joinedAt(strings.narrow, n++));
}

/** Strings as packed strings of one string. */
export function pack(list: readonly string[]): PackedStrings {
  return packJoined(joinStrings(list));
}

/** Joined strings as packed strings (`pack` of the strings they join). */
export function packJoined(joined: JoinedStrings): PackedStrings {
  return { text: narrowed(joined.text), ends: joined.ends };
}

/** Units copied per `String.fromCharCode` call by `narrowed`. */
const NARROW_CHUNK = 8192;

/**
 * `text` held one byte per unit when every unit fits in one. V8 keeps a string two-byte when it
 * was cut from a two-byte one, whatever its units, and serialises it as it holds it: so packed
 * strings serialise to the same bytes however their strings were made (on this thread, or cut
 * from a batch another thread sent).
 */
export function narrowed(text: string): string {
  if (WIDE_UNIT.test(text)) return text;
  const parts: string[] = [];
  const codes = new Array<number>(NARROW_CHUNK);
  for (let from = 0; from < text.length; from += NARROW_CHUNK) {
    const n = Math.min(NARROW_CHUNK, text.length - from);
    if (n < codes.length) codes.length = n;
    for (let k = 0; k < n; k++) codes[k] = text.charCodeAt(from + k);
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join('');
}

/** Longest string made through a reused argument array (longer ones through a view of the codes). */
const SCRATCH_LENGTH = 64;

/** Per length, an array the code units of a string are copied into for `String.fromCharCode`. */
const scratch: number[][] = Array.from({ length: SCRATCH_LENGTH + 1 }, (_, n) =>
  new Array<number>(n).fill(0),
);

/** String `i` of packed strings. */
export function packedAt(packed: PackedStrings, i: number): string {
  const from = startOf(packed.ends, i);
  const to = packed.ends[i]!;
  if ('text' in packed) return packed.text.slice(from, to);
  const { codes } = packed;
  const n = to - from;
  // Strings here are short (names, tokens, ids): within the argument count `apply` takes.
  if (n > SCRATCH_LENGTH)
    return String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[]);
  // A reused array rather than a view per string: a view was most of the cost of a token read
  // in a worker's hot path (expansion and scoring read thousands per query).
  const args = scratch[n]!;
  for (let k = 0; k < n; k++) args[k] = codes[from + k]!;
  return String.fromCharCode.apply(null, args);
}

/**
 * The order of string `i` of packed strings against `s` (negative, 0, positive, as `<` on
 * strings orders them: by UTF-16 code units), without making the string.
 */
export function comparePackedAt(packed: PackedStrings, i: number, s: string): number {
  const from = startOf(packed.ends, i);
  const n = packed.ends[i]! - from;
  const m = Math.min(n, s.length);
  if ('text' in packed) {
    const { text } = packed;
    for (let k = 0; k < m; k++) {
      const d = text.charCodeAt(from + k) - s.charCodeAt(k);
      if (d !== 0) return d;
    }
  } else {
    const { codes } = packed;
    for (let k = 0; k < m; k++) {
      const d = codes[from + k]! - s.charCodeAt(k);
      if (d !== 0) return d;
    }
  }
  return n - s.length;
}

/** Every string of packed strings. */
export function unpack(packed: PackedStrings): string[] {
  const out = new Array<string>(packed.ends.length);
  for (let i = 0; i < out.length; i++) out[i] = packedAt(packed, i);
  return out;
}

/** Packed strings as code units (see `PackedStrings`), in a plain buffer the caller may copy into shared memory. */
export function packedCodes(packed: PackedStrings): PackedStrings {
  if (!('text' in packed)) return packed;
  const { text, ends } = packed;
  let wide = false;
  for (let i = 0; i < text.length && !wide; i++) wide = text.charCodeAt(i) > 0xff;
  const codes = wide ? new Uint16Array(text.length) : new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return { codes, ends };
}

/** Whether string `i` of packed strings is `s`, without making it. */
function equalsAt(packed: PackedStrings, i: number, s: string): boolean {
  const from = startOf(packed.ends, i);
  if (packed.ends[i]! - from !== s.length) return false;
  if ('text' in packed) return packed.text.startsWith(s, from);
  const { codes } = packed;
  for (let k = 0; k < s.length; k++) if (codes[from + k] !== s.charCodeAt(k)) return false;
  return true;
}

/**
 * `findPacked` of the string of `units[0..n)`, without making it: the id in `table` of the
 * packed string equal to it, −1 for none.
 */
export function findPackedUnits(
  table: Int32Array,
  packed: PackedStrings,
  units: Uint16Array,
  n: number,
): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ units[k]!, 0x01000193);
  const mask = table.length - 1;
  for (let slot = (h >>> 0) & mask; ; slot = (slot + 1) & mask) {
    const id = table[slot]!;
    if (id < 0) return id;
    const from = startOf(packed.ends, id);
    if (packed.ends[id]! - from !== n) continue;
    let k = 0;
    if ('text' in packed) while (k < n && packed.text.charCodeAt(from + k) === units[k]) k++;
    else while (k < n && packed.codes[from + k] === units[k]) k++;
    if (k === n) return id;
  }
}

/** The code unit at `k` of string `i` of packed strings, −1 when it is no longer than `k`. */
export function packedUnitAt(packed: PackedStrings, i: number, k: number): number {
  const from = startOf(packed.ends, i);
  if (packed.ends[i]! - from <= k) return -1;
  return 'text' in packed ? packed.text.charCodeAt(from + k) : packed.codes[from + k]!;
}

/** FNV-1a over the UTF-16 code units of a string. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** `hashOf` of string `i` of packed strings, without making it. */
function hashAt(packed: PackedStrings, i: number): number {
  const from = startOf(packed.ends, i);
  const to = packed.ends[i]!;
  let h = 0x811c9dc5;
  if ('text' in packed) {
    const { text } = packed;
    for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  } else {
    const { codes } = packed;
    for (let k = from; k < to; k++) h = Math.imul(h ^ codes[k]!, 0x01000193);
  }
  return h >>> 0;
}

/** The code unit at `k` of packed strings (an offset into all of them). */
const unitReader = (packed: PackedStrings): ((k: number) => number) => {
  if ('text' in packed) {
    const { text } = packed;
    return (k) => text.charCodeAt(k);
  }
  const { codes } = packed;
  return (k) => codes[k]!;
};

/** Whether string `i` of `a` is string `j` of `b`, without making either. */
export function packedEqual(a: PackedStrings, i: number, b: PackedStrings, j: number): boolean {
  const from = startOf(a.ends, i);
  const n = a.ends[i]! - from;
  const other = startOf(b.ends, j);
  if (b.ends[j]! - other !== n) return false;
  const unitA = unitReader(a);
  const unitB = unitReader(b);
  for (let k = 0; k < n; k++) if (unitA(from + k) !== unitB(other + k)) return false;
  return true;
}

/**
 * An open-addressing hash table of packed strings (slot → string id, −1 empty; linear
 * probing), so that a string's id is found without a `Map` of every string: a typed array
 * that can be shared. Empty strings (removed entries) are left out; of equal strings, the first.
 * Hashed and compared where the strings lie: no string is made per entry (a million tokens
 * made a million strings here).
 */
export function packedTable(packed: PackedStrings): Int32Array {
  let size = 1024;
  while (size < packed.ends.length * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let i = 0; i < packed.ends.length; i++) {
    if (packed.ends[i] === startOf(packed.ends, i)) continue;
    let slot = hashAt(packed, i) & mask;
    while (table[slot]! >= 0 && !packedEqual(packed, table[slot]!, packed, i)) slot = (slot + 1) & mask;
    if (table[slot]! < 0) table[slot] = i;
  }
  return table;
}

/** Code units read as one number per step of `packedOrder` (65,537³ < 2⁵³, so exact). */
const DIGIT_UNITS = 3;

/** Runs of `packedOrder` no longer than this are sorted by comparing their strings. */
const SMALL_RUN = 16;

/**
 * The ids `keep` keeps of packed strings, ordered by their string (as `<` orders strings: by
 * UTF-16 code units, a prefix first) then by id, without making a string per id. A most
 * significant digit first radix sort: the ids (in id order) are grouped by their first three
 * units read as one number (each unit plus one, a missing one 0: a shorter string before its
 * extensions), stably, by the numbers' native sort and a count; each group of more than one
 * id is then grouped by the next three units, and so on, until its strings end; a group of
 * at most `SMALL_RUN` ids is sorted by comparing the rest of its strings. The order is the one a
 * comparison of the whole strings then ids gives (a sort with a comparison of the first three
 * units as one number, then the rest where it lies, made ~42,000,000 calls of its comparison
 * for the 2,000,000 tokens of 1,000,000 parties: most of the build's look-ups step).
 */
export function packedOrder(packed: PackedStrings, keep: (id: number) => boolean): Int32Array {
  const count = packed.ends.length;
  const unit = unitReader(packed);
  const { ends } = packed;
  const ids = new Int32Array(count);
  let kept = 0;
  for (let id = 0; id < count; id++) if (keep(id)) ids[kept++] = id;
  const order = ids.slice(0, kept);
  // Scratch by place in `order`: each run uses its own places only.
  const digits = new Float64Array(kept);
  const sorted = new Float64Array(kept);
  const ranks = new Int32Array(kept);
  const moved = new Int32Array(kept);

  /** Units `[k, k + 3)` of string `id` as one number. */
  const digitOf = (id: number, k: number): number => {
    const from = startOf(ends, id);
    const n = ends[id]! - from;
    let p = 0;
    for (let j = k; j < k + DIGIT_UNITS; j++) p = p * 65537 + (j < n ? unit(from + j) + 1 : 0);
    return p;
  };
  /** Strings `a` and `b` compared from unit `k` (their first `k` units equal), then their ids. */
  const compareFrom = (a: number, b: number, k: number): number => {
    const fromA = startOf(ends, a);
    const fromB = startOf(ends, b);
    const n = ends[a]! - fromA;
    const m = ends[b]! - fromB;
    for (let j = k, end = Math.min(n, m); j < end; j++) {
      const e = unit(fromA + j) - unit(fromB + j);
      if (e !== 0) return e;
    }
    return n - m || a - b;
  };
  /** Whether the strings of a group alike in units `[0, k + 3)` are equal: one ends before `k + 3`. */
  const ended = (id: number, k: number): boolean => ends[id]! - startOf(ends, id) < k + DIGIT_UNITS;

  /** Sorts `order[lo..hi)`, whose strings share their first `k` units and whose ids ascend. */
  const sortRun = (lo: number, hi: number, k: number): void => {
    if (hi - lo < 2) return;
    if (hi - lo <= SMALL_RUN) {
      for (let i = lo + 1; i < hi; i++) {
        const x = order[i]!;
        let j = i - 1;
        while (j >= lo && compareFrom(order[j]!, x, k) > 0) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = x;
      }
      return;
    }
    let alike = true;
    for (let i = lo; i < hi; i++) {
      digits[i] = digitOf(order[i]!, k);
      if (digits[i] !== digits[lo]) alike = false;
    }
    if (alike) {
      if (!ended(order[lo]!, k)) sortRun(lo, hi, k + DIGIT_UNITS);
      return;
    }
    // The distinct digits in order; each id's rank among them; the ids moved by rank, stably.
    const run = sorted.subarray(lo, hi);
    run.set(digits.subarray(lo, hi));
    run.sort();
    let distinct = 1;
    for (let i = 1; i < run.length; i++) if (run[i] !== run[distinct - 1]) run[distinct++] = run[i]!;
    const starts = new Int32Array(distinct + 1);
    for (let i = lo; i < hi; i++) {
      const d = digits[i]!;
      let a = 0;
      let b = distinct - 1;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (run[mid]! < d) a = mid + 1;
        else b = mid;
      }
      ranks[i] = a;
      starts[a + 1]!++;
    }
    for (let r = 0; r < distinct; r++) starts[r + 1]! += starts[r]!;
    for (let i = lo; i < hi; i++) moved[lo + starts[ranks[i]!]!++] = order[i]!;
    order.set(moved.subarray(lo, hi), lo);
    // `starts[r]` is now the end of group r.
    for (let r = 0, from = lo; r < distinct; r++) {
      const to = lo + starts[r]!;
      if (to - from > 1 && !ended(order[from]!, k)) sortRun(from, to, k + DIGIT_UNITS);
      from = to;
    }
  };
  sortRun(0, kept, 0);
  return order;
}

/** The id of string `s` in packed strings through their `packedTable`, −1 when absent. */
export function findPacked(table: Int32Array, packed: PackedStrings, s: string): number {
  const mask = table.length - 1;
  for (let slot = hashOf(s) & mask; ; slot = (slot + 1) & mask) {
    const id = table[slot]!;
    if (id < 0 || equalsAt(packed, id, s)) return id;
  }
}
