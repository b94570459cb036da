import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@entente/core';
import { customCsvFormat } from './source.ts';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);

async function parseWatchList() {
  const [list] = await customCsvFormat.parse([fixture('watch-list.csv')], {
    listName: 'suppliers',
    publishedAt: '2026-01-02',
  });
  return list!;
}

describe('customCsvFormat', () => {
  it('reads a watch list with case-insensitive headers, CRLF, quotes and blank lines', async () => {
    const list = await parseWatchList();
    expect(list.source).toBe('custom:suppliers');
    expect(list.publishedAt).toBe('2026-01-02');
    expect(list.parties.map((p) => p.sourceId)).toEqual(['c1', 'c2', 'c4', 'c5']);
    const acme = list.parties[0]!;
    expect(acme.schema).toBe('organization');
    expect(acme.names.map((n) => [n.full, n.quality])).toEqual([
      ['Acme Trading, Ltd.', 'primary'],
      ['Acme Ltd', 'strong'],
      ['ACME', 'strong'],
      ['Acme Trading Limited', 'strong'],
    ]);
    expect(acme.identifiers).toEqual([{ type: 'lei', value: '5493001KJTIIGC8Y1R12' }]);
    expect(acme.countries).toEqual([
      { code: 'GB', role: 'other' },
      { code: 'DE', role: 'other' },
    ]);
  });

  it('reads a person with a Cyrillic alias, a country name and a month-precision birth date', async () => {
    const ivan = (await parseWatchList()).parties[1]!;
    expect(ivan.schema).toBe('person');
    expect(ivan.names[1]).toEqual({ full: 'Иван Петров', quality: 'strong', script: 'Cyrl' });
    expect(ivan.countries).toEqual([{ code: 'RU', role: 'other' }]);
    expect(ivan.birthDates).toEqual([{ value: '1970-05', precision: 'month' }]);
    expect(ivan.identifiers).toEqual([{ type: 'passport', value: 'A123' }]);
  });

  it('reports row problems as warnings with file, row and field', async () => {
    const list = await parseWatchList();
    const file = fixture('watch-list.csv');
    expect(list.warnings.map((w) => [w.kind, w.row, w.field])).toEqual([
      ['missing-name', 5, 'name'],
      ['unknown-country', 6, 'country'],
      ['bad-date', 6, 'birth_date'],
      ['bad-identifier', 6, 'identifiers'],
      ['duplicate-id', 7, 'id'],
      ['bad-type', 8, 'type'],
      ['bad-date', 8, 'birth_date'],
    ]);
    expect(list.warnings.every((w) => w.file === file)).toBe(true);
    const c5 = list.parties.find((p) => p.sourceId === 'c5')!;
    expect(c5.schema).toBe('unknown');
    expect(c5.names[0]!.full).toBe('Multi Line Name');
    expect(list.parties.find((p) => p.sourceId === 'c4')!.schema).toBe('vessel');
  });

  it('strips a UTF-8 byte-order mark from the header', async () => {
    const [list] = await customCsvFormat.parse([fixture('bom.csv')], { listName: 'x' });
    expect(list!.parties.map((p) => p.names[0]!.full)).toEqual(['Zeta Corp']);
  });

  it.each([
    [undefined, 'invalid-input'],
    ['', 'invalid-input'],
    ['Bad Name', 'invalid-input'],
    ['-leading-dash', 'invalid-input'],
  ])('rejects list name %j', async (listName, code) => {
    await expect(customCsvFormat.parse([fixture('bom.csv')], { listName })).rejects.toMatchObject({ code });
  });

  it.each([
    ['no-id-column.csv', /missing column id, name/],
    ['empty.csv', /is empty/],
    ['binary.csv', /binary/],
  ])('rejects %s as a whole, naming the file', async (name, message) => {
    const err = await customCsvFormat.parse([fixture(name)], { listName: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file: fixture(name) } });
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(name);
  });

  it('finds nothing in a mirror', async () => {
    expect(await customCsvFormat.findInMirror('/nonexistent')).toEqual([]);
  });
});
