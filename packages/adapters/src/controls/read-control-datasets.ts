import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { citationProblem, DomainError } from '@entente/core';
import type { ControlList } from '@entente/core';

/** The project's own control-list datasets (EU, UK, Japan, Wassenaar, Australia Group). */
export const CONTROL_DATASETS_DIR = fileURLToPath(new URL('../../datasets/controls/', import.meta.url));

/** Reads every `<list>-<version>.json` dataset in `dir`, checking each has a header and entries. */
export async function readControlDatasets(dir: string = CONTROL_DATASETS_DIR): Promise<ControlList[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const lists: ControlList[] = [];
  for (const file of files) {
    let list: ControlList;
    try {
      list = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as ControlList;
    } catch (error) {
      throw new DomainError('file-unreadable', `Dataset ${file} is not JSON: ${(error as Error).message}`, {
        file,
      });
    }
    if (!list.id || !list.version || !list.validFrom || !list.header || !Array.isArray(list.entries)) {
      throw new DomainError(
        'file-rejected',
        `Dataset ${file} lacks id, version, validFrom, header or entries`,
        { file },
      );
    }
    const bad = list.entries.findIndex((e) => !e.code || !e.heading || !e.source || !e.confidence);
    if (bad >= 0)
      throw new DomainError(
        'file-rejected',
        `Dataset ${file} entry ${bad + 1} lacks code, heading, source or confidence`,
        { file, row: bad + 1 },
      );
    const uncited = list.entries.findIndex((e) => citationProblem(e) !== undefined);
    if (uncited >= 0)
      throw new DomainError(
        'file-rejected',
        `Dataset ${file} entry ${uncited + 1} (${list.entries[uncited]?.code}): ${citationProblem(list.entries[uncited]!)}`,
        { file, row: uncited + 1, field: 'citation' },
      );
    lists.push(list);
  }
  return lists;
}
