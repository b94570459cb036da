import { abjadFit, ABJAD_FIT_SIMILARITY } from './abjad-fit.ts';
import type { ScreeningIndex, TokenExpansion } from './screening-index.ts';

/**
 * Per UTF-16 unit below 128, its consonant class as `abjadFit` reads letters: 0 for those it lets
 * stand for nothing or for one another (vowels, one for another or unspelled; y for i; w and v
 * for a vowel or each other; h, the h of "dh" read as "d" or "z"), k for q, d for z (the "dh" of
 * ض or ذ read "z"), any other unit itself. Units from 128 up are their own class.
 */
const CLASS_OF = new Uint16Array(128).map((_, c) =>
  'aeiouywvh'.includes(String.fromCharCode(c)) ? 0 : c === 0x71 ? 0x6b : c === 0x7a ? 0x64 : c,
);
const D = 0x64;
const J = 0x6a;

/** The class of unit `c` (0: none), see `CLASS_OF`. */
const classOf = (c: number): number => (c < 128 ? CLASS_OF[c]! : c);

/** The consonant classes of `token` (see `CLASS_OF`), as a string. */
function classes(token: string): string {
  let out = '';
  for (let k = 0; k < token.length; k++) {
    const c = classOf(token.charCodeAt(k));
    if (c) out += String.fromCharCode(c);
  }
  return out;
}

/**
 * The skeleton of `units[0, length)`, consonant classes already, written over it from 0: doubled
 * classes collapsed, a d before j dropped (French "dj" for ج), collapsed again. Its length.
 */
function skeletonInPlace(units: Uint16Array, length: number): number {
  let n = 0;
  for (let k = 0; k < length; k++) if (n === 0 || units[n - 1] !== units[k]) units[n++] = units[k]!;
  // Writing at w <= k leaves units[k + 1] as collapsed once.
  let w = 0;
  for (let k = 0; k < n; k++) {
    const c = units[k]!;
    if (c === D && k + 1 < n && units[k + 1] === J) continue;
    if (w === 0 || units[w - 1] !== c) units[w++] = c;
  }
  return w;
}

let scratch = new Uint16Array(64);

/** The units of `text` in `scratch` from 0 (grown to hold them). */
function intoScratch(text: string): void {
  if (scratch.length < text.length) scratch = new Uint16Array(text.length * 2);
  for (let k = 0; k < text.length; k++) scratch[k] = text.charCodeAt(k);
}

/** The skeleton of a string of consonant classes (see `skeletonInPlace`). */
function skeleton(cls: string): string {
  intoScratch(cls);
  const n = skeletonInPlace(scratch, cls.length);
  let out = '';
  for (let k = 0; k < n; k++) out += String.fromCharCode(scratch[k]!);
  return out;
}

/** FNV-1a over `units[0, length)`, a 32-bit integer. */
function hashUnits(units: Uint16Array, length: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < length; k++) h = Math.imul(h ^ units[k]!, 0x01000193);
  return h | 0;
}

/** The number of a key (`abjadKey`, `abjadReadKeys`) that the vocabulary's table files it under. */
export function abjadKeyHash(key: string): number {
  intoScratch(key);
  return hashUnits(scratch, key.length);
}

/**
 * `abjadKeyHash(abjadKey(token))` of the token whose `length` units are in `units`, without
 * making the token or its key (the table's build over a snapshot's columns): the skeleton's
 * steps in one pass, each class of the once-collapsed classes held until the next one shows
 * whether it is a d before j.
 */
export function abjadKeyHashOfUnits(units: Uint16Array, length: number): number {
  let h = 0x811c9dc5;
  let held = 0;
  let written = 0;
  for (let k = 0; k < length; k++) {
    const c = classOf(units[k]!);
    if (c === 0 || c === held) continue;
    if (held !== 0 && !(held === D && c === J) && held !== written) {
      h = Math.imul(h ^ held, 0x01000193);
      written = held;
    }
    held = c;
  }
  if (held !== 0 && held !== written) h = Math.imul(h ^ held, 0x01000193);
  return h | 0;
}

/**
 * The key of a spelled token ("mortaza", "saadati") under which every token that `abjadFit`
 * reads as it collides (`abjadReadKeys`): its consonant skeleton, a superset key (checked with
 * `abjadFit` itself). Fixed by the property and vocabulary tests of abjad-key.test.ts.
 *
 * @example
 * abjadKey('morteza') // 'mrtd'
 */
