import type { ListFormat } from '../list-format.ts';
import { findOfacCsvGroups } from '../ofac-common/ofac-file-groups.ts';
import { CONS_FILE_NAMES } from './cons-file-names.ts';
import { OFAC_CONS_SOURCE, parseConsCsv } from './parse-cons-csv.ts';

/**
 * OFAC's consolidated non-SDN lists in the legacy CSV layout (`cons_prim.csv`,
 * `cons_alt.csv`, `cons_add.csv`, `cons_comments.csv`). Bounds describe a real
 * publication: a few hundred records (442 in December 2025).
 */
export const ofacConsCsvFormat: ListFormat = {
  id: 'ofac-cons-csv',
  description:
    'US OFAC consolidated non-SDN lists, legacy CSV (cons_prim.csv [+ cons_alt, cons_add, cons_comments])',
  sources: [OFAC_CONS_SOURCE],
  bounds: { [OFAC_CONS_SOURCE]: { min: 100, max: 5_000 } },
  parse: parseConsCsv,
  findInMirror: (mirrorDir) => findOfacCsvGroups(mirrorDir, CONS_FILE_NAMES),
};
