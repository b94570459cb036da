import type { NameReference } from './name-reference.ts';
import type { DeletionArrays } from './deletion-neighbourhood.ts';
import { encodeUtf8 } from './utf8.ts';
import { ScreeningIndex, type IndexedName } from './screening-index.ts';
import type { NormalizedName } from './normalize-name.ts';
import { PLAIN_REST, QUALITIES, StoredColumns, StoredEntry, storedEntry } from './stored-columns.ts';
import { pack, unpack, type PackedStrings } from './packed-strings.ts';

export type { PackedStrings } from './packed-strings.ts';

/**
 * Version of the snapshot layout below; a reader rejects any other. Bump it
 * whenever `ScreeningIndexSnapshot` or what `ScreeningIndex` derives changes.
 */
export const INDEX_SNAPSHOT_FORMAT = 1;

/**
 * A screening index as flat columns of strings and typed arrays (CSR lists:
 * `…Starts[i]..…Starts[i+1]` in the matching ids array), which a structured
 * clone or `v8.serialize` writes and reads fast. Every party is kept as its
 * JSON text, decoded only when a query reads it.
 */
export interface ScreeningIndexSnapshot {
  format: number;
  /** Per entry: its entity id, '' for a removed one. */
  entityIds: PackedStrings;
  /** Per entry: its list version id, −1 for none. */
  versionIds: Float64Array;
  /**
   * Per entry: its party as UTF-8 JSON, end to end (`partyEnds[i]` ends entry i's; empty for
   * a removed one). Bytes rather than a string: a large string is slow to copy between processes.
   */
  partyBytes: Uint8Array;
  partyEnds: Uint32Array;
  entryNameStarts: Uint32Array;
  entryNameIds: Int32Array;
  /** Per name: its entry, −1 for a removed name. */
  nameEntries: Int32Array;
  nameTexts: PackedStrings;
  /** Per name: 0 primary, 1 strong, 2 weak. */
  nameQualities: Uint8Array;
  /**
   * Per name, as JSON: the fields of its normalised form besides `tokens` (and `text`
   * when it differs from the name's); '' for none but empty `legalForms` and `titles`.
   */
  nameRests: PackedStrings;
  nameTokenStarts: Uint32Array;
  nameTokenIds: Int32Array;
  nameKeyStarts: Uint32Array;
  nameKeyIds: Int32Array;
  nameShape: Uint16Array;
  tokens: PackedStrings;
  postingStarts: Uint32Array;
  postingIds: Int32Array;
  tokenKeys: PackedStrings;
  tokenFolds: PackedStrings;
  tokenVowelPoor: Uint8Array;
  joinedKey: Uint8Array;
  identifierKeys: PackedStrings;
  identifierStarts: Uint32Array;
  identifierEntries: Int32Array;
  deletions?: DeletionArrays;
  /**
   * Token ids with a phonetic key, ordered by key then id, and token ids whose folded spelling
   * differs from them, ordered by fold then id: look-ups by binary search for an index over the
   * columns (see `withColumnLookups`; saved with the snapshot, made when missing).
   */
  phoneticOrder?: Int32Array;
  foldOrder?: Int32Array;
  /**
   * Hash tables of `tokens` and `identifierKeys` (see `packedTable`): a token's id and an
   * identifier's entries found without a map per worker (saved with the snapshot, made when missing).
   */
  tokenTable?: Int32Array;
  identifierTable?: Int32Array;
}

/** Lays out lists of ids as CSR: starts (one more than lists) and the ids end to end. */
function csr(lists: readonly (ArrayLike<number> | undefined)[]): { starts: Uint32Array; ids: Int32Array } {
  const starts = new Uint32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) starts[i + 1] = starts[i]! + (lists[i]?.length ?? 0);
  const ids = new Int32Array(starts[lists.length]!);
  lists.forEach((list, i) => list && ids.set(list, starts[i]!));
  return { starts, ids };
}

const slice = (starts: Uint32Array, ids: Int32Array, i: number): number[] =>
  Array.from(ids.subarray(starts[i]!, starts[i + 1]!));

/** Every entry's party as UTF-8 JSON, end to end. */
function partyBytesOf(entries: ScreeningIndex['entries']): {
  partyBytes: Uint8Array;
  partyEnds: Uint32Array;
} {
  const parts = entries.map((e) =>
    !e ? new Uint8Array(0) : e instanceof StoredEntry ? e.partyJson : encodeUtf8(JSON.stringify(e.party)),
  );
  const partyEnds = new Uint32Array(parts.length);
  let at = 0;
  parts.forEach((p, i) => (partyEnds[i] = at += p.length));
  const partyBytes = new Uint8Array(at);
  parts.forEach((p, i) => partyBytes.set(p, partyEnds[i]! - p.length));
  return { partyBytes, partyEnds };
}

