import { describe, expect, it } from 'vitest';
import {
  comparePackedAt,
  findPacked,
  pack,
  packedAt,
  packedCodes,
  packedEqual,
  packedOrder,
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

  it('orders ids by their string then by id, as a sort by the strings themselves does', () => {
    // Shared prefixes, prefixes of each other, the empty string, wide and narrow units, repeats.
    const list = [
      ...words,
      'ivan',
      'iva',
      'iv',
      'i',
      'ivanova',
      'ivanov',
      'ivanoz',
      'ivb',
      '\u00ff',
      '\u0100',
      'a\uffff',
      'a\u0000',
      'a',
      '',
      'zz',
      'ζ',
    ];
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    for (let i = 0; i < 500; i++)
      list.push(
        Array.from({ length: Math.floor(random() * 6) }, () => 'abé中'[Math.floor(random() * 4)]).join(''),
      );
    const keep = (id: number): boolean => id % 5 !== 3;
    const expected = list
      .map((_, id) => id)
      .filter(keep)
      .sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : a - b));
    for (const packed of [pack(list), packedCodes(pack(list))])
      expect(Array.from(packedOrder(packed, keep))).toEqual(expected);
  });

  it('orders many strings alike in long prefixes, with repeats, as comparing them whole does', () => {
    // Groups far larger than the ones compared directly, strings alike for many units (the
    // sort goes on three units at a time), equal strings (ordered by id), prefixes of others.
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    const list: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const stem = ['mhmt', 'mohammadrezaei', 'abdulrahman', 'a', ''][Math.floor(random() * 5)]!;
      const cut = Math.floor(random() * (stem.length + 1));
      const tail = Array.from(
        { length: Math.floor(random() * 5) },
        () => 'ab\u00e9\u4e2d'[Math.floor(random() * 4)],
      ).join('');
      list.push(
        random() < 0.3 ? (list[Math.floor(random() * list.length)] ?? '') : stem.slice(0, cut) + tail,
      );
    }
    const keep = (id: number): boolean => id % 7 !== 2;
    const expected = list
      .map((_, id) => id)
      .filter(keep)
      .sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : a - b));
    for (const packed of [pack(list), packedCodes(pack(list))])
      expect(Array.from(packedOrder(packed, keep))).toEqual(expected);
  });

  it('tells equal strings of two packings apart from unequal ones without making them', () => {
    const a = pack(['ivanov', 'ivanova', '', '金英']);
    const b = packedCodes(pack(['ivanov', 'ivanov', '', '金英哲']));
    expect([0, 1, 2, 3].map((i) => packedEqual(a, i, b, i))).toEqual([true, false, true, false]);
    expect(packedEqual(a, 0, b, 1)).toBe(true);
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
