import { describe, expect, it } from 'vitest';
import { encodeCsv, encodeCsvCell, encodeCsvRow } from './csv-cell.ts';

describe('encodeCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ['-2+3', `"'-2+3"`],
    ['+44 20 7946 0000', `"'+44 20 7946 0000"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('writes %j as text a spreadsheet will not evaluate', (value, cell) => {
    expect(encodeCsvCell(value)).toBe(cell);
  });

  it.each([
    ['Baltic Trading House LLC', 'Baltic Trading House LLC'],
    ['Smith, John', '"Smith, John"'],
    ['The "Star" Co', '"The ""Star"" Co"'],
    ['line\nbreak', '"line\nbreak"'],
    ['A=B', 'A=B'],
    ["O'Brien", "O'Brien"],
    ['', ''],
  ])('quotes %j only when RFC 4180 needs it', (value, cell) => {
    expect(encodeCsvCell(value)).toBe(cell);
  });

  it('writes numbers, booleans and empty values as they are', () => {
    expect(encodeCsvRow([-2, 0.5, true, undefined, null])).toBe('-2,0.5,true,,');
  });

  it('builds a whole CSV, one line per row', () => {
    expect(encodeCsv(['id', 'name'], [['1', '@evil']])).toBe(`id,name\n1,"'@evil"\n`);
  });
});
