import { partyEntityId, type Party } from '../model/party.ts';
import { allowedEdits, isVowelPoor } from './compare-tokens.ts';
import { DeletionNeighbourhood, type DeletionArrays } from './deletion-neighbourhood.ts';
import {
  INDEX_SNAPSHOT_FORMAT,
  indexOverSnapshot,
  restOf,
  type ScreeningIndexSnapshot,
} from './index-snapshot.ts';
import type { NameReference } from './name-reference.ts';
import { normalizeIdentifier } from './normalize-identifier.ts';
import {
  joinByWidth,
  joinStrings,
  narrowed,
  pack,
  packJoined,
  unpack,
  widthReader,
  type JoinedStrings,
  type PackedStrings,
  type WidthStrings,
} from './packed-strings.ts';
import { phoneticKeyOnce } from './phonetic-key.ts';
import {
  forEachIndexedName,
  nameKeysOf,
  type ScreeningIndex,
  type ScreeningIndexInput,
} from './screening-index.ts';
import { foldSpellingOnce } from './spelling-fold.ts';
import { QUALITIES } from './stored-columns.ts';
import { encodeUtf8 } from './utf8.ts';

type TypedKind =
  Int32ArrayConstructor | Uint32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor;

/** A typed array grown by doubling: one object for millions of numbers (a plain array of them is 8 B each and GC'd). */
class Column<K extends TypedKind> {
  #a: InstanceType<K>;
  length = 0;
  constructor(private readonly Kind: K) {
    this.#a = new Kind(1024) as InstanceType<K>;
  }
  get array(): InstanceType<K> {
    return this.#a;
  }
  push(x: number): void {
    if (this.length === this.#a.length) this.#grow(this.length + 1);
    this.#a[this.length++] = x;
  }
  /** The values, as an array of their exact length (this column is not used after). */
  done(): InstanceType<K> {
    return (this.length === this.#a.length ? this.#a : this.#a.slice(0, this.length)) as InstanceType<K>;
  }
  #grow(atLeast: number): void {
    let size = this.#a.length * 2;
    while (size < atLeast) size *= 2;
    const next = new this.Kind(size) as InstanceType<K>;
    next.set(this.#a as never);
    this.#a = next;
  }
}

/** An `ArrayBuffer` made resizable (ES2024; Node 20). */
type Resizable = ArrayBuffer & { resize(bytes: number): void };

/** Whether `ArrayBuffer`s can be made resizable. */
const RESIZABLE = typeof (ArrayBuffer.prototype as { resize?: unknown }).resize === 'function';

/**
 * Bytes appended one after the other, copied once into an array of their exact length (`done`).
 * They are held in a resizable buffer that grows in place, committing pages as they are written,
 * and is shrunk to nothing once copied: its memory goes at once, not at the next collection (a
 * typed array grown by doubling left each smaller one, and then itself, to the collector: the
 * 0.33 GB of parties' JSON at 1,000,000 parties was held about three times at the layout).
 * Without resizable buffers, held in chunks of a megabyte.
 */
class ByteColumn {
  static readonly CHUNK = 1 << 20;
  readonly #buffer = RESIZABLE
    ? new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => Resizable)(0, {
        maxByteLength: 2 ** 32,
      })
    : undefined;
  #chunks: Uint8Array[] = [];
  #staging = new Uint8Array(this.#buffer ?? new ArrayBuffer(ByteColumn.CHUNK));
  #used = 0;
  length = 0;
  append(bytes: Uint8Array): void {
    if (this.#buffer) {
      const size = this.#buffer.byteLength;
      if (this.length + bytes.length > size) {
        let next = Math.max(ByteColumn.CHUNK, size);
        while (next < this.length + bytes.length) next *= 2;
        this.#buffer.resize(Math.min(2 ** 32, next));
      }
      this.#staging.set(bytes, this.length);
    } else {
      if (bytes.length > this.#staging.length - this.#used) this.#flush();
      if (bytes.length > this.#staging.length) this.#chunks.push(bytes.slice());
      else {
        this.#staging.set(bytes, this.#used);
        this.#used += bytes.length;
      }
    }
    this.length += bytes.length;
  }
  #flush(): void {
    if (this.#used) this.#chunks.push(this.#staging.slice(0, this.#used));
    this.#used = 0;
  }
  /** The bytes, as an array of their exact length (this column is not used after). */
  done(): Uint8Array {
    if (this.#buffer) {
      const out = this.#staging.slice(0, this.length);
      this.#buffer.resize(0);
      return out;
    }
    this.#flush();
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    this.#chunks = [];
    return out;
  }
}

/** Strings joined one after the other, as `pack` stores them, a few thousand at a time. */
class StringColumn {
  #chunks: string[] = [];
  #pending: string[] = [];
  #length = 0;
  readonly #ends = new Column(Uint32Array);
  push(s: string): void {
    this.#pending.push(s);
    this.#ends.push((this.#length += s.length));
    // Joined young, a chunk is one flat string in place of thousands (and of the batch strings
    // they were cut from): about 4,000,000 fewer objects on the main thread at 1,000,000 parties.
    if (this.#pending.length === 4096) this.#flush();
  }
  #flush(): void {
    // Narrowed here, young: joined, one-byte chunks make a one-byte text (and one wide chunk a
    // wide one, as `narrowed` leaves it), so the whole text is never copied again to narrow it.
    if (this.#pending.length) this.#chunks.push(narrowed(this.#pending.join('')));
    this.#pending = [];
  }
  /**
   * Pushes every string of `joined` (made on another thread: its text held one byte per unit
   * when every unit fits, as `packJoined` leaves it), appended whole: no string made per name,
   * nothing joined or narrowed again here.
   */
  pushJoined(joined: JoinedStrings): void {
    const count = joined.ends.length;
    if (count === 0) return;
    this.#flush();
    const base = this.#length;
    for (let i = 0; i < count; i++) this.#ends.push(base + joined.ends[i]!);
    this.#length = base + joined.text.length;
    this.#chunks.push(joined.text);
  }
  /** `pack` of the strings pushed (this column is not used after). */
  packed(): PackedStrings {
    this.#flush();
    const text = this.#chunks.join('');
    this.#chunks = [];
    return { text, ends: this.#ends.done() };
  }
}

/** One indexed name of a party as the column build reads it (`columnPartyOf`). */
export interface ColumnName {
  text: string;
  /** Index in `QUALITIES`. */
  quality: number;
  /** `restOf(text, normalized)`. */
  rest: string;
  tokens: string[];
  /** `nameKeysOf(normalized)`, in its order. */
  keys: string[];
  /** Initials (capped at 255), plus 256 with original-script tokens: the `nameShape` column. */
  shape: number;
}

/**
 * A party normalised for the column build, before any id is given: what is per party and
 * independent of every other party (most of the build), so that it can be made on other
 * threads while one thread gives the ids in party order (`ColumnBuilder.add`).
 */
export interface ColumnParty {
  entityId: string;
  names: ColumnName[];
  /** Normalised identifiers of 4 characters or more. */
  identifiers: string[];
}

/**
 * The per-token columns that depend on the token alone (as `tokenFacts` makes them): keys and
 * folds as lists, or already packed (made on another thread, one string to copy instead of millions).
 */
export interface TokenFactColumns {
  keys: string[] | JoinedStrings;
  folds: string[] | JoinedStrings;
  vowelPoor: Uint8Array;
}

/** What `ScreeningIndex.add` would index of one party, normalised (see `ColumnParty`). */
export function columnPartyOf(party: Party, reference: NameReference): ColumnParty {
  const names: ColumnName[] = [];
  forEachIndexedName(party, reference, (text, quality, normalized) => {
    let initials = 0;
    for (const token of normalized.tokens) if (token.length === 1) initials++;
    names.push({
      text,
      quality: QUALITIES.indexOf(quality),
      rest: restOf(text, normalized),
      tokens: normalized.tokens,
      keys: [...nameKeysOf(normalized)],
      shape: Math.min(255, initials) | (normalized.originalTokens ? 256 : 0),
    });
  });
  const identifiers: string[] = [];
  for (const id of party.identifiers) {
    const key = normalizeIdentifier(id.value);
    if (key.length >= 4) identifiers.push(key);
  }
  return { entityId: partyEntityId(party), names, identifiers };
}

/** The fact columns of `tokens[from..to)` (phonetic key, spelling fold, vowel-poorness). */
export function tokenFactColumns(tokens: readonly string[], from = 0, to = tokens.length): TokenFactColumns {
  const keys: string[] = [];
  const folds: string[] = [];
  const vowelPoor = new Uint8Array(to - from);
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    // Each token once (distinct tokens): the memoised forms would only fill and clear their memos.
    keys.push(phoneticKeyOnce(token));
    folds.push(foldSpellingOnce(token));
    vowelPoor[i - from] = isVowelPoor(token) ? 1 : 0;
  }
  return { keys, folds, vowelPoor };
}

/**
 * Parties normalised for the column build (`columnPartyOf`), flat: two strings and an
 * `Int32Array` to pass between threads instead of an object and arrays per name (taking those
 * in cost the thread that gives the ids more than it spent on anything else). `ColumnBuilder.addBatch`
 * adds them as `add` would add each party.
 */
export interface ColumnBatch {
  /** The batch's distinct name keys, in the order they first occur. */
  vocabulary: WidthStrings;
  /** Per key of `vocabulary`, its `tokenHash`. */
  hashes: Int32Array;
  /** Per party: its entity id, then its identifiers. */
  strings: WidthStrings;
  /**
   * The names' texts and their rests, in the batch's order, each list joined (`packJoined`: one
   * byte per unit when every unit fits): appended whole to their columns, no string per name.
   */
  texts: JoinedStrings;
  rests: JoinedStrings;
  /**
   * Per party: name count, identifier count; then per name: quality, shape, key count, the keys
   * (ids in `vocabulary`), token count, the tokens (ids in `vocabulary`), its joined spelling's id or -1.
   */
  numbers: Int32Array;
}

/** FNV-1a of the UTF-16 code units of `text[from..to)`: a token's key in the column build's token table. */
export function tokenHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h | 0;
}

/** An empty token table of `slots` slots (a power of two): hash and id per slot, id −1. */
function emptyTable(slots: number): Int32Array {
  const table = new Int32Array(2 * slots);
  for (let s = 1; s < table.length; s += 2) table[s] = -1;
  return table;
}

/** Parties' JSON as UTF-8 bytes end to end (`ends[i]` ends party i's), as `ColumnBuilder.addBatch` takes them. */
export function encodeBatch(json: readonly string[]): { bytes: Uint8Array; ends: Uint32Array } {
  const encoded = json.map(encodeUtf8);
  const ends = new Uint32Array(encoded.length);
  let size = 0;
  encoded.forEach((b, i) => (ends[i] = size += b.length));
  const bytes = new Uint8Array(size);
  encoded.forEach((b, i) => bytes.set(b, i ? ends[i - 1]! : 0));
  return { bytes, ends };
}

/** `columnPartyOf` of each party, flat (see `ColumnBatch`). */
export function columnBatchOf(parties: readonly Party[], reference: NameReference): ColumnBatch {
  const local = new Map<string, number>();
  const vocabulary: string[] = [];
  const strings: string[] = [];
  const texts: string[] = [];
  const rests: string[] = [];
  const numbers: number[] = [];
  const idOf = (key: string): number => {
    let id = local.get(key);
    if (id === undefined) {
      local.set(key, (id = vocabulary.length));
      vocabulary.push(key);
    }
    return id;
  };
  for (const party of parties) {
    const { entityId, names, identifiers } = columnPartyOf(party, reference);
    strings.push(entityId);
    numbers.push(names.length, identifiers.length);
    for (const name of names) {
      texts.push(name.text);
      rests.push(name.rest);
      numbers.push(name.quality, name.shape, name.keys.length);
      for (const key of name.keys) numbers.push(idOf(key));
      numbers.push(name.tokens.length);
      for (const token of name.tokens) numbers.push(local.get(token)!);
      numbers.push(name.tokens.length > 1 ? local.get(name.tokens.join(''))! : -1);
    }
    strings.push(...identifiers);
  }
  const hashes = new Int32Array(vocabulary.length);
  for (let i = 0; i < hashes.length; i++) hashes[i] = tokenHash(vocabulary[i]!, 0, vocabulary[i]!.length);
  return {
    vocabulary: joinByWidth(vocabulary),
    hashes,
    strings: joinByWidth(strings),
    texts: packJoined(joinStrings(texts)) as JoinedStrings,
    rests: packJoined(joinStrings(rests)) as JoinedStrings,
    numbers: Int32Array.from(numbers),
  };
}

/**
 * Gives ids to normalised parties in the order they are added and lays the snapshot's columns
 * out (`finish`). The columns depend only on the parties and their order, never on where they
 * were normalised: `snapshotOfParties` normalises on this thread, the adapters' worker build on
 * several, and both give the same bytes.
 */
export class ColumnBuilder {
  // Per entry.
  readonly #entityIds: string[] = [];
  readonly #versionIds: number[] = [];
  readonly #entryFirstName = new Column(Uint32Array);
  readonly #partyBytes = new ByteColumn();
  readonly #partyEnds = new Column(Uint32Array);
  readonly #byEntityId = new Map<string, number>();
  readonly #removedEntries: number[] = [];
  // Per name.
  readonly #nameEntries = new Column(Int32Array);
  readonly #nameTexts = new StringColumn();
  readonly #nameQualities = new Column(Uint8Array);
  readonly #nameRests = new StringColumn();
  readonly #nameTokenStarts = new Column(Uint32Array);
  readonly #nameTokenIds = new Column(Int32Array);
  readonly #nameKeyStarts = new Column(Uint32Array);
  readonly #nameKeyIds = new Column(Int32Array);
  readonly #nameShape = new Column(Uint16Array);
  // Per token.
  /**
   * The distinct tokens' hash table (open addressing): per slot its token's `tokenHash` and id
   * (−1: empty), at most half full. Probed with the hash a worker sent and the key's units where
   * they lie in the batch, so that a token already known (most of a batch's keys) is found with no
   * string made and one random read of the table (a `Map` of ~2,000,000 strings took a fifth of
   * this thread's time in the parties step, docs/decisions/2026-12-06-build-1m-main-thread.md).
   */
  #table = emptyTable(1 << 16);
  /** Tokens in `#table`. */
  #tableCount = 0;
  readonly #tokens: string[] = [];
  readonly #joinedKey = new Column(Uint8Array);
  // (token id, name id) of every posting, in the order the object index posts them.
  readonly #postedToken = new Column(Int32Array);
  readonly #postedName = new Column(Int32Array);
  readonly #identifiers = new Map<string, number[]>();

  constructor() {
    this.#nameTokenStarts.push(0);
    this.#nameKeyStarts.push(0);
  }

  /** The distinct tokens so far, by id (what `finish` needs the facts of). */
  get tokens(): readonly string[] {
    return this.#tokens;
  }

  #tokenId(token: string): number {
    return this.#tokenIdAt(token, 0, token.length, tokenHash(token, 0, token.length));
  }

  /** The id of the token `text[from..to)` (whose `tokenHash` is `hash`), given it when new. */
  #tokenIdAt(text: string, from: number, to: number, hash: number): number {
    const table = this.#table;
    const mask = (table.length >>> 1) - 1;
    const n = to - from;
    const tokens = this.#tokens;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = table[2 * slot + 1]!;
      if (id < 0) {
        const token = from === 0 && to === text.length ? text : text.slice(from, to);
        const fresh = tokens.length;
        tokens.push(token);
        this.#joinedKey.push(0);
        table[2 * slot] = hash;
        table[2 * slot + 1] = fresh;
        if (++this.#tableCount * 2 > table.length >>> 1) this.#growTable();
        return fresh;
      }
      if (table[2 * slot] !== hash) continue;
      const known = tokens[id]!;
      if (known.length !== n) continue;
      let k = 0;
      while (k < n && known.charCodeAt(k) === text.charCodeAt(from + k)) k++;
      if (k === n) return id;
    }
  }

  #growTable(): void {
    const old = this.#table;
    const table = emptyTable(old.length);
    const mask = (table.length >>> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      const id = old[s + 1]!;
      if (id < 0) continue;
      let slot = old[s]! & mask;
      while (table[2 * slot + 1]! >= 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s]!;
      table[2 * slot + 1] = id;
    }
    this.#table = table;
  }

