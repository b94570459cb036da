import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, type Party } from '@entente/core';
import { hasSharedData, sharedDataPath, SHARED_DATA } from '../../test-support/shared-data.ts';
import type { ParsedList } from '../list-format.ts';
import { usCslCsvFormat, usCslJsonFormat } from './source.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const kinds = (l: ParsedList): Record<string, number> =>
  l.warnings.reduce<Record<string, number>>((acc, w) => ({ ...acc, [w.kind]: (acc[w.kind] ?? 0) + 1 }), {});
const byId = (l: ParsedList, id: string): Party => l.parties.find((p) => p.sourceId === id)!;
const US = (...p: string[]): string => sharedDataPath('lists', 'us', ...p);

describe.skipIf(!hasSharedData())('us-csl-json on the 2026-07-31 CSL (benchmark corpus)', () => {
  let list: ParsedList;
  beforeAll(async () => {
    [list] = await usCslJsonFormat.parse([US('csl-2026-07-31', 'consolidated.json')]);
  });

  it('reads 25,921 results into 25,723 parties, merging 198 repeated ids', () => {
    expect(list.source).toBe('us-csl');
    expect(list.publishedAt).toBe('2026-07-31');
    expect(list.parties).toHaveLength(25_723);
    expect(kinds(list)).toEqual({ 'duplicate-id': 198, 'unknown-country': 13 });
    expect(new Set(list.parties.map((p) => p.sourceId)).size).toBe(25_723);
  });

  it('keeps each party’s sub-list', () => {
    const counts: Record<string, number> = {};
    for (const p of list.parties) counts[p.subList!] = (counts[p.subList!] ?? 0) + 1;
    expect(counts).toEqual({
      'Specially Designated Nationals (SDN) - Treasury Department': 19_181,
      'Entity List (EL) - Bureau of Industry and Security': 3_318,
      'Denied Persons List (DPL) - Bureau of Industry and Security': 1_506,
      'ITAR Debarred (DTC) - State Department': 783,
      'Sectoral Sanctions Identifications List (SSI) - Treasury Department': 286,
      'Unverified List (UVL) - Bureau of Industry and Security': 222,
      'Nonproliferation Sanctions (ISN) - State Department': 159,
      'Palestinian Legislative Council List (PLC) - Treasury Department': 78,
      'Military End User (MEU) List - Bureau of Industry and Security': 70,
      'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department': 68,
      'Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department': 51,
      'Capta List (CAP) - Treasury Department': 1,
    });
  });

  it('prefixes OFAC entity numbers with the sub-list so SDN and SSI listings stay distinct', () => {
    expect(byId(list, 'SSI-17014').names[0]!.full).toBe('Joint Stock Company Russian Agricultural Bank');
    expect(byId(list, 'NS-MBS-17014').subList).toContain('NS-MBS');
  });

  it('keeps Entity List licence terms, FR notice and aliases', () => {
    expect(byId(list, 'EL-abdul-satar-ghoura')).toMatchObject({
      licenceRequirement: 'For all items subject to the EAR. (See §744.11 of the EAR).',
      licencePolicy: 'Presumption of denial.',
      citation: '76 FR 71867',
      countries: [
        { code: 'AF', role: 'address' },
        { code: 'PK', role: 'address' },
      ],
    });
    const bank = byId(list, 'CAP-15268');
    expect(bank.names.map((n) => n.quality)).toEqual(['primary', 'strong', 'strong']);
    expect(bank.names[1]!.full).toBe('KARAMAY URBAN CREDIT COOPERATIVES');
    expect(byId(list, 'SSI-17014').programs).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
  });

  it('finds the JSON in the mirror by name and content', async () => {
    expect(await usCslJsonFormat.findInMirror(SHARED_DATA)).toEqual([
      [US('csl-2026-07-31', 'consolidated.json')],
    ]);
  });
});

