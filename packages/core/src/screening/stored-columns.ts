import type { NameQuality, Party, PartySchema } from '../model/party.ts';
import type { IndexedEntry, IndexedName } from './screening-index.ts';
import type { CompiledNameReference } from './compile-name-reference.ts';
import type { TokenFacts } from './compare-tokens.ts';
import type { ScreeningIndexSnapshot } from './index-snapshot.ts';
import type { TokenVocabulary } from './screening-index.ts';
import type { NormalizedName } from './normalize-name.ts';
import {
  comparePackedAt,
  findPacked,
  findPackedUnits,
  packedAt,
  packedEqual,
  packedOrder,
  packedTable,
  packedUnitAt,
  type PackedStrings,
} from './packed-strings.ts';
import { kasraPlaces } from './spelling-fold.ts';
import { decodeUtf8 } from './utf8.ts';

/** Name qualities by their number in a snapshot. */
/**
 * The stored rest of a name holding nothing but its schema, by schema (`restOf` writes most
 * names' rest so; '' for a name without one): a read makes it without parsing its JSON.
 */
export const PLAIN_REST = new Map<PartySchema | undefined, string>(
  (['person', 'organization', 'vessel', 'aircraft', undefined] as const).map((schema) => [
    schema,
    schema ? JSON.stringify({ legalForms: [], titles: [], schema }) : '',
  ]),
);

/**
 * What `plainKind` says of a name: its stored rest holds more than a schema (its words must be
 * read from the made name), or nothing but a schema that is not an organisation's (or none), or an
 * organisation's, vessel's or aircraft's (as `isOrganisationPair` reads a listed name). A plain
 * rest has no legal form, so its schema alone says whether the name is a body's.
 */
export const NOT_PLAIN = 0;
export const PLAIN_PERSON = 1;
export const PLAIN_ORGANISATION = 2;
/** The stored rests of PLAIN_REST with their schema and kind (the rest '' has no schema: PLAIN_PERSON). */
const PLAIN_LIST: { rest: string; schema: PartySchema | undefined; kind: number }[] = [...PLAIN_REST].map(
  ([schema, rest]) => ({
    rest,
    schema,
    kind:
      schema === 'organization' || schema === 'vessel' || schema === 'aircraft'
        ? PLAIN_ORGANISATION
        : PLAIN_PERSON,
  }),
);
/** In `#plainRests`: a rest that is none of PLAIN_LIST (0 is "not yet read", 1 + k is PLAIN_LIST[k]). */
const OTHER_REST = 255;

export const QUALITIES: NameQuality[] = ['primary', 'strong', 'weak'];

/**
 * Token facts and entries (and names, before `NAME_MEMO_LIMIT`) held made at most at once before
 * their memo is swept (bounds a worker's memory). 64k rather than 32k: a monitoring run reads
 * more names than 32k, which emptied and remade them over and over (×0.82–0.87 of the
 * screening's CPU at 5,000 and 20,000 counterparties, ~+30 MiB per worker;
 * docs/decisions/2026-12-05-stored-columns-memo.md).
 */
export const MEMO_LIMIT = 1 << 16;

/**
 * Names held made at most at once (token facts and entries keep `MEMO_LIMIT`). A monitoring run
 * reads far more names than `MEMO_LIMIT`: a worker screening half of a 20,000-counterparty
 * register made 128,848 names of which 90,102 distinct (the mirror has 135,944), so three in ten
 * were names it had made before and the memo had swept, each made again from the columns (its
 * token strings decoded, its arrays and objects allocated, then copied by the scavenger as it
 * survives); the more counterparties, the larger that share. 128k holds every name such a run
 * reads (×0.91 of the screening's CPU over that register's queries on one thread, the same
 * results), for up to 64k more names held per worker
 * (docs/decisions/2026-12-07-stored-names-memo.md).
 */
export const NAME_MEMO_LIMIT = 1 << 17;

