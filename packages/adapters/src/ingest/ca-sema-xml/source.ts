import path from 'node:path';
import type { ListFormat } from '../list-format.ts';
import { expandPaths } from '../common/expand-paths.ts';
import { listMirrorFiles, readFileHead } from '../common/list-mirror-files.ts';
import { parseCaSemaXml } from './parse-ca-sema-xml.ts';

/**
 * Canada SEMA consolidated autonomous sanctions list (XML), source `ca-sema`.
 * Bounds: the 2020-04 file holds 1,369 records; the list has since grown
 * (Russia) to several thousand, so 700 to 10,000.
 *
 * @example
 * const [list] = await caSemaXmlFormat.parse(['lists/ca/sema-2020-04/sema-lmes.xml']);
 */
export const caSemaXmlFormat: ListFormat = {
  id: 'ca-sema-xml',
  description: 'Canada SEMA consolidated autonomous sanctions list (XML)',
  sources: ['ca-sema'],
  bounds: { 'ca-sema': { min: 700, max: 10000 } },
  async parse(paths, options) {
    const files = await expandPaths(paths, (f) => f.toLowerCase().endsWith('.xml'));
    return Promise.all(files.map((f) => parseCaSemaXml(f, options)));
  },
  async findInMirror(mirrorDir) {
    const groups: string[][] = [];
    for (const file of await listMirrorFiles(path.join(mirrorDir, 'lists'))) {
      if (!file.toLowerCase().endsWith('.xml')) continue;
      const head = await readFileHead(file);
      if (head.includes('<data-set') && /<record>\s*<Country>/.test(head)) groups.push([file]);
    }
    return groups;
  },
};
