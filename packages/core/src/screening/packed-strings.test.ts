import { describe, expect, it } from 'vitest';
import { findPacked, pack, packedAt, packedCodes, packedTable, unpack } from './packed-strings.ts';

const words = ['ivanov', '', 'иванов', 'al', 'حسن', 'ivanov', '金英哲', 'x'.repeat(300)];

describe('packed strings', () => {
  it('reads back every string, as text and as code units (one byte or two per unit)', () => {
    const text = pack(words);
    const codes = packedCodes(text);
    expect('codes' in codes && codes.codes).toBeInstanceOf(Uint16Array);
    expect(unpack(text)).toEqual(words);
    expect(unpack(codes)).toEqual(words);
    const latin = packedCodes(pack(['abc', 'é', '']));
    expect('codes' in latin && latin.codes).toBeInstanceOf(Uint8Array);
    expect(unpack(latin)).toEqual(['abc', 'é', '']);
  });

  it('finds the id of each string through its hash table (the first of equal ones), and no other', () => {
    for (const packed of [pack(words), packedCodes(pack(words))]) {
      const table = packedTable(packed);
      for (const w of new Set(words.filter(Boolean)))
        expect(findPacked(table, packed, w)).toBe(words.indexOf(w));
      for (const absent of ['', 'ivano', 'ivanovv', 'иванова', 'AL'])
        expect(findPacked(table, packed, absent)).toBe(-1);
      expect(packedAt(packed, 2)).toBe('иванов');
    }
  });

  it('finds every one of many strings that share hash slots', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `t${i.toString(36)}`);
    const packed = packedCodes(pack(many));
    const table = packedTable(packed);
    expect(many.every((w, i) => findPacked(table, packed, w) === i)).toBe(true);
    expect(findPacked(table, packed, 't-1')).toBe(-1);
  });
});
