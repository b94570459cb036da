import type { NameQuality, Party } from '../model/party.ts';
import { partyEntityId } from '../model/party.ts';
import { compileNameReference, type CompiledNameReference } from './compile-name-reference.ts';
import type { NameReference } from './name-reference.ts';
import { normalizeName, type NormalizedName } from './normalize-name.ts';
import { normalizeIdentifier } from './normalize-identifier.ts';
import { phoneticKey } from './phonetic-key.ts';

/** One indexed name of one party. */
export interface IndexedName {
  entry: number;
  /** The name as listed. */
  text: string;
  quality: NameQuality;
  normalized: NormalizedName;
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

/** Trigrams of a token padded with `$` at both ends. */
export function tokenTrigrams(token: string): string[] {
  const padded = `$${token}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/**
 * In-memory screening index: names normalised once, an inverted index from
 * token to names, and, over the distinct tokens only, trigram and phonetic-key
 * indexes for fuzzy look-up, plus an identifier index. Patched in place with
 * `add` and `remove` when a list version changes; cheap to rebuild per worker.
 */
export class ScreeningIndex {
  readonly reference: NameReference;
  readonly compiled: CompiledNameReference;
  readonly entries: (IndexedEntry | undefined)[] = [];
  readonly names: (IndexedName | undefined)[] = [];
  /** Token → token id; token ids index `tokens`, `postings`. */
  readonly vocabulary = new Map<string, number>();
  readonly tokens: string[] = [];
  readonly postings: number[][] = [];
  readonly trigrams = new Map<string, number[]>();
  readonly phonetic = new Map<string, number[]>();
  readonly identifiers = new Map<string, number[]>();
  /** Memo of query-token expansions (see find-candidates.ts); cleared whenever the index changes. */
  readonly expansions = new Map<string, Map<number, number>>();
  private readonly byEntityId = new Map<string, number>();
  private liveNames = 0;

  constructor(reference: NameReference) {
    this.reference = reference;
    this.compiled = compileNameReference(reference);
  }

  /** Number of parties indexed. */
  get size(): number {
    return this.byEntityId.size;
  }

  /** Number of names indexed (for weighting tokens by rarity). */
  get nameCount(): number {
    return this.liveNames;
  }

  /** Indexes a party (replacing any party with the same entity id). */
  add(party: Party, versionId?: number): void {
    const entityId = partyEntityId(party);
    if (this.byEntityId.has(entityId)) this.remove(entityId);
    this.expansions.clear();
    const entryId = this.entries.length;
    const entry: IndexedEntry = { party, entityId, names: [] };
    if (versionId !== undefined) entry.versionId = versionId;
    this.entries.push(entry);
    this.byEntityId.set(entityId, entryId);
    const seen = new Set<string>();
    for (const name of party.names) {
      if (!name.full || seen.has(name.full)) continue;
      seen.add(name.full);
      const normalized = normalizeName(name.full, this.reference, party.schema);
      const nameId = this.names.length;
      this.names.push({ entry: entryId, text: name.full, quality: name.quality, normalized });
      entry.names.push(nameId);
      this.liveNames++;
      for (const token of this.nameKeys(normalized)) this.post(token, nameId);
    }
    for (const id of party.identifiers) {
      const key = normalizeIdentifier(id.value);
      if (key.length < 4) continue;
      const list = this.identifiers.get(key) ?? [];
      list.push(entryId);
      this.identifiers.set(key, list);
    }
  }

  /** Removes a party by entity id (`source:sourceId`); true when it was indexed. */
  remove(entityId: string): boolean {
    const entryId = this.byEntityId.get(entityId);
    if (entryId === undefined) return false;
    const entry = this.entries[entryId]!;
    this.expansions.clear();
    for (const nameId of entry.names) {
      const name = this.names[nameId]!;
      for (const token of this.nameKeys(name.normalized)) {
        const tokenId = this.vocabulary.get(token);
        if (tokenId === undefined) continue;
        const list = this.postings[tokenId]!;
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

  /** The indexed entry of an entity id, if any. */
  get(entityId: string): IndexedEntry | undefined {
    const id = this.byEntityId.get(entityId);
    return id === undefined ? undefined : this.entries[id];
  }

  /** How many indexed names contain a token (0 when unknown). */
  documentFrequency(token: string): number {
    const id = this.vocabulary.get(token);
    return id === undefined ? 0 : this.postings[id]!.length;
  }

  /** The tokens a name is found by: its tokens, its original-script tokens, and its tokens joined. */
  private nameKeys(normalized: NormalizedName): Set<string> {
    const keys = new Set(normalized.tokens);
    if (normalized.tokens.length > 1) keys.add(normalized.tokens.join(''));
    for (const t of normalized.originalTokens ?? []) keys.add(t);
    return keys;
  }

  private post(token: string, nameId: number): void {
    let tokenId = this.vocabulary.get(token);
    if (tokenId === undefined) {
      tokenId = this.tokens.length;
      this.vocabulary.set(token, tokenId);
      this.tokens.push(token);
      this.postings.push([]);
      for (const tri of tokenTrigrams(token)) {
        const list = this.trigrams.get(tri);
        if (list) list.push(tokenId);
        else this.trigrams.set(tri, [tokenId]);
      }
      const key = phoneticKey(token);
      if (key.length >= 1) {
        const list = this.phonetic.get(key);
        if (list) list.push(tokenId);
        else this.phonetic.set(key, [tokenId]);
      }
    }
    const list = this.postings[tokenId]!;
    if (list[list.length - 1] !== nameId) list.push(nameId);
  }
}

/**
 * Builds a screening index from parties (each with its list version id).
 *
 * @example
 * const index = buildScreeningIndex(parties.map((party) => ({ party })), DEFAULT_NAME_REFERENCE);
 */
export function buildScreeningIndex(parties: Iterable<ScreeningIndexInput>, reference: NameReference): ScreeningIndex {
  const index = new ScreeningIndex(reference);
  for (const { party, versionId } of parties) index.add(party, versionId);
  return index;
}
