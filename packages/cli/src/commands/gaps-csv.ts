import type { GapReport } from '@entente/core';
import { encodeCsv } from '@entente/core';

/** The columns of `entente gaps --csv`, in order. */
const GAP_COLUMNS = [
  'entry',
  'category',
  'controlledBy',
  'lackingIn',
  'heading',
  'note',
  'evidence',
] as const;

/**
 * The gaps as CSV, one row per entry and pair, through core's one CSV encoder
 * (quoting, and headings that start like a formula written as text).
 */
export function gapsCsv(report: GapReport): string {
  const csv = encodeCsv(
    GAP_COLUMNS,
    // The evidence path is one cell, its steps joined by " | ".
    report.gaps.map((g) =>
      GAP_COLUMNS.map((column) => (column === 'evidence' ? g.evidence.join(' | ') : g[column])),
    ),
  );
  // `c.print` ends the output with its own line break.
  return csv.slice(0, -1);
}
