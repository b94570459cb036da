import { DomainError, type ImportWarning, type Party } from '@entente/core';
import type { ListFormat, ParsedList, ParseOptions } from '../list-format.ts';
import { parseCustomCsv } from './parse-custom-csv.ts';
import { expandPaths, fileDate, readTextFile } from '../common/read-text-file.ts';

/** What a custom list name may look like; it becomes part of the source id `custom:<name>`. */
const LIST_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * A user's own watch list as CSV (`id,name` plus optional `type`, `aliases`,
 * `country`, `birth_date`, `identifiers`); the source is `custom:<listName>`.
 * Bounds: any size from 0 to 1,000,000 rows (an emptied list is legitimate).
 *
 * @example
 * const [list] = await customCsvFormat.parse(['suppliers.csv'], { listName: 'suppliers' });
 */
export const customCsvFormat: ListFormat = {
  id: 'custom-csv',
  description:
    'Your own watch list: CSV with id,name[,type,aliases,country,birth_date,identifiers] (needs --list NAME)',
  sources: ['custom:*'],
  bounds: { 'custom:*': { min: 0, max: 1_000_000 } },
  async parse(paths: string[], options: ParseOptions = {}): Promise<ParsedList[]> {
    const name = options.listName;
    if (name === undefined || name === '') {
      throw new DomainError(
        'invalid-input',
        'custom-csv needs a list name (the source becomes custom:<name>)',
        {
          field: 'listName',
        },
      );
    }
    if (!LIST_NAME.test(name)) {
      throw new DomainError('invalid-input', `List name "${name}" must match ${LIST_NAME.source}`, {
        field: 'listName',
        value: name,
      });
    }
    const source = `custom:${name}`;
    const files = await expandPaths(paths, (n) => n.toLowerCase().endsWith('.csv'));
    if (files.length === 0) {
      throw new DomainError('file-rejected', `No .csv file in ${paths.join(', ')}`, { file: paths[0] });
    }
    const parties = new Map<string, Party>();
    const warnings: ImportWarning[] = [];
    let newest = '';
    for (const file of files) {
      warnings.push(...parseCustomCsv(await readTextFile(file), file, source, parties));
      const date = await fileDate(file);
      if (date > newest) newest = date;
    }
    return [
      { source, publishedAt: options.publishedAt ?? newest, parties: [...parties.values()], warnings, files },
    ];
  },
  async findInMirror(): Promise<string[][]> {
    return [];
  },
};
