import { abjadFit, ABJAD_FIT_SIMILARITY } from './abjad-fit.ts';
import type { ScreeningIndex, TokenExpansion } from './screening-index.ts';

/**
 * Letters `abjadFit` lets stand for nothing, or for one another: vowels (one for another, or
 * unspelled), y for i, w and v for a vowel or each other, h (the h of "dh" read as "d" or "z").
 */
const SILENT = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w', 'v', 'h']);
/** Letters `abjadFit` reads as one sound: q/k, and z for the "dh" of ض or ذ. */
const CLASS: Readonly<Record<string, string>> = { q: 'k', z: 'd' };

/** The consonant classes of `token` (`SILENT` dropped, `CLASS` mapped), as a string. */
function classes(token: string): string {
  let out = '';
  for (const c of token) if (!SILENT.has(c)) out += CLASS[c] ?? c;
  return out;
}

/** `classes` with doubled classes collapsed and a d before j dropped (French "dj" for ج). */
function skeleton(cls: string): string {
  const once = collapse(cls);
  let out = '';
  for (let k = 0; k < once.length; k++) if (once[k] !== 'd' || once[k + 1] !== 'j') out += once[k];
  return collapse(out);
}

/** `text` with each run of one letter written once. */
function collapse(text: string): string {
  let out = '';
  for (const c of text) if (out[out.length - 1] !== c) out += c;
  return out;
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

/** Per index: the vocabulary by `abjadKey`, built lazily and grown with it, and the read memo. */
interface AbjadTable {
  byKey: Map<string, number[]>;
  /** Token ids below it are in `byKey` (token ids only grow). */
  count: number;
  /** The index's `changes` the memo was made at. */
  changes: number;
  memo: Map<string, { base: TokenExpansion; out: TokenExpansion }>;
}

const tables = new WeakMap<ScreeningIndex, AbjadTable>();

/** Memo entries kept per index before the memo is emptied. */
const MEMO_LIMIT = 20_000;

function tableOf(index: ScreeningIndex): AbjadTable {
  let table = tables.get(index);
  const count = index.tokenCount;
  if (!table || count < table.count) {
    table = { byKey: new Map(), count: 0, changes: index.changes, memo: new Map() };
    tables.set(index, table);
  }
  for (let id = table.count; id < count; id++) {
    const token = index.tokenAt(id);
    if (token.length < 2) continue;
    const key = abjadKey(token);
    const list = table.byKey.get(key);
    if (list) list.push(id);
    else table.byKey.set(key, [id]);
  }
  table.count = count;
  if (table.changes !== index.changes) {
    table.memo.clear();
    table.changes = index.changes;
  }
  return table;
}

/**
 * The index tokens `read` fits (`abjadFit`), a token read from a script without short vowels:
 * looked up by key (`abjadReadKeys`) and checked. Not the vocabulary scanned.
 */
export function forEachAbjadFit(index: ScreeningIndex, read: string, visit: (id: number) => void): void {
  if (read.length < 3) return;
  const { byKey } = tableOf(index);
  const seen = new Set<number>();
  for (const key of abjadReadKeys(read))
    for (const id of byKey.get(key) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (abjadFit(read, index.tokenAt(id))) visit(id);
    }
}

/**
 * The expansion of a token of a reading written without short vowels (`NormalizedName.vowelless`):
 * `base` (the token's own expansion, `expandToken`) with every index token it fits (`abjadFit`)
 * at `ABJAD_FIT_SIMILARITY` at least, as the scorer credits them (`compareReadTokenFacts`).
 * Memoised apart from `expandToken`'s memo (and the memo workers share, and a delta worker's
 * seed), which hold the token's ordinary expansion; emptied when the index changes.
 */
export function withAbjadFits(index: ScreeningIndex, token: string, base: TokenExpansion): TokenExpansion {
  if (token.length < 3) return base;
  const table = tableOf(index);
  const kept = table.memo.get(token);
  if (kept && kept.base === base) return kept.out;
  let ids: number[] | undefined;
  let sims: number[] | undefined;
  let at: Map<number, number> | undefined;
  forEachAbjadFit(index, token, (id) => {
    if (!at) {
      at = new Map();
      base.ids.forEach((b, k) => at!.set(b, k));
      ids = Array.from(base.ids);
      sims = Array.from(base.similarities);
    }
    const k = at.get(id);
    if (k === undefined) {
      at.set(id, ids!.length);
      ids!.push(id);
      sims!.push(ABJAD_FIT_SIMILARITY);
    } else if (sims![k]! < ABJAD_FIT_SIMILARITY) sims![k] = ABJAD_FIT_SIMILARITY;
  });
  let out = base;
  if (ids && sims) {
    let postings = 0;
    let best = 0;
    for (let k = 0; k < ids.length; k++) {
      postings += index.postingCount(ids[k]!);
      if (sims[k]! > best) best = sims[k]!;
    }
    out = { ids: Int32Array.from(ids), similarities: Float64Array.from(sims), postings, best };
  }
  if (table.memo.size > MEMO_LIMIT) table.memo.clear();
  table.memo.set(token, { base, out });
  return out;
}
