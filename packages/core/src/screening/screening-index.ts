import type { NameQuality, Party } from '../model/party.ts';
import { partyEntityId } from '../model/party.ts';
import { compileNameReference, type CompiledNameReference } from './compile-name-reference.ts';
import type { NameReference } from './name-reference.ts';
import { arabicReading } from './arabic-reading.ts';
import { namePartsOf } from './name-parts.ts';
import { normalizeName, type NormalizedName } from './normalize-name.ts';
import { allowedEdits, tokenFacts, type TokenFacts } from './compare-tokens.ts';
import { DeletionNeighbourhood, type DeletionArrays } from './deletion-neighbourhood.ts';
import { normalizeIdentifier } from './normalize-identifier.ts';
import type { SharedExpansions } from './shared-expansions.ts';
import type { ExpansionSeed } from './expand-token.ts';
import { NOT_PLAIN, type StoredColumns } from './stored-columns.ts';
import { forEachKasraFold } from './spelling-fold.ts';

/** One indexed name of one party. */
export interface IndexedName {
  entry: number;
  /** The name as listed. */
  text: string;
  quality: NameQuality;
  normalized: NormalizedName;
  /** Token ids of `normalized.tokens`, in order. */
  tokenIds: number[];
  /** `normalized.tokens` written without spaces. */
  joined: string;
  /** Number of one-letter tokens (initials). */
  initials: number;
  /** Ids of every token the name is posted under (its tokens, joined spelling, original-script tokens). */
  keyIds: readonly number[] | Int32Array;
}

/** One indexed party with the list version it came from. */
export interface IndexedEntry {
  party: Party;
  entityId: string;
  versionId?: number;
  names: number[];
}

/** A party to index, with the id of the list version it belongs to. */
export interface ScreeningIndexInput {
  party: Party;
  versionId?: number;
}

/** The index tokens similar to one query token, with their similarities (see find-candidates.ts). */
export interface TokenExpansion {
  ids: Int32Array;
  similarities: Float64Array;
  /** Total postings of the tokens: how many names the expansion can touch. */
  postings: number;
  /** Highest similarity. */
  best: number;
}

/** Token → token id (a `Map` on a built index; a hash table over the columns on an index over a snapshot). */
export interface TokenVocabulary {
  get(token: string): number | undefined;
  has(token: string): boolean;
}

/** Tokens added since the last deletion index build that are looked up by a scan before a rebuild. */
const PENDING_SCAN_LIMIT = 256;

/**
 * In-memory screening index: names normalised once, an inverted index from
 * token to names, per distinct token the facts the comparison reads
 * (phonetic key, vowel-poorness, symbol groups), a deletion-neighbourhood
 * index and a phonetic-key index over the distinct tokens for fuzzy look-up,
 * plus an identifier index. Patched in place with `add` and `remove` when a
 * list version changes; cheap to rebuild per worker.
 */
