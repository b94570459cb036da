import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deriveCorrespondences, isDomainError } from '@entente/core';
import { latestVersions } from '../controls/load-control-lists.ts';
import { parseCcl } from '../controls/parse-ccl.ts';
import { writeEcfrManifest, type EcfrFetch } from '../controls/ccl/ecfr-manifest.ts';
import { readCclSource } from '../controls/ccl/read-ccl-source.ts';
import type { OpenedStore } from '../store/open-store.ts';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import { withSyncLock } from '../store/sync-lock.ts';
import type { DownloadOptions } from './download-file.ts';
import { downloadDated } from './download-dated.ts';
import { resolveSourceUrl } from './publisher-sources.ts';
import { ECFR_PART_URL, US_ECFR_PARTS, type UsEcfrPart } from './us-ecfr-parts.ts';

/** Options of the online fetch of the US control data. */
export interface UsControlsSyncOptions extends DownloadOptions {
  /** Folder laid out like a mirror where the fetched texts are kept (`controls/us/ecfr/`). */
  sourcesDir: string;
  /** Fetch from this server instead, as `<base>/<host>/<path>` (`ENTENTE_SOURCES_BASE_URL`). */
  baseUrlOverride?: string;
  /** Today, for the eCFR date (tests). */
  now?: () => Date;
  /** Called before each part is fetched, and once more when all are done (`done === total`). */
  onPart?: (done: number, total: number, label: string) => void;
  /** Wait for a sync already running on the store instead of failing with `store-locked`. */
  waitForOtherSync?: boolean;
}

/** A part that could not be fetched or read, and why. */
export interface UsControlsFailure {
  part: number;
  what: string;
  code: string;
  message: string;
  url?: string;
  status?: number;
}

/** What the online fetch of the US control data did. */
export interface UsControlsSyncReport {
  /** Where the texts were saved (nothing is saved unless every part was fetched and read). */
  sourcesDir: string;
  fetched: { part: number; url: string; date: string; bytes: number }[];
  failed: UsControlsFailure[];
  /** The US control list stored from the fetched CCL, when everything was fetched. */
  ccl?: { version: string; eccns: number; entries: number; created: boolean };
  seconds: number;
}

/** Where a part's text is kept under a mirror-shaped folder. */
export function usEcfrDir(root: string): string {
  return path.join(root, 'controls', 'us', 'ecfr');
}

function failureOf(part: UsEcfrPart, url: string, error: unknown): UsControlsFailure {
  const details = isDomainError(error) ? error.details : {};
  return {
    part: part.part,
    what: part.what,
    code: isDomainError(error) ? error.code : 'sync-failed',
    message: error instanceof Error ? error.message : String(error),
    url: typeof details.url === 'string' ? details.url : url,
    ...(typeof details.status === 'number' ? { status: details.status } : {}),
  };
}

/**
 * Fetches parts 738, 740 and 774 of 15 CFR from the eCFR versioner API (one
 * date for all three: the latest day it answers), checks that each is the part
 * asked for and that the CCL reads, then saves them under
 * `sourcesDir/controls/us/ecfr/` with a manifest of address and date, and
 * stores the US control list read from them (with the crosswalk re-derived).
 * All or nothing: when any part fails, the report says which and why, and
 * neither the folder nor the store is changed.
 *
 * @example
 * const report = await syncUsControls(store, { sourcesDir: '.entente-sources' });
 */
export function syncUsControls(
  store: OpenedStore,
  options: UsControlsSyncOptions,
): Promise<UsControlsSyncReport> {
  return withSyncLock(store, () => syncLocked(store, options), { wait: options.waitForOtherSync });
}

async function syncLocked(store: OpenedStore, options: UsControlsSyncOptions): Promise<UsControlsSyncReport> {
  const started = Date.now();
  const work = await mkdtemp(path.join(os.tmpdir(), 'entente-ecfr-'));
  const fetched: UsControlsSyncReport['fetched'] = [];
  const failed: UsControlsFailure[] = [];
  const total = US_ECFR_PARTS.length;
  let day: string | undefined;
  try {
    for (const [i, part] of US_ECFR_PARTS.entries()) {
      options.onPart?.(i, total, `part ${part.part}: ${part.what}`);
      // `{date}` must survive URL resolution unescaped, so resolve around a placeholder.
      const template = ECFR_PART_URL.replace('{part}', String(part.part)).replace('{date}', 'ENTENTE-DATE');
      const at = resolveSourceUrl(template, options.baseUrlOverride, options.baseUrlOverride !== undefined)
        // Once one part answered for a day, the others are read on the same day.
        .replaceAll('ENTENTE-DATE', day ?? '{date}');
      try {
        const got = await downloadDated(
          at,
          path.join(work, part.file),
          options,
          options.now?.() ?? new Date(),
        );
        day ??= got.date;
        part.check(await readFile(got.file, 'utf8'), part.file, got.date ?? day ?? 'undated');
        fetched.push({ part: part.part, url: got.url, date: got.date ?? day ?? '', bytes: got.bytes });
      } catch (error) {
        failed.push(failureOf(part, at, error));
      }
    }
    options.onPart?.(total, total, 'done');
    if (failed.length > 0)
      return { sourcesDir: options.sourcesDir, fetched, failed, seconds: seconds(started) };
    const dir = usEcfrDir(options.sourcesDir);
    await mkdir(dir, { recursive: true });
    const manifest: Record<string, EcfrFetch> = {};
    const fetchedAt = new Date().toISOString();
    for (const [i, part] of US_ECFR_PARTS.entries()) {
      await copyFile(path.join(work, part.file), path.join(dir, part.file));
      manifest[part.file] = { url: fetched[i]!.url, date: fetched[i]!.date, fetchedAt };
    }
    await writeEcfrManifest(dir, manifest);
    const ccl = await storeCcl(store, path.join(options.sourcesDir, 'controls', 'us'));
    return {
      sourcesDir: options.sourcesDir,
      fetched,
      failed,
      ...(ccl ? { ccl } : {}),
      seconds: seconds(started),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const seconds = (started: number) => (Date.now() - started) / 1000;

/** Stores the US list read from the saved CCL and re-derives the crosswalk over the newest lists. */
async function storeCcl(store: OpenedStore, controlsUsDir: string): Promise<UsControlsSyncReport['ccl']> {
  const source = await readCclSource([controlsUsDir]);
  const list = parseCcl(source);
  const controls = new PostgresControlStore(store.kysely);
  const { created } = await controls.saveControlList(list);
  const others = (await controls.controlLists()).filter((l) => l.id !== 'US');
  await controls.replaceCorrespondences(deriveCorrespondences(latestVersions([...others, list])));
  return { version: list.version, eccns: source.entries.length, entries: list.entries.length, created };
}
