import type { ListFormat } from '../list-format.ts';
import { findOfacCsvGroups } from '../ofac-common/ofac-file-groups.ts';
import { OFAC_SDN_SOURCE, parseSdnCsv } from './parse-sdn-csv.ts';
import { SDN_FILE_NAMES } from './sdn-file-names.ts';

/**
 * OFAC's legacy SDN CSV (`sdn.csv`, optionally `alt.csv`, `add.csv`,
 * `sdn_comments.csv`). Bounds describe a real publication: the SDN list has held
 * between about 5,500 (2010) and 19,000 (2026) records.
 */
export const ofacSdnCsvFormat: ListFormat = {
  id: 'ofac-sdn-csv',
  description: 'US OFAC SDN list, legacy CSV (sdn.csv [+ alt.csv, add.csv, sdn_comments.csv])',
  sources: [OFAC_SDN_SOURCE],
  bounds: { [OFAC_SDN_SOURCE]: { min: 5_000, max: 40_000 } },
  parse: parseSdnCsv,
  findInMirror: (mirrorDir) => findOfacCsvGroups(mirrorDir, SDN_FILE_NAMES),
};
