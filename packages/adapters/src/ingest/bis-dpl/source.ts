import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ListFormat, ParsedList, ParseOptions } from '../list-format.ts';
import { dateFromPath, expandInputPaths, readInputText } from '../common/read-input-text.ts';
import { DPL_SOURCE, parseBisDpl } from './parse-bis-dpl.ts';

/** Parses one DPL file; the publication date is the options', else the latest `Last_Update`, else the path's. */
export async function parseBisDplFile(file: string, options: ParseOptions = {}): Promise<ParsedList> {
  const { parties, warnings, lastUpdate } = parseBisDpl(await readInputText(file), file);
  const fromPath = dateFromPath(file);
  const publishedAt =
    options.publishedAt ??
    lastUpdate ??
    (fromPath ? fromPath.padEnd(10, '-01') : (await stat(file)).mtime.toISOString().slice(0, 10));
  return { source: DPL_SOURCE, publishedAt, parties, warnings, files: [file] };
}

const HEADER = /^"?Name"?\t"?Street_Address"?\t/;

/**
 * `bis-dpl`: the BIS Denied Persons List, tab-separated. Bounds: the 2023 file
 * has 665 rows (536 denied persons); the minimum of 5 admits small hand-made
 * fixtures while rejecting an empty extract, the maximum allows a fivefold growth.
 */
export const bisDplFormat: ListFormat = {
  id: 'bis-dpl',
  description: 'BIS Denied Persons List (tab-separated dpl.txt)',
  sources: [DPL_SOURCE],
  bounds: { [DPL_SOURCE]: { min: 5, max: 5_000 } },
  async parse(paths, options) {
    const files = await expandInputPaths(paths, (n) => /\.txt$/i.test(n));
    return Promise.all(files.map((f) => parseBisDplFile(f, options)));
  },
  async findInMirror(mirrorDir) {
    const root = path.join(mirrorDir, 'lists');
    let entries: string[];
    try {
      entries = await readdir(root, { recursive: true });
    } catch {
      return [];
    }
    const groups: string[][] = [];
    for (const rel of entries.filter((e) => /\.txt$/i.test(e)).sort()) {
      const file = path.join(root, rel);
      if (!(await stat(file)).isFile()) continue;
      const head = (await readFile(file, 'utf8')).slice(0, 200);
      if (HEADER.test(head)) groups.push([file]);
    }
    return groups;
  },
};
