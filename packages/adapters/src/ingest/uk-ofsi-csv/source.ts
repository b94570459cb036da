import path from 'node:path';
import type { ImportWarning, Party } from '@entente/core';
import type { ListFormat, ParsedList, ParseOptions } from '../list-format.ts';
import { expandPaths, fileDate, findFilesUnder, readTextFile } from '../common/read-text-file.ts';
import { parseOfsiCsv } from './parse-ofsi-csv.ts';

const IS_CONLIST = (name: string) => /^conlist.*\.csv$/i.test(name);

/**
 * The UK OFSI consolidated list of financial sanctions targets, CSV (old
 * format, `ConList.csv`): one row per name, rows grouped by Group ID.
 * Bounds: the full list had about 4,900 groups in 2020 (max 15,000 leaves room
 * for growth); the minimum of 20 admits the 36-group fixture excerpt.
 *
 * @example
 * const [list] = await ukOfsiCsvFormat.parse(['ConList.csv']);
 */
export const ukOfsiCsvFormat: ListFormat = {
  id: 'uk-ofsi-csv',
  description: 'UK OFSI consolidated list of financial sanctions targets, CSV (ConList.csv)',
  sources: ['uk-ofsi'],
  bounds: { 'uk-ofsi': { min: 20, max: 15_000 } },
  async parse(paths: string[], options: ParseOptions = {}): Promise<ParsedList[]> {
    const files = await expandPaths(paths, (n) => n.toLowerCase().endsWith('.csv'));
    const parties: Party[] = [];
    const warnings: ImportWarning[] = [];
    let publishedAt = '';
    for (const file of files) {
      const result = parseOfsiCsv(await readTextFile(file), file);
      parties.push(...result.parties);
      warnings.push(...result.warnings);
      const date = result.publishedAt ?? (await fileDate(file));
      if (date > publishedAt) publishedAt = date;
    }
    return [{ source: 'uk-ofsi', publishedAt: options.publishedAt ?? publishedAt, parties, warnings, files }];
  },
  async findInMirror(mirrorDir: string): Promise<string[][]> {
    const files = await findFilesUnder(path.join(mirrorDir, 'lists', 'uk'), IS_CONLIST);
    return files.map((f) => [f]);
  },
};
