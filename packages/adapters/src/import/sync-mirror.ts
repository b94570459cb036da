import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { DomainError, isDomainError, type Store } from '@entente/core';
import type { ListFormat } from '../ingest/list-format.ts';
import { importList, type ImportReport } from './import-list.ts';
import { loadControlLists, type ControlLoadReport } from '../controls/load-control-lists.ts';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import { withSyncLock } from '../store/sync-lock.ts';
import type { Database } from '../store/database.ts';
import type { OpenedStore } from '../store/open-store.ts';

/** A store, with its SQL database when it has one (then the control lists are synced too). */
type SqlStore = Store & Partial<Pick<OpenedStore, 'kysely'>>;

/** A file or group the sync did not import, and why. */
export interface SkippedItem {
  path: string;
  reason: string;
  code?: string;
}

/** What `entente sync` did. */
export interface SyncReport {
  mirrorDir: string;
  imported: ImportReport[];
  skipped: SkippedItem[];
  /** The control lists and crosswalk loaded from `controls/` (absent when the mirror has none). */
  controls?: ControlLoadReport;
  seconds: number;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(p);
    }
  };
  await walk(dir);
  return out;
}

const isFixture = (group: string[]) => group.some((p) => /-fixture[/\\]/.test(p));
const isDocumentation = (p: string) =>
  /(^|[/\\])(README|LICENSE|FORMAT)[^/\\]*$/i.test(p) || p.endsWith('.md');

/** Settings of `syncMirror`. */
export interface SyncMirrorOptions {
  force?: boolean;
  /** Wait for a sync already running on the store instead of failing with `store-locked`. */
  waitForOtherSync?: boolean;
  onProgress?: (message: string) => void;
  onGroup?: (done: number, total: number, label: string) => void;
  /** Where `sync --online` saved eCFR texts, preferred to the mirror's derived CCL. */
  sourcesDir?: string;
}

/**
 * Imports everything found in a mirror directory laid out like `../shared/data`
 * (`lists/…`): each format finds its files, groups are imported oldest folder
 * first, and every file nobody imported is reported with the reason.
 * Fixture folders (`*-fixture`) are skipped when the same format has a real publication there.
 * One sync at a time runs on a store (`withSyncLock`).
 */
export function syncMirror(
  store: SqlStore,
  formats: readonly ListFormat[],
  mirrorDir: string,
  options: SyncMirrorOptions = {},
): Promise<SyncReport> {
  return withSyncLock(store, () => syncMirrorLocked(store, formats, mirrorDir, options), {
    wait: options.waitForOtherSync,
  });
}

async function syncMirrorLocked(
  store: SqlStore,
  formats: readonly ListFormat[],
  mirrorDir: string,
  options: SyncMirrorOptions,
): Promise<SyncReport> {
  const started = Date.now();
  const listsDir = path.join(mirrorDir, 'lists');
  const all = await listFiles(listsDir);
  if (all.length === 0) {
    throw new DomainError('file-unreadable', `No lists/ folder with files in the mirror ${mirrorDir}`, {
      file: listsDir,
    });
  }
  const claimed = new Set<string>();
  const jobs: { format: ListFormat; group: string[] }[] = [];
  const skipped: SkippedItem[] = [];
  for (const format of formats) {
    const groups = (await format.findInMirror(mirrorDir)).map((g) => [...g].sort());
    const real = groups.filter((g) => !isFixture(g));
    for (const group of groups.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))) {
      // Formats may name their files relative to the mirror or absolutely: compare resolved paths.
      group.forEach((p) => claimed.add(path.resolve(p)));
      if (isFixture(group) && real.length > 0) {
        skipped.push({
          path: path.dirname(group[0] ?? ''),
          reason: `test fixture; a real ${format.id} publication is in the mirror`,
        });
      } else {
        jobs.push({ format, group });
      }
    }
  }
  for (const file of all) {
    if (!claimed.has(path.resolve(file)) && !isDocumentation(file)) {
      skipped.push({ path: file, reason: 'no import format recognises this file' });
    }
  }
  const imported: ImportReport[] = [];
  const kysely = store.kysely;
  const controlsDir = path.join(mirrorDir, 'controls');
  const withControls = kysely !== undefined && existsSync(controlsDir);
  const total = jobs.length + (withControls ? 1 : 0);
  let done = 0;
  for (const { format, group } of jobs) {
    const label = `${format.id} ${path.relative(mirrorDir, path.dirname(group[0] ?? ''))}`;
    options.onGroup?.(done, total, label);
    try {
      imported.push(
        ...(await importList(store, format, group, { force: options.force, onProgress: options.onProgress })),
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      skipped.push({ path: group.join(', '), reason: error.message, code: error.code });
    }
    done++;
    options.onGroup?.(done, total, label);
  }
  let controls: ControlLoadReport | undefined;
  if (kysely && withControls) {
    options.onGroup?.(done, total, 'control lists');
    controls = await syncControlLists(kysely, mirrorDir, skipped, options.sourcesDir);
    options.onGroup?.(total, total, 'control lists');
  }
  return {
    mirrorDir,
    imported,
    skipped,
    ...(controls ? { controls } : {}),
    seconds: (Date.now() - started) / 1000,
  };
}

/** Loads the control lists of `mirrorDir/controls/`, reporting a rejected file as a skipped item. */
async function syncControlLists(
  kysely: Kysely<Database>,
  mirrorDir: string,
  skipped: SkippedItem[],
  sourcesDir: string | undefined,
): Promise<ControlLoadReport | undefined> {
  try {
    return await loadControlLists(new PostgresControlStore(kysely), {
      mirrorDir,
      ...(sourcesDir ? { sourcesDir } : {}),
    });
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    if (!isDomainError(error) && !missing) throw error;
    skipped.push({
      path: path.join(mirrorDir, 'controls'),
      reason: (error as Error).message,
      code: isDomainError(error) ? error.code : 'file-unreadable',
    });
    return undefined;
  }
}