export function abjadKey(token: string): string {
  return skeleton(classes(token));
}

/**
 * The keys of a read token ("mrtdhi"): its skeleton, and the skeletons with the article's l
 * written as the sun letter after it (`abjadFit` may pass over an l of the read token) left out
 * (up to three l's; a token with more gets its first three's variants).
 */
export function abjadReadKeys(token: string): string[] {
  const cls = classes(token);
  // The l's past the token's first letter, by their place in `cls`.
  const ls: number[] = [];
  for (let k = token[0] === 'l' ? 1 : 0; k < cls.length && ls.length < 3; k++) if (cls[k] === 'l') ls.push(k);
  const keys = new Set<string>();
  for (let mask = 0; mask < 1 << ls.length; mask++) {
    let variant = '';
    for (let k = 0; k < cls.length; k++) {
      const at = ls.indexOf(k);
      if (at >= 0 && mask & (1 << at)) continue;
      variant += cls[k];
    }
    keys.add(skeleton(variant));
  }
  return [...keys];
}

/**
 * Per index: the vocabulary by key number (`abjadKeyHash` of `abjadKey`), as buckets of token
 * ids built in one pass over the tokens' units (no token or key string made: over a snapshot's
 * columns, making 125,829 tokens and their keys cost 300 ms a worker); the ids added since, by
 * key number; and the read memo. A bucket may hold keys of the same low bits, and two keys may
 * share a number: each id is checked with `abjadFit`, so the table stays a superset.
 */
interface AbjadTable {
  /** Token ids below it are in the buckets. */
  built: number;
  /** A key number's bucket: its bits under `mask`. */
  mask: number;
  /** Bucket b holds `ids[starts[b], starts[b + 1])`, in id order. */
  starts: Int32Array;
  ids: Int32Array;
  /** Per token id below `built`: its key number. */
  hashes: Int32Array;
  /** Token ids from `built` up (token ids only grow), by key number. */
  added: Map<number, number[]>;
  /** Token ids below it are in the table. */
  count: number;
  /** The index's `changes` the memo was made at. */
  changes: number;
  /** Per read token: the tokens it fits, and its expansion from the last `base` it was given. */
  memo: Map<string, { fits: Int32Array; base?: TokenExpansion; out?: TokenExpansion }>;
}

const tables = new WeakMap<ScreeningIndex, AbjadTable>();

/** Memo entries kept per index before the memo is emptied. */
const MEMO_LIMIT = 20_000;
/** Tokens added past the buckets (besides a quarter of them) before the buckets are rebuilt. */
const ADDED_LIMIT = 4_096;

/** Token ids shorter than this are not keyed (a read token has 3 letters at least). */
const MIN_KEYED = 2;

function buildTable(index: ScreeningIndex): AbjadTable {
  const count = index.tokenCount;
  let size = 1;
  while (size < count) size <<= 1;
  const mask = size - 1;
  const hashes = new Int32Array(count);
  const keyed = new Uint8Array(count);
  const starts = new Int32Array(size + 1);
  let units = new Uint16Array(64);
  for (let id = 0; id < count; id++) {
    const length = index.tokenLength(id);
    if (length < MIN_KEYED) continue;
    if (units.length < length) units = new Uint16Array(length * 2);
    index.tokenUnits(id, units);
    const hash = abjadKeyHashOfUnits(units, length);
    hashes[id] = hash;
    keyed[id] = 1;
    starts[(hash & mask) + 1]!++;
  }
  for (let b = 0; b < size; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, size);
  const ids = new Int32Array(starts[size]!);
  for (let id = 0; id < count; id++) if (keyed[id]) ids[fill[hashes[id]! & mask]!++] = id;
  return {
    built: count,
    mask,
    starts,
    ids,
    hashes,
    added: new Map(),
    count,
    changes: index.changes,
    memo: new Map(),
  };
}

