import { findElements, type EcfrElement } from '../../ecfr/ecfr-node.ts';
import type { CountryChartRow, CountryChartSource, EarCitation } from './ear-tables-source.ts';
import { numberedFootnotes, readGrid, spreadCells, type GridRow } from './ecfr-grid.ts';
import { openSupplement, rejected, type EcfrReadOptions } from './ecfr-supplement.ts';

/** The act every Country Chart citation names. */
export const CHART_ACT = '15 CFR Part 738, Supplement No. 1 (Commerce Country Chart)';
const SUPPLEMENT = 'Supplement No. 1 to Part 738';
/** A chart column heading: reason for control and column number (`CB 1`, `NS 2`, `AT 1`). */
const COLUMN = /^([A-Z]{2})\s*(\d)$/;

function columnsOf(rows: GridRow[]): string[] {
  for (const row of rows.filter((r) => r.part === 'head')) {
    const columns = row.cells.map((c) => COLUMN.exec(c.text)).filter((m) => m !== null);
    if (columns.length >= 2) return columns.map((m) => `${m[1]}${m[2]}`);
  }
  return [];
}

/** The footnotes of a footer row, or of a body row of one spanning cell (how the renderer sets them). */
function footnotesOfRow(row: GridRow): Record<string, string> {
  const marked = numberedFootnotes(row.element);
  if (Object.keys(marked).length > 0) return marked;
  // A footnote whose number is plain text: "1 See § 746.1(b) …".
  const plain = /^(\d+)\s+(.+)$/.exec(row.cells[0]?.text ?? '');
  return plain ? { [plain[1]!]: plain[2]! } : {};
}

class ChartReader {
  readonly rows: CountryChartRow[] = [];
  readonly footnotes: Record<string, string> = {};
  columns: string[] = [];

  constructor(private readonly cite: (paragraph: string) => EarCitation) {}

  table(table: EcfrElement): void {
    const grid = readGrid(table);
    const columns = columnsOf(grid);
    // A chart printed in several tables repeats its heading; a table without one continues the last.
    if (columns.length > 0) this.columns = columns;
    for (const row of grid) {
      if (row.part === 'foot' || (row.part === 'body' && row.cells.length === 1))
        Object.assign(this.footnotes, footnotesOfRow(row));
      else if (row.part === 'body' && this.columns.length > 0) this.row(row);
    }
  }

  private row(row: GridRow): void {
    const [first, ...rest] = row.cells;
    if (!first || first.text === '') return;
    const cells = spreadCells(rest);
    const words = cells.find((c) => c.text !== '' && !/^X$/i.test(c.text));
    const base = {
      name: first.text,
      footnotes: first.refs,
      source: this.cite(`${SUPPLEMENT}, row "${first.text}"`),
    };
    if (words) {
      this.rows.push({ ...base, marks: [], pointer: words.text });
      return;
    }
    const marks = this.columns.filter((_, i) => /^X$/i.test(cells[i]?.text ?? ''));
    this.rows.push({ ...base, marks });
  }
}

/**
 * Reads the Commerce Country Chart (Supplement No. 1 to 15 CFR part 738) from
 * the eCFR XML of part 738: every destination row with the columns marked X and
 * its footnotes, the rows that point to Part 746 instead of marks, and the
 * footnote texts; each row cites the supplement, the row and the eCFR date.
 * Throws `file-rejected` when the supplement, its columns or its rows are missing.
 *
 * @example
 * const chart = parseEcfr738(readFileSync(file, 'utf8'), { file });
 */
export function parseEcfr738(xml: string, options: EcfrReadOptions): CountryChartSource {
  const { file } = options;
  const { supplement, issueDate, readFrom } = openSupplement(xml, options, SUPPLEMENT, '738');
  const reader = new ChartReader((paragraph) => ({ act: CHART_ACT, paragraph, issueDate, readFrom }));
  for (const table of findElements(supplement, (e) => e.tag === 'TABLE' || e.tag === 'GPOTABLE'))
    reader.table(table);
  for (const notes of findElements(supplement, (e) => e.tag === 'FTNT'))
    Object.assign(reader.footnotes, numberedFootnotes(notes));
  if (reader.columns.length === 0)
    throw rejected(file, 'columns', `${SUPPLEMENT} has no column headings (CB 1 … AT 2)`);
  if (reader.rows.length === 0) throw rejected(file, 'rows', `${SUPPLEMENT} has no destination rows`);
  return {
    act: CHART_ACT,
    issueDate,
    readFrom,
    columns: reader.columns,
    rows: reader.rows,
    footnotes: reader.footnotes,
  };
}