describe.skipIf(!hasSharedData())('us-csl-csv on the real CSV exports', () => {
  it('reads the gzipped 2022 CSV: 14,160 rows, 14,071 parties', async () => {
    const [list] = await usCslCsvFormat.parse([US('csl-2022-05', 'consolidated.csv.gz')]);
    expect(list!.parties).toHaveLength(14_071);
    expect(list!.publishedAt).toBe('2022-05-01');
    expect(kinds(list!)).toEqual({ 'duplicate-id': 89, 'unknown-country': 64 });
    expect(byId(list!, 'SDN-23156')).toMatchObject({
      schema: 'vessel',
      names: [{ full: '7-28', quality: 'primary' }],
      identifiers: [{ type: 'imo', value: '8898831', label: 'Vessel Registration Identification' }],
      countries: [{ code: 'KP', role: 'flag' }],
    });
    expect(byId(list!, 'SDN-9935')).toMatchObject({
      schema: 'person',
      birthDates: [{ value: '1962-08-06', precision: 'day' }],
      birthPlaces: ['Al-Bawgah, Sudan', 'Albaouga, Sudan'],
      identifiers: [{ type: 'passport', value: 'BC166787', country: 'CA' }],
    });
    expect(byId(list!, 'SDN-9935').names).toHaveLength(15);
  });

  it('reads the truncated 2023 CSV, skipping its repeated header and keeping the cut-off record', async () => {
    const [list] = await usCslCsvFormat.parse([US('csl-2023-11-partial', 'csl.csv')]);
    expect(list!.parties).toHaveLength(4_165);
    expect(kinds(list!)).toEqual({
      'duplicate-header': 1,
      'truncated-record': 1,
      'duplicate-id': 62,
      'unknown-country': 20,
    });
    expect(list!.warnings.find((w) => w.kind === 'duplicate-header')).toMatchObject({ row: 2 });
    expect(list!.parties.some((p) => p.names[0]!.full === 'name')).toBe(false);
    expect(byId(list!, 'SDN-11476').names[0]!.full).toBe('BERMUDEZ SUAZA, Pedro Antonio');
  });

  it('reads the 13-row fixture with the current "Label, value, country" id order', async () => {
    const [list] = await usCslCsvFormat.parse([US('csl-fixture', 'consolidated.csv')]);
    expect(list!.parties).toHaveLength(13);
    expect(list!.publishedAt).toBe('2023-07-19');
    expect(list!.warnings).toEqual([]);
    expect(byId(list!, 'SDN-52291')).toMatchObject({
      gender: 'male',
      identifiers: [{ type: 'passport', value: '836238033', country: 'KP' }],
    });
    expect(byId(list!, 'SSI-18283').identifiers.map((i) => i.type)).toEqual([
      'registration',
      'swift-bic',
      'website',
    ]);
    expect(
      byId(list!, 'EL-china-electronics-technology-group-corporation-13th-research-institute-cetc-13')
        .names[6]!.full,
    ).toBe('CETC Research Institute 13');
  });

  it('finds the three CSV exports in the mirror', async () => {
    expect(await usCslCsvFormat.findInMirror(SHARED_DATA)).toEqual([
      [US('csl-2022-05', 'consolidated.csv.gz')],
      [US('csl-2023-11-partial', 'csl.csv')],
      [US('csl-fixture', 'consolidated.csv')],
    ]);
  });
});

describe('CSL row-level problems and rejected files', () => {
  it('warns about each dirty row and keeps the named ones', async () => {
    const [list] = await usCslCsvFormat.parse([path.join(FIXTURES, 'dirty.csv')]);
    expect(list!.parties.map((p) => p.sourceId)).toEqual(['SDN-1', 'SDN-3', 'SDN-4']);
    expect(list!.warnings.map((w) => [w.kind, w.row, w.field])).toEqual([
      ['duplicate-header', 2, undefined],
      ['unknown-country', 3, 'addresses'],
      ['unknown-country', 3, 'nationalities'],
      ['bad-date', 3, 'dates_of_birth'],
      ['missing-name', 4, 'name'],
      ['truncated-record', 6, undefined],
    ]);
    expect(byId(list!, 'SDN-1').birthDates).toEqual([{ value: '1970', precision: 'year', circa: true }]);
    expect(byId(list!, 'SDN-3').identifiers).toEqual([
      { type: 'imo', value: '9187629', label: 'Vessel Registration Identification' },
      { type: 'mmsi', value: '422033600', label: 'MMSI' },
    ]);
    expect(byId(list!, 'SDN-4').birthDates).toEqual([{ value: '1960', precision: 'year', to: '1962' }]);
  });

  it.each([
    ['not-csl.csv', usCslCsvFormat],
    ['empty.csv', usCslCsvFormat],
    ['no-results.json', usCslJsonFormat],
    ['truncated.json', usCslJsonFormat],
  ])('rejects %s naming the file', async (name, format) => {
    const file = path.join(FIXTURES, name);
    const err = await format.parse([file]).catch((e: unknown) => e);
    expect(isDomainError(err) && err.code).toBe('file-rejected');
    expect((err as Error).message).toContain(file);
  });
});
