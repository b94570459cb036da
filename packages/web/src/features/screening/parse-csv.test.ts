import { describe, expect, it } from 'vitest';
import { parseBatchCsv, parseCsvRows } from './parse-csv.ts';

describe('parseBatchCsv', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsvRows('a,b\r\n"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });
  it('reads id, name, type, country and birth_date by header name', () => {
    const subjects = parseBatchCsv(
      '\uFEFFID,Name,Type,Country,Birth_Date\nc1,Vladimir Putin,person,RU,1952\nc2,Acme Ltd,,,\n',
    );
    expect(subjects).toEqual([
      { id: 'c1', name: 'Vladimir Putin', type: 'person', country: 'RU', birthDate: '1952' },
      { id: 'c2', name: 'Acme Ltd' },
    ]);
  });
  it('numbers rows when there is no id column', () => {
    expect(parseBatchCsv('name\nA\nB').map((s) => s.id)).toEqual(['1', '2']);
  });
  it('rejects a CSV without a name column', () => {
    expect(() => parseBatchCsv('id,company\n1,x')).toThrow(/"name" column/);
  });
});