/** Whether a normalised name holds exactly text, tokens, no legal form, no title, and maybe its schema, in that order. */
function isPlain(n: NormalizedName): boolean {
  if (n.legalForms.length || n.titles.length) return false;
  let k = 0;
  for (const key in n) if (key !== PLAIN_KEYS[k++]) return false;
  return k === (n.schema === undefined ? 4 : 5);
}
const PLAIN_KEYS = ['text', 'tokens', 'legalForms', 'titles', 'schema'];

/**
 * The JSON of what the normalised form of a name listed as `listed` holds besides its
 * tokens ('' for nothing more).
 */
export function restOf(listed: string, normalized: NormalizedName): string {
  // Most names: listed as normalised, nothing taken out, only a schema (the JSON below, made once).
  const schemaOnly = PLAIN_REST.get(normalized.schema);
  if (schemaOnly !== undefined && normalized.text === listed && isPlain(normalized)) return schemaOnly;
  const { tokens: _tokens, text, ...rest } = normalized;
  const keys = Object.keys(rest);
  if (text === listed && keys.length === 2 && !rest.legalForms.length && !rest.titles.length) return '';
  return JSON.stringify(text === listed ? rest : { ...rest, text });
}

/**
 * The flat snapshot of an index (built with `prepare()` first, so that the fuzzy look-up is kept).
 * Throws on an index over a snapshot's columns (`indexOverSnapshot`, `buildColumnIndex`): its
 * entries and names live in those columns, not in the arrays read here, so its snapshot would be
 * an empty index that matches nothing. Keep the snapshot it was made from instead.
 */
export function snapshotOfIndex(index: ScreeningIndex): ScreeningIndexSnapshot {
  if (index.columns)
    throw new RangeError(
      'snapshotOfIndex: this index reads the columns of a snapshot (indexOverSnapshot, buildColumnIndex); use that snapshot',
    );
  const { entries, names, facts } = index;
  const entryNames = csr(entries.map((e) => e?.names));
  const nameTokens = csr(names.map((n) => n?.tokenIds));
  const nameKeys = csr(names.map((n) => n?.keyIds));
  const postings = csr(index.postings);
  const identifiers = csr([...index.identifiers.values()]);
  const snapshot: ScreeningIndexSnapshot = {
    format: INDEX_SNAPSHOT_FORMAT,
    entityIds: pack(entries.map((e) => e?.entityId ?? '')),
    versionIds: Float64Array.from(entries, (e) => e?.versionId ?? -1),
    ...partyBytesOf(entries),
    entryNameStarts: entryNames.starts,
    entryNameIds: entryNames.ids,
    nameEntries: Int32Array.from(names, (n) => n?.entry ?? -1),
    nameTexts: pack(names.map((n) => n?.text ?? '')),
    nameQualities: Uint8Array.from(names, (n) => (n ? QUALITIES.indexOf(n.quality) : 0)),
    nameRests: pack(names.map((n) => (n ? restOf(n.text, n.normalized) : ''))),
    nameTokenStarts: nameTokens.starts,
    nameTokenIds: nameTokens.ids,
    nameKeyStarts: nameKeys.starts,
    nameKeyIds: nameKeys.ids,
    nameShape: Uint16Array.from(index.nameShape),
    tokens: pack(index.tokens),
    postingStarts: postings.starts,
    postingIds: postings.ids,
    tokenKeys: pack(facts.map((f) => f.key)),
    tokenFolds: pack(facts.map((f) => f.fold)),
    tokenVowelPoor: Uint8Array.from(facts, (f) => (f.vowelPoor ? 1 : 0)),
    joinedKey: Uint8Array.from(index.joinedKey),
    identifierKeys: pack([...index.identifiers.keys()]),
    identifierStarts: identifiers.starts,
    identifierEntries: identifiers.ids,
  };
  const deletions = index.deletionArrays;
  if (deletions) snapshot.deletions = deletions;
  return snapshot;
}

/**
 * The index a snapshot was taken of, over `reference` (which must be the one it
 * was built with: the snapshot's key says so). Throws on a snapshot of another format.
 */
export function indexFromSnapshot(
  snapshot: ScreeningIndexSnapshot,
  reference: NameReference,
): ScreeningIndex {
  return finishRestore(restoreIndexSteps(snapshot, reference));
}

/** Entries, tokens or names `restoreIndexSteps` restores between two of its steps. */
export const RESTORE_STEP = 4096;

/**
 * `indexFromSnapshot` in steps: the generator yields after every `RESTORE_STEP` entries, tokens
 * or names (a few ms each) and returns the index, so that a caller can restore it in the
 * background between other work, and finish it at once (`finishRestore`) when it is needed
 * before the end; the same index either way. The snapshot must not change meanwhile (a
 * snapshot is never changed once taken).
 */
