import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@entente/core';
import { readEcfrManifest } from '../ccl/ecfr-manifest.ts';
import type { UsCountryTables } from './ear-tables-source.ts';
import type { EcfrReadOptions } from './ecfr-supplement.ts';
import { parseEcfr738 } from './parse-ecfr-738.ts';
import { parseEcfr740Exceptions } from './parse-ecfr-740-exceptions.ts';
import { parseEcfr740Groups } from './parse-ecfr-740-groups.ts';
import {
  chartFromMirrorJson,
  exceptionsFromMirrorJson,
  groupsFromMirrorJson,
} from './read-mirror-ear-tables.ts';

/** The eCFR XML of parts 738 and 740, where a mirror or an online sync keeps them under `controls/us/`. */
export const ECFR_738_FILE = path.join('ecfr', 'title-15_part-738.xml');
export const ECFR_740_FILE = path.join('ecfr', 'title-15_part-740.xml');

/** The eCFR XML of a part in the first folder holding it, with where and when it was read. */
async function ecfrText(
  dirs: string[],
  file: string,
): Promise<{ xml: string; options: EcfrReadOptions } | undefined> {
  const full = dirs.map((d) => path.join(d, file)).find((f) => existsSync(f));
  if (!full) return undefined;
  const fetched = (await readEcfrManifest(path.dirname(full)))[path.basename(full)];
  return {
    xml: await readFile(full, 'utf8'),
    options: {
      file: full,
      readFrom: fetched
        ? `${fetched.url} (eCFR, fetched ${fetched.fetchedAt.slice(0, 10)})`
        : `mirror controls/us/${file.split(path.sep).join('/')} (eCFR XML)`,
      ...(fetched ? { issueDate: fetched.date } : {}),
    },
  };
}

async function mirrorJson(dirs: string[], file: string, part: string): Promise<string> {
  const full = dirs.map((d) => path.join(d, file)).find((f) => existsSync(f));
  if (!full) {
    throw new DomainError(
      'invalid-input',
      `No text of 15 CFR part ${part}: run \`entente sync --online\` to fetch it from the eCFR, or set ENTENTE_MIRROR`,
      { field: `part ${part}`, file: path.join(dirs[0] ?? '.', `ecfr/title-15_part-${part}.xml`) },
    );
  }
  return readFile(full, 'utf8');
}

/**
 * Reads the Country Chart (part 738), the Country Groups and the licence
 * exceptions (part 740) from `controls/us/` folders (the online sync's first,
 * then the mirror's): from the eCFR XML of each part in the first folder that
 * has it, else from the mirror's derived JSON files. Throws `invalid-input` when
 * neither is anywhere.
 *
 * @example
 * const { chart, groups, exceptions } = await readUsCountryTables(['.entente-sources/controls/us']);
 */
export async function readUsCountryTables(controlsUsDirs: string[]): Promise<UsCountryTables> {
  const dirs = controlsUsDirs.filter(Boolean);
  const [p738, p740] = await Promise.all([ecfrText(dirs, ECFR_738_FILE), ecfrText(dirs, ECFR_740_FILE)]);
  const chart = p738
    ? parseEcfr738(p738.xml, p738.options)
    : chartFromMirrorJson(await mirrorJson(dirs, 'country-chart.json', '738'));
  const groups = p740
    ? parseEcfr740Groups(p740.xml, p740.options)
    : groupsFromMirrorJson(await mirrorJson(dirs, 'country-groups.json', '740'));
  const exceptions = p740
    ? parseEcfr740Exceptions(p740.xml, p740.options)
    : exceptionsFromMirrorJson(await mirrorJson(dirs, 'license-exception-catalog.json', '740'));
  return { chart, groups, exceptions };
}
