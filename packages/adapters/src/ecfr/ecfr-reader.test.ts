import { describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import {
  ecfrCurrentDate,
  extractEcfrTables,
  findEcfrDivision,
  parseEcfrXml,
  readEcfrDivision,
  textOfEcfr,
} from './index.ts';

const PART = `<?xml version="1.0"?>
<DIV5 N="999" TYPE="PART">
<HEAD>PART 999&#x2014;TEST</HEAD>
<DIV8 N="999.1" TYPE="SECTION"><HEAD>&#xA7; 999.1 General.</HEAD>
<P>(a) First <I>paragraph</I>.</P><P>(b) Second.</P>
<CITA TYPE="N">[61 FR 12802, Mar. 25, 1996, as amended at 90 FR 47212, Sept. 30, 2025]</CITA></DIV8>
<DIV9 N="Supplement No. 1 to Part 999" TYPE="APPENDIX"><HEAD>Supplement No. 1</HEAD>
<TABLE><THEAD><TR><TH>Country</TH><TH>License review<br/>policy</TH></TR></THEAD>
<TBODY><TR><TD>FRANCE</TD><TD>Name, a.k.a.:<br/>&#x2014;Alias<sup>1</sup>.<br/> <br/> Paris.</TD></TR>
<TR><TD/><TD>Second</TD></TR></TBODY>
<TFOOT><TR><TD colspan="2"><sup>1</sup> A footnote.</TD></TR></TFOOT></TABLE>
<GPOTABLE COLS="2"><BOXHD><CHED H="1">Code</CHED><CHED H="1">Text</CHED></BOXHD>
<ROW><ENT>A1</ENT><ENT>First row</ENT></ROW></GPOTABLE>
</DIV9>
</DIV5>`;

describe('eCFR reader', () => {
  const root = parseEcfrXml(PART, 'part-999.xml');
  const part = readEcfrDivision(root);

  it('reads the division tree with headings, paragraphs and source notes', () => {
    expect(part).toMatchObject({ type: 'PART', n: '999', head: 'PART 999—TEST' });
    const section = findEcfrDivision(part, '999.1')!;
    expect(section.head).toBe('§ 999.1 General.');
    expect(section.paragraphs).toEqual(['(a) First paragraph.', '(b) Second.']);
    expect(section.citations[0]).toContain('90 FR 47212');
  });

  it('extracts HTML-style and GPOTABLE tables as rows of cell text', () => {
    const [html, gpo] = extractEcfrTables(findEcfrDivision(part, 'Supplement No. 1 to Part 999')!.element, {
      dropFootnoteRefs: true,
    });
    expect(html!.headers).toEqual(['Country', 'License review policy']);
    expect(html!.rows.map((r) => r.cells)).toEqual([
      ['FRANCE', 'Name, a.k.a.:\n—Alias.\n\nParis.'],
      ['', 'Second'],
      ['A footnote.', ''],
    ]);
    expect(html!.rows.map((r) => r.footer)).toEqual([false, false, true]);
    expect(gpo).toEqual({ headers: ['Code', 'Text'], rows: [{ cells: ['A1', 'First row'], footer: false }] });
  });

  it('keeps footnote reference digits unless asked to drop them', () => {
    const [html] = extractEcfrTables(root);
    expect(html!.rows[0]!.cells[1]).toContain('—Alias1.');
    expect(textOfEcfr(root).startsWith('PART 999—TEST')).toBe(true);
  });

  it('dates the text by its latest amendment when the renderer left no point-in-time date', () => {
    expect(ecfrCurrentDate(root)).toBe('2025-09-30');
    expect(
      ecfrCurrentDate(
        parseEcfrXml(
          '<DIV5 N="1" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2026-07-23/title-15&quot;}"/>',
          'x',
        ),
      ),
    ).toBe('2026-07-23');
  });

  it.each([
    ['a truncated file', PART.slice(0, 400)],
    ['plain text', 'not xml at all'],
  ])('rejects %s', (_label, xml) => {
    try {
      parseEcfrXml(xml, 'bad.xml');
      expect.unreachable();
    } catch (err) {
      expect(isDomainError(err) && err.code).toBe('file-rejected');
      expect((err as Error).message).toContain('bad.xml');
    }
  });
});
