import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../../test-support/shared-data.ts';
import { summarizeList } from '../ofac-common/summarize-list.ts';
import { ofacConsCsvFormat } from './source.ts';

const folder = sharedDataPath('lists', 'us', 'ofac-cons-2025-12');

describe.skipIf(!hasSharedData())('ofac-cons-csv on the real files', () => {
  const parsing = hasSharedData() ? ofacConsCsvFormat.parse([folder]) : Promise.resolve([]);

  it('reads cons_prim, cons_alt, cons_add and cons_comments with exact counts', async () => {
    const [list] = await parsing;
    expect(list!.source).toBe('us-ofac-cons');
    expect(list!.publishedAt).toBe('2025-12-01');
    expect(list!.files.map((f) => path.basename(f))).toEqual([
      'cons_prim.csv',
      'cons_alt.csv',
      'cons_add.csv',
      'cons_comments.csv',
    ]);
    expect(summarizeList(list!)).toEqual({
      parties: 442,
      aliases: 1143,
      weakAliases: 72,
      addresses: 522,
      birthDates: 104,
      identifiers: 1281,
      countries: 432,
    });
  });

  it('reads a person with a year-only birth date and a place of birth', async () => {
    const [list] = await parsing;
    const person = list!.parties.find((p) => p.sourceId === '9639')!;
    expect(person.schema).toBe('person');
    expect(person.names[0]!.parts).toEqual({ family: 'HANIYA', given: 'Ismail Abdul Salah' });
    expect(person.birthDates).toEqual([{ value: '1962', precision: 'year' }]);
    expect(person.birthPlaces).toEqual(['Shati']);
    expect(person.programs).toEqual(['NS-PLC']);
  });

  it('reads weak aliases from the remarks and strong ones from cons_alt.csv', async () => {
    const [list] = await parsing;
    const person = list!.parties.find((p) => p.sourceId === '9647')!;
    expect(person.names.filter((n) => n.quality === 'weak').map((n) => n.full)).toEqual([
      'ZAHAR, Mahmoud',
      'AL-ZAHAR, Mahmoud',
    ]);
  });

  it('reads a bank: SWIFT/BIC, LEI, registration numbers with country, addresses', async () => {
    const [list] = await parsing;
    const bank = list!.parties.find((p) => p.sourceId === '17013')!;
    expect(bank.schema).toBe('organization');
    expect(bank.programs).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
    expect(bank.identifiers).toContainEqual({ type: 'swift-bic', value: 'VTBRRUMM', label: 'SWIFT/BIC' });
    expect(bank.identifiers).toContainEqual({
      type: 'lei',
      value: '253400V1H6ART1UQ0N98',
      label: 'Legal Entity Number',
    });
    expect(bank.identifiers).toContainEqual({
      type: 'tax-id',
      value: '7702070139',
      label: 'Tax ID No.',
      country: 'RU',
    });
    expect(bank.addresses).toHaveLength(12);
    expect(bank.countries).toEqual([
      { code: 'RU', role: 'address' },
      { code: 'IN', role: 'address' },
      { code: 'CN', role: 'address' },
    ]);
  });

  it('finds the consolidated folder in the mirror and nothing else', async () => {
    const groups = await ofacConsCsvFormat.findInMirror(sharedDataPath());
    expect(groups).toEqual([
      ['cons_add.csv', 'cons_alt.csv', 'cons_comments.csv', 'cons_prim.csv'].map((f) => path.join(folder, f)),
    ]);
  });
});

describe('ofac-cons-csv on wrong input', () => {
  it('rejects a folder without cons_prim.csv', async () => {
    const sdnFixture = path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      '..',
      'ofac-sdn-csv',
      'fixtures',
      'wrong-columns',
    );
    await expect(ofacConsCsvFormat.parse([sdnFixture])).rejects.toMatchObject({ code: 'file-rejected' });
  });
});
