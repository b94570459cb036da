import type { ParsedList, ParseOptions } from '../list-format.ts';
import { classifyOfacFiles, expandPaths } from '../ofac-common/ofac-file-groups.ts';
import { parseOfacLegacyCsv } from '../ofac-common/parse-ofac-legacy-csv.ts';
import { SDN_FILE_NAMES } from './sdn-file-names.ts';

/** The source id of OFAC's Specially Designated Nationals list. */
export const OFAC_SDN_SOURCE = 'us-ofac-sdn';

/**
 * Parses OFAC's legacy SDN CSV: `sdn.csv` alone or with `alt.csv`, `add.csv`
 * and `sdn_comments.csv` (files, or a folder holding them).
 *
 * @example
 * const [list] = await parseSdnCsv(['mirror/lists/us/ofac-sdn-2021-07']);
 */
export async function parseSdnCsv(paths: string[], options?: ParseOptions): Promise<ParsedList[]> {
  const files = classifyOfacFiles(await expandPaths(paths), SDN_FILE_NAMES, 'ofac-sdn-csv');
  return [await parseOfacLegacyCsv(files, OFAC_SDN_SOURCE, options)];
}
