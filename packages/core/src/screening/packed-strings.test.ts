import { describe, expect, it } from 'vitest';
import {
  comparePackedAt,
  findPacked,
  pack,
  packedAt,
  packedCodes,
  packedTable,
  unpack,
} from './packed-strings.ts';

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

  it('orders a packed string against a string as `<` orders the two strings, without making it', () => {
    const probes = [
      '',
      'a',
      'al',
      'alb',
      'ivanov',
      'ivanova',
      'ivano',
      'иванов',
      'حسن',
      '金',
      'x'.repeat(299),
      'x'.repeat(301),
    ];
    for (const packed of [pack(words), packedCodes(pack(words))])
      for (let i = 0; i < words.length; i++)
        for (const s of probes) {
          const w = words[i]!;
          expect(Math.sign(comparePackedAt(packed, i, s)), `${w} vs ${s}`).toBe(w < s ? -1 : w > s ? 1 : 0);
        }
  });

  it('reads strings of every length the same through code units (short ones through a reused array)', () => {
    const lengths = Array.from({ length: 70 }, (_, n) => 'abcdefghij'.repeat(7).slice(0, n));
    const packed = packedCodes(pack(lengths));
    expect(unpack(packed)).toEqual(lengths);
    // Reading one string does not change another read before it.
    const first = packedAt(packed, 5);
    packedAt(packed, 5 + 1);
    expect(first).toBe('abcde');
  });
});
