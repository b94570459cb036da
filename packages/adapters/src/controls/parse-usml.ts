import { ecfrCurrentDate, findElements, parseEcfrXml, textOfEcfr } from '../ecfr/index.ts';
import type { ControlEntry, ControlList } from '@entente/core';

const CATEGORY_HEADING = /^Category ([IVXL]+)\s*[—–-]\s*(.+)$/;

/** Reads the US Munitions List categories (22 CFR 121.1) from the eCFR XML of part 121. */
export function parseUsml(xml: string, file = 'title-22_part-121.xml'): ControlList {
  const root = parseEcfrXml(xml, file);
  const validFrom = ecfrCurrentDate(root) ?? '1970-01-01';
  const source = { act: '22 CFR 121.1 (United States Munitions List)', version: validFrom };
  const entries: ControlEntry[] = [];
  for (const hd of findElements(root, (e) => e.tag === 'HD1')) {
    const m = CATEGORY_HEADING.exec(textOfEcfr(hd).trim());
    if (!m || entries.some((e) => e.code === m[1])) continue;
    entries.push({
      list: 'USML',
      code: m[1] ?? '',
      heading: (m[2] ?? '').trim(),
      reasons: [],
      regimeRefs: [],
      validFrom,
      source,
      confidence: 'high',
      citation: {
        act: '22 CFR Part 121 (International Traffic in Arms Regulations)',
        provision: `§121.1, Category ${m[1] ?? ''}`,
        readFrom: `shared data mirror controls/us/ecfr/${file}`,
        readOn: validFrom,
        status: 'verified',
      },
    });
  }
  return {
    id: 'USML',
    jurisdiction: 'US',
    name: 'US Munitions List',
    version: validFrom,
    validFrom,
    source,
    header: {
      sourceActs: ['22 CFR Part 121'],
      builtHow: 'Category headings read from the eCFR XML with the shared eCFR reader.',
      leftOut: ['Paragraphs within categories.'],
    },
    entries,
  };
}
