import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Party, PartyName, PartialDate } from '@entente/core';
import { hasSharedData, sharedDataPath } from '../../test-support/shared-data.ts';
import { ukOfsiCsvFormat } from '../uk-ofsi-csv/source.ts';
import { jpMetiTextFormat } from '../jp-meti-text/source.ts';
import { exportFtmJsonl } from './export-ftm-jsonl.ts';
import { partyFromFtm } from './party-from-ftm.ts';
import { partyToFtm } from './party-to-ftm.ts';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('Иван', '国防省', 'ザラ'),
);
const country = fc.constantFrom('RU', 'GB', 'KP', 'CN', 'HK', 'US', 'IR');

const nameArb: fc.Arbitrary<PartyName> = fc.record(
  {
    full: text,
    quality: fc.constantFrom('primary', 'strong', 'weak'),
    script: fc.constantFrom('Latn', 'Cyrl', 'Hani', 'Jpan'),
    lang: fc.constantFrom('en', 'ja', 'ru'),
    parts: fc.record(
      { given: text, middle: text, family: text, patronymic: text, title: text },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['full', 'quality'] },
);

const dateArb: fc.Arbitrary<PartialDate> = fc
  .tuple(
    fc.integer({ min: 1900, max: 2020 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .chain(([y, m, d]) => {
    const mm = String(m).padStart(2, '0');
    const dd = String(d).padStart(2, '0');
    return fc.oneof(
      fc.constant<PartialDate>({ value: String(y), precision: 'year' }),
      fc.constant<PartialDate>({ value: `${y}-${mm}`, precision: 'month' }),
      fc.record(
        {
          value: fc.constant(`${y}-${mm}-${dd}`),
          precision: fc.constant('day' as const),
          to: fc.constant(`${y + 1}-${mm}-${dd}`),
          circa: fc.boolean(),
        },
        { requiredKeys: ['value', 'precision'] },
      ),
    );
  });

const partyArb: fc.Arbitrary<Party> = fc.record(
  {
    source: fc.constantFrom('uk-ofsi', 'jp-meti', 'custom:suppliers', 'ftm:demo'),
    sourceId: fc.string({ minLength: 1, maxLength: 10 }),
    schema: fc.constantFrom('person', 'organization', 'vessel', 'aircraft', 'unknown'),
    names: fc.array(nameArb, { minLength: 1, maxLength: 4 }),
    birthDates: fc.array(dateArb, { maxLength: 2 }),
    birthPlaces: fc.array(text, { maxLength: 2 }),
    countries: fc.array(
      fc.record({
        code: country,
        role: fc.constantFrom(
          'nationality',
          'citizenship',
          'address',
          'jurisdiction',
          'flag',
          'birth',
          'residence',
          'other',
        ),
      }),
      { maxLength: 3 },
    ),
    identifiers: fc.array(
      fc.record(
        {
          type: fc.constantFrom(
            'passport',
            'national-id',
            'tax-id',
            'registration',
            'imo',
            'lei',
            'crypto-address',
            'aircraft-tail',
            'other',
          ),
          value: text,
          country,
          label: fc.constantFrom('INN', 'OGRN', 'Digital Currency Address - XBT'),
        },
        { requiredKeys: ['type', 'value'] },
      ),
      { maxLength: 3 },
    ),
    addresses: fc.array(
      fc.record({ full: text, city: text, country, postalCode: text }, { requiredKeys: ['full'] }),
      { maxLength: 2 },
    ),
    programs: fc.array(text, { maxLength: 2 }),
    legalBasis: fc.array(text, { maxLength: 2 }),
    listedOn: text,
    unReference: text,
    subList: text,
    licenceRequirement: text,
    licencePolicy: text,
    citation: text,
    gender: text,
    positions: fc.array(text, { maxLength: 2 }),
    remarks: text,
    sourceUrl: text,
  },
  {
    requiredKeys: [
      'source',
      'sourceId',
      'schema',
      'names',
      'birthDates',
      'birthPlaces',
      'countries',
      'identifiers',
      'addresses',
      'programs',
      'legalBasis',
    ],
  },
) as fc.Arbitrary<Party>;

/** Export to one JSON line and import it again, as a file round trip would. */
function roundTrip(party: Party): Party | undefined {
  const lines: string[] = [];
  exportFtmJsonl([party], (line) => lines.push(line));
  return partyFromFtm(JSON.parse(lines[0]!));
}

describe('FtM export and import', () => {
  it('gives back an equal party for any generated party', () => {
    fc.assert(
      fc.property(partyArb, (party) => {
        expect(roundTrip(party)).toEqual(party);
      }),
      { numRuns: 300 },
    );
  });

  it.skipIf(!hasSharedData())('gives back the 41 UK OFSI parties parsed from ConList.csv', async () => {
    const [list] = await ukOfsiCsvFormat.parse([sharedDataPath('lists/uk/ofsi-conlist-fixture/ConList.csv')]);
    expect(list!.parties).toHaveLength(41);
    expect(list!.parties.map(roundTrip)).toEqual(list!.parties);
  });

  it.skipIf(!hasSharedData())('gives back the 644 METI parties', async () => {
    const [list] = await jpMetiTextFormat.parse([sharedDataPath('lists/jp/meti-2025-09')]);
    expect(list!.parties.map(roundTrip)).toEqual(list!.parties);
  });

  it('writes what FtM can say as standard properties', () => {
    const entity = partyToFtm({
      source: 'uk-ofsi',
      sourceId: '13556',
      schema: 'vessel',
      names: [{ full: 'TONG SAN 2', quality: 'primary', script: 'Latn' }],
      birthDates: [],
      birthPlaces: [],
      countries: [{ code: 'KP', role: 'flag' }],
      identifiers: [{ type: 'imo', value: '8937675' }],
      addresses: [],
      programs: ['North Korea'],
      legalBasis: [],
      unReference: 'KPe.001',
    });
    expect(entity).toEqual({
      id: 'uk-ofsi-13556',
      schema: 'Vessel',
      properties: {
        name: ['TONG SAN 2'],
        flag: ['kp'],
        imoNumber: ['8937675'],
        program: ['North Korea'],
        unscId: ['KPe.001'],
      },
      datasets: ['uk-ofsi'],
      entente: { source: 'uk-ofsi', sourceId: '13556' },
    });
  });
});
