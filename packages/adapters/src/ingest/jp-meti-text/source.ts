import path from 'node:path';
import { DomainError, type ImportWarning, type Party } from '@entente/core';
import type { ListFormat, ParsedList, ParseOptions } from '../list-format.ts';
import { expandPaths, fileDate, findFilesUnder, readTextFile } from '../common/read-text-file.ts';
import { METI_LISTS } from './meti-lists.ts';
import { partyFromMetiEntry } from './parse-meti-entry.ts';
import { splitMetiEntries } from './split-meti-entries.ts';

const IS_TEXT = (name: string) => name.toLowerCase().endsWith('.txt');

/**
 * Japan METI end-user export-ban lists (Russia, Belarus, third countries), as
 * text extracted from the published PDFs; all three files form one source,
 * with the list prefix in each `sourceId` (`RU-1`, `BY-1`, `TC-1`).
 * Bounds: 644 entries in September 2025 (561 + 27 + 56); the minimum of 20
 * lets the Belarus list (27) be imported on its own, 3,000 leaves room for growth.
 *
 * @example
 * const [list] = await jpMetiTextFormat.parse(['lists/jp/meti-2025-09']);
 */
export const jpMetiTextFormat: ListFormat = {
  id: 'jp-meti-text',
  description:
    'Japan METI end-user export-ban lists (Russia, Belarus, third countries), text extracted from the PDFs',
  sources: ['jp-meti'],
  bounds: { 'jp-meti': { min: 20, max: 3_000 } },
  async parse(paths: string[], options: ParseOptions = {}): Promise<ParsedList[]> {
    const files = await expandPaths(paths, IS_TEXT);
    const parties: Party[] = [];
    const warnings: ImportWarning[] = [];
    let publishedAt = '';
    for (const file of files) {
      const text = splitMetiEntries(await readTextFile(file), file);
      const list =
        METI_LISTS.find((l) => l.heading.test(text.heading.replace(/\s+/g, ''))) ??
        METI_LISTS.find((l) => l.fileName.test(path.basename(file)));
      if (!list) {
        throw new DomainError(
          'file-rejected',
          `${file} is not a METI list for Russia, Belarus or third countries`,
          { file },
        );
      }
      if (text.entries.length === 0) {
        throw new DomainError('file-rejected', `${file} has no numbered entries`, { file });
      }
      const ctx = { list, file, warnings, ...(text.notice ? { notice: text.notice } : {}) };
      for (const entry of text.entries) {
        const party = partyFromMetiEntry(entry, ctx);
        if (party) parties.push(party);
      }
      const date = text.updatedOn ?? (await fileDate(file));
      if (date > publishedAt) publishedAt = date;
    }
    return [{ source: 'jp-meti', publishedAt: options.publishedAt ?? publishedAt, parties, warnings, files }];
  },
  async findInMirror(mirrorDir: string): Promise<string[][]> {
    const files = await findFilesUnder(path.join(mirrorDir, 'lists', 'jp'), IS_TEXT);
    const folders = [...new Set(files.map((f) => path.dirname(f)))];
    return folders.map((d) => files.filter((f) => path.dirname(f) === d));
  },
};
