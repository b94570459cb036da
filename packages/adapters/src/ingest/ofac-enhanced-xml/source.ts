import path from 'node:path';
import type { ListFormat } from '../list-format.ts';
import { readFileHead } from '../common/list-mirror-files.ts';
import { expandPaths, listFolders } from '../ofac-common/ofac-file-groups.ts';
import { OFAC_CONS_SOURCE, OFAC_SDN_SOURCE, parseEnhancedXml } from './parse-enhanced-xml.ts';

/** File names OFAC gives its Enhanced XML exports. */
const ENHANCED_NAME = /enhanced.*\.(xml|zip)$/i;
/** The namespace every Enhanced XML document declares near its start. */
const ENHANCED_NAMESPACE = /ENHANCED_XML/;

/** True when a file looks like an Enhanced XML export: by name for ZIPs, by content for XML. */
async function isEnhancedXml(file: string): Promise<boolean> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.zip')) return ENHANCED_NAME.test(path.basename(file));
  return lower.endsWith('.xml') && ENHANCED_NAMESPACE.test(await readFileHead(file, 1024));
}

/**
 * OFAC Enhanced XML (SDN_ENHANCED, CONS_ENHANCED; plain or zipped). Bounds
 * describe real publications, as for the legacy CSV formats.
 */
export const ofacEnhancedXmlFormat: ListFormat = {
  id: 'ofac-enhanced-xml',
  description:
    'US OFAC SDN and consolidated lists, Enhanced XML (SDN_ENHANCED / CONS_ENHANCED, .XML or .ZIP)',
  sources: [OFAC_SDN_SOURCE, OFAC_CONS_SOURCE],
  bounds: {
    [OFAC_SDN_SOURCE]: { min: 5_000, max: 40_000 },
    [OFAC_CONS_SOURCE]: { min: 100, max: 5_000 },
  },
  async parse(paths, options) {
    const files = await expandPaths(paths, (name) => /\.(xml|zip)$/i.test(name));
    const lists = [];
    for (const file of files) lists.push(...(await parseEnhancedXml(file, options)));
    return lists;
  },
  async findInMirror(mirrorDir) {
    const groups: string[][] = [];
    for (const { files } of await listFolders(path.join(mirrorDir, 'lists'))) {
      for (const file of files) if (await isEnhancedXml(file)) groups.push([path.resolve(file)]);
    }
    return groups;
  },
};