function tableOf(index: ScreeningIndex): AbjadTable {
  let table = tables.get(index);
  const count = index.tokenCount;
  if (!table || count < table.count || count - table.built > ADDED_LIMIT + table.built / 4) {
    table = buildTable(index);
    tables.set(index, table);
    return table;
  }
  if (count > table.count) {
    for (let id = table.count; id < count; id++) {
      const token = index.tokenAt(id);
      if (token.length < MIN_KEYED) continue;
      const hash = abjadKeyHash(abjadKey(token));
      const list = table.added.get(hash);
      if (list) list.push(id);
      else table.added.set(hash, [id]);
    }
    table.count = count;
    // New tokens may fit a read token.
    table.memo.clear();
  }
  if (table.changes !== index.changes) {
    table.memo.clear();
    table.changes = index.changes;
  }
  return table;
}

/** The token ids filed under key number `hash`, in id order (maybe of another key too). */
function forEachFiled(table: AbjadTable, hash: number, visit: (id: number) => void): void {
  const b = hash & table.mask;
  for (let k = table.starts[b]!; k < table.starts[b + 1]!; k++) {
    const id = table.ids[k]!;
    if (table.hashes[id] === hash) visit(id);
  }
  const added = table.added.get(hash);
  if (added) for (const id of added) visit(id);
}

function forEachFitIn(
  table: AbjadTable,
  index: ScreeningIndex,
  read: string,
  visit: (id: number) => void,
): void {
  if (read.length < 3) return;
  const seen = new Set<number>();
  for (const key of abjadReadKeys(read))
    forEachFiled(table, abjadKeyHash(key), (id) => {
      if (seen.has(id)) return;
      seen.add(id);
      // abjadFit's own first test, read without making the token.
      if (index.tokenLength(id) >= read.length - 1 && abjadFit(read, index.tokenAt(id))) visit(id);
    });
}

/**
 * The index tokens `read` fits (`abjadFit`), a token read from a script without short vowels:
 * looked up by key (`abjadReadKeys`) and checked. Not the vocabulary scanned.
 */
export function forEachAbjadFit(index: ScreeningIndex, read: string, visit: (id: number) => void): void {
  if (read.length < 3) return;
  forEachFitIn(tableOf(index), index, read, visit);
}

/**
 * The expansion of a token of a reading written without short vowels (`NormalizedName.vowelless`):
 * `base` (the token's own expansion, `expandToken`) with every index token it fits (`abjadFit`)
 * at `ABJAD_FIT_SIMILARITY` at least, as the scorer credits them (`compareReadTokenFacts`).
 * Memoised apart from `expandToken`'s memo (and the memo workers share, and a delta worker's
 * seed), which hold the token's ordinary expansion: the fits until the index changes, the
 * expansion while `base` is the same.
 */
export function withAbjadFits(index: ScreeningIndex, token: string, base: TokenExpansion): TokenExpansion {
  if (token.length < 3) return base;
  const table = tableOf(index);
  let kept = table.memo.get(token);
  if (kept?.base === base) return kept.out!;
  if (!kept) {
    const fits: number[] = [];
    forEachFitIn(table, index, token, (id) => fits.push(id));
    kept = { fits: Int32Array.from(fits) };
    if (table.memo.size > MEMO_LIMIT) table.memo.clear();
    table.memo.set(token, kept);
  }
  kept.base = base;
  kept.out = withFits(index, base, kept.fits);
  return kept.out;
}

/** `base` with `fits` at `ABJAD_FIT_SIMILARITY` at least (`base` itself when none). */
function withFits(index: ScreeningIndex, base: TokenExpansion, fits: Int32Array): TokenExpansion {
  if (fits.length === 0) return base;
  const at = new Map<number, number>();
  base.ids.forEach((b, k) => at.set(b, k));
  const ids = Array.from(base.ids);
  const sims = Array.from(base.similarities);
  for (const id of fits) {
    const k = at.get(id);
    if (k === undefined) {
      at.set(id, ids.length);
      ids.push(id);
      sims.push(ABJAD_FIT_SIMILARITY);
    } else if (sims[k]! < ABJAD_FIT_SIMILARITY) sims[k] = ABJAD_FIT_SIMILARITY;
  }
  let postings = 0;
  let best = 0;
  for (let k = 0; k < ids.length; k++) {
    postings += index.postingCount(ids[k]!);
    if (sims[k]! > best) best = sims[k]!;
  }
  return { ids: Int32Array.from(ids), similarities: Float64Array.from(sims), postings, best };
}
