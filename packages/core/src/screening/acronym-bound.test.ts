import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACRONYM_SIMILARITY, acronymRunEnd, mayBeAcronym } from './acronym-words.ts';
import { acronymBound } from './name-score-bound.ts';

/** The acronym allowance as first written: every word of `a`, every start in `b`, no guard. */
function everyStart(
  a: readonly string[],
  aBest: Float64Array,
  b: readonly string[],
  bBest: Float64Array,
  generic: ReadonlySet<string>,
): number {
  let found = 0;
  for (let i = 0; i < a.length; i++) {
    if (!mayBeAcronym(a[i]!, generic)) continue;
    for (let j = 0; j < b.length; j++) {
      const end = acronymRunEnd(a[i]!, b, j);
      if (end < 0) continue;
      found = 1;
      if (aBest[i]! < ACRONYM_SIMILARITY) aBest[i] = ACRONYM_SIMILARITY;
      for (let k = j; k < end; k++) if (bBest[k]! < ACRONYM_SIMILARITY) bBest[k] = ACRONYM_SIMILARITY;
    }
  }
  return found;
}

describe("the name-score bound's acronym allowance (acronymBound)", () => {
  const generic: ReadonlySet<string> = new Set(['company', 'group', 'isc']);
  // Words over few letters, so that initials spell acronyms often; connectors and articles among them.
  const word = fc.oneof(
    fc.stringMatching(/^[isla]{1,7}$/),
    fc.constantFrom('al', 'el', 'of', 'and', 'the', 'in', 'company', 'group', 'isc', 'islamic', 'state'),
  );
  const side = fc.array(word, { maxLength: 9 });
  const bests = (n: number): fc.Arbitrary<number[]> =>
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n });

  it('raises the same words as trying every start of every run, and finds a run exactly when that does', () => {
    fc.assert(
      fc.property(
        side.chain((a) =>
          side.chain((b) => fc.tuple(fc.constant(a), fc.constant(b), bests(a.length), bests(b.length))),
        ),
        ([a, b, aInit, bInit]) => {
          const aBest = Float64Array.from(aInit);
          const bBest = Float64Array.from(bInit);
          const aWant = Float64Array.from(aInit);
          const bWant = Float64Array.from(bInit);
          expect(acronymBound(a, aBest, b, bBest, generic)).toBe(everyStart(a, aWant, b, bWant, generic));
          expect([...aBest]).toEqual([...aWant]);
          expect([...bBest]).toEqual([...bWant]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds "isil" in "islamic state of iraq and the levant" and nothing in two words', () => {
    const q = ['isil'];
    const c = ['islamic', 'state', 'of', 'iraq', 'and', 'the', 'levant'];
    expect(acronymBound(q, new Float64Array(1), c, new Float64Array(c.length), generic)).toBe(1);
    expect(
      acronymBound(['isl'], new Float64Array(1), ['islamic', 'state'], new Float64Array(2), generic),
    ).toBe(0);
  });
});