/** The look-ups of a snapshot's tokens (`withColumnLookups`): made from their columns alone. */
export function tokenLookups(
  s: Pick<ScreeningIndexSnapshot, 'tokens' | 'tokenKeys' | 'tokenFolds'>,
): Required<Pick<ScreeningIndexSnapshot, 'phoneticOrder' | 'foldOrder' | 'tokenTable'>> {
  const { tokens, tokenKeys, tokenFolds } = s;
  const { ends } = tokenKeys;
  return {
    // Tokens with a phonetic key, by key; tokens whose fold differs from them, by fold.
    phoneticOrder: packedOrder(tokenKeys, (i) => ends[i]! > (i ? ends[i - 1]! : 0)),
    foldOrder: packedOrder(tokenFolds, (i) => !packedEqual(tokenFolds, i, tokens, i)),
    tokenTable: packedTable(tokens),
  };
}

/**
 * The snapshot with what an index over its columns looks up in (made when missing): its
 * `phoneticOrder` and `foldOrder`, and the hash tables of its tokens and identifiers.
 */
export function withColumnLookups(s: ScreeningIndexSnapshot): ScreeningIndexSnapshot {
  if (s.phoneticOrder && s.foldOrder && s.tokenTable && s.identifierTable) return s;
  return { ...s, ...tokenLookups(s), identifierTable: packedTable(s.identifierKeys) };
}

/**
 * The ids of `order` whose string in `keys` is `key`: a view of the run of them, undefined for
 * none. The strings are compared where they lie (no string made per probe).
 */
function run(order: Int32Array, keys: PackedStrings, key: string): Int32Array | undefined {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePackedAt(keys, order[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === order.length || comparePackedAt(keys, order[lo]!, key) !== 0) return undefined;
  // The run's end by a second search, not a comparison per id of the run: a common phonetic key
  // runs over thousands of tokens at 1,000,000 parties, each a random read of its string. The
  // search gallops from the start (steps of 1, 2, 4, …) before it halves: most runs (a fold's
  // tokens) are a few ids long, and a search over the whole order read twenty strings for them.
  let end = lo + 1;
  hi = order.length;
  for (let step = 1; end < hi; step *= 2) {
    const probe = Math.min(hi, end + step) - 1;
    if (comparePackedAt(keys, order[probe]!, key) > 0) {
      hi = probe;
      break;
    }
    end = probe + 1;
  }
  while (end < hi) {
    const mid = (end + hi) >>> 1;
    if (comparePackedAt(keys, order[mid]!, key) <= 0) end = mid + 1;
    else hi = mid;
  }
  return order.subarray(lo, end);
}

/** Leading units of a-z whose `unitBound`s `foldPrefixBounds` tabulates. */
const PREFIX_UNITS = 3;

/**
 * `unitBound` over the whole of `order` for every prefix of fewer than `PREFIX_UNITS` units of a-z
 * and every next unit of a-z or the one after z: for `p` units, at `prefix · 27 + unit − 97`
 * (`prefix` the units' letters in base 26), the first place in `order` whose string starts with
 * them and has a unit at `p` of at least `unit`. Within any range of strings starting with that
 * prefix, `unitBound` is this place brought into the range. The kasra walk (`forEachKasraFoldFound`)
 * searched the whole order for each word's first letters: about 20 random reads per search, most
 * of its reads at 1,000,000 parties. 27 + 702 + 18,252 places (76 KB), about 19,000 searches.
 */
function foldPrefixBounds(order: Int32Array, packed: PackedStrings): Int32Array[] {
  const tables: Int32Array[] = [];
  // Per prefix of the level, in base-26 order: the start and end of its run in `order`.
  let runs = Int32Array.of(0, order.length);
  for (let p = 0; p < PREFIX_UNITS; p++) {
    const prefixes = runs.length / 2;
    const table = new Int32Array(prefixes * 27);
    const next = new Int32Array(prefixes * 26 * 2);
    for (let q = 0; q < prefixes; q++) {
      const lo = runs[2 * q]!;
      const hi = runs[2 * q + 1]!;
      for (let u = 0; u < 27; u++) table[q * 27 + u] = unitBound(order, packed, lo, hi, p, 97 + u);
      for (let u = 0; u < 26; u++) {
        next[2 * (q * 26 + u)] = table[q * 27 + u]!;
        next[2 * (q * 26 + u) + 1] = table[q * 27 + u + 1]!;
      }
    }
    tables.push(table);
    runs = next;
  }
  return tables;
}

/**
 * The first place in `order[lo..hi)` whose string's unit at `k` is at least `unit` (a string no
 * longer than `k` counts as −1), given that the strings there share their first `k` units and
 * are sorted: a binary search.
 */
function unitBound(
  order: Int32Array,
  packed: PackedStrings,
  lo: number,
  hi: number,
  k: number,
  unit: number,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (packedUnitAt(packed, order[mid]!, k) < unit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** FNV-1a of a word of ASCII letters with each i read as a (the same for all its kasra variants). */
function kasraBlindHash(word: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    h = Math.imul(h ^ (c === 105 ? 97 : c), 0x01000193);
  }
  return h >>> 0;
}

/** `kasraBlindHash` of string `i` of packed strings, −1 when it is not a word of ASCII letters. */
function kasraBlindHashAt(packed: PackedStrings, i: number): number {
  const from = i ? packed.ends[i - 1]! : 0;
  const to = packed.ends[i]!;
  if (to === from) return -1;
  let h = 0x811c9dc5;
  if ('text' in packed) {
    const { text } = packed;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c < 97 || c > 122) return -1;
      h = Math.imul(h ^ (c === 105 ? 97 : c), 0x01000193);
    }
  } else {
    const { codes } = packed;
    for (let k = from; k < to; k++) {
      const c = codes[k]!;
      if (c < 97 || c > 122) return -1;
      h = Math.imul(h ^ (c === 105 ? 97 : c), 0x01000193);
    }
  }
  return h >>> 0;
}

