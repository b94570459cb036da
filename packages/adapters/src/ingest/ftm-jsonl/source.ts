import path from 'node:path';
import type { ImportWarning, Party } from '@entente/core';
import type { ListFormat, ParsedList, ParseOptions } from '../list-format.ts';
import { expandPaths, fileDate, findFilesUnder, readTextFile } from '../common/read-text-file.ts';
import { parseFtmJsonl } from './parse-ftm-jsonl.ts';

const IS_FTM = (name: string) => /\.ftm\.jsonl$/i.test(name) || name === 'entities.ftm.json';

/**
 * FollowTheMoney entities as JSON lines (OpenSanctions exports, Entente's own
 * export). Each entity's source is the Entente source it carries, else
 * `ftm:<first dataset>`; one list is returned per source. File
 * names are shared by all lists of one call; the first list carries the warnings.
 * Bounds: `ftm:*` from 1 to 2,000,000 entities (the whole OpenSanctions
 * default collection is about 1.3 million).
 *
 * @example
 * const lists = await ftmJsonlFormat.parse(['entities.ftm.json']);
 */
export const ftmJsonlFormat: ListFormat = {
  id: 'ftm-jsonl',
  description: 'FollowTheMoney entities, JSON lines (OpenSanctions exports, entente export)',
  sources: ['ftm:*'],
  bounds: { 'ftm:*': { min: 1, max: 2_000_000 } },
  async parse(paths: string[], options: ParseOptions = {}): Promise<ParsedList[]> {
    const files = await expandPaths(paths, (n) => IS_FTM(n) || n.toLowerCase().endsWith('.jsonl'));
    const bySource = new Map<string, Party[]>();
    const warnings: ImportWarning[] = [];
    let publishedAt = '';
    for (const file of files) {
      const result = parseFtmJsonl(await readTextFile(file), file);
      warnings.push(...result.warnings);
      for (const party of result.parties) {
        const list = bySource.get(party.source);
        if (list) list.push(party);
        else bySource.set(party.source, [party]);
      }
      const date = result.newest ?? (await fileDate(file));
      if (date > publishedAt) publishedAt = date;
    }
    // Warnings belong to the files, not to one source: the first list carries them so they count once.
    return [...bySource].map(([source, parties], i) => ({
      source,
      publishedAt: options.publishedAt ?? publishedAt,
      parties,
      warnings: i === 0 ? warnings : [],
      files,
    }));
  },
  async findInMirror(mirrorDir: string): Promise<string[][]> {
    return (await findFilesUnder(path.join(mirrorDir, 'lists'), IS_FTM)).map((f) => [f]);
  },
};
