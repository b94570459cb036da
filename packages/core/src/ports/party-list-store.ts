import type { ImportWarning, ListDiff, ListVersion } from '../model/list-version.ts';
import type { Party } from '../model/party.ts';

/** What an import hands to the store: one whole version of one list. */
export interface NewListVersion {
  source: string;
  publishedAt: string;
  format: string;
  files: string[];
  parties: Party[];
  warnings: ImportWarning[];
}

/** The result of saving a version: the version, and whether it was new content. */
export interface SaveListVersionResult {
  version: ListVersion;
  /** False when identical content was already stored (the import was a no-op). */
  created: boolean;
}

/** A party as stored, with the version it belongs to. */
export interface StoredParty {
  entityId: string;
  versionId: number;
  party: Party;
}

/** Persistence of restricted-party list versions. */
export interface PartyListStore {
  /** Saves a whole version in one transaction; identical content is a no-op. */
  saveListVersion(input: NewListVersion): Promise<SaveListVersionResult>;
  /** The stored version of `source` with exactly this content, if any (imports of it are no-ops). */
  versionWithContent(source: string, parties: Party[]): Promise<ListVersion | undefined>;
  /** Versions, newest first; all sources when `source` is omitted. */
  listVersions(source?: string): Promise<ListVersion[]>;
  /** The newest version of every source. */
  latestVersions(): Promise<ListVersion[]>;
  /** Every party of one version, or only those with the given entity ids. */
  partiesOfVersion(versionId: number, entityIds?: readonly string[]): Promise<StoredParty[]>;
  /** The party in the latest version of its source (or in `versionId`). */
  getParty(entityId: string, versionId?: number): Promise<StoredParty | undefined>;
  /** Parties in the latest versions that carry the given UN reference number. */
  partiesByUnReference(unReference: string): Promise<StoredParty[]>;
  /** Added, removed and changed parties between two versions of one source. */
  diffVersions(source: string, fromId?: number, toId?: number): Promise<ListDiff>;
}
