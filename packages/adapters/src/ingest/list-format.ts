import type { ImportWarning, Party } from '@entente/core';

/** One version of one list, parsed from the publisher's files and ready to store. */
export interface ParsedList {
  /** Stable source id (`us-ofac-sdn`, `un-sc`, `custom:<name>`, …). */
  source: string;
  /** Publication date of the data, `YYYY-MM-DD` (from the content, else from the file or folder name). */
  publishedAt: string;
  parties: Party[];
  /** Row-level problems: file, row, field; the row is kept when it has a name. */
  warnings: ImportWarning[];
  /** The files read, as given. */
  files: string[];
}

/** Options a user can pass to `entente import`. */
export interface ParseOptions {
  /** `custom-csv`: the list name; the source becomes `custom:<name>`. */
  listName?: string;
  /** Overrides the publication date found in the data. */
  publishedAt?: string;
}

/** Record-count bounds per source: a parse outside them means the file looks wholly wrong. */
export type CountBounds = Record<string, { min: number; max: number }>;

/**
 * A publisher's file format: how to parse it, and how to find its files in a
 * mirror directory laid out like `../shared/data`.
 */
export interface ListFormat {
  /** The id users type: `entente import <id> <path...>`. */
  id: string;
  /** One line for `entente import --help`. */
  description: string;
  /** The sources this format produces. */
  sources: string[];
  bounds: CountBounds;
  /**
   * Parses the given files (or a folder holding them). May return several
   * lists when one publication carries several (eCFR 744: Entity List and MEU).
   * Throws `DomainError('file-rejected' | 'file-unreadable', …)` with `file`
   * (and `row`/`field` when it applies) when the input looks wholly wrong.
   */
  parse(paths: string[], options?: ParseOptions): Promise<ParsedList[]>;
  /**
   * The groups of files in a mirror directory that this format reads, one
   * group per `parse` call (e.g. `[['lists/us/ofac-sdn-2021-07/sdn.csv', '…/alt.csv', …]]`).
   * Paths are absolute.
   */
  findInMirror(mirrorDir: string): Promise<string[][]>;
}
