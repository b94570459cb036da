import path from 'node:path';
import { DomainError } from '@entente/core';
import type { ListFormat } from '../list-format.ts';
import { expandPaths } from '../common/expand-paths.ts';
import { dateFromPath, listMirrorFiles, readFileHead } from '../common/list-mirror-files.ts';
import { buildEuVersions } from './build-eu-versions.ts';
import { AMENDMENT_HEADER, CONSOLIDATED_HEADER } from './eu-columns.ts';
import { readEuJournalCsv } from './read-eu-journal-csv.ts';

function isEuJournalHead(head: string): boolean {
  const first = head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    ?.trim();
  return first === CONSOLIDATED_HEADER || first === AMENDMENT_HEADER;
}

/**
 * EU sanctions annexes transcribed from the Official Journal, one CSV per act
 * (`consolidated/` framework snapshots, `amendments/` amending acts), source
 * `eu-sanctions`. `parse` returns one list per dated state: the consolidated
 * baseline, then one per amending act applied on top (see `buildEuVersions`).
 * Bounds: the 2026-08 snapshot holds 8,015 designations (8,017 rows); EU
 * listings have grown from about 2,000 (2021) with the Russia packages, so
 * 4,000 to 20,000 rejects a partial folder without failing on growth.
 *
 * @example
 * const versions = await euJournalCsvFormat.parse(['lists/eu/journal-2026-08']);
 */
export const euJournalCsvFormat: ListFormat = {
  id: 'eu-journal-csv',
  description:
    'EU sanctions annexes from the Official Journal (one CSV per act: consolidated + amending acts)',
  sources: ['eu-sanctions'],
  bounds: { 'eu-sanctions': { min: 4000, max: 20000 } },
  async parse(paths, options = {}) {
    const files = await expandPaths(paths, (f) => f.toLowerCase().endsWith('.csv'));
    const read = await Promise.all(files.map(readEuJournalCsv));
    const consolidated = read.filter((f) => f.kind === 'consolidated');
    const amendments = read.filter((f) => f.kind === 'amendment');
    if (consolidated.length === 0) {
      throw new DomainError(
        'file-rejected',
        `Amending acts need the consolidated files as their baseline: ${files[0]}`,
        {
          file: files[0],
        },
      );
    }
    const fallbackDate = dateFromPath(path.dirname(files[0] ?? '')) ?? dateFromPath(files[0] ?? '');
    if (!fallbackDate && amendments.length === 0 && !options.publishedAt) {
      throw new DomainError('file-rejected', `No publication date for ${files[0]}: pass publishedAt`, {
        file: files[0],
      });
    }
    return buildEuVersions(consolidated, amendments, {
      ...(options.publishedAt ? { baselineDate: options.publishedAt } : {}),
      fallbackDate: fallbackDate ?? '',
    });
  },
  async findInMirror(mirrorDir) {
    const groups = new Map<string, string[]>();
    for (const file of await listMirrorFiles(path.join(mirrorDir, 'lists'))) {
      if (!file.toLowerCase().endsWith('.csv') || !isEuJournalHead(await readFileHead(file, 1024))) continue;
      const dataset = path.dirname(path.dirname(file));
      groups.set(dataset, [...(groups.get(dataset) ?? []), file]);
    }
    return [...groups.values()];
  },
};
