import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Party } from '@entente/core';
import { hasSharedData, sharedDataPath } from '../../test-support/shared-data.ts';
import type { ParsedList } from '../list-format.ts';
import { summarizeList } from '../ofac-common/summarize-list.ts';
import { ofacSdnCsvFormat } from './source.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const us = (...parts: string[]) => sharedDataPath('lists', 'us', ...parts);

// Each real file is parsed once and shared by the tests that read it.
const parsed = new Map<string, Promise<ParsedList[]>>();

async function parseOne(...paths: string[]): Promise<ParsedList> {
  const key = paths.join('|');
  if (!parsed.has(key)) parsed.set(key, ofacSdnCsvFormat.parse(paths));
  const lists = await parsed.get(key)!;
  expect(lists).toHaveLength(1);
  return lists[0]!;
}

const byId = (parties: Party[], id: string): Party => {
  const party = parties.find((p) => p.sourceId === id);
  if (!party) throw new Error(`no party ${id}`);
  return party;
};

describe.skipIf(!hasSharedData())('ofac-sdn-csv on the real files', () => {
  it.each([
    [
      'ofac-sdn-2024-05-03',
      '2024-05-03',
      {
        parties: 14965,
        aliases: 3666,
        weakAliases: 3666,
        addresses: 0,
        birthDates: 9359,
        identifiers: 17320,
        countries: 10932,
      },
    ],
    [
      'ofac-sdn-2024-04-26',
      '2024-04-26',
      {
        parties: 14668,
        aliases: 3586,
        weakAliases: 3586,
        addresses: 0,
        birthDates: 9283,
        identifiers: 16799,
        countries: 10861,
      },
    ],
    [
      'ofac-sdn-2021-07',
      '2021-07-01',
      {
        parties: 8976,
        aliases: 14345,
        weakAliases: 2441,
        addresses: 11440,
        birthDates: 5260,
        identifiers: 8129,
        countries: 13618,
        'warn:unknown-country': 6,
      },
    ],
  ])('reads %s with exact counts', async (folder, publishedAt, counts) => {
    const list = await parseOne(us(folder));
    expect(list.source).toBe('us-ofac-sdn');
    expect(list.publishedAt).toBe(publishedAt);
    expect(summarizeList(list)).toEqual(counts);
  });

  it('reads strong aliases from alt.csv and addresses from add.csv (2021-07 full set)', async () => {
    const list = await parseOne(us('ofac-sdn-2021-07'));
    expect(list.files.map((f) => path.basename(f))).toEqual([
      'sdn.csv',
      'alt.csv',
      'add.csv',
      'sdn_comments.csv',
    ]);
    const bnc = byId(list.parties, '306');
    expect(bnc.names.map((n) => [n.full, n.quality])).toEqual([
      ['BANCO NACIONAL DE CUBA', 'primary'],
      ['BNC', 'weak'],
      ['NATIONAL BANK OF CUBA', 'strong'],
    ]);
    expect(bnc.addresses[0]).toMatchObject({ country: 'CH', city: 'Zurich CH-8022' });
  });

  it('warns about an address region that is no country', async () => {
    const list = await parseOne(us('ofac-sdn-2021-07'));
    expect(list.warnings[0]).toMatchObject({ kind: 'unknown-country', row: 3765, field: 'Country' });
    expect(list.warnings[0]!.message).toContain('Kafia Kingi');
  });

  it('reads a circa birth date and a year-range birth date', async () => {
    const list = await parseOne(us('ofac-sdn-2024-05-03', 'sdn.csv'));
    expect(byId(list.parties, '7848').birthDates).toEqual([
      { value: '1942', precision: 'year', circa: true },
    ]);
    const ranged = list.parties.flatMap((p) => p.birthDates).filter((d) => d.to);
    expect(ranged).toHaveLength(145);
  });
});

