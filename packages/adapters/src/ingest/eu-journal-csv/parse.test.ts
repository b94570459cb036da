import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@entente/core';
import type { Party } from '@entente/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, SHARED_DATA, sharedDataPath } from '../../test-support/shared-data.ts';
import type { ParsedList } from '../list-format.ts';
import { euJournalCsvFormat } from './source.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (...parts: string[]) => path.join(here, 'fixtures', ...parts);

function countKinds(list: ParsedList): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of list.warnings) out[w.kind] = (out[w.kind] ?? 0) + 1;
  return out;
}

describe.skipIf(!hasSharedData())('eu-journal-csv on journal-2026-08', () => {
  const dir = sharedDataPath('lists/eu/journal-2026-08');
  let versions: ParsedList[];
  let baseline: ParsedList;
  let byId: Map<string, Party>;
  beforeAll(async () => {
    versions = await euJournalCsvFormat.parse([dir]);
    baseline = versions[0] as ParsedList;
    byId = new Map(baseline.parties.map((p) => [p.sourceId, p]));
  });

  it('reads the 45 consolidated files as a baseline of 8,015 designations (8,017 rows)', () => {
    expect(baseline.source).toBe('eu-sanctions');
    expect(baseline.files).toHaveLength(45);
    expect(baseline.parties).toHaveLength(8015);
    const schemas: Record<string, number> = {};
    for (const p of baseline.parties) schemas[p.schema] = (schemas[p.schema] ?? 0) + 1;
    expect(schemas).toEqual({ person: 4498, organization: 2780, vessel: 708, unknown: 29 });
  });

  it('applies each amending act in CELEX order as a dated version', () => {
    expect(
      versions.map((v) => [v.publishedAt, v.parties.length, path.basename(v.files.at(-1) ?? '')]),
    ).toEqual([
      ['2026-07-12', 8015, '32024R2642.csv'],
      ['2026-07-13', 8024, '32026R1720.csv'],
      ['2026-07-23', 8026, '32026R1817.csv'],
      ['2026-07-23', 8242, '32026R1843.csv'],
      ['2026-07-23', 8246, '32026R1846.csv'],
      ['2026-07-24', 8401, '32026R1848.csv'],
      ['2026-07-24', 8404, '32026R1880.csv'],
      ['2026-07-30', 8404, '32026R1883.csv'],
      ['2026-07-30', 8414, '32026R1895.csv'],
      ['2026-08-07', 8419, '32026R1940.csv'],
      ['2026-08-07', 8420, '32026R1941.csv'],
      ['2026-08-07', 8421, '32026R1960.csv'],
    ]);
  });

  it('replaces a designation an amending act reprints', () => {
    const before = versions[6]?.parties.find((p) => p.sourceId === '32012R0267/IX.I.A/57');
    const after = versions[7]?.parties.find((p) => p.sourceId === '32012R0267/IX.I.A/57');
    expect(before?.citation).toBeUndefined();
    expect(after?.citation).toBe('Regulation (EU) 2026/1883 (CELEX 32026R1883)');
  });

  it('keeps original-script aliases with their script, and partial birth dates', () => {
    const umarov = byId.get('32002R0881/I/~Doku Khamatovich Umarov');
    expect(umarov?.names).toContainEqual({
      full: 'Умаров Доку Хаматович',
      script: 'Cyrl',
      quality: 'strong',
    });
    expect(umarov?.birthDates).toContainEqual({ value: '1955', precision: 'year' });
    const aksyonov = byId.get('32014R0269/I.PERSONS/1');
    expect(aksyonov?.names.map((n) => [n.full, n.script])).toEqual([
      ['Sergey Valeryevich AKSYONOV', 'Latn'],
      ['Sergei Valerievich AKSENOV', 'Latn'],
      ['Сергей Валерьевич АКСЁНОВ', 'Cyrl'],
      ['Serhiy Valeriyovych AKSYONOV', 'Latn'],
      ['Сергiй Валерiйович АКСЬОНОВ', 'Cyrl'],
    ]);
    expect(aksyonov?.birthDates).toEqual([{ value: '1972-11-26', precision: 'day' }]);
    expect(aksyonov?.legalBasis).toEqual(['Regulation (EU) No 269/2014 (CELEX 32014R0269)']);
    expect(aksyonov?.listedOn).toBe('2014-03-17');
    expect(baseline.parties.filter((p) => p.names.some((n) => n.script && n.script !== 'Latn'))).toHaveLength(
      4718,
    );
  });

  it('reads weak aliases and circa dates', () => {
    const salim = byId.get('32002R0881/I/~Abd Al-Rahman Ould Muhammad Al- Husayn Ould Muhammad Salim');
    expect(salim?.names.find((n) => n.full === 'Chingheity')?.quality).toBe('weak');
    expect(salim?.birthDates).toEqual([{ value: '1981', precision: 'year', circa: true }]);
    expect(baseline.parties.reduce((n, p) => n + p.names.filter((m) => m.quality === 'weak').length, 0)).toBe(
      201,
    );
  });

  it('carries no UN reference numbers (the transcription has no such column)', () => {
    expect(baseline.parties.filter((p) => p.unReference)).toHaveLength(0);
  });

  it('warns per kind on the baseline', () => {
    expect(countKinds(baseline)).toEqual({ 'bad-date': 28, 'unknown-country': 6, 'duplicate-id': 2 });
    expect(baseline.warnings).toContainEqual(
      expect.objectContaining({
        kind: 'duplicate-id',
        row: 219,
        file: path.join(dir, 'consolidated/32002R0881.csv'),
      }),
    );
  });

  it('finds the dataset in the mirror as one group', async () => {
    const groups = await euJournalCsvFormat.findInMirror(SHARED_DATA);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(56);
  });
});

