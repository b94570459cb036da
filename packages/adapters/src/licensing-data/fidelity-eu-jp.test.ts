import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  determine,
  matchCodeFact,
  type DeterminationData,
  type FactSource,
  type GeneralAuthorisation,
} from '@entente/core';
import { mirrorDeterminationData } from '../test-support/mirror-determination-data.ts';
import { hasSharedData } from '../test-support/shared-data.ts';
import { FIDELITY_ROWS } from './fidelity-eu-jp.table.ts';

let data: DeterminationData;
beforeAll(async () => {
  if (!hasSharedData()) return;
  data = await mirrorDeterminationData();
}, 60_000);

const SECTION_I = [
  '0C001',
  '0C002',
  '0D001',
  '0E001',
  '1A102',
  '1C351',
  '1C353',
  '1C354',
  '1C450.a.1',
  '1C450.a.2',
  '7E104',
  '9A009.a',
  '9A117',
];
const eu001 = () => data.eu.generalAuthorisations.find((g) => g.id === 'EU001') as GeneralAuthorisation;
const jpBulk = (id: string) => data.jp.bulkLicences.find((g) => g.id === id) as GeneralAuthorisation;

describe.skipIf(!hasSharedData())('EU and JP licensing facts against the texts read', () => {
  it.each(
    FIDELITY_ROWS.map((r) => [
      `${r.jurisdiction} ${r.item}${r.from ? ` ${r.from}` : ''} → ${r.to} (${r.provision})`,
      r,
    ]),
  )('%s', (_name, row) => {
    const d = determine(data, {
      jurisdiction: row.jurisdiction,
      item: row.item,
      to: row.to,
      ...(row.from ? { from: row.from } : {}),
      ...(row.endUse ? { endUse: row.endUse } : {}),
    });
    expect(d.outcome).toBe(row.outcome);
    const found = Object.fromEntries(d.authorisations.map((a) => [a.id, a.result]));
    if (row.authorisations) expect(found).toMatchObject(row.authorisations);
    if (row.authorisations && Object.keys(row.authorisations).length === 0) expect(found).toEqual({});
    if (row.because) {
      const [id, text] = row.because;
      const a = d.authorisations.find((x) => x.id === id);
      expect([a?.why, ...(a?.citations ?? [])].join(' | ')).toContain(text);
    }
    for (const a of d.authorisations) expect(a.citations.length).toBeGreaterThan(0);
  });

  it('cites EU001 refused for 1C351 → US to Annex II Section I with where it was read', () => {
    const d = determine(data, { jurisdiction: 'EU', item: '1C351', to: 'US' });
    const a = d.authorisations.find((x) => x.id === 'EU001');
    expect(a).toMatchObject({ result: 'not-available', status: 'verified', why: '1C351 is excluded' });
    expect(a?.citations.join(' ')).toMatch(/Annex II Section I .*\(read in .*2026-12-03\)/);
  });

  it('surfaces the intra-EU transfer requirement of Art. 11(1) with the Annex IV entry', () => {
    const d = determine(data, { jurisdiction: 'EU', item: '7A117', to: 'FR', from: 'DE' });
    expect(d.reasons).toContain('Annex IV intra-EU transfer');
    expect(d.citations).toContain('Regulation (EU) 2021/821, Art. 11(1)');
    expect(d.citations.join(' ')).toContain('Annex IV Part I, entry 7A117');
  });

  it('asks to classify a code broader than an Annex IV paragraph inside the EU', () => {
    const d = determine(data, { jurisdiction: 'EU', item: '9A106', to: 'FR', from: 'DE' });
    expect(d.questions.join(' ')).toContain('Annex IV entry 9A106.c');
  });

  it('records EU001 destinations as read: the ten of Annex II Section A Part 2', () => {
    expect([...(eu001().destinations ?? [])].sort()).toEqual(
      ['AU', 'CA', 'CH', 'GB', 'IS', 'JP', 'LI', 'NO', 'NZ', 'US'].sort(),
    );
    expect(eu001().destinationsSource.status).toBe('verified');
  });

  it('records the EU001 exclusions as exactly Annex IV and the 13 codes of Section I point 2', () => {
    expect(eu001().excludeAnnexIv).toBe(true);
    expect(eu001().excludedItems.map((c) => c.code)).toEqual(SECTION_I);
    expect(eu001().excludedItems.every((c) => c.source.citation.includes('Annex II Section I'))).toBe(true);
  });

  it('keeps the EU003 exclusions off EU001', () => {
    const eu003 = data.eu.generalAuthorisations.find((g) => g.id === 'EU003') as GeneralAuthorisation;
    expect(eu003.excludedItems.map((c) => c.code)).toEqual(expect.arrayContaining(['1C227', '1A002.a']));
    expect(eu001().excludedItems.map((c) => c.code)).not.toContain('1C227');
    expect(eu001().excludedItems.map((c) => c.code)).not.toContain('1A002.a');
  });

  it('holds Annex IV in full (Parts I and II), with the MTCR technology items in Part I', () => {
    expect(data.eu.annexIv.length).toBeGreaterThanOrEqual(55);
    const part = (code: string) => data.eu.annexIv.find((e) => e.code === code)?.part;
    for (const code of ['7A117', '7B001', '7E101', '9A004', '9A005', '9A007.a']) expect(part(code)).toBe('I');
    expect(data.eu.annexIv.find((e) => e.code === '0')).toMatchObject({
      wholeCategory: true,
      except: ['0C001'],
    });
  });

  it('never lets EU002-EU008 be declared available: their texts were not read', () => {
    for (const ga of data.eu.generalAuthorisations.filter((g) => g.id !== 'EU001')) {
      expect(ga.use).toBe('may-apply');
      expect(ga.destinationsSource.status).toBe('unverified');
    }
  });

  it('presents every Japanese bulk licence as held by the exporter it was granted to', () => {
    expect(data.jp.bulkLicences.map((g) => g.id)).toEqual([
      'JP-GENERAL-BULK',
      'JP-SPECIAL-GENERAL-BULK',
      'JP-SPECIFIC-BULK',
    ]);
    expect(data.jp.bulkLicences.every((g) => g.holderOnly)).toBe(true);
    expect(jpBulk('JP-GENERAL-BULK').excludedItems).toMatchObject([
      { code: '1', source: { status: 'unverified' } },
    ]);
  });

  const sources = (): { where: string; source: FactSource }[] => [
    ...[...data.eu.generalAuthorisations, ...data.jp.bulkLicences, ...data.uk.openGeneralLicences].flatMap(
      (g) => [
        { where: `${g.id} source`, source: g.source },
        { where: `${g.id} destinations`, source: g.destinationsSource },
        { where: `${g.id} item scope`, source: g.itemScopeSource },
        { where: `${g.id} exclusions`, source: g.exclusionsSource },
        ...g.excludedItems.map((c) => ({ where: `${g.id} excludes ${c.code}`, source: c.source })),
      ],
    ),
    { where: 'Annex IV', source: data.eu.annexIvSource },
    ...data.eu.annexIv.map((e) => ({ where: `Annex IV ${e.code}`, source: e.source })),
  ];

  it('gives every authorisation, scope, exclusion, destination list and Annex IV entry a citation', () => {
    for (const { where, source } of sources()) {
      expect(source.citation, where).toMatch(/\S/);
      if (source.status === 'verified') {
        expect(source.readIn, where).toMatch(/\S/);
        expect(source.readOn, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else
        expect([where, source.status, source.note]).toEqual([
          where,
          'unverified',
          expect.stringMatching(/\S/),
        ]);
    }
  });

  const ukGea = (id: string) => data.uk.openGeneralLicences.find((g) => g.id === id) as GeneralAuthorisation;

  it('records the 24 codes of retained Annex IIc Part 1 para 2(c) as verified UK-GEA-003 exclusions, the list still incomplete', () => {
    const g = ukGea('UK-GEA-003');
    expect(g.excludedItems.filter((c) => !c.wholeCategory).map((c) => c.code)).toEqual([
      '1A002.a',
      '1C012.a',
      '1C227',
      '1C228',
      '1C229',
      '1C230',
      '1C231',
      '1C236',
      '1C237',
      '1C240',
      '1C350',
      '1C450',
      '5A001.b.5',
      '5A002.c',
      '5A002.d',
      '5A002.e',
      '5A003.a',
      '5A003.b',
      '6A001.a.2.a.1',
      '6A001.a.2.a.5',
      '6A002.a.1.c',
      '8A001.b',
      '8A001.c.1',
      '9A011',
    ]);
    expect(g.excludedItems.every((c) => c.source.status === 'verified')).toBe(true);
    expect(g.exclusionsSource.status).toBe('unverified');
    expect(g.use).toBe('may-apply');
  });

  it('records retained GEA 005 (Annex IIe) with its ten destinations and six item paragraphs as read', () => {
    const g = ukGea('UK-GEA-005');
    expect([...(g.destinations ?? [])].sort()).toEqual([
      'AR',
      'CN',
      'HK',
      'HR',
      'IN',
      'KR',
      'MO',
      'TR',
      'UA',
      'ZA',
    ]);
    expect(g.itemScope).toEqual(['5A001.b.2', '5A001.c', '5A001.d', '5B001', '5D001', '5E001.a']);
    expect([g.destinationsSource.status, g.itemScopeSource.status]).toEqual(['verified', 'verified']);
    expect(g.destinationsSource.readIn).toContain('legislation.gov.uk/eur/2009/428/annex/IIe');
  });

  it('marks what was not read of the UK retained GEAs and the dual-use OGEL as unverified', () => {
    expect(ukGea('UK-GEA-006').itemScopeSource.status).toBe('unverified');
    expect(ukGea('UK-GEA-004').exclusionsSource.status).toBe('unverified');
    const ogel = ukGea('OGEL-DU-EU');
    expect(ogel.source).toMatchObject({ status: 'verified', readOn: '2026-12-03' });
    expect(ogel.destinationsSource.status).toBe('unverified');
  });

  it('gives EU004 its 120-day re-import condition with where it was read', () => {
    const eu004 = data.eu.generalAuthorisations.find((g) => g.id === 'EU004') as GeneralAuthorisation;
    expect(eu004.conditions.join(' ')).toMatch(
      /within 120 days .*udfoerselstilladelse-eu004, read 2026-12-03/,
    );
  });

  const letter = fc.constantFrom('a', 'b', 'c', 'd');
  const paragraph = fc
    .tuple(
      fc.constantFrom(...SECTION_I, '1C450', '9A106', '7A117', '3A001', '1C012', '5A002'),
      fc.array(letter, { maxLength: 3 }),
    )
    .map(([head, tail]) => [head, ...tail].join('.'));

  it('declares an authorisation available only on verified facts that reach the item', () => {
    fc.assert(
      fc.property(paragraph, fc.constantFrom('US', 'JP', 'CA', 'KR', 'CN', 'IS'), (item, to) => {
        const d = determine(data, { jurisdiction: 'EU', item: item.split('.')[0] as string, to });
        const exact = determine(data, { jurisdiction: 'EU', item, to });
        for (const det of [d, exact])
          for (const a of det.authorisations.filter((x) => x.result === 'available')) {
            expect(a.status).toBe('verified');
            expect(a.citations.join(' ')).not.toContain('(unverified)');
            expect(eu001().excludedItems.some((c) => matchCodeFact(det.item, c) !== 'no')).toBe(false);
          }
      }),
      { numRuns: 200 },
    );
  });
});