  /** Adds the next party: normalised (`columnPartyOf`), with its version and its JSON as UTF-8 bytes. */
  add(party: ColumnParty, versionId: number | undefined, json: Uint8Array): void {
    const entryId = this.#entry(party.entityId, versionId, json);
    for (const name of party.names) {
      const nameId = this.#nameEntries.length;
      for (const key of name.keys) this.#key(this.#tokenId(key), nameId);
      this.#nameKeyStarts.push(this.#nameKeyIds.length);
      for (const token of name.tokens) this.#nameTokenIds.push(this.#tokenId(token));
      this.#nameTokenStarts.push(this.#nameTokenIds.length);
      if (name.tokens.length > 1) this.#joinedKey.array[this.#tokenId(name.tokens.join(''))] = 1;
      this.#name(entryId, name.text, name.quality, name.rest, name.shape);
    }
    for (const key of party.identifiers) this.#identifier(key, entryId);
  }

  /**
   * Adds the next parties, normalised in a batch (`columnBatchOf`), as `add` adds each: with
   * their versions and their JSON as UTF-8 bytes end to end (`ends[i]` ends party i's).
   */
  addBatch(
    batch: ColumnBatch,
    versionIds: readonly (number | undefined)[],
    bytes: Uint8Array,
    ends: Uint32Array,
  ): void {
    // The batch's keys in their order of first occurrence: ids given in the order `add` gives them.
    const { isWide, narrow, wide } = batch.vocabulary;
    const ids = new Int32Array(isWide.length);
    for (let i = 0, n = 0, w = 0; i < ids.length; i++) {
      const joined = isWide[i] ? wide : narrow;
      const at = isWide[i] ? w++ : n++;
      const from = at ? joined.ends[at - 1]! : 0;
      ids[i] = this.#tokenIdAt(joined.text, from, joined.ends[at]!, batch.hashes[i]!);
    }
    const { numbers } = batch;
    const next = widthReader(batch.strings);
    let k = 0;
    for (let p = 0; p < versionIds.length; p++) {
      const entryId = this.#entry(next(), versionIds[p], bytes.subarray(p ? ends[p - 1]! : 0, ends[p]!));
      const names = numbers[k++]!;
      const identifiers = numbers[k++]!;
      for (let n = 0; n < names; n++) {
        const nameId = this.#nameEntries.length;
        const quality = numbers[k++]!;
        const shape = numbers[k++]!;
        const keys = numbers[k++]!;
        for (const end = k + keys; k < end; k++) this.#key(ids[numbers[k]!]!, nameId);
        this.#nameKeyStarts.push(this.#nameKeyIds.length);
        const tokens = numbers[k++]!;
        for (const end = k + tokens; k < end; k++) this.#nameTokenIds.push(ids[numbers[k]!]!);
        this.#nameTokenStarts.push(this.#nameTokenIds.length);
        const joined = numbers[k++]!;
        if (joined >= 0) this.#joinedKey.array[ids[joined]!] = 1;
        this.#nameEntries.push(entryId);
        this.#nameQualities.push(quality);
        this.#nameShape.push(shape);
      }
      for (let i = 0; i < identifiers; i++) this.#identifier(next(), entryId);
    }
    // The batch's names' texts and rests, whole (as `#name` pushes each).
    this.#nameTexts.pushJoined(batch.texts);
    this.#nameRests.pushJoined(batch.rests);
  }

