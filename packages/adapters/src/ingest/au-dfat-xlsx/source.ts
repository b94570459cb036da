import path from 'node:path';
import type { ListFormat } from '../list-format.ts';
import { expandPaths } from '../common/expand-paths.ts';
import { listMirrorFiles } from '../common/list-mirror-files.ts';
import { parseAuDfatXlsx } from './parse-au-dfat-xlsx.ts';

// DFAT publishes "Australian_Sanctions_Consolidated_List.xlsx" (older copies: "regimes.xlsx" under a dfat folder).
const DFAT_FILE = /australian.*sanctions.*consolidated.*\.xlsx$|(^|\/)dfat[^/]*\/[^/]+\.xlsx$/i;

/**
 * Australia DFAT consolidated sanctions list (xlsx, one row per name), source
 * `au-dfat`. Bounds: the 2026-02-24 list holds 3,811 references (10,976 name
 * rows); it grew from about 2,500 (2021) with the Russia listings, so 2,000
 * to 8,000 catches a wrong or partial workbook.
 *
 * @example
 * const [list] = await auDfatXlsxFormat.parse(['lists/au/dfat-2026-02-24/Australian_Sanctions_Consolidated_List.xlsx']);
 */
export const auDfatXlsxFormat: ListFormat = {
  id: 'au-dfat-xlsx',
  description: 'Australia DFAT consolidated sanctions list (xlsx)',
  sources: ['au-dfat'],
  bounds: { 'au-dfat': { min: 2000, max: 8000 } },
  async parse(paths, options) {
    const files = await expandPaths(paths, (f) => f.toLowerCase().endsWith('.xlsx'));
    return Promise.all(files.map((f) => parseAuDfatXlsx(f, options)));
  },
  async findInMirror(mirrorDir) {
    const files = await listMirrorFiles(path.join(mirrorDir, 'lists'));
    return files.filter((f) => DFAT_FILE.test(f.split(path.sep).join('/'))).map((f) => [f]);
  },
};