describe.skipIf(!hasSharedData())('ofac-sdn-csv on the 17-record fixture', () => {
  it('reads every record, joins sdn_comments.csv and reports orphan alias/address rows', async () => {
    const list = await parseOne(us('ofac-sdn-fixture'));
    expect(summarizeList(list)).toEqual({
      parties: 17,
      aliases: 29,
      weakAliases: 16,
      addresses: 19,
      birthDates: 7,
      identifiers: 78,
      countries: 22,
      'warn:orphan-row': 9,
      'warn:no-publication-date': 1,
    });
    expect(list.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The XBT address cut by the 1,000-character remarks column continues in sdn_comments.csv.
    expect(byId(list.parties, '33151').identifiers).toContainEqual({
      type: 'crypto-address',
      value: '1B64QRxfaa35MVkf7sDjuGUYAP5izQt7Qi',
      label: 'Digital Currency Address - XBT',
    });
  });

  it('reads a vessel with its IMO number, MMSI, call sign and flag', async () => {
    const vessel = byId((await parseOne(us('ofac-sdn-fixture'))).parties, '47371');
    expect(vessel.schema).toBe('vessel');
    expect(vessel.countries).toEqual([{ code: 'GA', role: 'flag' }]);
    expect(vessel.identifiers).toEqual([
      { type: 'other', value: 'A8LU7', label: 'Call Sign' },
      { type: 'imo', value: '9339301', label: 'Identification Number IMO' },
      { type: 'mmsi', value: '636013272', label: 'MMSI' },
    ]);
    expect(vessel.remarks).toContain('Vessel Type Crude Oil Tanker');
  });

  it('reads a person: name parts, birth date, nationality, passports, crypto addresses, weak alias', async () => {
    const person = byId((await parseOne(us('ofac-sdn-fixture'))).parties, '48603');
    expect(person.schema).toBe('person');
    expect(person.names[0]).toEqual({
      full: 'KHOROSHEV, Dmitry Yuryevich',
      quality: 'primary',
      script: 'Latn',
      parts: { family: 'KHOROSHEV', given: 'Dmitry Yuryevich' },
    });
    expect(person.names).toContainEqual({ full: 'LOCKBITSUPP', quality: 'weak', script: 'Latn' });
    expect(person.birthDates).toEqual([{ value: '1993-04-17', precision: 'day' }]);
    expect(person.countries).toEqual([
      { code: 'RU', role: 'birth' },
      { code: 'RU', role: 'nationality' },
      { code: 'RU', role: 'citizenship' },
      { code: 'RU', role: 'address' },
    ]);
    expect(
      person.identifiers.filter((i) => i.type === 'passport').map((i) => `${i.value}/${i.country}`),
    ).toEqual(['2018278055/RU', '2006801524/RU']);
    expect(person.identifiers).toContainEqual({
      type: 'crypto-address',
      value: 'bc1qvhnfknw852ephxyc5hm4q520zmvf9maphetc9z',
      label: 'Digital Currency Address - XBT',
    });
    expect(person.gender).toBe('male');
    expect(person.programs).toEqual(['CYBER2']);
    expect(person.sourceUrl).toBe('https://sanctionssearch.ofac.treas.gov/Details.aspx?id=48603');
  });

  it('reads an aircraft, programmes, websites, phones and a partial establishment date', async () => {
    const { parties } = await parseOne(us('ofac-sdn-fixture'));
    const aircraft = byId(parties, '48727');
    expect(aircraft.schema).toBe('aircraft');
    expect(aircraft.programs).toEqual(['SDGT', 'NPWMD', 'IRGC', 'IFSR']);
    expect(aircraft.identifiers).toContainEqual({
      type: 'aircraft-serial',
      value: '1023409321',
      label: "Aircraft Manufacturer's Serial Number (MSN)",
    });
    const charity = byId(parties, '12685');
    expect(charity.identifiers.filter((i) => i.type === 'phone').map((i) => i.value)).toEqual([
      '(218) (0)214778301',
      '(022) 7363030',
      '(218) (0)214778766',
      '(022) 7363196',
    ]);
    expect(charity.identifiers).toContainEqual({ type: 'website', value: 'www.gicdf.org', label: 'Website' });
    expect(byId(parties, '44525').birthDates).toEqual([{ value: '1998', precision: 'year' }]);
  });
});

describe('ofac-sdn-csv on dirty and wrong files', () => {
  it('keeps going on bad rows: bad date, unknown country, missing name, duplicate id, short row', async () => {
    const list = await parseOne(path.join(FIXTURES, 'dirty-2020-02-02'));
    expect(list.publishedAt).toBe('2020-02-02');
    expect(list.parties.map((p) => p.sourceId)).toEqual(['1', '3', '4']);
    expect(list.warnings.map((w) => [w.kind, w.row, w.field])).toEqual([
      ['bad-row', 6, undefined],
      ['bad-date', 1, 'Remarks'],
      ['unknown-country', 1, 'Remarks'],
      ['missing-name', 2, 'SDN_Name'],
      ['duplicate-id', 4, 'ent_num'],
      ['unknown-country', 5, 'Vess_flag'],
    ]);
    const doe = byId(list.parties, '1');
    expect(doe.birthDates).toEqual([
      { value: '1960', precision: 'year', circa: true },
      { value: '1960', precision: 'year', to: '1962' },
    ]);
    const acme = byId(list.parties, '3');
    expect(acme.names.map((n) => [n.full, n.quality])).toEqual([
      ['ACME LTD.', 'primary'],
      ['ACME', 'weak'],
      ['ACME LIMITED', 'strong'],
    ]);
    expect(acme.programs).toEqual(['SDGT', 'IRGC', 'IRAN']);
    expect(byId(list.parties, '4').identifiers).toContainEqual({
      type: 'imo',
      value: '1234567',
      label: 'IMO',
    });
  });

  it.each([
    [
      'a CSV with a header and 3 columns',
      path.join(FIXTURES, 'wrong-columns', 'sdn.csv'),
      /sdn\.csv: expected 12 columns/,
    ],
  ])('rejects %s', async (_what, file, message) => {
    await expect(ofacSdnCsvFormat.parse([file])).rejects.toMatchObject({
      code: 'file-rejected',
      message: expect.stringMatching(message),
    });
  });

  it('rejects an empty file and a binary file, naming the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ofac-sdn-'));
    await writeFile(path.join(dir, 'sdn.csv'), '');
    await expect(ofacSdnCsvFormat.parse([path.join(dir, 'sdn.csv')])).rejects.toMatchObject({
      code: 'file-rejected',
      message: 'sdn.csv: empty file',
    });
    await writeFile(path.join(dir, 'sdn.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]));
    await expect(ofacSdnCsvFormat.parse([path.join(dir, 'sdn.csv')])).rejects.toMatchObject({
      code: 'file-rejected',
      details: { file: path.join(dir, 'sdn.csv') },
    });
  });

  it('rejects a file that is no part of the SDN set', async () => {
    await expect(
      ofacSdnCsvFormat.parse([
        path.join(FIXTURES, 'dirty-2020-02-02', 'sdn.csv'),
        path.join(FIXTURES, 'README.md'),
      ]),
    ).rejects.toMatchObject({
      code: 'file-rejected',
    });
  });
});

describe.skipIf(!hasSharedData())('ofac-sdn-csv in a mirror', () => {
  it("finds one group per SDN folder and none in other formats' folders", async () => {
    const groups = await ofacSdnCsvFormat.findInMirror(sharedDataPath());
    expect(groups.map((g) => g.map((f) => path.relative(sharedDataPath('lists', 'us'), f)))).toEqual([
      [
        'ofac-sdn-2021-07/add.csv',
        'ofac-sdn-2021-07/alt.csv',
        'ofac-sdn-2021-07/sdn.csv',
        'ofac-sdn-2021-07/sdn_comments.csv',
      ],
      ['ofac-sdn-2024-04-26/sdn.csv'],
      ['ofac-sdn-2024-05-03/sdn.csv'],
      [
        'ofac-sdn-fixture/add.csv',
        'ofac-sdn-fixture/alt.csv',
        'ofac-sdn-fixture/sdn.csv',
        'ofac-sdn-fixture/sdn_comments.csv',
      ],
    ]);
  });
});
