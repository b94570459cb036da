import type { ImportWarning } from '@entente/core';
import type { EcfrTable } from '../../ecfr/index.ts';

/** One entry of an Entity List / MEU table: its rows merged, with the country heading it sits under. */
export interface SupplementEntry {
  /** 1-based number of the entry's first body row in the table. */
  row: number;
  country: string;
  /** Entity cells of the entry's rows, joined by line breaks. */
  text: string;
  licenceRequirement: string;
  licencePolicy: string;
  citation: string;
}

interface Columns {
  country: number;
  entity: number;
  requirement: number;
  policy: number;
  citation: number;
}

function findColumns(headers: string[]): Columns | undefined {
  const find = (re: RegExp): number => headers.findIndex((h) => re.test(h));
  const cols = {
    country: find(/^country/i),
    entity: find(/entity|listed person/i),
    requirement: find(/license requirement/i),
    policy: find(/review/i),
    citation: find(/federal register/i),
  };
  return cols.country < 0 || cols.entity < 0 || cols.citation < 0 ? undefined : cols;
}

const INTRO = /^the following .*subordinate institutions? of /i;
const SUBORDINATE = /^subordinate institu\w*:?\s*$/im;
const SHARED = /^the following address(?:es)? appl/i;

/**
 * In a group of subordinate institutions (MEU: "The following eight subordinate
 * institutions of …"), a row that is neither a "Subordinate institution" marker
 * nor shared addresses lists the next institution, so it opens a new block.
 */
function continuationText(entryText: string, rowText: string): string {
  const inGroup = SUBORDINATE.test(entryText) || INTRO.test(entryText);
  const lastLine = entryText.split('\n').pop()!;
  const opensBlock =
    inGroup &&
    !SUBORDINATE.test(rowText.split('\n')[0]!) &&
    !SHARED.test(rowText) &&
    !SUBORDINATE.test(lastLine);
  return opensBlock ? `\nSubordinate institution\n${rowText}` : `\n${rowText}`;
}
const oneLine = (s: string | undefined): string => (s ?? '').replace(/\s*\n\s*/g, ' ').trim();

/**
 * Groups the body rows of a supplement table into entries. The table is grouped
 * by country (the country cell is filled on the first row of each group), and
 * an entry runs over several rows when the later rows leave the requirement,
 * policy and citation cells empty (subordinate institutions, shared addresses).
 * Returns undefined when the headings are not those of an entity table.
 */
export function readSupplementRows(
  table: EcfrTable,
  file: string,
  warnings: ImportWarning[],
): SupplementEntry[] | undefined {
  const cols = findColumns(table.headers);
  if (!cols) return undefined;
  const entries: SupplementEntry[] = [];
  let country = '';
  let current: SupplementEntry | undefined;
  for (const [index, { cells, footer }] of table.rows.entries()) {
    if (footer) continue;
    const row = index + 1;
    if (oneLine(cells[cols.country])) country = oneLine(cells[cols.country]);
    const text = (cells[cols.entity] ?? '').trim();
    const requirement = cols.requirement >= 0 ? oneLine(cells[cols.requirement]) : '';
    const policy = cols.policy >= 0 ? oneLine(cells[cols.policy]) : '';
    const citation = oneLine(cells[cols.citation]);
    if (/^\[reserved\]$/i.test(text)) continue;
    if (!text) {
      if (current && citation) current.citation = `${current.citation} ${citation}`.trim();
      else if (citation || requirement) {
        warnings.push({
          kind: 'missing-name',
          file,
          row,
          field: 'entity',
          message: `Row ${row} has no entity text; dropped`,
        });
      }
      continue;
    }
    const continues =
      current && !requirement && !policy && !citation && !INTRO.test(text) && current.country === country;
    if (continues && current) {
      current.text += continuationText(current.text, text);
      continue;
    }
    current = { row, country, text, licenceRequirement: requirement, licencePolicy: policy, citation };
    entries.push(current);
  }
  return entries;
}
