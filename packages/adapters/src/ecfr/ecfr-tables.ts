import { childElements, findElements, type EcfrElement } from './ecfr-node.ts';
import { textOfEcfr, type EcfrTextOptions } from './ecfr-text.ts';

/** One body or footer row of a table: the text of each cell, in column order. */
export interface EcfrTableRow {
  cells: string[];
  /** The row sits in the table footer (`TFOOT`): footnotes, not data. */
  footer: boolean;
}

/** A table of an eCFR document, as rows of cell text. */
export interface EcfrTable {
  /** Column headings (text of `TH` or `CHED` cells, one line each). */
  headers: string[];
  rows: EcfrTableRow[];
}

const TABLE_TAGS = new Set(['TABLE', 'GPOTABLE']);
const CELL_TAGS = new Set(['TD', 'TH', 'ENT']);

function cellsOf(row: EcfrElement, options: EcfrTextOptions): string[] {
  const cells: string[] = [];
  for (const cell of row.children) {
    if (typeof cell === 'string' || !CELL_TAGS.has(cell.tag)) continue;
    cells.push(textOfEcfr(cell, options));
    // A spanning cell keeps the columns after it aligned.
    const span = Number(cell.attrs.colspan ?? cell.attrs.SPAN ?? 1);
    for (let i = 1; i < span; i++) cells.push('');
  }
  return cells;
}

function headersOf(table: EcfrElement): string[] {
  if (table.tag === 'GPOTABLE') {
    return findElements(table, (e) => e.tag === 'CHED').map((e) => textOfEcfr(e).replace(/\s*\n\s*/g, ' '));
  }
  return findElements(table, (e) => e.tag === 'TH').map((e) => textOfEcfr(e).replace(/\s*\n\s*/g, ' '));
}

/** Reads one `TABLE` (HTML-style, eCFR renderer) or `GPOTABLE` (GPO locator XML) element. */
export function readEcfrTable(table: EcfrElement, options: EcfrTextOptions = {}): EcfrTable {
  const rows: EcfrTableRow[] = [];
  const walk = (el: EcfrElement, footer: boolean): void => {
    for (const child of childElements(el)) {
      if (child.tag === 'TR' || child.tag === 'ROW') {
        if (childElements(child, 'TH').length > 0) continue;
        rows.push({ cells: cellsOf(child, options), footer });
      } else if (child.tag !== 'BOXHD' && child.tag !== 'THEAD' && !TABLE_TAGS.has(child.tag)) {
        walk(child, footer || child.tag === 'TFOOT' || child.tag === 'TNOTE');
      }
    }
  };
  walk(table, false);
  return { headers: headersOf(table), rows };
}

/**
 * Every table under an element (a section, an appendix, the whole part), in
 * document order, as rows of cell text.
 *
 * @example
 * const [entityList] = extractEcfrTables(findEcfrDivision(root, 'Supplement No. 4 to Part 744')!.element);
 */
export function extractEcfrTables(el: EcfrElement, options: EcfrTextOptions = {}): EcfrTable[] {
  return findElements(el, (e) => TABLE_TAGS.has(e.tag)).map((t) => readEcfrTable(t, options));
}
