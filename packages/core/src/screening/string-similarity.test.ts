import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaroWinkler, jaroWinklerUnits } from './string-similarity.ts';

/** Jaro–Winkler as defined (match window max(len)/2 − 1, prefix up to 4), on strings, plainly. */
function definedJaroWinkler(a: string, b: string): number {
  let j = 0;
  if (a === b) j = a.length === 0 ? 0 : 1;
  else if (a.length > 0 && b.length > 0) {
    const window = Math.max(0, (Math.max(a.length, b.length) >> 1) - 1);
    const inA: boolean[] = [];
    const inB: boolean[] = [];
    let m = 0;
    for (let i = 0; i < a.length; i++)
      for (let k = Math.max(0, i - window); k <= Math.min(b.length - 1, i + window); k++)
        if (!inB[k] && a[i] === b[k]) {
          inA[i] = inB[k] = true;
          m++;
          break;
        }
    if (m > 0) {
      const matchedA = [...a].filter((_, i) => inA[i]);
      const matchedB = [...b].filter((_, k) => inB[k]);
      const t = matchedA.filter((c, i) => c !== matchedB[i]).length;
      j = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
    }
  }
  let p = 0;
  while (p < Math.min(4, a.length, b.length) && a[p] === b[p]) p++;
  return j + p * 0.1 * (1 - j);
}

const units = (b: string): Uint16Array => {
  // Room past the word, filled with a unit it may hold: only the first `length` units count.
  const out = new Uint16Array(b.length + 3).fill(97);
  for (let k = 0; k < b.length; k++) out[k] = b.charCodeAt(k);
  return out;
};

describe('jaroWinklerUnits', () => {
  it('is jaroWinkler of the string the units spell, to the bit', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'h', 's', 'n', 'ш'), maxLength: 16 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(jaroWinklerUnits(a, units(b), b.length)).toBe(jaroWinkler(a, b));
        expect(jaroWinkler(a, b)).toBe(definedJaroWinkler(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('scores real spellings as jaroWinkler does', () => {
    for (const [a, b] of [
      ['martha', 'marhta'],
      ['dwayne', 'duane'],
      ['mohammed', 'muhammad'],
      ['', 'abc'],
      ['abc', ''],
      ['same', 'same'],
    ] as const)
      expect(jaroWinklerUnits(a, units(b), b.length)).toBe(jaroWinkler(a, b));
    expect(jaroWinklerUnits('martha', units('marhta'), 6)).toBeCloseTo(0.9611, 4);
  });
});
