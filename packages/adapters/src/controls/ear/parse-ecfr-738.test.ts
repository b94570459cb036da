import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import { parseEcfr738 } from './parse-ecfr-738.ts';

const xml = readFileSync(new URL('./fixtures/title-15_part-738.xml', import.meta.url), 'utf8');

describe('parseEcfr738 (eCFR XML of part 738, Supplement No. 1: the Commerce Country Chart)', () => {
  const chart = parseEcfr738(xml, { file: 'title-15_part-738.xml', readFrom: 'https://example.test/738' });
  const row = (name: string) => chart.rows.find((r) => r.name === name);

  it('reads the sixteen columns and every destination row, from TABLE and GPOTABLE alike', () => {
    expect(chart.columns).toEqual(
      'CB1 CB2 CB3 NP1 NP2 NS1 NS2 MT1 RS1 RS2 FC1 CC1 CC2 CC3 AT1 AT2'.split(' '),
    );
    expect(chart.rows.map((r) => r.name)).toEqual([
      'Afghanistan',
      'Albania',
      'Australia',
      'Canada',
      'China',
      'Cuba',
      'Iran',
      'Korea, North',
      'Kosovo',
      'Liechtenstein',
      'Russia',
      'Seycheles',
      'United Kingdom',
      "Cote d'Ivoire",
    ]);
  });

  it('reads the X marks by column and the footnote markers of the destination cell', () => {
    // Supp. 1 to part 738: Albania, footnotes 2 and 3; Canada only CB 1 and FC 1.
    expect(row('Albania')).toMatchObject({
      marks: ['CB1', 'CB2', 'NP1', 'NS1', 'NS2', 'MT1', 'RS1', 'RS2'],
      footnotes: [2, 3],
    });
    expect(row('Canada')?.marks).toEqual(['CB1', 'FC1']);
    expect(row('United Kingdom')).toMatchObject({ marks: ['CB1'], footnotes: [10] });
    expect(row('Kosovo')?.marks).toEqual([
      'CB1',
      'CB2',
      'NP1',
      'NS1',
      'NS2',
      'MT1',
      'RS1',
      'RS2',
      'CC1',
      'CC2',
      'CC3',
    ]);
  });

  it('reads the rows that point to Part 746 instead of marks', () => {
    expect(row('Cuba')).toMatchObject({
      marks: [],
      pointer: expect.stringMatching(/^See part 746 of the EAR/),
    });
    expect(row('Korea, North')).toMatchObject({
      marks: [],
      footnotes: [1],
      pointer: expect.stringMatching(/^See Sections 742\.19 and 746\.4/),
    });
  });

  it('reads the footnotes from the table footer and from FTNT blocks', () => {
    expect(Object.keys(chart.footnotes).sort((a, b) => Number(a) - Number(b))).toEqual([
      '1',
      '2',
      '3',
      '5',
      '6',
      '10',
    ]);
    expect(chart.footnotes['5']).toBe(
      'Refer to Switzerland for licensing requirements for Liechtenstein under the EAR.',
    );
    expect(chart.footnotes['10']).toMatch(
      /^A license is required to these destinations for items in the following ECCNs: 0A501/,
    );
  });

  it('cites each row to the supplement, the row and the eCFR date', () => {
    expect(chart.issueDate).toBe('2026-03-02');
    expect(row('Kosovo')?.source).toEqual({
      act: '15 CFR Part 738, Supplement No. 1 (Commerce Country Chart)',
      paragraph: 'Supplement No. 1 to Part 738, row "Kosovo"',
      issueDate: '2026-03-02',
      readFrom: 'https://example.test/738',
    });
    expect(parseEcfr738(xml, { file: 'f', issueDate: '2026-07-23' }).rows[0]?.source.issueDate).toBe(
      '2026-07-23',
    );
  });

  it.each([
    [
      'another part',
      '<DIV5 N="740" TYPE="PART"><HEAD>PART 740</HEAD></DIV5>',
      /holds no Supplement No. 1 to Part 738/,
    ],
    [
      'a chart without column headings',
      '<DIV5 N="738"><DIV9 N="Supplement No. 1 to Part 738"><TABLE><TBODY><TR><TD>Canada</TD><TD>X</TD></TR></TBODY></TABLE></DIV9></DIV5>',
      /no column headings/,
    ],
    ['a truncated download', xml.slice(0, 3000), /not well-formed XML/],
  ])('rejects %s, naming the file', (_label, text, message) => {
    try {
      parseEcfr738(text, { file: 'part-738.xml', issueDate: '2026-07-23' });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('file-rejected');
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain('part-738.xml');
    }
  });
});
