import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CclSource } from './ccl-source.ts';
import { parseEcfr774 } from './parse-ecfr-774.ts';
import { readCclJson } from './read-ccl-json.ts';
import { readEcfrManifest } from './ecfr-manifest.ts';

/** The eCFR XML of part 774, where a mirror or an online sync keeps it under `controls/us/`. */
export const ECFR_774_FILE = path.join('ecfr', 'title-15_part-774.xml');

/**
 * Reads the Commerce Control List from `controls/us/` folders (the online
 * sync's first, then the mirror's): from the eCFR XML of part 774 in the first
 * folder that has it (saved by `entente sync --online`, or laid in the
 * mirror), else from the mirror's derived `ccl.json` and its CSVs.
 * The XML carries every category's paragraphs; the derived file only some.
 */
export async function readCclSource(controlsUsDirs: string | string[]): Promise<CclSource> {
  const dirs = (Array.isArray(controlsUsDirs) ? controlsUsDirs : [controlsUsDirs]).filter(Boolean);
  const xmlFile = dirs.map((d) => path.join(d, ECFR_774_FILE)).find((f) => existsSync(f));
  if (xmlFile) {
    const fetched = (await readEcfrManifest(path.dirname(xmlFile)))[path.basename(xmlFile)];
    return parseEcfr774(await readFile(xmlFile, 'utf8'), {
      file: xmlFile,
      readFrom: fetched
        ? `${fetched.url} (eCFR, fetched ${fetched.fetchedAt.slice(0, 10)})`
        : `mirror controls/us/${ECFR_774_FILE.split(path.sep).join('/')} (eCFR XML)`,
      ...(fetched ? { issueDate: fetched.date } : {}),
    });
  }
  const jsonDir = dirs.find((d) => existsSync(path.join(d, 'ccl.json'))) ?? dirs[0] ?? '.';
  const read = (name: string) => readFile(path.join(jsonDir, name), 'utf8');
  return readCclJson({
    json: await read('ccl.json'),
    requirementRowsCsv: await read('ccl_license_requirement_rows.csv'),
    exceptionFlagsCsv: await read('ccl_license_exception_flags.csv'),
  });
}