/** `forEachKasraFoldFound`'s scratch: the masks found among the folds, and a variant's units. */
const kasraFoundMasks: number[] = [];
let kasraUnits = new Uint16Array(64);

/** An entry restored from a snapshot: its party is parsed from its JSON on first read. */
export class StoredEntry implements IndexedEntry {
  #party: Party | undefined;
  versionId?: number;
  constructor(
    readonly entityId: string,
    readonly names: number[],
    /** The party as UTF-8 JSON (a view into the snapshot's bytes). */
    readonly partyJson: Uint8Array,
  ) {}
  get party(): Party {
    return (this.#party ??= JSON.parse(decodeUtf8(this.partyJson)) as Party);
  }
}

/** Entry `i` of a snapshot (whose entity id is `entityId`), undefined for a removed one. */
export function storedEntry(s: ScreeningIndexSnapshot, i: number, entityId: string): StoredEntry | undefined {
  if (!entityId) return undefined;
  const json = s.partyBytes.subarray(i ? s.partyEnds[i - 1]! : 0, s.partyEnds[i]!);
  const names = Array.from(s.entryNameIds.subarray(s.entryNameStarts[i]!, s.entryNameStarts[i + 1]!));
  const entry = new StoredEntry(entityId, names, json);
  if (s.versionIds[i]! >= 0) entry.versionId = s.versionIds[i]!;
  return entry;
}

/**
 * Memoises at most `limit` values by id below `count`, in an array indexed by id: a
 * read is an element load rather than a `Map` look-up by number (a worker reads token facts
 * and names thousands of times per query). When full, it keeps the values read again since
 * they were made or since the last sweep and drops the rest (a clock sweep, one byte per id),
 * or all of them when most were read again. Emptying it whole at each fill made a third more
 * names and facts again over the speed subjects (a worker's hot tokens and names were dropped
 * with the cold ones). The ids held are listed, so that a sweep reads `limit` slots, not
 * `count` (two million names at 1,000,000 parties).
 */
function memo<T>(count: number, make: (id: number) => T, limit: number): (id: number) => T {
  const values = new Array<T | undefined>(count).fill(undefined);
  const used = new Uint8Array(count);
  const heldIds = new Int32Array(limit);
  let held = 0;
  const sweep = (): void => {
    let kept = 0;
    for (let k = 0; k < held; k++) {
      const id = heldIds[k]!;
      if (used[id]) {
        used[id] = 0;
        heldIds[kept++] = id;
      } else values[id] = undefined;
    }
    if (kept > (limit * 3) / 4) {
      for (let k = 0; k < kept; k++) values[heldIds[k]!] = undefined;
      kept = 0;
    }
    held = kept;
  };
  return (id) => {
    let value = values[id];
    if (value !== undefined) {
      used[id] = 1;
      return value;
    }
    if (held >= limit) sweep();
    values[id] = value = make(id);
    if (value !== undefined) heldIds[held++] = id;
    return value;
  };
}

/**
 * The names and entries of an index read from its snapshot's columns rather than held
 * as one object each: a name or entry is made (as `indexFromSnapshot` makes it) when a
 * query reads it, and kept in a bounded memo. What a worker over a shared snapshot
 * holds per name and per party is then nothing beyond the shared columns.
 */
export class StoredColumns {
  readonly #s: ScreeningIndexSnapshot;
  readonly #compiled: CompiledNameReference;
  readonly #names: (id: number) => IndexedName;
  readonly #facts: (id: number) => TokenFacts;
  readonly #entries: (id: number) => StoredEntry | undefined;
  #byEntityId: Map<string, number> | undefined;
  /** Number of name ids (removed ones included). */
  readonly nameCount: number;
  /** Number of names not removed. */
  readonly liveNames: number;
  /** Number of entries not removed. */
  readonly liveEntries: number;
  /** Number of token ids. */
  readonly tokenCount: number;
  /** Per name id, as `ScreeningIndex.nameShape` (the shared column). */
  readonly nameShape: Uint16Array;
  /** Per name id, which stored rest it has once read: 1 + its place in PLAIN_LIST, or OTHER_REST (0: not yet). */
  #plainRests: Uint8Array | undefined;
  /** Per token id, as `ScreeningIndex.joinedKey` (the shared column). */
  readonly joinedKey: Uint8Array;
  /** Token → token id, through the shared hash table of the tokens. */
  readonly vocabulary: TokenVocabulary = {
    get: (token) => {
      const id = findPacked(this.#s.tokenTable!, this.#s.tokens, token);
      return id < 0 ? undefined : id;
    },
    has: (token) => findPacked(this.#s.tokenTable!, this.#s.tokens, token) >= 0,
  };

  constructor(
    snapshot: ScreeningIndexSnapshot,
    compiled: CompiledNameReference,
    /** Token facts and entries each kept made at most (`MEMO_LIMIT` unless told). */
    memoLimit = MEMO_LIMIT,
    /** Names kept made at most (`NAME_MEMO_LIMIT` unless told). */
    nameMemoLimit = NAME_MEMO_LIMIT,
  ) {
    snapshot = withColumnLookups(snapshot);
    this.#s = snapshot;
    this.#compiled = compiled;
    this.tokenCount = snapshot.tokens.ends.length;
    this.nameShape = snapshot.nameShape;
    this.joinedKey = snapshot.joinedKey;
    this.nameCount = snapshot.nameEntries.length;
    let live = 0;
    for (let i = 0; i < this.nameCount; i++) if (snapshot.nameEntries[i]! >= 0) live++;
    this.liveNames = live;
    const ends = snapshot.entityIds.ends;
    live = 0;
    for (let i = 0; i < ends.length; i++) if (ends[i]! > (i ? ends[i - 1]! : 0)) live++;
    this.liveEntries = live;
    // Made once here, not a closure per read.
    this.#names = memo(this.nameCount, (i) => this.#makeName(i), nameMemoLimit);
    this.#facts = memo(this.tokenCount, (i) => this.#makeFacts(i), memoLimit);
    this.#entries = memo(
      ends.length,
      (i) => storedEntry(snapshot, i, packedAt(snapshot.entityIds, i)),
      memoLimit,
    );
  }

  /** Token `id`. */
  token(id: number): string {
    return packedAt(this.#s.tokens, id);
  }

  /** The entries holding identifier `key` (a view of the shared column), undefined for none. */
  identifierEntries(key: string): Int32Array | undefined {
    const s = this.#s;
    const i = findPacked(s.identifierTable!, s.identifierKeys, key);
    return i < 0
      ? undefined
      : s.identifierEntries.subarray(s.identifierStarts[i]!, s.identifierStarts[i + 1]!);
  }

  /** The length of token `id`, without making it. */
  tokenLength(id: number): number {
    const ends = this.#s.tokens.ends;
    return ends[id]! - (id ? ends[id - 1]! : 0);
  }

  /**
   * The UTF-16 code units of token `id` written into `out` from 0 (which must hold
   * `tokenLength(id)`), without making the token: its length.
   */
  tokenUnits(id: number, out: Uint16Array): number {
    const packed = this.#s.tokens;
    const from = id ? packed.ends[id - 1]! : 0;
    const n = packed.ends[id]! - from;
    if ('text' in packed) for (let k = 0; k < n; k++) out[k] = packed.text.charCodeAt(from + k);
    else for (let k = 0; k < n; k++) out[k] = packed.codes[from + k]!;
    return n;
  }

  /** The phonetic key of token `id`. */
  tokenKey(id: number): string {
    return packedAt(this.#s.tokenKeys, id);
  }

  /** The folded spelling of token `id`. */
  tokenFold(id: number): string {
    return packedAt(this.#s.tokenFolds, id);
  }

  /** The ids of the tokens with phonetic key `key`, in id order (undefined for none). */
  phoneticIds(key: string): Int32Array | undefined {
    return run(this.#s.phoneticOrder!, this.#s.tokenKeys, key);
  }

  /** The ids of the tokens other than `fold` that fold to it, in id order (undefined for none). */
  foldIds(fold: string): Int32Array | undefined {
    return run(this.#s.foldOrder!, this.#s.tokenFolds, fold);
  }

  /**
   * Calls `visit` with each kasra variant of `fold` (`forEachKasraFold`, in its order) that is a
   * token (`vocabulary`) or that tokens fold to (`foldIds`): the others, which the expansion looks
   * up for nothing, are not made. The folds' order is walked once by prefix, a or i taken both
   * ways only where some fold continues so (a binary search per variant was most of the
   * expansion's look-ups at 1,000,000 parties); a token is looked up by its units' hash. `own`
   * must be `fold`'s own count: 1 if it is a token, plus its `foldIds` (the expansion has just
   * looked both up; a second look-up is two random reads and a binary search of the folds).
   */
  forEachKasraFoldFound(fold: string, own: number, visit: (fold: string) => void): void {
    const at = kasraPlaces(fold);
    if (!at) return;
    const n = fold.length;
    // As many tokens and folds as `fold` itself accounts for under its a/i-blind hash: no variant
    // is a token or a fold (most words; the count is never below the truth, collisions only add).
    const counts = (this.#kasraCounts ??= this.#countKasraBlind());
    const blind = counts[kasraBlindHash(fold) & (counts.length - 1)]!;
    if (blind === own && blind < 255) return;
    const found = kasraFoundMasks;
    found.length = 0;
    const order = this.#s.foldOrder!;
    const folds = this.#s.tokenFolds;
    const prefixes = (this.#foldPrefixes ??= foldPrefixBounds(order, folds));
    // `unitBound`, read from `prefixes` where the strings of [lo, hi) start with fewer than
    // PREFIX_UNITS units, all a-z (they share them, so the first string's are read).
    const bound = (lo: number, hi: number, p: number, unit: number): number => {
      if (p < PREFIX_UNITS && unit >= 97 && unit <= 123 && lo < hi) {
        const first = order[lo]!;
        let prefix = 0;
        let k = 0;
        for (; k < p; k++) {
          const u = packedUnitAt(folds, first, k);
          if (u < 97 || u > 122) break;
          prefix = prefix * 26 + u - 97;
        }
        if (k === p) return Math.max(lo, Math.min(hi, prefixes[p]![prefix * 27 + unit - 97]!));
      }
      return unitBound(order, folds, lo, hi, p, unit);
    };
    // The variants of `fold` some fold of `order` is: their masks (bit j swaps the j-th a or i).
    const walk = (p: number, lo: number, hi: number, j: number, mask: number): void => {
      for (; p < n; p++) {
        const c = fold.charCodeAt(p);
        if (j < at.length && at[j] === p) {
          const other = c === 97 ? 105 : 97;
          const from = bound(lo, hi, p, other);
          const to = bound(from, hi, p, other + 1);
          if (from < to) walk(p + 1, from, to, j + 1, mask | (1 << j));
          j++;
        }
        const from = bound(lo, hi, p, c);
        hi = bound(from, hi, p, c + 1);
        lo = from;
        if (lo >= hi) return;
      }
      // The folds of [lo, hi) start with the variant: it is one of them when the first is no longer.
      if (mask !== 0 && packedUnitAt(folds, order[lo]!, n) < 0) found.push(mask);
    };
    walk(0, 0, order.length, 0, 0);
    found.sort((a, b) => a - b);
    if (kasraUnits.length < n) kasraUnits = new Uint16Array(2 * n);
    const units = kasraUnits;
    for (let k = 0; k < n; k++) units[k] = fold.charCodeAt(k);
    const table = this.#s.tokenTable!;
    const tokens = this.#s.tokens;
    let next = 0;
    for (let mask = 1; mask < 1 << at.length; mask++) {
      for (let j = 0; j < at.length; j++) {
        const c = fold.charCodeAt(at[j]!);
        units[at[j]!] = mask & (1 << j) ? (c === 97 ? 105 : 97) : c;
      }
      const folded = next < found.length && found[next] === mask;
      if (folded) next++;
      if (folded || findPackedUnits(table, tokens, units, n) >= 0)
        visit(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
    }
  }

  /** Per slot of `kasraBlindHash`, the tokens and folds of ASCII letters there (255 and more: 255). */
  #kasraCounts: Uint8Array | undefined;

  /** `foldPrefixBounds` of the folds' order, made on first use. */
  #foldPrefixes: Int32Array[] | undefined;

  /**
   * `#kasraCounts`, made on first use: each token of ASCII letters counted under the hash of its
   * text, each fold of `foldOrder` under its own (a token whose fold differs from it), both with
   * i read as a (`kasraBlindHash`), so that a word's kasra variants all count where it counts.
   */
  #countKasraBlind(): Uint8Array {
    const { tokens, tokenFolds, foldOrder } = this.#s;
    let size = 1024;
    while (size < 4 * (tokens.ends.length + foldOrder!.length)) size *= 2;
    const counts = new Uint8Array(size);
    const mask = size - 1;
    const count = (packed: PackedStrings, id: number): void => {
      const h = kasraBlindHashAt(packed, id);
      if (h < 0) return;
      const slot = h & mask;
      if (counts[slot]! < 255) counts[slot]!++;
    };
    for (let id = 0; id < tokens.ends.length; id++) count(tokens, id);
    for (let k = 0; k < foldOrder!.length; k++) count(tokenFolds, foldOrder![k]!);
    return counts;
  }

  /** What the token comparison reads of token `id` (as `indexFromSnapshot` makes it). */
  facts(id: number): TokenFacts {
    return this.#facts(id);
  }

  #makeFacts(i: number): TokenFacts {
    const token = this.token(i);
    return {
      text: token,
      key: this.tokenKey(i),
      vowelPoor: this.#s.tokenVowelPoor[i] === 1,
      groups: this.#compiled.tokenGroups.get(token),
      spellings: this.#compiled.tokenSpellingGroups.get(token),
      fold: this.tokenFold(i),
    };
  }

  /** Postings as CSR: token `id`'s names are `ids[starts[id]..starts[id + 1])` (no view made per read). */
  get postingColumns(): { starts: Uint32Array; ids: Int32Array } {
    return { starts: this.#s.postingStarts, ids: this.#s.postingIds };
  }

  /** Names' key ids as CSR, as `postingColumns` (a removed name's list is empty). */
  get keyColumns(): { starts: Uint32Array; ids: Int32Array } {
    return { starts: this.#s.nameKeyStarts, ids: this.#s.nameKeyIds };
  }

  /** The ids of the names posted under token `id` (a view of the shared column). */
  postings(id: number): Int32Array {
    const s = this.#s;
    return s.postingIds.subarray(s.postingStarts[id]!, s.postingStarts[id + 1]!);
  }

  /** How many names are posted under token `id`. */
  postingCount(id: number): number {
    return this.#s.postingStarts[id + 1]! - this.#s.postingStarts[id]!;
  }

  /** The entry of name `id`, −1 for a removed name. */
  nameEntry(id: number): number {
    return this.#s.nameEntries[id] ?? -1;
  }

  /** The token ids name `id` is posted under (a view of the shared column), undefined when removed. */
  keyIds(id: number): Int32Array | undefined {
    const s = this.#s;
    return s.nameEntries[id]! >= 0
      ? s.nameKeyIds.subarray(s.nameKeyStarts[id]!, s.nameKeyStarts[id + 1]!)
      : undefined;
  }

  /** Names' token ids as CSR (`ids[starts[id]..starts[id + 1])`: name `id`'s `tokenIds`, no view made). */
  get nameTokenColumns(): { starts: Uint32Array; ids: Int32Array } {
    return { starts: this.#s.nameTokenStarts, ids: this.#s.nameTokenIds };
  }

  /**
   * Whether name `id`'s stored rest holds nothing but its schema (so the name has no
   * original-script words), and whether that schema makes it an organisation's, read from the
   * rest's stored text without making the name: `NOT_PLAIN`, `PLAIN_PERSON` or
   * `PLAIN_ORGANISATION`. Kept per name id once read (a byte per name, made on first use).
   */
  plainKind(id: number): number {
    const k = this.#plainRest(id);
    return k === OTHER_REST ? NOT_PLAIN : PLAIN_LIST[k - 1]!.kind;
  }

  /** Name `id`'s `#plainRests` code, read from the stored rest (its length first) when not yet known. */
  #plainRest(id: number): number {
    const codes = (this.#plainRests ??= new Uint8Array(this.nameCount));
    const known = codes[id]!;
    if (known) return known;
    const rests = this.#s.nameRests;
    const length = rests.ends[id]! - (id ? rests.ends[id - 1]! : 0);
    let code = OTHER_REST;
    for (let k = 0; k < PLAIN_LIST.length; k++) {
      const rest = PLAIN_LIST[k]!.rest;
      if (rest.length === length && comparePackedAt(rests, id, rest) === 0) {
        code = k + 1;
        break;
      }
    }
    codes[id] = code;
    return code;
  }

  /** Name `id`, undefined when removed. */
  name(id: number): IndexedName | undefined {
    return this.#s.nameEntries[id]! >= 0 ? this.#names(id) : undefined;
  }

  /** Entry `id`, undefined when removed. */
  entry(id: number): IndexedEntry | undefined {
    if (!(id >= 0 && id < this.#s.entityIds.ends.length)) return undefined;
    return this.#entries(id);
  }

  /** The entry id of an entity id (a map made on first use: workers screen without it). */
  entryIdOf(entityId: string): number | undefined {
    if (!this.#byEntityId) {
      this.#byEntityId = new Map();
      for (let i = 0; i < this.#s.entityIds.ends.length; i++) {
        const id = packedAt(this.#s.entityIds, i);
        if (id) this.#byEntityId.set(id, i);
      }
    }
    return this.#byEntityId.get(entityId);
  }

  #makeName(id: number): IndexedName {
    const s = this.#s;
    // One pass over the name's token ids, no view or closure made per name.
    const tokenIds: number[] = [];
    const nameTokens: string[] = [];
    let initials = 0;
    for (let k = s.nameTokenStarts[id]!, end = s.nameTokenStarts[id + 1]!; k < end; k++) {
      const t = s.nameTokenIds[k]!;
      const token = this.token(t);
      tokenIds.push(t);
      nameTokens.push(token);
      if (token.length === 1) initials++;
    }
    const text = packedAt(s.nameTexts, id);
    // A rest holding only a schema (most names) is known by its code, without making its text.
    const code = this.#plainRest(id);
    let normalized: NormalizedName;
    if (code !== OTHER_REST) {
      const schema = PLAIN_LIST[code - 1]!.schema;
      normalized = schema
        ? { text, tokens: nameTokens, legalForms: [], titles: [], schema }
        : { text, tokens: nameTokens, legalForms: [], titles: [] };
    } else {
      const restText = packedAt(s.nameRests, id);
      normalized = {
        text,
        tokens: nameTokens,
        legalForms: [],
        titles: [],
        ...(restText ? (JSON.parse(restText) as Partial<NormalizedName>) : {}),
      };
    }
    return new StoredName(
      s.nameEntries[id]!,
      text,
      QUALITIES[s.nameQualities[id]!]!,
      normalized,
      tokenIds,
      nameTokens.join(''),
      initials,
      id,
      this,
    );
  }
}

/**
 * A name made from the columns. Its `keyIds` (a view of the shared column) is made when read:
 * screening reads a name's keys from the columns (`ScreeningIndex.nameKeyIds`), not from the
 * name, so a view made per name made was garbage at once.
 */
class StoredName implements IndexedName {
  #keyIds: Int32Array | undefined;
  readonly #id: number;
  readonly #columns: StoredColumns;
  constructor(
    readonly entry: number,
    readonly text: string,
    readonly quality: NameQuality,
    readonly normalized: NormalizedName,
    readonly tokenIds: number[],
    readonly joined: string,
    readonly initials: number,
    id: number,
    columns: StoredColumns,
  ) {
    this.#id = id;
    this.#columns = columns;
  }
  get keyIds(): Int32Array {
    return (this.#keyIds ??= this.#columns.keyIds(this.#id)!);
  }
}
