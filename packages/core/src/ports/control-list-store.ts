import type { ControlList, ControlListId, Correspondence } from '../controls/control-entry.ts';

/** A stored version of one control list, without its entries. */
export interface ControlListVersionInfo {
  id: number;
  listId: ControlListId;
  version: string;
  validFrom: string;
  validTo?: string;
  contentHash: string;
  entryCount: number;
}

/** Persistence of control-list versions and the crosswalk between them. */
export interface ControlListStore {
  /** Saves one version of one list in one transaction; identical content is a no-op. */
  saveControlList(list: ControlList): Promise<{ version: ControlListVersionInfo; created: boolean }>;
  /** Stored versions, newest first; all lists when `listId` is omitted. */
  listControlVersions(listId?: ControlListId): Promise<ControlListVersionInfo[]>;
  /** Every list version in force on `at` (the newest version of each list when omitted), with entries. */
  controlLists(at?: string): Promise<ControlList[]>;
  /** Replaces the whole crosswalk in one transaction; identical content is a no-op. */
  replaceCorrespondences(correspondences: Correspondence[]): Promise<{ created: boolean; count: number }>;
  /** Correspondences touching an entry id (`US:3A001`), or all when omitted. */
  correspondences(entryId?: string): Promise<Correspondence[]>;
}
