import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearOsaPattern, osaDistance, osaToPattern, setOsaPattern } from './string-similarity-osa.ts';

/** The whole optimal-string-alignment table, no cut-off: the definition the banded one must agree with. */
function fullOsa(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

// Words over a few letters, so that near spellings (and transpositions) are common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'h', 's', 'n'), maxLength: 14 });

describe('osaDistance', () => {
  it('is the distance when it is within max, and max + 1 when it is more', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const d = fullOsa(a, b);
        expect(osaDistance(a, b, max)).toBe(d <= max ? d : max + 1);
      }),
      { numRuns: 5000 },
    );
  });

  it('is the full distance without a max', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(osaDistance(a, b)).toBe(fullOsa(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(osaDistance('hussien', 'hussein', 1)).toBe(1);
    expect(osaDistance('abcdefghij', 'badcfehgji', 3)).toBe(4);
    expect(osaDistance('mohammad', 'muhamed', 2)).toBe(3);
  });

  it('is computed bit-parallel against a pattern of up to 32 code units, the same distance', () => {
    const units = (b: string): Uint16Array => Uint16Array.from(b, (c) => c.charCodeAt(0));
    const toPattern = (a: string, b: string): number => {
      setOsaPattern(a);
      try {
        return osaToPattern(units(b), b.length);
      } finally {
        clearOsaPattern();
      }
    };
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(toPattern(a, b)).toBe(fullOsa(a, b));
      }),
      { numRuns: 5000 },
    );
    // Up to the pattern's 32 units, and units beyond Latin.
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'ß', 'ш', '\uffff'), maxLength: 32 });
    fc.assert(
      fc.property(long, long, (a, b) => {
        expect(toPattern(a, b)).toBe(fullOsa(a, b));
      }),
      { numRuns: 3000 },
    );
    expect(toPattern('hussien', 'hussein')).toBe(1);
    expect(toPattern('abcdefghij', 'badcfehgji')).toBe(5);
    expect(toPattern('', 'abc')).toBe(3);
    expect(() => setOsaPattern('a'.repeat(33))).toThrow(RangeError);
  });
});
