import type { OfacFileNames } from '../ofac-common/ofac-file-groups.ts';

/** The file names of OFAC's legacy consolidated (non-SDN) CSV publication. */
export const CONS_FILE_NAMES: OfacFileNames = {
  primary: /^cons_prim\.csv$/i,
  alt: /^cons_alt\.csv$/i,
  add: /^cons_add\.csv$/i,
  comments: /^cons_comments\.csv$/i,
};
