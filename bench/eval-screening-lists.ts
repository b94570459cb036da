/**
 * Loads every restricted-party list the ingest parsers can read from the
 * mirror (one publication per format: the largest), for the screening
 * evaluation and speed benchmarks. Formats whose parser is missing or fails
 * are reported and skipped.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NewListVersion, Party } from '@entente/core';
import { SHARED_DATA } from '../packages/adapters/src/test-support/shared-data.ts';

/** The repository root (this file is bench/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The mirror directory: the shared data the tests read (`ENTENTE_SHARED_DATA` or `../shared/data`). */
export const MIRROR = SHARED_DATA;

/** Format folders tried, in order; `ENTENTE_BENCH_FORMATS=a,b` narrows the set. */
const FORMAT_DIRS = [
  'un-sc-xml',
  'us-csl',
  'eu-journal-csv',
  'ofac-sdn-csv',
  'uk-ofsi-csv',
  'ca-sema-xml',
  'au-dfat-xlsx',
  'jp-meti-text',
  'bis-dpl',
];

/** Format ids skipped because another format already covers the same publication. */
const SKIP_IDS = new Set(['us-csl-csv']);

interface ListFormatLike {
  id: string;
  parse(paths: string[]): Promise<{ source: string; parties: Party[] }[]>;
  findInMirror(dir: string): Promise<string[][]>;
}

/** One loaded list: where it came from and how long it took. */
export interface LoadedList {
  format: string;
  source: string;
  files: string[];
  parties: Party[];
  ms: number;
}

function isListFormat(value: unknown): value is ListFormatLike {
  const v = value as ListFormatLike;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.id === 'string' &&
    typeof v.parse === 'function' &&
    typeof v.findInMirror === 'function'
  );
}

const groupSize = (files: string[]): number =>
  files.reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);

/** Parses the largest publication of each available format in the mirror. */
export async function loadMirrorLists(
  mirror = MIRROR,
  log: (line: string) => void = console.error,
): Promise<LoadedList[]> {
  const wanted = process.env.ENTENTE_BENCH_FORMATS?.split(',');
  const lists: LoadedList[] = [];
  for (const dir of FORMAT_DIRS) {
    if (wanted && !wanted.includes(dir)) continue;
    const file = path.join(REPO_ROOT, 'packages/adapters/src/ingest', dir, 'source.ts');
    if (!existsSync(file)) {
      log(`  ${dir}: no parser yet, skipped`);
      continue;
    }
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      log(`  ${dir}: parser failed to load (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    for (const format of Object.values(mod).filter(isListFormat)) {
      if (SKIP_IDS.has(format.id)) continue;
      try {
        const groups = (await format.findInMirror(mirror)).filter((g) => !g.some((f) => /fixture/i.test(f)));
        if (groups.length === 0) continue;
        const group = groups.sort((a, b) => groupSize(b) - groupSize(a))[0]!;
        const t0 = performance.now();
        const parsed = await format.parse(group);
        const ms = performance.now() - t0;
        // A format may return every version of a list (EU amending acts): keep the latest per source.
        const latest = new Map(parsed.map((list) => [list.source, list]));
        for (const list of latest.values()) {
          lists.push({ format: format.id, source: list.source, files: group, parties: list.parties, ms });
          log(
            `  ${format.id}: ${list.source} ${list.parties.length} parties from ${path.relative(mirror, group[0]!)} (${ms.toFixed(0)} ms)`,
          );
        }
      } catch (e) {
        log(`  ${format.id}: parse failed (${(e as Error).message.split('\n')[0]})`);
      }
    }
  }
  return lists;
}

/** Stores each loaded list as one list version published on `publishedAt` (benchmarks over a store). */
export async function saveMirrorLists(
  store: { saveListVersion(version: NewListVersion): Promise<unknown> },
  lists: LoadedList[],
  publishedAt = '2026-12-01',
): Promise<void> {
  for (const l of lists)
    await store.saveListVersion({
      source: l.source,
      publishedAt,
      format: l.format,
      files: l.files,
      parties: l.parties,
      warnings: [],
    });
}
