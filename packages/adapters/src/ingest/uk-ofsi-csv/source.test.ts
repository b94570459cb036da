import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainError, type Party } from '@entente/core';
import { hasSharedData, sharedDataPath } from '../../test-support/shared-data.ts';
import { ukOfsiCsvFormat } from './source.ts';
import { parseOfsiDate, splitEnumeration } from './parse-ofsi-fields.ts';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);
const CONLIST = sharedDataPath('lists/uk/ofsi-conlist-fixture/ConList.csv');

describe.skipIf(!hasSharedData())('ukOfsiCsvFormat on the real ConList.csv fixture', async () => {
  const [list] = hasSharedData() ? await ukOfsiCsvFormat.parse([CONLIST]) : [];
  const byId = (id: string): Party => list!.parties.find((p) => p.sourceId === id)!;

  it('groups the 77 name rows into 41 parties', () => {
    expect(list!.source).toBe('uk-ofsi');
    expect(list!.parties).toHaveLength(41);
    expect(new Set(list!.parties.map((p) => p.sourceId)).size).toBe(41);
    expect(list!.parties.filter((p) => p.schema === 'person')).toHaveLength(32);
    expect(list!.parties.filter((p) => p.schema === 'organization')).toHaveLength(8);
    expect(list!.parties.filter((p) => p.schema === 'vessel')).toHaveLength(1);
    expect(list!.publishedAt).toBe('2020-02-20');
  });

  it('warns only about groups whose excerpt lacks a Prime Alias row', () => {
    const kinds = new Set(list!.warnings.map((w) => w.kind));
    expect([...kinds]).toEqual(['no-primary-name']);
    expect(list!.warnings).toHaveLength(23);
  });

  it('reads a person with a year-only birth date, two nationalities and a passport', () => {
    const p = byId('13349');
    expect(p.names).toEqual([
      {
        full: 'Sheikh Farooq AL-QAHTANI',
        quality: 'primary',
        parts: { given: 'Sheikh', middle: 'Farooq', family: 'AL-QAHTANI' },
        script: 'Latn',
      },
    ]);
    expect(p.birthDates).toEqual([
      { value: '1980', precision: 'year' },
      { value: '1981', precision: 'year' },
    ]);
    expect(p.countries).toEqual([
      { code: 'SA', role: 'birth' },
      { code: 'SA', role: 'nationality' },
      { code: 'QA', role: 'nationality' },
      { code: 'AF', role: 'address' },
    ]);
    expect(p.identifiers).toEqual([
      {
        type: 'passport',
        value: '592667',
        country: 'QA',
        label: 'Passport No: 592667 (Qatari passport issued on 3 May 2007)',
      },
    ]);
    expect(p.unReference).toBe('QDe.004');
    expect(p.listedOn).toBe('2016-04-01');
    expect(p.programs).toEqual(["The ISIL (Da'esh) and Al-Qaida organisations"]);
  });

  it('puts the Prime Alias first and keeps the other spellings as aliases', () => {
    const p = byId('13814');
    expect(p.names.map((n) => `${n.quality}:${n.full}`)).toEqual([
      'primary:Yasser Aziz ABBAS',
      'strong:Yaser Aziz ABAS',
      'strong:Yasr Aziz ABAS',
      'strong:Yasser Aziz ABAS',
      'strong:Yaser Aziz ABBAS',
      'strong:Yasr Aziz ABBAS',
    ]);
  });

  it('reads a vessel from IMO and MMSI numbers in Other Information', () => {
    const p = byId('13556');
    expect(p.schema).toBe('vessel');
    expect(p.identifiers).toEqual([
      { type: 'imo', value: '8937675' },
      { type: 'mmsi', value: '445539000' },
    ]);
  });

  it('decodes Windows-1252 quotes and reads titles, towns of birth and addresses', () => {
    expect(byId('13222').remarks).toContain('so-called ’2nd Army Corps’ of the ‘Lugansk People´s Republic’');
    const p = byId('13229');
    expect(p.names[0]!.parts?.title).toBe('Brigadier General');
    expect(p.birthPlaces).toEqual(['Homs']);
    expect(p.addresses).toEqual([
      {
        full: "CERS, Centre d'Etude et de Recherche Scientifique, Centre de Recherche de Kaboun Barzar Street, PO Box 4470, Damascus",
      },
    ]);
    expect(byId('6894').birthPlaces).toEqual([
      'Tirpas-Selong Village, East Lombok, Indonesia',
      'Korleko-Lombok Timur, Indonesia',
    ]);
  });

  it('finds ConList.csv in the mirror', async () => {
    expect(await ukOfsiCsvFormat.findInMirror(sharedDataPath('..', 'data'))).toEqual([[CONLIST]]);
  });
});

describe('ukOfsiCsvFormat on small fixtures', () => {
  it('reads the "Last Updated" line, partial dates and row-level warnings', async () => {
    const [list] = await ukOfsiCsvFormat.parse([fixture('last-updated-line.csv')]);
    expect(list!.publishedAt).toBe('2020-02-20');
    expect(list!.parties).toHaveLength(1);
    expect(list!.parties[0]!.birthDates).toEqual([{ value: '1970-07', precision: 'month' }]);
    expect(list!.warnings.map((w) => [w.kind, w.row, w.field])).toEqual([
      ['missing-id', 5, 'Group ID'],
      ['bad-date', 4, 'DOB'],
      ['unknown-country', 4, 'nationality'],
    ]);
  });

  it('rejects a CSV that is not the OFSI list, naming the file', async () => {
    const err = await ukOfsiCsvFormat.parse([fixture('not-ofsi.csv')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file: fixture('not-ofsi.csv') } });
    expect((err as Error).message).toContain('not-ofsi.csv');
  });

  it.each([
    ['17/08/1958', { value: '1958-08-17', precision: 'day' }],
    ['00/08/1958', { value: '1958-08', precision: 'month' }],
    ['00/00/1958', { value: '1958', precision: 'year' }],
    ['31/02/1958', undefined],
    ['1958', undefined],
  ])('reads the OFSI date %s', (text, expected) => {
    expect(parseOfsiDate(text)).toEqual(expected);
  });

  it.each([
    ['1) Saudi Arabia 2) Qatar', ['Saudi Arabia', 'Qatar']],
    ['(1) German (2) Moroccan', ['German', 'Moroccan']],
    ['Syrian', ['Syrian']],
  ])('splits the enumeration %s', (text, items) => {
    expect(splitEnumeration(text)).toEqual(items);
  });
});
