/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and
 * carriage return, that Excel strips before doing so). Party names come from
 * other agencies and publishers, so a name such as `=HYPERLINK(…)` must reach
 * the officer's spreadsheet as text (OWASP "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A value a CSV cell can hold; `undefined` and `null` become an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell: a text starting like a formula gets a leading `'` so
 * spreadsheets show it as text, and the cell is quoted (RFC 4180) when it
 * holds a comma, quote, line break or that prefix. Numbers are written as they are.
 *
 * @example
 * encodeCsvCell('=HYPERLINK("http://x")'); // → `"'=HYPERLINK(""http://x"")"`
 */
export function encodeCsvCell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${value}` : value;
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no line ending) of the encoded cells, comma-separated. */
export function encodeCsvRow(values: readonly CsvValue[]): string {
  return values.map(encodeCsvCell).join(',');
}

/** A whole CSV text: the header and the rows, one line each, every line ended by `\n`. */
export function encodeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => encodeCsvRow(r) + '\n').join('');
}
