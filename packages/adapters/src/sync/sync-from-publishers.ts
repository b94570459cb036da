import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DomainError, isDomainError, type Store } from '@entente/core';
import type { ListFormat } from '../ingest/list-format.ts';
import { findFormat, importList, type ImportReport } from '../import/import-list.ts';
import { withSyncLock } from '../store/sync-lock.ts';
import type { DownloadOptions } from './download-file.ts';
import { downloadDated } from './download-dated.ts';
import {
  loadPublisherSources,
  resolveSourceUrl,
  type PublisherSource,
  type PublisherSourceMode,
} from './publisher-sources.ts';

/** Options of `entente sync --online`. */
export interface PublisherSyncOptions extends Omit<DownloadOptions, 'fetch'> {
  /** Sources file (default: the shipped `publisher-sources.json`). */
  sourcesFile?: string;
  fetch?: typeof fetch;
  /** Fetch every file from this server instead (`<base>/<host>/<path>`; relative URLs from `<base>/`). */
  baseUrlOverride?: string;
  /** Entry ids to sync (may name `optional` entries); default: every `automatic` entry. */
  only?: string[];
  /** Accept record counts outside a source's bounds. */
  force?: boolean;
  /** Wait for a sync already running on the store instead of failing with `store-locked` (API nodes starting together). */
  waitForOtherSync?: boolean;
  onProgress?: (message: string) => void;
  /** Called before each publication is fetched, and once more when all are done (`done === total`). */
  onEntry?: (done: number, total: number, label: string) => void;
  /** Today, for `{date}` in URLs (tests). */
  now?: () => Date;
}

/** A publication that could not be synced, and why; the others went on. */
export interface PublisherSyncFailure {
  entry: string;
  sources: string[];
  code: string;
  message: string;
  url?: string;
  status?: number;
}

/** A publication left out of this sync, and why. */
export interface PublisherSyncSkip {
  entry: string;
  sources: string[];
  mode: PublisherSourceMode;
  why: string;
}

/** What an online sync did. */
export interface PublisherSyncReport {
  sourcesFile: string;
  imported: ImportReport[];
  failed: PublisherSyncFailure[];
  skipped: PublisherSyncSkip[];
  seconds: number;
}

function selectEntries(entries: PublisherSource[], only: string[] | undefined) {
  if (only) {
    const unknown = only.filter((id) => !entries.some((e) => e.id === id));
    if (unknown.length > 0) {
      throw new DomainError('unknown-source', `Unknown sources-file entry ${unknown.join(', ')}`, {
        field: 'only',
        accepted: entries.map((e) => e.id),
      });
    }
  }
  const wanted = (e: PublisherSource) => (only ? only.includes(e.id) : e.mode === 'automatic');
  const downloadable = (e: PublisherSource) => e.mode === 'automatic' || e.mode === 'optional';
  return {
    run: entries.filter((e) => wanted(e) && downloadable(e)),
    skipped: entries
      .filter((e) => !(wanted(e) && downloadable(e)))
      .map((e) => ({ entry: e.id, sources: e.sources, mode: e.mode, why: e.why ?? 'not selected' })),
  };
}

async function syncEntry(
  store: Store,
  format: ListFormat,
  entry: PublisherSource,
  dir: string,
  base: string | undefined,
  options: PublisherSyncOptions,
) {
  await mkdir(dir, { recursive: true });
  const today = options.now?.() ?? new Date();
  const paths: string[] = [];
  for (const file of entry.files) {
    // `{date}` must survive URL resolution unescaped, so resolve around a placeholder.
    const url = resolveSourceUrl(
      file.url.replaceAll('{date}', 'ENTENTE-DATE'),
      base,
      options.baseUrlOverride !== undefined,
    ).replaceAll('ENTENTE-DATE', '{date}');
    options.onProgress?.(`${entry.id}: downloading ${url}`);
    const got = await downloadDated(url, path.join(dir, file.name), options, today);
    options.onProgress?.(`${entry.id}: ${got.bytes} bytes from ${got.url}`);
    paths.push(got.file);
  }
  return importList(store, format, paths, { force: options.force, onProgress: options.onProgress });
}

function failureOf(entry: PublisherSource, error: unknown): PublisherSyncFailure {
  const details = isDomainError(error) ? error.details : {};
  return {
    entry: entry.id,
    sources: entry.sources,
    code: isDomainError(error) ? error.code : 'sync-failed',
    message: error instanceof Error ? error.message : String(error),
    ...(typeof details.url === 'string' ? { url: details.url } : {}),
    ...(typeof details.status === 'number' ? { status: details.status } : {}),
  };
}

/**
 * Downloads each publication of the sources file from its publisher into a
 * temporary folder and imports it with `importList`. A source that fails (HTTP
 * error, timeout, rejected file) is reported and the others go on; unchanged
 * content is a no-op, as for any import.
 *
 * @example
 * const report = await syncFromPublishers(store, LIST_FORMATS, { onProgress: console.error });
 */
export function syncFromPublishers(
  store: Store,
  formats: readonly ListFormat[],
  options: PublisherSyncOptions = {},
): Promise<PublisherSyncReport> {
  return withSyncLock(store, () => syncFromPublishersLocked(store, formats, options), {
    wait: options.waitForOtherSync,
  });
}

async function syncFromPublishersLocked(
  store: Store,
  formats: readonly ListFormat[],
  options: PublisherSyncOptions,
): Promise<PublisherSyncReport> {
  const started = Date.now();
  const sources = await loadPublisherSources(formats, options.sourcesFile);
  const { run, skipped } = selectEntries(sources.entries, options.only);
  const base = options.baseUrlOverride ?? sources.baseUrl;
  const imported: ImportReport[] = [];
  const failed: PublisherSyncFailure[] = [];
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'entente-sync-'));
  try {
    for (const [i, entry] of run.entries()) {
      options.onEntry?.(i, run.length, entry.id);
      try {
        imported.push(
          ...(await syncEntry(
            store,
            findFormat(formats, entry.format),
            entry,
            path.join(workDir, entry.id),
            base,
            options,
          )),
        );
      } catch (error) {
        const failure = failureOf(entry, error);
        options.onProgress?.(`${entry.id}: failed: ${failure.message}`);
        failed.push(failure);
      } finally {
        // Free the disk as we go: a full sync downloads tens of megabytes.
        await rm(path.join(workDir, entry.id), { recursive: true, force: true });
      }
    }
    options.onEntry?.(run.length, run.length, 'done');
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return { sourcesFile: sources.file, imported, failed, skipped, seconds: (Date.now() - started) / 1000 };
}