  /** A new entry (replacing an earlier one of its entity id): its id. */
  #entry(entityId: string, versionId: number | undefined, json: Uint8Array): number {
    const replaced = this.#byEntityId.get(entityId);
    if (replaced !== undefined) this.#removedEntries.push(replaced);
    const entryId = this.#entityIds.length;
    this.#byEntityId.set(entityId, entryId);
    this.#entityIds.push(entityId);
    this.#versionIds.push(versionId ?? -1);
    this.#entryFirstName.push(this.#nameEntries.length);
    this.#partyBytes.append(json);
    this.#partyEnds.push(this.#partyBytes.length);
    return entryId;
  }

  /** Key `id` of the name being added (`nameId`), posted. */
  #key(id: number, nameId: number): void {
    this.#nameKeyIds.push(id);
    this.#postedToken.push(id);
    this.#postedName.push(nameId);
  }

  /** The name being added, after its keys and tokens. */
  #name(entryId: number, text: string, quality: number, rest: string, shape: number): void {
    this.#nameEntries.push(entryId);
    this.#nameTexts.push(text);
    this.#nameQualities.push(quality);
    this.#nameRests.push(rest);
    this.#nameShape.push(shape);
  }

  #identifier(key: string, entryId: number): void {
    const list = this.#identifiers.get(key);
    if (list) list.push(entryId);
    else this.#identifiers.set(key, [entryId]);
  }

  /**
   * The snapshot, given the fact columns of `tokens` (`tokenFactColumns(builder.tokens)`, made
   * here or elsewhere). The builder is emptied: add nothing after.
   *
   * `deletionsOf` makes the deletion index of the tokens (default: `deletionArraysOf`, here). It is
   * called where the index is made in the layout (after the name strings are packed, which keeps
   * the peak where it was); one that returns undefined makes it elsewhere (another thread), and the
   * caller sets the snapshot's `deletions` (left undefined, its place in the object kept) itself.
   */
  finish(
    facts: TokenFactColumns,
    deletionsOf: (tokens: readonly string[]) => DeletionArrays | undefined = deletionArraysOf,
  ): ScreeningIndexSnapshot {
    const entityIds = this.#entityIds;
    const versionIds = this.#versionIds;
    const removedEntries = this.#removedEntries;
    const tokens = this.#tokens;
    const identifiers = this.#identifiers;
    // What only the loop reads goes now, before the columns are laid out (the build's peak).
    this.#byEntityId.clear();
    this.#table = emptyTable(2);
    this.#tableCount = 0;
    const entries = entityIds.length;
    this.#entryFirstName.push(this.#nameEntries.length);
    const firstName = this.#entryFirstName.done();

    // A party listed again replaced the earlier one (as `ScreeningIndex.add` does): its entry
    // and names are emptied, its names taken out of the postings and its entry out of the identifiers.
    const entryNameStarts = new Uint32Array(entries + 1);
    const entryNameIds = new Int32Array(this.#nameEntries.length);
    const removed = new Uint8Array(entries);
    for (const e of removedEntries) removed[e] = 1;
    const names = this.#nameEntries.done();
    let at = 0;
    for (let e = 0; e < entries; e++) {
      if (removed[e]) {
        entityIds[e] = '';
        versionIds[e] = -1;
        for (let n = firstName[e]!; n < firstName[e + 1]!; n++) names[n] = -1;
      } else for (let n = firstName[e]!; n < firstName[e + 1]!; n++) entryNameIds[at++] = n;
      entryNameStarts[e + 1] = at;
    }
    const tokenStarts = this.#nameTokenStarts.done();
    const keyStarts = this.#nameKeyStarts.done();
    const qualities = this.#nameQualities.done();
    let tokenIds: Int32Array = this.#nameTokenIds.done();
    let keyIds: Int32Array = this.#nameKeyIds.done();
    let ends: Uint32Array = this.#partyEnds.done();
    let bytes: Uint8Array = this.#partyBytes.done();
    if (removedEntries.length) {
      for (let n = 0; n < names.length; n++) if (names[n]! < 0) qualities[n] = 0;
      tokenIds = dropRemoved(tokenStarts, tokenIds, names);
      keyIds = dropRemoved(keyStarts, keyIds, names);
      ({ ends, bytes } = dropRemovedParties(ends, bytes, removed));
      for (const list of identifiers.values())
        for (let i = list.length - 1; i >= 0; i--) if (removed[list[i]!]) list.splice(i, 1);
    }

    // Postings as CSR, each list in posting order (ascending name ids), removed names left out.
    const tokenCount = tokens.length;
    const postingStarts = new Uint32Array(tokenCount + 1);
    const pt = this.#postedToken.done();
    const pn = this.#postedName.done();
    for (let i = 0; i < pt.length; i++) if (names[pn[i]!]! >= 0) postingStarts[pt[i]! + 1]!++;
    for (let t = 0; t < tokenCount; t++) postingStarts[t + 1]! += postingStarts[t]!;
    const postingIds = new Int32Array(postingStarts[tokenCount]!);
    const fill = postingStarts.slice(0, tokenCount);
    for (let i = 0; i < pt.length; i++) if (names[pn[i]!]! >= 0) postingIds[fill[pt[i]!]!++] = pn[i]!;

    // Each list of strings is packed, then emptied, before the next large array is made.
    const packed = (list: string[]): PackedStrings => {
      const out = pack(list);
      list.length = 0;
      return out;
    };
    const packedEntityIds = packed(entityIds);
    // The strings of removed names emptied (rare: a party listed twice).
    const kept = (strings: PackedStrings): PackedStrings =>
      removedEntries.length ? pack(unpack(strings).map((t, n) => (names[n]! < 0 ? '' : t))) : strings;
    const packedTexts = kept(this.#nameTexts.packed());
    const packedRests = kept(this.#nameRests.packed());
    const packedKeys = Array.isArray(facts.keys) ? packed(facts.keys) : packJoined(facts.keys);
    const packedFolds = Array.isArray(facts.folds) ? packed(facts.folds) : packJoined(facts.folds);
    const deletions = deletionsOf(tokens) as DeletionArrays;
    const packedTokens = packed(tokens);
    const identifierStarts = new Uint32Array(identifiers.size + 1);
    let i = 0;
    for (const list of identifiers.values()) identifierStarts[i + 1] = identifierStarts[i++]! + list.length;
    const identifierEntries = new Int32Array(identifierStarts[identifiers.size]!);
    i = 0;
    for (const list of identifiers.values()) identifierEntries.set(list, identifierStarts[i++]!);
    return {
      format: INDEX_SNAPSHOT_FORMAT,
      entityIds: packedEntityIds,
      versionIds: Float64Array.from(versionIds),
      partyBytes: bytes,
      partyEnds: ends,
      entryNameStarts,
      entryNameIds: at === entryNameIds.length ? entryNameIds : entryNameIds.slice(0, at),
      nameEntries: names,
      nameTexts: packedTexts,
      nameQualities: qualities,
      nameRests: packedRests,
      nameTokenStarts: tokenStarts,
      nameTokenIds: tokenIds,
      nameKeyStarts: keyStarts,
      nameKeyIds: keyIds,
      nameShape: this.#nameShape.done(),
      tokens: packedTokens,
      postingStarts,
      postingIds,
      tokenKeys: packedKeys,
      tokenFolds: packedFolds,
      tokenVowelPoor: facts.vowelPoor,
      joinedKey: this.#joinedKey.done(),
      identifierKeys: pack([...identifiers.keys()]),
      identifierStarts,
      identifierEntries,
      deletions,
    };
  }
}

/** The deletion index of a snapshot's distinct tokens (by id), as `ColumnBuilder.finish` makes it. */
export function deletionArraysOf(tokens: readonly string[]): DeletionArrays {
  return new DeletionNeighbourhood(tokens, (t) => allowedEdits(t.length)).arrays;
}

/**
 * The snapshot `snapshotOfIndex(buildScreeningIndex(parties, reference))` gives — the same
 * columns, value for value (a test checks it) — built straight into its columns, without an
 * object per name, a posting array per token or the parties themselves: what a large index
 * costs to build is then its columns (typed arrays and packed strings), a map of its distinct
 * tokens and one of its entity ids. The parties may be streamed (any iterable): none is kept.
 * On one thread; the adapters' `snapshotOfPartiesInWorkers` normalises on several.
 */
export function snapshotOfParties(
  parties: Iterable<ScreeningIndexInput>,
  reference: NameReference,
): ScreeningIndexSnapshot {
  const builder = new ColumnBuilder();
  for (const { party, versionId } of parties)
    builder.add(columnPartyOf(party, reference), versionId, encodeUtf8(JSON.stringify(party)));
  return builder.finish(tokenFactColumns(builder.tokens));
}

/** CSR lists with the lists of removed names (`names[n] < 0`) emptied; `starts` is rewritten. */
function dropRemoved(starts: Uint32Array, ids: Int32Array, names: Int32Array): Int32Array {
  const out = new Int32Array(ids.length);
  let at = 0;
  let from = 0;
  for (let n = 0; n < names.length; n++) {
    const to = starts[n + 1]!;
    if (names[n]! >= 0) for (let k = from; k < to; k++) out[at++] = ids[k]!;
    from = to;
    starts[n + 1] = at;
  }
  return out.slice(0, at);
}

/** The parties' bytes with those of removed entries left out (their JSON empty). */
function dropRemovedParties(
  ends: Uint32Array,
  bytes: Uint8Array,
  removed: Uint8Array,
): { ends: Uint32Array; bytes: Uint8Array } {
  const out = new Uint8Array(bytes.length);
  const outEnds = new Uint32Array(ends.length);
  let at = 0;
  for (let e = 0; e < ends.length; e++) {
    const from = e ? ends[e - 1]! : 0;
    if (!removed[e]) {
      out.set(bytes.subarray(from, ends[e]!), at);
      at += ends[e]! - from;
    }
    outEnds[e] = at;
  }
  return { ends: outEnds, bytes: out.slice(0, at) };
}

/**
 * A read-only screening index over columns built straight from parties (`snapshotOfParties`,
 * then `indexOverSnapshot`): scores as `buildScreeningIndex` over the same parties does, for a
 * fraction of its memory and build time at a million parties. It cannot be patched (`add` and
 * `remove` throw): rebuild it, or use `buildScreeningIndex` for an index that changes.
 *
 * @example
 * const index = buildColumnIndex(parties.map((party) => ({ party })), DEFAULT_NAME_REFERENCE);
 */
export function buildColumnIndex(
  parties: Iterable<ScreeningIndexInput>,
  reference: NameReference,
): ScreeningIndex {
  return indexOverSnapshot(snapshotOfParties(parties, reference), reference);
}
