import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import { hasSharedData, sharedDataPath } from '../../test-support/shared-data.ts';
import { parseCcl } from '../parse-ccl.ts';
import { parseEcfr774 } from './parse-ecfr-774.ts';
import { readCclSource } from './read-ccl-source.ts';

const FIXTURE = new URL('./fixtures/title-15_part-774.xml', import.meta.url);
const xml = readFileSync(FIXTURE, 'utf8');

describe('parseEcfr774 (eCFR XML of part 774, Supplement No. 1)', () => {
  const source = parseEcfr774(xml, { file: 'title-15_part-774.xml', readFrom: 'https://example.test/774' });
  const byEccn = new Map(source.entries.map((e) => [e.eccn, e]));

  it('reads every ECCN with its heading, reasons and the eCFR date', () => {
    expect(source.entries.map((e) => e.eccn)).toEqual(['0A983', '1C355', '3A001', '5A002', '6E003', '8D001']);
    expect(source.issueDate).toBe('2026-07-23');
    expect(byEccn.get('3A001')).toMatchObject({
      heading: 'Electronic items as follows (see List of Items Controlled).',
      reasonForControl: 'NS, MT, AT',
    });
    expect(byEccn.get('8D001')?.heading).toMatch(/^“Software” “specially designed”.*8B or 8C\.$/);
  });

  it('reads the licence requirements from TABLE and GPOTABLE, with Country Chart columns', () => {
    expect(byEccn.get('3A001')?.requirementRows).toEqual([
      { control: 'NS applies to entire entry', chartColumn: 'NS2', destination: '' },
      { control: 'MT applies to 3A001.a.1.a when usable in “missiles”', chartColumn: 'MT1', destination: '' },
      { control: 'AT applies to entire entry', chartColumn: 'AT1', destination: '' },
    ]);
    expect(byEccn.get('5A002')?.requirementRows[1]).toEqual({
      control: 'EI applies to entire entry',
      chartColumn: '',
      destination: 'Refer to § 742.15 of the EAR.',
    });
  });

  it('reads licence requirements written as a "Control(s):" paragraph instead of a table', () => {
    expect(byEccn.get('0A983')?.requirementRows).toEqual([
      {
        control: 'CC applies to entire entry',
        chartColumn: '',
        destination: 'A license is required for ALL destinations, regardless of end-use.',
      },
    ]);
    expect(byEccn.get('0A983')?.items.map((i) => i.text)).not.toContain(expect.stringMatching(/^Control/));
  });

  it('reads a further requirement in words after the "Control(s):" paragraph (ECCN 1C355: CW, then AT)', () => {
    expect(byEccn.get('1C355')?.requirementRows.map((r) => [r.control, r.chartColumn])).toEqual([
      ['CW applies to entire entry', ''],
      ['AT applies to entire entry', ''],
    ]);
    expect(byEccn.get('1C355')?.requirementRows[1]?.destination).toMatch(/Country Group E:1\.$/);
  });

  it('keeps the items after an HD2 subheading and after an "Items" label without its colon', () => {
    const list = parseCcl(source);
    expect(list.entries.filter((e) => e.code.startsWith('6E003')).map((e) => e.code)).toEqual([
      '6E003',
      '6E003.a',
      '6E003.d',
      '6E003.d.1',
    ]);
    expect(list.entries.find((e) => e.code === '6E003.a')?.text).toBe('Acoustics: [Reserved]');
  });

  it('reads the list-based licence exceptions and the STA special conditions', () => {
    expect(byEccn.get('3A001')?.exceptionFlags).toEqual({
      LVS: 'N/A for MT',
      GBS: 'Yes for 3A001.a.2 to a.14',
      STA: expect.stringMatching(/^License Exception STA may not be used .*A:5 or A:6\.$/),
    });
    expect(Object.keys(byEccn.get('5A002')?.exceptionFlags ?? {})).toEqual(['LVS', 'GBS', 'ENC']);
  });

  it('builds the paragraph tree without the lettered lists of notes, each paragraph cited', () => {
    const list = parseCcl(source);
    const codes = list.entries.map((e) => e.code);
    expect(codes.filter((c) => c.startsWith('3A001'))).toEqual([
      '3A001',
      '3A001.a',
      '3A001.a.1',
      '3A001.a.1.a',
      '3A001.b',
      '3A001.b.2',
      '3A001.c',
    ]);
    const at = (code: string) => list.entries.find((e) => e.code === code);
    expect(at('3A001.a')?.text).toBe('General purpose integrated circuits, as follows:');
    // The decontrol note's a.–c. (smart cards, banking, radiotelephones) are not 5A002 paragraphs.
    expect(at('5A002.b')?.text).toBe('Being a ‘cryptographic activation token’;');
    expect(at('5A002.c')?.text).toBe('Designed or modified to use or perform “quantum cryptography”;');
    expect(codes).not.toContain('5A002.a.1.a');
    expect(at('5A002.z')?.parent).toBe('5A002');
    expect(at('3A001.b.2')?.citation).toEqual({
      act: '15 CFR Part 774, Supplement No. 1 (Commerce Control List)',
      provision: 'ECCN 3A001, paragraph .b.2',
      readFrom: 'https://example.test/774',
      readOn: '2026-07-23',
      status: 'verified',
    });
    expect(list.header?.leftOut).toEqual([]);
  });

  it.each([
    ['another part', '<DIV5 N="744" TYPE="PART"><HEAD>PART 744</HEAD></DIV5>', /holds no Supplement No. 1/],
    [
      'a supplement without ECCNs',
      '<DIV5 N="774"><DIV9 N="Supplement No. 1 to Part 774"><P>Category 0</P></DIV9></DIV5>',
      /holds no ECCN/,
    ],
    ['a truncated download', xml.slice(0, 2000), /not well-formed XML/],
  ])('rejects %s, naming the file', (_label, text, message) => {
    try {
      parseEcfr774(text, { file: 'part-774.xml', issueDate: '2026-07-23' });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('file-rejected');
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain('part-774.xml');
    }
  });
});

