import { stat } from 'node:fs/promises';
import { DomainError, type ImportWarning } from '@entente/core';
import type { ParsedList, ParseOptions } from '../list-format.ts';
import {
  ecfrCurrentDate,
  extractEcfrTables,
  findEcfrDivision,
  parseEcfrXml,
  readEcfrDivision,
} from '../../ecfr/index.ts';
import { readInputText } from '../common/read-input-text.ts';
import { buildEntityParties } from './build-entity-parties.ts';
import { SUPPLEMENT_URLS } from './entity-rules.ts';
import { readSupplementRows } from './read-supplement-rows.ts';

/** The source ids this parser produces. */
export const ENTITY_LIST_SOURCE = 'us-bis-entity-list';
export const MEU_SOURCE = 'us-bis-meu';

const SUPPLEMENTS = [
  { n: 'Supplement No. 4 to Part 744', source: ENTITY_LIST_SOURCE, url: SUPPLEMENT_URLS.entityList },
  { n: 'Supplement No. 7 to Part 744', source: MEU_SOURCE, url: SUPPLEMENT_URLS.meu },
] as const;

/**
 * Publication date: the options' date, else the date the eCFR text is current
 * to (see `ecfrCurrentDate`), else the file's modification day (a downloaded
 * eCFR file is current on the day it was fetched).
 */
async function publicationDate(
  file: string,
  fromXml: string | undefined,
  options: ParseOptions,
): Promise<string> {
  if (options.publishedAt) return options.publishedAt;
  if (fromXml) return fromXml;
  return (await stat(file)).mtime.toISOString().slice(0, 10);
}

/**
 * Parses the eCFR XML of 15 CFR Part 744 into two lists: the Entity List
 * (Supplement No. 4) and the Military End-User List (Supplement No. 7).
 * Throws `file-rejected` when the file is not well-formed XML, not Part 744,
 * or lacks either supplement table.
 *
 * @example
 * const [entityList, meu] = await parseEcfr744('controls/us/ecfr/title-15_part-744.xml');
 */
export async function parseEcfr744(file: string, options: ParseOptions = {}): Promise<ParsedList[]> {
  const root = parseEcfrXml(await readInputText(file), file);
  const part = readEcfrDivision(root);
  if (root.tag !== 'DIV5' || part.n !== '744') {
    throw new DomainError('file-rejected', `${file} is not the eCFR XML of 15 CFR Part 744`, { file });
  }
  const publishedAt = await publicationDate(file, ecfrCurrentDate(root), options);
  return SUPPLEMENTS.map((sup) => {
    const division = findEcfrDivision(part, sup.n);
    const table = division ? extractEcfrTables(division.element, { dropFootnoteRefs: true })[0] : undefined;
    const warnings: ImportWarning[] = [];
    const entries = table ? readSupplementRows(table, file, warnings) : undefined;
    if (!entries) {
      throw new DomainError(
        'file-rejected',
        `${file} has no ${sup.n} table with Country/Entity/Federal Register columns`,
        {
          file,
          field: sup.n,
        },
      );
    }
    const parties = buildEntityParties(
      entries,
      { source: sup.source, file, legalBasis: `15 CFR ${sup.n}`, sourceUrl: sup.url },
      warnings,
    );
    return { source: sup.source, publishedAt, parties, warnings, files: [file] };
  });
}
