import { DomainError, type ListVersion, type Store } from '@entente/core';
import type { ListFormat, ParsedList, ParseOptions } from '../ingest/list-format.ts';

/** A new version with fewer than this share of the previous version's records is refused unless forced. */
const MIN_SHARE_OF_PREVIOUS = 0.5;

/** What one import did for one list. */
export interface ImportReport {
  source: string;
  format: string;
  publishedAt: string;
  records: number;
  /** False when identical content was already stored: nothing changed. */
  created: boolean;
  versionId: number;
  warningCount: number;
  warningsByKind: Record<string, number>;
  /** The first few warnings, with file, row and field. */
  warnings: ParsedList['warnings'];
  files: string[];
}

/** Options of `entente import`. */
export interface ImportOptions extends ParseOptions {
  /** Accept a record count outside the source's bounds or far below the previous version. */
  force?: boolean;
  /** Called with a short message as the import progresses. */
  onProgress?: (message: string) => void;
}

/** The format with this id, or a clear error listing the accepted ids. */
export function findFormat(formats: readonly ListFormat[], id: string): ListFormat {
  const format = formats.find((f) => f.id === id);
  if (!format) {
    throw new DomainError('unknown-format', `Unknown format "${id}"`, {
      field: 'format',
      accepted: formats.map((f) => f.id),
    });
  }
  return format;
}

function nearestVersion(versions: ListVersion[], publishedAt: string): ListVersion | undefined {
  // Versions come newest first; the previous one is the newest not after this publication.
  return versions.find((v) => v.publishedAt <= publishedAt) ?? versions.at(-1);
}

/** Refuses a parse whose size looks wholly wrong for its source. */
function checkCounts(
  format: ListFormat,
  list: ParsedList,
  previous: ListVersion | undefined,
  force: boolean,
): void {
  if (force) return;
  const n = list.parties.length;
  const file = list.files[0];
  if (n === 0)
    throw new DomainError('file-rejected', `No records found in ${list.files.join(', ')}`, { file });
  // Sources named at import time (`custom:<name>`, `ftm:<dataset>`) share one `prefix:*` entry.
  const bounds =
    format.bounds[list.source] ??
    Object.entries(format.bounds).find(
      ([k]) => k.endsWith(':*') && list.source.startsWith(k.slice(0, -1)),
    )?.[1];
  if (bounds && (n < bounds.min || n > bounds.max)) {
    throw new DomainError(
      'count-out-of-bounds',
      `${list.source}: ${n} records is outside the expected ${bounds.min}–${bounds.max} for this source (use --force to import anyway)`,
      { file, records: n, min: bounds.min, max: bounds.max },
    );
  }
  if (previous && n < previous.recordCount * MIN_SHARE_OF_PREVIOUS) {
    throw new DomainError(
      'count-out-of-bounds',
      `${list.source}: ${n} records is far fewer than the ${previous.recordCount} of the version of ${previous.publishedAt} (use --force to import anyway)`,
      { file, records: n, previous: previous.recordCount, previousVersion: previous.id },
    );
  }
}

/**
 * Parses files in one format and stores each list found as a version: all of a
 * version or nothing. Identical content is a no-op; a list that looks wholly
 * wrong is refused and the store is left as it was.
 *
 * @example
 * await importList(store, findFormat(LIST_FORMATS, 'un-sc-xml'), ['consolidated.xml']);
 */
export async function importList(
  store: Store,
  format: ListFormat,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport[]> {
  options.onProgress?.(`reading ${paths.join(', ')}`);
  const lists = await format.parse(paths, options);
  const reports: ImportReport[] = [];
  for (const list of lists) {
    // A date given by the user applies to a single publication; formats that return several dated
    // states (EU amending acts) date each one themselves.
    const publishedAt = lists.length === 1 ? (options.publishedAt ?? list.publishedAt) : list.publishedAt;
    const existing = await store.versionWithContent(list.source, list.parties);
    if (!existing) {
      const previous = nearestVersion(await store.listVersions(list.source), publishedAt);
      checkCounts(format, list, previous, options.force ?? false);
    }
    options.onProgress?.(`storing ${list.parties.length} records of ${list.source} (${publishedAt})`);
    const { version, created } = await store.saveListVersion({
      source: list.source,
      publishedAt,
      format: format.id,
      files: list.files,
      parties: list.parties,
      warnings: list.warnings,
    });
    reports.push({
      source: list.source,
      format: format.id,
      publishedAt: version.publishedAt,
      records: version.recordCount,
      created,
      versionId: version.id,
      warningCount: list.warnings.length,
      warningsByKind: version.warningsByKind,
      warnings: list.warnings.slice(0, 20),
      files: list.files,
    });
  }
  return reports;
}