export class ScreeningIndex {
  readonly reference: NameReference;
  readonly compiled: CompiledNameReference;
  readonly entries: (IndexedEntry | undefined)[] = [];
  readonly names: (IndexedName | undefined)[] = [];
  /**
   * Per name id, what candidate retrieval reads of every name it touches, kept
   * flat so that it does not dereference thousands of name objects: the number
   * of initials, plus 256 when the name has original-script tokens.
   */
  get nameShape(): ArrayLike<number> {
    return this.#stored ? this.#stored.nameShape : this.#nameShape;
  }
  readonly #nameShape: number[] = [];
  /** Token → token id; token ids index `tokens`, `postings`. */
  get vocabulary(): TokenVocabulary {
    return this.#stored ? this.#stored.vocabulary : this.#vocabulary;
  }
  readonly #vocabulary = new Map<string, number>();
  /** The tokens by id (empty on an index over a snapshot: readers go through `tokenAt`). */
  readonly tokens: string[] = [];
  /** Per token id: the ids of the names posted under it (a typed array as restored from a snapshot until changed). */
  readonly postings: (number[] | Int32Array)[] = [];
  /** Per token id: what the token comparison reads. */
  readonly facts: TokenFacts[] = [];
  /** Per token id: 1 when some name is posted under it as its joined spelling. */
  get joinedKey(): ArrayLike<number> {
    return this.#stored ? this.#stored.joinedKey : this.#joinedKey;
  }
  readonly #joinedKey: number[] = [];
  readonly phonetic = new Map<string, number[]>();
  /** Folded spelling → token ids whose `foldSpelling` differs from the token. */
  readonly folds = new Map<string, number[]>();
  readonly identifiers = new Map<string, number[]>();
  /**
   * Memo of query-token expansions (see find-candidates.ts). A change to the index does not clear
   * it: before the next expansion `expandToken` drops the entries a token added since could enter
   * and brings the others' posting totals up to date (`settleExpansions`).
   */
  readonly expansions = new Map<string, TokenExpansion>();
  /** The facts of the memo's query tokens, kept with them for `settleExpansions`. */
  readonly expansionFacts = new Map<string, TokenFacts>();
  /** The token count the memo was last settled at: tokens from this id on may be missing from its entries. */
  expansionsTokenCount = 0;
  /** Whether names were added or removed since the memo was last settled. */
  expansionsStale = false;
  /** The memo of expansions this index shares with other workers over the same snapshot (see `shareExpansions`). */
  sharedExpansions: SharedExpansions | undefined;
  /**
   * Expansions made by the workers over a snapshot of this writable index, read on a miss of the
   * memo and brought up to date as `settleExpansions` does (see `seedExpansions`).
   */
  expansionSeed: ExpansionSeed | undefined;
  private readonly byEntityId = new Map<string, number>();
  private liveNames = 0;
  private deletions: DeletionNeighbourhood | undefined;
  private weights: Float64Array | undefined;
  /**
   * The names and entries read from a snapshot's columns instead of `names` and `entries`
   * (see `indexOverSnapshot`): the index is read-only then.
   */
  #stored: StoredColumns | undefined;

  constructor(reference: NameReference) {
    this.reference = reference;
    this.compiled = compileNameReference(reference);
  }

  /** Number of token ids (token ids are below it). */
  get tokenCount(): number {
    return this.#stored ? this.#stored.tokenCount : this.tokens.length;
  }

  /** The length of token `id` (over a snapshot's columns, without making the token). */
  tokenLength(id: number): number {
    return this.#stored ? this.#stored.tokenLength(id) : this.tokens[id]!.length;
  }

