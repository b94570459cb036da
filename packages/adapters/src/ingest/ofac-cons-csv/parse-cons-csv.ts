import type { ParsedList, ParseOptions } from '../list-format.ts';
import { classifyOfacFiles, expandPaths } from '../ofac-common/ofac-file-groups.ts';
import { parseOfacLegacyCsv } from '../ofac-common/parse-ofac-legacy-csv.ts';
import { CONS_FILE_NAMES } from './cons-file-names.ts';

/** The source id of OFAC's consolidated non-SDN lists (SSI, NS-MBS, CMIC, PLC, CAPTA, FSE). */
export const OFAC_CONS_SOURCE = 'us-ofac-cons';

/**
 * Parses OFAC's legacy consolidated CSV: `cons_prim.csv`, with `cons_alt.csv`,
 * `cons_add.csv` and `cons_comments.csv` when given (files, or a folder holding them).
 *
 * @example
 * const [list] = await parseConsCsv(['mirror/lists/us/ofac-cons-2025-12']);
 */
export async function parseConsCsv(paths: string[], options?: ParseOptions): Promise<ParsedList[]> {
  const files = classifyOfacFiles(await expandPaths(paths), CONS_FILE_NAMES, 'ofac-cons-csv');
  return [await parseOfacLegacyCsv(files, OFAC_CONS_SOURCE, options)];
}
