/** A row-level problem found while reading a list; the row is kept when it still has a name. */
export interface ImportWarning {
  /** Warning kind, counted per kind in the import report (`missing-name`, `bad-date`, `unknown-country`, …). */
  kind: string;
  file: string;
  /** 1-based row or record number in the file, where it applies. */
  row?: number;
  field?: string;
  message: string;
}

/** One dated publication of one restricted-party list, as stored. */
export interface ListVersion {
  id: number;
  source: string;
  /** Publication date of the data (`YYYY-MM-DD`), as the publisher states or the file name says. */
  publishedAt: string;
  importedAt: string;
  /** SHA-256 of the normalised parsed content; importing identical content twice is a no-op. */
  contentHash: string;
  format: string;
  recordCount: number;
  warningCount: number;
  /** Warning counts per kind. */
  warningsByKind: Record<string, number>;
  files: string[];
}

/** Which fields changed for one party between two versions. */
export interface PartyChange {
  entityId: string;
  sourceId: string;
  name: string;
  fields: string[];
}

/** What changed between two versions of one list. */
export interface ListDiff {
  source: string;
  from: Pick<ListVersion, 'id' | 'publishedAt'>;
  to: Pick<ListVersion, 'id' | 'publishedAt'>;
  added: { entityId: string; sourceId: string; name: string }[];
  removed: { entityId: string; sourceId: string; name: string }[];
  changed: PartyChange[];
}