describe.skipIf(!hasSharedData())('the mirror’s derived ccl.json', () => {
  it('reads the requirements an entry keeps in words (1C355, 1C395) as the eCFR reader reads them', async () => {
    const source = await readCclSource(sharedDataPath('controls/us'));
    const rows = (eccn: string) => source.entries.find((e) => e.eccn === eccn)?.requirementRows ?? [];
    for (const eccn of ['1C355', '1C395']) {
      expect(rows(eccn).map((r) => [r.control, r.chartColumn])).toEqual([
        ['CW applies to entire entry', ''],
        ['AT applies to entire entry', ''],
      ]);
      expect(rows(eccn)[1]?.destination).toContain('Country Group E:1');
    }
    // Entries with flattened rows keep them: 0A501's five rows come from the CSV.
    expect(rows('0A501')).toHaveLength(5);
  });

  it('reads 5A002 and 5A004 without the paragraphs of their decontrol notes', async () => {
    const source = await readCclSource(sharedDataPath('controls/us'));
    expect(source.entries).toHaveLength(633);
    const list = parseCcl(source);
    const text = (code: string) => list.entries.find((e) => e.code === code)?.text;
    // 15 CFR 774 Supp. 1, ECCN 5A002: b. 'cryptographic activation token', c. "quantum cryptography",
    // d. channelizing/scrambling codes; the Note 2 list (smart cards, banking, radiotelephones) is not.
    expect(text('5A002.b')).toBe("Being a 'cryptographic activation token';");
    expect(text('5A002.c')).toBe('Designed or modified to use or perform “quantum cryptography”;');
    expect(text('5A002.d')).toMatch(
      /^Designed or modified to use cryptographic techniques to generate channelizing/,
    );
    expect(text('5A002.a.1.a')).toBeUndefined();
    // ECCN 5A004: b. data extraction items; c. through y. reserved; the note's c. and d. are not paragraphs.
    expect(text('5A004.b')).toMatch(/^Items, not specified by ECCNs 4A005 or 5A004\.a/);
    expect(text('5A004.c')).toBe('through y. [Reserved]');
    expect(text('5A004.d')).toBeUndefined();
    // A paragraph after a decontrol note's own list stays (1C001.c after the 1C001.b note's a. and b.).
    expect(text('1C001.c')).toMatch(/^Intrinsically conductive polymeric materials/);
  });
});
