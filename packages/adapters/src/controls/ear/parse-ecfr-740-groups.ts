import { childElements, findElements, type EcfrElement } from '../../ecfr/ecfr-node.ts';
import { textOfEcfr } from '../../ecfr/ecfr-text.ts';
import type { CountryGroupsSource, EarCitation } from './ear-tables-source.ts';
import { oneLine, readGrid, spreadCells, type GridRow } from './ecfr-grid.ts';
import { openSupplement, rejected, type EcfrReadOptions } from './ecfr-supplement.ts';

/** The act every Country Group citation names. */
export const GROUPS_ACT = '15 CFR Part 740, Supplement No. 1 (Country Groups)';
const SUPPLEMENT = 'Supplement No. 1 to Part 740';
/** A group column heading: `[A:1] Wassenaar Participating States`, `D:5`, `[E:2]`. */
const GROUP = /\[?\b([A-E]):\s*(\d)\]?/;
const HEADINGS = new Set(['HD1', 'HD2', 'HD3', 'HED']);

/** The group of each column after the first, from the head row that names groups. */
function groupColumns(rows: GridRow[]): (string | undefined)[] {
  for (const row of rows.filter((r) => r.part === 'head')) {
    const ids = spreadCells(row.cells)
      .slice(1)
      .map((c) => GROUP.exec(c.text))
      .map((m) => (m ? `${m[1]}:${m[2]}` : undefined));
    if (ids.some(Boolean)) return ids;
  }
  return [];
}

/** The destination a body row names: footnote markers dropped, a trailing plain-text marker too. */
function destinationOf(row: GridRow): string | undefined {
  const name = (row.cells[0]?.text ?? '').replace(/\s+\d+$/, '');
  // Footnotes set as rows of one cell, or prose rows, are not destinations.
  if (name === '' || row.cells.length < 2 || name.length > 80 || /^\d|^\(\w\)/.test(name)) return undefined;
  return name;
}

/** Country Group B: a list (`SCOL2`/`LI`) under the heading "Country Group B—Countries". */
function groupBNames(supplement: EcfrElement): string[] {
  const children = childElements(supplement);
  const start = children.findIndex(
    (c) => HEADINGS.has(c.tag) && /^Country Group B\b/.test(oneLine(textOfEcfr(c))),
  );
  if (start < 0) return [];
  const names: string[] = [];
  for (const el of children.slice(start + 1)) {
    if (HEADINGS.has(el.tag) || /^DIV\d$/.test(el.tag)) break;
    const items = el.tag === 'LI' ? [el] : findElements(el, (e) => e.tag === 'LI');
    for (const li of items) {
      const name = oneLine(textOfEcfr(li, { dropFootnoteRefs: true }));
      if (name) names.push(name);
    }
  }
  return names;
}

/**
 * Reads the Country Groups (Supplement No. 1 to 15 CFR part 740) from the eCFR
 * XML of part 740: the tables of Groups A, D and E (a destination is in a
 * group when its cell is marked X) and the list of Group B; each group cites
 * the supplement and the eCFR date. Throws `file-rejected` when the
 * supplement or a group table is missing.
 *
 * @example
 * const groups = parseEcfr740Groups(readFileSync(file, 'utf8'), { file });
 */
export function parseEcfr740Groups(xml: string, options: EcfrReadOptions): CountryGroupsSource {
  const { file } = options;
  const { supplement, issueDate, readFrom } = openSupplement(xml, options, SUPPLEMENT, '740');
  const cite = (group: string): EarCitation => ({
    act: GROUPS_ACT,
    paragraph: `${SUPPLEMENT}, Country Group ${group}`,
    issueDate,
    readFrom,
  });
  const groups: Record<string, string[]> = {};
  for (const table of findElements(supplement, (e) => e.tag === 'TABLE' || e.tag === 'GPOTABLE')) {
    const grid = readGrid(table);
    const columns = groupColumns(grid);
    for (const id of columns) if (id) groups[id] ??= [];
    for (const row of grid.filter((r) => r.part === 'body')) {
      const name = destinationOf(row);
      if (!name) continue;
      spreadCells(row.cells.slice(1)).forEach((cell, i) => {
        const id = columns[i];
        if (id && /^X$/i.test(cell.text)) groups[id]!.push(name);
      });
    }
  }
  const b = groupBNames(supplement);
  if (b.length > 0) groups.B = b;
  for (const letter of ['A', 'B', 'D', 'E']) {
    if (!Object.keys(groups).some((g) => g.startsWith(letter))) {
      throw rejected(file, `Country Group ${letter}`, `${SUPPLEMENT} has no Country Group ${letter}`);
    }
  }
  const sources = Object.fromEntries(Object.keys(groups).map((g) => [g, cite(g)]));
  return { act: GROUPS_ACT, issueDate, readFrom, groups, sources };
}