  /**
   * The UTF-16 code units of token `id` written into `out` from 0 (which must hold
   * `tokenLength(id)`): its length. Over a snapshot's columns, the token is not made.
   */
  tokenUnits(id: number, out: Uint16Array): number {
    if (this.#stored) return this.#stored.tokenUnits(id, out);
    const token = this.tokens[id]!;
    for (let k = 0; k < token.length; k++) out[k] = token.charCodeAt(k);
    return token.length;
  }

  /** Token `id`. Readers go through this rather than `tokens`. */
  tokenAt(id: number): string {
    return this.#stored ? this.#stored.token(id) : this.tokens[id]!;
  }

  /** The entries holding identifier `key` (normalised, see `normalizeIdentifier`), if any. */
  entriesWithIdentifier(key: string): readonly number[] | Int32Array | undefined {
    return this.#stored ? this.#stored.identifierEntries(key) : this.identifiers.get(key);
  }

  /** Number of parties indexed. */
  get size(): number {
    return this.#stored ? this.#stored.liveEntries : this.byEntityId.size;
  }

  /** Entry `id`, undefined when removed. Readers go through this rather than `entries`. */
  entry(id: number): IndexedEntry | undefined {
    return this.#stored ? this.#stored.entry(id) : this.entries[id];
  }

  /** Number of names indexed (for weighting tokens by rarity). */
  get nameCount(): number {
    return this.liveNames;
  }

  /** Name `id`, undefined when removed. Readers go through this rather than `names`. */
  name(id: number): IndexedName | undefined {
    return this.#stored ? this.#stored.name(id) : this.names[id];
  }

  /**
   * On an index over a snapshot, the names' token ids (`IndexedName.tokenIds`) as CSR columns,
   * read without making a name; undefined on a built index (whose names are made).
   */
  get nameTokenColumns(): { starts: Uint32Array; ids: Int32Array } | undefined {
    return this.#stored?.nameTokenColumns;
  }

  /**
   * On an index over a snapshot, whether name `id` (not removed) holds nothing but its words and
   * schema, and whether it is an organisation's, read without making it (`StoredColumns.plainKind`);
   * `NOT_PLAIN` on a built index.
   */
  plainNameKind(id: number): number {
    return this.#stored ? this.#stored.plainKind(id) : NOT_PLAIN;
  }

  /** The entry of name `id`, −1 when removed. */
  nameEntry(id: number): number {
    return this.#stored ? this.#stored.nameEntry(id) : (this.names[id]?.entry ?? -1);
  }

  /** The token ids name `id` is posted under, undefined when removed. */
  nameKeyIds(id: number): readonly number[] | Int32Array | undefined {
    return this.#stored ? this.#stored.keyIds(id) : this.names[id]?.keyIds;
  }

  /** Number of name ids, removed ones included (name ids are below it). */
  get nameSlots(): number {
    return this.#stored ? this.#stored.nameCount : this.names.length;
  }

  /** What the token comparison reads of token `id`. Readers go through this rather than `facts`. */
  factsAt(id: number): TokenFacts {
    return this.#stored ? this.#stored.facts(id) : this.facts[id]!;
  }

  /** The ids of the names posted under token `id`. Readers go through this rather than `postings`. */
  postingsOf(id: number): ArrayLike<number> {
    return this.#stored ? this.#stored.postings(id) : this.postings[id]!;
  }

  /**
   * On an index over a snapshot, the postings and the names' key ids as CSR columns
   * (`ids[starts[i]..starts[i + 1])`), which a hot loop reads without a view per list.
   */
  get columns():
    | { postings: { starts: Uint32Array; ids: Int32Array }; keys: { starts: Uint32Array; ids: Int32Array } }
    | undefined {
    return this.#stored && { postings: this.#stored.postingColumns, keys: this.#stored.keyColumns };
  }

  /** How many names are posted under token `id`. */
  postingCount(id: number): number {
    return this.#stored ? this.#stored.postingCount(id) : this.postings[id]!.length;
  }

  /** The ids of the tokens with phonetic key `key`, in id order (undefined for none). */
  phoneticIds(key: string): readonly number[] | Int32Array | undefined {
    return this.#stored ? this.#stored.phoneticIds(key) : this.phonetic.get(key);
  }

  /** The ids of the tokens other than `fold` that fold to it, in id order (undefined for none). */
  foldIds(fold: string): readonly number[] | Int32Array | undefined {
    return this.#stored ? this.#stored.foldIds(fold) : this.folds.get(fold);
  }

  /**
   * Calls `visit` with each kasra variant of `fold` (`forEachKasraFold`, in its order) that is a
   * token or that tokens fold to, and maybe others: over a snapshot's columns only those
   * (`StoredColumns.forEachKasraFoldFound`), otherwise every variant. `own` is the number of
   * tokens that are `fold` or fold to it (`vocabulary`, `foldIds`), which the caller has looked up.
   */
  forEachKasraFoldFound(fold: string, own: number, visit: (fold: string) => void): void {
    if (this.#stored) this.#stored.forEachKasraFoldFound(fold, own, visit);
    else forEachKasraFold(fold, visit);
  }

  /** Indexes a party (replacing any party with the same entity id). */
  add(party: Party, versionId?: number): void {
    this.writable();
    const entityId = partyEntityId(party);
    if (this.byEntityId.has(entityId)) this.remove(entityId);
    this.changed();
    const entryId = this.entries.length;
    const entry: IndexedEntry = { party, entityId, names: [] };
    if (versionId !== undefined) entry.versionId = versionId;
    this.entries.push(entry);
    this.byEntityId.set(entityId, entryId);
    forEachIndexedName(party, this.reference, (text, quality, normalized) =>
      this.addName(entryId, text, quality, normalized),
    );
    for (const id of party.identifiers) {
      const key = normalizeIdentifier(id.value);
      if (key.length < 4) continue;
      const list = this.identifiers.get(key) ?? [];
      list.push(entryId);
      this.identifiers.set(key, list);
    }
  }

  private addName(entryId: number, text: string, quality: NameQuality, normalized: NormalizedName): void {
    const nameId = this.names.length;
    const tokens = normalized.tokens;
    let initials = 0;
    for (const t of tokens) if (t.length === 1) initials++;
    // Arrays of their exact length (an array grown by `push` reserves 17 slots, a typed
    // array carries over 100 bytes of headers): two of each per name, millions of names.
    const keyIds = [...nameKeysOf(normalized)].map((token) => this.post(token, nameId));
    const tokenIds = tokens.map((token) => this.#vocabulary.get(token)!);
    // The name's words and joined spelling are the vocabulary's strings, not copies of them.
    for (let i = 0; i < tokens.length; i++) tokens[i] = this.tokens[tokenIds[i]!]!;
    const originals = normalized.originalTokens;
    if (originals)
      for (let i = 0; i < originals.length; i++)
        originals[i] = this.tokens[this.#vocabulary.get(originals[i]!)!]!;
    let joined = tokens.length === 1 ? tokens[0]! : '';
    if (tokens.length > 1) {
      const joinedId = this.#vocabulary.get(tokens.join(''))!;
      this.#joinedKey[joinedId] = 1;
      joined = this.tokens[joinedId]!;
    }
    const indexed: IndexedName = {
      entry: entryId,
      text,
      quality,
      normalized,
      tokenIds,
      joined,
      initials,
      keyIds,
    };
    this.names.push(indexed);
    this.#nameShape.push(Math.min(255, initials) | (originals ? 256 : 0));
    this.entries[entryId]!.names.push(nameId);
    this.liveNames++;
  }

  /** Removes a party by entity id (`source:sourceId`); true when it was indexed. */
  remove(entityId: string): boolean {
    this.writable();
    const entryId = this.byEntityId.get(entityId);
    if (entryId === undefined) return false;
    const entry = this.entries[entryId]!;
    this.changed();
    for (const nameId of entry.names) {
      const name = this.names[nameId]!;
      for (const token of nameKeysOf(name.normalized)) {
        const tokenId = this.#vocabulary.get(token);
        if (tokenId === undefined) continue;
        const list = this.postingsToChange(tokenId);
        const at = list.indexOf(nameId);
        if (at >= 0) list.splice(at, 1);
      }
      this.names[nameId] = undefined;
      this.liveNames--;
    }
    for (const id of entry.party.identifiers) {
      const list = this.identifiers.get(normalizeIdentifier(id.value));
      if (list) {
        const at = list.indexOf(entryId);
        if (at >= 0) list.splice(at, 1);
      }
    }
    this.entries[entryId] = undefined;
    this.byEntityId.delete(entityId);
    return true;
  }

  /**
   * Marks every indexed party of `source` as read from `versionId`: a refresh that applies a
   * new version's differences keeps the parties that did not change, now of the new version.
   * `from`: the version the index held of `source` (a version is of one source), so that an
   * entry tagged with a version is told by its tag, without reading its party: an entry restored
   * from a snapshot parses its party's JSON on first read, and reading every party of the index
   * was most of a weekly refresh (0.2-0.8 s of main-thread CPU at the whole mirror;
   * docs/decisions/2026-12-06-delta-store-steps.md). An entry with no version is told by its party.
   */
  retagVersion(source: string, versionId: number, from?: number): void {
    this.writable();
    for (const entry of this.entries) {
      if (!entry) continue;
      const of =
        from !== undefined && entry.versionId !== undefined
          ? entry.versionId === from
          : entry.party.source === source;
      if (of) entry.versionId = versionId;
    }
  }

  /** The indexed entry of an entity id, if any. */
  get(entityId: string): IndexedEntry | undefined {
    const id = this.entryIdOf(entityId);
    return id === undefined ? undefined : this.entry(id);
  }

  /** The id of the entry of an entity id, if indexed. */
  entryIdOf(entityId: string): number | undefined {
    return this.#stored ? this.#stored.entryIdOf(entityId) : this.byEntityId.get(entityId);
  }

  /**
   * How many times parties were added to or removed from the index: what is worked out from the
   * index's state (its entries, token weights, vocabulary) and kept holds while this is unchanged.
   */
  get changes(): number {
    return this.#changes;
  }
  #changes = 0;

  /** The comparison facts of a token: the index's own for a token it holds, else computed. */
  factsOf(token: string): TokenFacts {
    const id = this.vocabulary.get(token);
    return id === undefined ? tokenFacts(token, this.compiled) : this.factsAt(id);
  }

  /** How many indexed names contain a token (0 when unknown). */
  documentFrequency(token: string): number {
    const id = this.vocabulary.get(token);
    return id === undefined ? 0 : this.postingCount(id);
  }

  /** Weight of a token id in a comparison (see token-weight.ts), cached until the index changes. */
  tokenWeight(tokenId: number, compute: (tokenId: number, index: ScreeningIndex) => number): number {
    let weights = this.weights;
    if (!weights || weights.length < this.tokenCount) {
      weights = new Float64Array(this.tokenCount + 1024).fill(-1);
      this.weights = weights;
    }
    let w = weights[tokenId]!;
    if (w < 0) {
      w = compute(tokenId, this);
      weights[tokenId] = w;
    }
    return w;
  }

  /**
   * Builds the fuzzy look-up structures now rather than at the first query
   * (`buildScreeningIndex` does; call it after a large series of `add`).
   */
  prepare(): void {
    if (!this.deletions || this.tokenCount - this.deletions.count > PENDING_SCAN_LIMIT) {
      // An index over a snapshot saved without its look-up arrays makes them from its columns.
      const tokens = this.#stored
        ? Array.from({ length: this.tokenCount }, (_, id) => this.tokenAt(id))
        : this.tokens;
      this.deletions = new DeletionNeighbourhood(tokens, (t) => allowedEdits(t.length));
      // The near tokens are now visited in another order: an expansion made before would list
      // the same tokens, but not in the order a fresh one does.
      this.clearExpansions();
    }
  }

  /**
   * Calls `visit` with every token id that may be within `edits` (≤ 2)
   * edits of `token`, plus possibly some that are not (callers verify).
   */
  forEachNearToken(token: string, edits: number, visit: (tokenId: number) => void): void {
    this.prepare();
    const deletions = this.deletions!;
    deletions.forEachNear(token, edits, visit);
    for (let id = deletions.count; id < this.tokenCount; id++) visit(id);
  }

  /** Tokens the fuzzy look-up was built over (the others are scanned); 0 before it is built. */
  get deletionCount(): number {
    return this.deletions?.count ?? 0;
  }

  /** The fuzzy look-up arrays as built (for a snapshot), if built. */
  get deletionArrays(): DeletionArrays | undefined {
    return this.deletions?.arrays;
  }

  /**
   * Appends the per-token and per-name columns of a snapshot being restored into an object
   * index (see `indexFromSnapshot`).
   */
  restoreColumns(
    tokens: readonly string[],
    joinedKey: ArrayLike<number>,
    nameShape: ArrayLike<number>,
  ): void {
    for (let i = 0; i < tokens.length; i++) {
      this.tokens.push(tokens[i]!);
      this.#joinedKey.push(joinedKey[i]!);
    }
    for (let i = 0; i < nameShape.length; i++) this.#nameShape.push(nameShape[i]!);
  }

  /**
   * Completes an index whose `entries`, `names`, `nameShape`, `tokens`, `postings`,
   * `facts`, `joinedKey` and `identifiers` were filled from a snapshot
   * (see index-snapshot.ts): rebuilds the lookups derived from them and adopts
   * the saved fuzzy look-up arrays. With `stored`, the names, entries, postings,
   * tokens and their facts, folds and phonetic keys, the vocabulary, name shapes and
   * identifiers are read from it (the arrays and maps stay empty) and the index is read-only.
   */
  restored(deletions: DeletionArrays | undefined, stored?: StoredColumns): void {
    this.changed();
    this.#stored = stored;
    this.entries.forEach((e, id) => {
      if (e) this.byEntityId.set(e.entityId, id);
    });
    this.liveNames = stored ? stored.liveNames : this.names.reduce((n, name) => (name ? n + 1 : n), 0);
    for (let id = 0; id < this.tokens.length; id++) {
      const token = this.tokens[id]!;
      this.#vocabulary.set(token, id);
      const { fold, key } = this.facts[id]!;
      if (fold !== token) {
        const list = this.folds.get(fold);
        if (list) list.push(id);
        else this.folds.set(fold, [id]);
      }
      if (key.length >= 1) {
        const list = this.phonetic.get(key);
        if (list) list.push(id);
        else this.phonetic.set(key, [id]);
      }
    }
    if (deletions) this.deletions = new DeletionNeighbourhood(deletions);
    this.clearExpansions();
  }

  /** Throws on an index over a shared snapshot: the main thread patches its own index and shares a new snapshot. */
  private writable(): void {
    if (this.#stored) throw new RangeError('an index over a shared snapshot is read-only');
  }

  private changed(): void {
    this.#changes++;
    this.expansionsStale = true;
    this.weights = undefined;
  }

  /** Empties the memo of expansions; it is settled at the current token count. */
  clearExpansions(): void {
    this.expansions.clear();
    this.expansionFacts.clear();
    this.expansionsTokenCount = this.tokenCount;
    this.expansionsStale = false;
  }

  private post(token: string, nameId: number): number {
    let tokenId = this.#vocabulary.get(token);
    if (tokenId === undefined) {
      tokenId = this.tokens.length;
      this.#vocabulary.set(token, tokenId);
      this.tokens.push(token);
      this.postings.push([]);
      const facts = tokenFacts(token, this.compiled);
      this.facts.push(facts);
      this.#joinedKey.push(0);
      if (facts.fold !== token) {
        const list = this.folds.get(facts.fold);
        if (list) list.push(tokenId);
        else this.folds.set(facts.fold, [tokenId]);
      }
      const key = facts.key;
      if (key.length >= 1) {
        const list = this.phonetic.get(key);
        if (list) list.push(tokenId);
        else this.phonetic.set(key, [tokenId]);
      }
    }
    const list = this.postingsToChange(tokenId);
    if (list[list.length - 1] !== nameId) list.push(nameId);
    return tokenId;
  }

  private postingsToChange(tokenId: number): number[] {
    const list = this.postings[tokenId]!;
    if (Array.isArray(list)) return list;
    const copy = Array.from(list);
    this.postings[tokenId] = copy;
    return copy;
  }
}

/**
 * Calls `visit` with every name a party is indexed under, in index order: each listed name,
 * the names a cell packs ("A; B", "A (B; C)"), the reading of an Arabic-script name, and the
 * other readings of a Han-character name. `ScreeningIndex.add` and `snapshotOfParties` index
 * exactly these.
 */
export function forEachIndexedName(
  party: Party,
  reference: NameReference,
  visit: (text: string, quality: NameQuality, normalized: NormalizedName) => void,
): void {
  const seen = new Set<string>();
  for (const name of party.names) {
    if (!name.full) continue;
    // A cell that packs several names ("A; B", "A (B; C)", "A (ACR)") is found by each of them too.
    for (const text of [name.full, ...namePartsOf(name.full)]) {
      // A name in the Arabic script is also found by its reading with the vowels it writes.
      const arabic = arabicReading(text);
      if (arabic && !seen.has(arabic)) {
        seen.add(arabic);
        const reading = normalizeName(arabic, reference, party.schema);
        if (reading.tokens.length > 0) visit(text, name.quality, { ...reading, text });
      }
      if (seen.has(text)) continue;
      seen.add(text);
      const normalized = normalizeName(text, reference, party.schema);
      if (text !== name.full && normalized.tokens.length === 0) continue;
      visit(text, name.quality, normalized);
      // Other readings of a Han-character name are indexed as names of their own.
      for (const tokens of normalized.readings ?? []) {
        visit(text, name.quality, {
          text,
          tokens,
          legalForms: normalized.legalForms,
          titles: normalized.titles,
        });
      }
    }
  }
}

/** The tokens a name is found by: its tokens, its original-script tokens, and its tokens joined. */
export function nameKeysOf(normalized: NormalizedName): Set<string> {
  const keys = new Set(normalized.tokens);
  if (normalized.tokens.length > 1) keys.add(normalized.tokens.join(''));
  for (const t of normalized.originalTokens ?? []) keys.add(t);
  return keys;
}

/**
 * Builds a screening index from parties (each with its list version id).
 *
 * @example
 * const index = buildScreeningIndex(parties.map((party) => ({ party })), DEFAULT_NAME_REFERENCE);
 */
export function buildScreeningIndex(
  parties: Iterable<ScreeningIndexInput>,
  reference: NameReference,
): ScreeningIndex {
  const index = new ScreeningIndex(reference);
  for (const { party, versionId } of parties) index.add(party, versionId);
  index.prepare();
  return index;
}