export function* restoreIndexSteps(
  snapshot: ScreeningIndexSnapshot,
  reference: NameReference,
): Generator<void, ScreeningIndex, void> {
  const index = emptyIndexFor(snapshot, reference);
  yield* restoreAllButNames(index, snapshot);
  const s = snapshot;
  const tokens = index.tokens;
  const texts = unpack(s.nameTexts);
  const rests = unpack(s.nameRests);
  yield;
  for (let i = 0; i < s.nameEntries.length; i++) {
    if (i % RESTORE_STEP === RESTORE_STEP - 1) yield;
    if (s.nameEntries[i]! < 0) {
      index.names.push(undefined);
      continue;
    }
    const tokenIds = slice(s.nameTokenStarts, s.nameTokenIds, i);
    const nameTokens = tokenIds.map((id) => tokens[id]!);
    const text = texts[i]!;
    const rest = rests[i] ? (JSON.parse(rests[i]!) as object) : { legalForms: [], titles: [] };
    const name: IndexedName = {
      entry: s.nameEntries[i]!,
      text,
      quality: QUALITIES[s.nameQualities[i]!]!,
      normalized: { text, tokens: nameTokens, legalForms: [], titles: [], ...rest },
      tokenIds,
      joined: nameTokens.join(''),
      initials: nameTokens.filter((t) => t.length === 1).length,
      keyIds: s.nameKeyIds.subarray(s.nameKeyStarts[i]!, s.nameKeyStarts[i + 1]!),
    };
    index.names.push(name);
  }
  yield;
  index.restored(s.deletions);
  return index;
}

/** Runs the rest of a restore's steps (`restoreIndexSteps`) at once: its index. */
export function finishRestore(steps: Generator<void, ScreeningIndex, void>): ScreeningIndex {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A read-only index over a snapshot's columns (see `shareSnapshot`): its names are read
 * from the columns when a query reads them rather than made up front, so that an index
 * over a shared snapshot costs a worker thread little. Scores as `indexFromSnapshot` does.
 */
export function indexOverSnapshot(
  snapshot: ScreeningIndexSnapshot,
  reference: NameReference,
  /** The memo's limits (`StoredColumns`): token facts and entries, and names too unless told apart. */
  options: { memoLimit?: number; nameMemoLimit?: number } = {},
): ScreeningIndex {
  const index = emptyIndexFor(snapshot, reference);
  index.restored(
    snapshot.deletions,
    new StoredColumns(
      snapshot,
      index.compiled,
      options.memoLimit,
      options.nameMemoLimit ?? options.memoLimit,
    ),
  );
  return index;
}

/** An empty index over `reference` for `snapshot`; throws on a snapshot of another format. */
function emptyIndexFor(snapshot: ScreeningIndexSnapshot, reference: NameReference): ScreeningIndex {
  if (snapshot.format !== INDEX_SNAPSHOT_FORMAT)
    throw new RangeError(`index snapshot format ${snapshot.format}, expected ${INDEX_SNAPSHOT_FORMAT}`);
  return new ScreeningIndex(reference);
}

/** Restores everything of a snapshot but its names into the empty `index` (not yet `restored`), in steps. */
function* restoreAllButNames(
  index: ScreeningIndex,
  snapshot: ScreeningIndexSnapshot,
): Generator<void, void, void> {
  const s = snapshot;
  const tokens = unpack(s.tokens);
  index.restoreColumns(tokens, s.joinedKey, s.nameShape);
  unpack(s.identifierKeys).forEach((key, i) =>
    index.identifiers.set(key, slice(s.identifierStarts, s.identifierEntries, i)),
  );
  yield;
  const entityIds = unpack(s.entityIds);
  for (let i = 0; i < entityIds.length; i++) {
    if (i % RESTORE_STEP === RESTORE_STEP - 1) yield;
    index.entries.push(storedEntry(s, i, entityIds[i]!));
  }
  const keys = unpack(s.tokenKeys);
  const folds = unpack(s.tokenFolds);
  yield;
  for (let i = 0; i < tokens.length; i++) {
    if (i % RESTORE_STEP === RESTORE_STEP - 1) yield;
    const token = tokens[i]!;
    // Read-only views until a change copies one (see ScreeningIndex.postings).
    index.postings.push(s.postingIds.subarray(s.postingStarts[i]!, s.postingStarts[i + 1]!));
    index.facts.push({
      text: token,
      key: keys[i]!,
      vowelPoor: s.tokenVowelPoor[i] === 1,
      groups: index.compiled.tokenGroups.get(token),
      spellings: index.compiled.tokenSpellingGroups.get(token),
      fold: folds[i]!,
    });
  }
}
