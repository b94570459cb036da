import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaroWinkler, jaroWinklerUnits } from './string-similarity.ts';

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
