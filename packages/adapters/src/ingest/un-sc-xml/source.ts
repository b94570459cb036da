import type { ListFormat } from '../list-format.ts';
import { listMirrorFiles, readFileHead } from '../common/list-mirror-files.ts';
import { parseUnScXml } from './parse-un-sc-xml.ts';
import { expandPaths } from '../common/expand-paths.ts';

/**
 * UN Security Council consolidated list XML (`consolidated.xml`), source `un-sc`.
 * Bounds: the 2026-02-27 list holds 1,003 records (730 individuals, 273
 * entities) and has stayed between about 900 and 1,100 for a decade; 500 to
 * 2,500 catches a truncated or wrong file without failing on normal growth.
 *
 * @example
 * const [list] = await unScXmlFormat.parse(['lists/un/un-sc-2026-02-27/consolidated.xml']);
 */
export const unScXmlFormat: ListFormat = {
  id: 'un-sc-xml',
  description: 'UN Security Council consolidated sanctions list (XML)',
  sources: ['un-sc'],
  bounds: { 'un-sc': { min: 500, max: 2500 } },
  async parse(paths, options) {
    const files = await expandPaths(paths, (f) => f.toLowerCase().endsWith('.xml'));
    return Promise.all(files.map((f) => parseUnScXml(f, options)));
  },
  async findInMirror(mirrorDir) {
    const groups: string[][] = [];
    for (const file of await listMirrorFiles(`${mirrorDir}/lists`)) {
      if (!file.toLowerCase().endsWith('.xml')) continue;
      if ((await readFileHead(file)).includes('<CONSOLIDATED_LIST')) groups.push([file]);
    }
    return groups;
  },
};
