import { childElements, type EcfrElement, type EcfrNode } from '../../ecfr/ecfr-node.ts';
import { textOfEcfr } from '../../ecfr/ecfr-text.ts';

/** One cell of an eCFR table: its text without footnote markers, the markers, and its span. */
export interface GridCell {
  text: string;
  /** Footnote numbers marked in the cell (`<sup>2</sup>`, `<SU>2</SU>`, `<FTREF>`). */
  refs: number[];
  span: number;
}

/** One row of an eCFR table and the part of the table it sits in. */
export interface GridRow {
  part: 'head' | 'body' | 'foot';
  cells: GridCell[];
  element: EcfrElement;
}

const FOOTNOTE_TAGS = new Set(['sup', 'SU', 'FTREF']);
const CELL_TAGS = new Set(['TD', 'TH', 'ENT', 'CHED']);
const HEAD_TAGS = new Set(['THEAD', 'BOXHD']);
const FOOT_TAGS = new Set(['TFOOT', 'TNOTE', 'FTNT']);

/** One line of text: line breaks and runs of spaces collapsed. */
export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

function refsOf(el: EcfrElement): number[] {
  const out: number[] = [];
  const walk = (n: EcfrElement): void => {
    for (const c of childElements(n)) {
      if (FOOTNOTE_TAGS.has(c.tag)) {
        for (const m of textOfEcfr(c).matchAll(/\d+/g)) out.push(Number(m[0]));
      } else walk(c);
    }
  };
  walk(el);
  return out;
}

/** A cell as text, footnote markers and span (`colspan` of TABLE, `SPAN` of GPOTABLE). */
export function gridCell(el: EcfrElement): GridCell {
  return {
    text: oneLine(textOfEcfr(el, { dropFootnoteRefs: true })),
    refs: refsOf(el),
    span: Math.max(1, Number(el.attrs.colspan ?? el.attrs.SPAN ?? 1) || 1),
  };
}

/**
 * The rows of a `TABLE` (eCFR renderer) or `GPOTABLE` (GPO locator XML), each
 * marked head, body or foot. A GPOTABLE's `BOXHD` becomes one head row of its
 * `CHED` cells; a body row made only of `TH` cells counts as a head row.
 */
export function readGrid(table: EcfrElement): GridRow[] {
  const rows: GridRow[] = [];
  const walk = (el: EcfrElement, part: GridRow['part']): void => {
    for (const child of childElements(el)) {
      if (child.tag === 'BOXHD') {
        rows.push({ part: 'head', cells: childElements(child, 'CHED').map(gridCell), element: child });
      } else if (child.tag === 'TR' || child.tag === 'ROW') {
        const cells = childElements(child).filter((c) => CELL_TAGS.has(c.tag));
        const allTh = cells.length > 0 && cells.every((c) => c.tag === 'TH');
        rows.push({
          part: allTh && part === 'body' ? 'head' : part,
          cells: cells.map(gridCell),
          element: child,
        });
      } else if (child.tag !== 'TABLE' && child.tag !== 'GPOTABLE') {
        walk(child, HEAD_TAGS.has(child.tag) ? 'head' : FOOT_TAGS.has(child.tag) ? 'foot' : part);
      }
    }
  };
  walk(table, 'body');
  return rows;
}

/** The cells of a row spread over the columns they span (a spanning cell fills its first column). */
export function spreadCells(cells: GridCell[]): GridCell[] {
  const out: GridCell[] = [];
  for (const cell of cells) {
    out.push(cell);
    for (let i = 1; i < cell.span; i++) out.push({ text: '', refs: [], span: 1 });
  }
  return out;
}

/**
 * The numbered footnotes of an element (a footer cell, an `FTNT` block): each
 * footnote marker starts a footnote whose text runs to the next marker.
 */
export function numberedFootnotes(el: EcfrElement): Record<string, string> {
  const out: Record<string, string> = {};
  let current: string | undefined;
  let text: string[] = [];
  const flush = (): void => {
    if (current !== undefined) out[current] = oneLine(text.join(''));
    text = [];
  };
  const walk = (n: EcfrNode): void => {
    if (typeof n === 'string') {
      text.push(n);
      return;
    }
    if (FOOTNOTE_TAGS.has(n.tag) && /^\s*\d+\s*$/.test(textOfEcfr(n))) {
      flush();
      current = textOfEcfr(n).trim();
      return;
    }
    if (n.tag === 'br' || n.tag === 'P') text.push(' ');
    for (const c of n.children) walk(c);
  };
  walk(el);
  flush();
  return out;
}
