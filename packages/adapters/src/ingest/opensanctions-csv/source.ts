import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ListFormat, ParsedList } from '../list-format.ts';
import { parseOpenSanctionsCsv } from './parse-opensanctions-csv.ts';
import { TRANSCRIPTIONS } from './transcriptions.ts';

/**
 * OpenSanctions CSV transcriptions in the mirror: BIS military-intelligence end
 * users (`us-bis-mieu`), DoD 1260H Chinese military companies (`us-dod-1260h`),
 * Swiss FIAA asset freezes (`ch-seco-fiaa`). The publication date is the latest
 * listing date in the file.
 */
export const openSanctionsCsvFormat: ListFormat = {
  id: 'opensanctions-csv',
  description: 'OpenSanctions CSV transcriptions: BIS MIEU, DoD 1260H, Swiss FIAA freezes (one file each)',
  sources: TRANSCRIPTIONS.map((t) => t.source),
  bounds: Object.fromEntries(TRANSCRIPTIONS.map((t) => [t.source, t.bounds])),
  async parse(paths: string[]): Promise<ParsedList[]> {
    const today = new Date().toISOString().slice(0, 10);
    const lists: ParsedList[] = [];
    for (const p of paths) lists.push(await parseOpenSanctionsCsv(p, today));
    return lists;
  },
  async findInMirror(mirrorDir: string): Promise<string[][]> {
    const groups: string[][] = [];
    for (const country of await readdir(path.join(mirrorDir, 'lists')).catch(() => [])) {
      for (const folder of await readdir(path.join(mirrorDir, 'lists', country)).catch(() => [])) {
        if (!TRANSCRIPTIONS.some((t) => t.folder === folder)) continue;
        const dir = path.join(mirrorDir, 'lists', country, folder);
        for (const f of await readdir(dir)) if (f.endsWith('.csv')) groups.push([path.join(dir, f)]);
      }
    }
    return groups;
  },
};
