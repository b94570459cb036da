import type { OfacFileNames } from '../ofac-common/ofac-file-groups.ts';

/** The file names of OFAC's legacy SDN CSV publication. */
export const SDN_FILE_NAMES: OfacFileNames = {
  primary: /^sdn\.csv$/i,
  alt: /^alt\.csv$/i,
  add: /^add\.csv$/i,
  comments: /^sdn_comments\.csv$/i,
};