describe('eu-journal-csv on small fixtures', () => {
  it('merges rows of one designation, drops nameless rows and applies the amending act', async () => {
    const versions = await euJournalCsvFormat.parse([fixture('small')]);
    expect(versions.map((v) => [v.publishedAt, v.parties.map((p) => p.sourceId)])).toEqual([
      ['2026-03-02', ['32099R0001/I/~Example Trading LLC', '32099R0001/I/1']],
      ['2026-03-03', ['32099R0001/I/~Example Trading LLC', '32099R0001/I/1', '32099R0001/I/2']],
    ]);
    const [baseline, amended] = versions as [ParsedList, ParsedList];
    const petrov = baseline.parties.find((p) => p.sourceId === '32099R0001/I/1');
    expect(petrov?.names.map((n) => [n.full, n.quality, n.script])).toEqual([
      ['Ivan PETROV', 'primary', 'Latn'],
      ['Иван ПЕТРОВ', 'strong', 'Cyrl'],
      ['Ivan PETROFF', 'strong', 'Latn'],
      ['Иван ПЕТРОФФ', 'strong', 'Cyrl'],
      ['Vanya', 'weak', 'Latn'],
    ]);
    expect(petrov?.birthDates).toEqual([{ value: '1960', precision: 'year', circa: true }]);
    expect(petrov?.countries).toEqual([{ code: 'RU', role: 'nationality' }]);
    const company = baseline.parties.find((p) => p.schema === 'organization');
    expect(company?.identifiers).toEqual([{ type: 'tax-id', value: '7701234567', label: 'INN' }]);
    expect(company?.countries).toEqual([{ code: 'RU', role: 'jurisdiction' }]);
    expect(baseline.warnings.map((w) => [w.kind, w.row, w.field])).toEqual([
      ['unknown-country', 2, 'nationality'],
      ['missing-name', 5, 'name'],
    ]);
    expect(amended.parties.find((p) => p.sourceId === '32099R0001/I/1')?.birthDates).toEqual([
      { value: '1960', precision: 'year' },
    ]);
  });

  it('rejects a CSV with a foreign header, naming the file', async () => {
    const file = fixture('bad', '32099R0002.csv');
    const err = await euJournalCsvFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file, row: 1 } });
    expect((err as Error).message).toContain(file);
  });

  it('rejects amending acts without their consolidated baseline', async () => {
    const err = await euJournalCsvFormat.parse([fixture('small', 'amendments')]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file-rejected' });
  });
});
