import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import { parseEcfr740Exceptions } from './parse-ecfr-740-exceptions.ts';
import { parseEcfr740Groups } from './parse-ecfr-740-groups.ts';

const xml = readFileSync(new URL('./fixtures/title-15_part-740.xml', import.meta.url), 'utf8');
const options = { file: 'title-15_part-740.xml', readFrom: 'https://example.test/740' };

describe('parseEcfr740Groups (eCFR XML of part 740, Supplement No. 1: Country Groups)', () => {
  const { groups, sources, issueDate } = parseEcfr740Groups(xml, options);

  it('reads Groups A, D and E from their tables, by the group each column names', () => {
    // Supp. 1 to part 740: Albania, Israel and Taiwan are in A:6 only; India is not in A:4.
    expect(groups['A:6']).toEqual(['Albania', 'Israel', 'Taiwan']);
    expect(groups['A:4']).toEqual(['Canada', 'Ukraine', 'United Kingdom']);
    expect(groups['A:1']).not.toContain('Ukraine');
    // Macau is in D:1, D:3 and D:4 but not D:5; Cuba is E:2 and not E:1.
    expect(groups['D:5']).toEqual(['China (PRC)', 'Cuba', 'Iran', 'Russia']);
    expect(groups['D:1']).toContain('Macau');
    expect(groups['E:1']).toEqual(['Iran', 'Korea, North', 'Syria']);
    expect(groups['E:2']).toEqual(['Cuba']);
  });

  it('reads Group B from its list, and no footnote row as a destination', () => {
    expect(groups.B).toEqual(['Canada', 'Kosovo', 'Taiwan', 'United Kingdom']);
    expect(
      Object.values(groups)
        .flat()
        .filter((n) => /test/i.test(n)),
    ).toEqual([]);
  });

  it('cites each group to the supplement and the eCFR date', () => {
    expect(issueDate).toBe('2026-04-14');
    expect(sources['D:5']).toEqual({
      act: '15 CFR Part 740, Supplement No. 1 (Country Groups)',
      paragraph: 'Supplement No. 1 to Part 740, Country Group D:5',
      issueDate: '2026-04-14',
      readFrom: 'https://example.test/740',
    });
  });

  it('rejects a supplement without Group B, naming the file', () => {
    const noB = xml.replace(/<HD1>Country Group B[\s\S]*?<\/SCOL2>/, '');
    expect(() => parseEcfr740Groups(noB, options)).toThrow(/title-15_part-740\.xml: .*no Country Group B/);
  });
});

describe('parseEcfr740Exceptions (eCFR XML of part 740: the licence exception sections)', () => {
  const { exceptions } = parseEcfr740Exceptions(xml, options);

  it('reads each section that names a symbol, and none that does not', () => {
    expect(exceptions.map((x) => [x.sectionNumber, x.symbols])).toEqual([
      ['740.3', ['LVS']],
      ['740.4', ['GBS']],
      ['740.8', ['NAC', 'ACA']],
      ['740.9', ['TMP']],
      ['740.17', ['ENC']],
      ['740.20', ['STA']],
    ]);
    expect(exceptions[0]).toEqual({
      section: '15 C.F.R. § 740.3',
      sectionNumber: '740.3',
      symbols: ['LVS'],
      title: 'Shipments of limited value (LVS)',
      source: {
        act: '15 CFR Part 740 (License Exceptions)',
        paragraph: '§ 740.3',
        issueDate: '2026-04-14',
        readFrom: 'https://example.test/740',
      },
    });
  });

  it('rejects a text without sections of part 740', () => {
    try {
      parseEcfr740Exceptions('<DIV5 N="774"><DIV8 N="774.1"><HEAD>§ 774.1</HEAD></DIV8></DIV5>', options);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('file-rejected');
    }
  });
});
