import { DomainError } from '@entente/core';
import { parseEcfrXml } from '../ecfr/ecfr-node.ts';
import { parseEcfr774 } from '../controls/ccl/parse-ecfr-774.ts';

/** One part of 15 CFR that `entente sync --online` fetches for the US control data. */
export interface UsEcfrPart {
  part: number;
  /** File name under `controls/us/ecfr/`, as a mirror lays it out. */
  file: string;
  /** What the part gives Entente, in words for the user. */
  what: string;
  /** Reads the downloaded text enough to be sure it is the part asked for; throws `file-rejected`. */
  check(xml: string, file: string, date: string): void;
}

/** The eCFR versioner's full-text address of one part of title 15 on a day (`{date}`, `{part}`). */
export const ECFR_PART_URL = 'https://www.ecfr.gov/api/versioner/v1/full/{date}/title-15.xml?part={part}';

function checkPart(part: number): (xml: string, file: string, date?: string) => void {
  return (xml, file) => {
    const root = parseEcfrXml(xml, file);
    if (root.attrs.N !== String(part)) {
      throw new DomainError(
        'file-rejected',
        `${file} is not the eCFR text of part ${part} (root ${root.tag} N="${root.attrs.N ?? ''}")`,
        { file, field: 'N' },
      );
    }
  };
}

/**
 * The parts read for the US: the Country Chart (738), the Country Groups and
 * licence exceptions (740) and the Commerce Control List (774). Part 744 (Entity
 * List, MEU List) is a restricted-party list and comes with the lists.
 */
export const US_ECFR_PARTS: readonly UsEcfrPart[] = [
  {
    part: 738,
    file: 'title-15_part-738.xml',
    what: 'Commerce Country Chart (part 738, Supplement No. 1)',
    check: checkPart(738),
  },
  {
    part: 740,
    file: 'title-15_part-740.xml',
    what: 'Country Groups and licence exceptions (part 740)',
    check: checkPart(740),
  },
  {
    part: 774,
    file: 'title-15_part-774.xml',
    what: 'Commerce Control List (part 774, Supplement No. 1)',
    check: (xml, file, date) => {
      checkPart(774)(xml, file);
      parseEcfr774(xml, { file, issueDate: date });
    },
  },
];
