import { describe, expect, it } from 'vitest';
import { isValidImo, isValidLei } from './check-identifier.ts';
import { assertRegisterReadable, readRegisterRecords, type RegisterRecord } from './read-register-records.ts';

const row = (n: number, fields: Record<string, unknown>): RegisterRecord => ({ row: n, fields });

describe('reading a counterparty register', () => {
  it('reads names in any script, aliases, countries by code or name, identifiers and owners', () => {
    const { counterparties, problems } = readRegisterRecords('book.csv', 'csv', [
      row(2, { id: 'C-1', name: 'Holdco AG', countries: 'CH', lei: '5493001KJTIIGC8Y1R12' }),
      row(3, {
        id: 'C-2',
        name: 'Общество Ромашка',
        aliases: 'Romashka LLC | OOO Romashka',
        type: 'organisation',
        countries: 'Russia|KZ',
        addresses: 'Moscow, ul. Lenina 1',
        imo: '',
        owners: 'C-1:60%|C-3:controls',
      }),
      row(4, { id: 'C-3', name: 'Ivan Petrov', type: 'person', birth_date: '1970-05', countries: 'ru' }),
      row(5, { id: 'V-1', name: 'Ocean Star', type: 'vessel', imo: 'IMO 9187629' }),
    ]);
    expect(problems).toEqual([]);
    expect(counterparties[1]).toEqual({
      id: 'C-2',
      type: 'organization',
      names: ['Общество Ромашка', 'Romashka LLC', 'OOO Romashka'],
      countries: ['RU', 'KZ'],
      addresses: ['Moscow, ul. Lenina 1'],
      identifiers: [],
      owners: [
        { ownerId: 'C-1', share: 60 },
        { ownerId: 'C-3', controls: true },
      ],
    });
    expect(counterparties[3]?.identifiers).toEqual([{ type: 'imo', value: '9187629' }]);
  });

  it('names file, row and field of every problem, and loses no row silently', () => {
    const { counterparties, problems } = readRegisterRecords('book.csv', 'csv', [
      row(2, { id: 'C-1', name: 'Holdco AG', countries: 'XX', lei: '5493001KJTIIGC8Y1R13' }),
      row(3, { id: '', name: 'No Id Ltd' }),
      row(4, { id: 'C-3', name: 'Ivan Petrov', type: 'robot', birth_date: '1970-13-01' }),
      row(5, { id: 'C-4', name: 'Sub GmbH', owners: 'C-9:60|C-4:10|C-3:abc' }),
      row(6, { id: 'C-4', name: 'Duplicate GmbH' }),
      row(7, { id: 'C-6', name: 'Over Ltd', owners: 'C-4:60|C-3:50' }),
    ]);
    expect(problems.map((p) => `${p.file}:${p.row}:${p.field}`)).toEqual([
      'book.csv:2:countries',
      'book.csv:2:lei',
      'book.csv:3:id',
      'book.csv:4:type',
      'book.csv:4:birth_date',
      'book.csv:5:owners',
      'book.csv:5:owners',
      'book.csv:5:owners',
      'book.csv:6:id',
      'book.csv:7:owners',
    ]);
    expect(problems[5]?.message).toBe('owner "C-9" is not in the register');
    expect(counterparties).toEqual([]);
    expect(() => assertRegisterReadable('book.csv', 6, problems)).toThrow(
      expect.objectContaining({ code: 'file-rejected' }),
    );
    expect(() => assertRegisterReadable('book.csv', 20, problems)).toThrow(
      expect.objectContaining({
        code: 'register-invalid',
        details: expect.objectContaining({ file: 'book.csv', row: 2, field: 'countries', problems }),
      }),
    );
  });

  it('accepts owners already in the stored register, and JSON field names', () => {
    const { problems, counterparties } = readRegisterRecords(
      'book.json',
      'json',
      [
        row(1, {
          id: 'S-1',
          names: ['Sub Ltd'],
          birthDate: '1999',
          taxId: 'GB123',
          owners: [{ ownerId: 'P-1', share: 51 }],
        }),
      ],
      new Set(['P-1']),
    );
    expect(problems).toEqual([]);
    expect(counterparties[0]).toMatchObject({
      birthDate: '1999',
      identifiers: [{ type: 'tax-id', value: 'GB123' }],
    });
    const bad = readRegisterRecords('book.json', 'json', [
      row(1, { id: 'S-1', names: [], birthDate: 'soon' }),
    ]);
    expect(bad.problems.map((p) => p.field)).toEqual(['names', 'birthDate']);
  });

  it('refuses an empty file', () => {
    expect(() => assertRegisterReadable('empty.csv', 0, [])).toThrow(
      expect.objectContaining({ code: 'file-rejected' }),
    );
  });

  it('checks LEI and IMO check digits', () => {
    expect(isValidLei('5493001KJTIIGC8Y1R12')).toBe(true);
    expect(isValidLei('5493001KJTIIGC8Y1R21')).toBe(false);
    expect(isValidImo('9187629')).toBe(true);
    expect(isValidImo('9187628')).toBe(false);
  });
});
