import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { compareNames } from './compare-names.ts';
import { compileNameReference } from './compile-name-reference.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { normalizeName } from './normalize-name.ts';
import { readNumberWords } from './number-words.ts';
import { ofacNameScore } from './ofac-name-score.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';
import { jaroWinkler } from './string-similarity.ts';

const ref = DEFAULT_NAME_REFERENCE;
const compiled = compileNameReference(ref);
const nasty = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000\u0007\u001b',
    'x'.repeat(10_000),
    'Иван 李明 محمد Ωmega ११',
    '\u200b\u200d',
    '..,,--',
    '0O1lI',
  ),
);

describe('screening properties', () => {
  it('normalises any string without throwing', () => {
    fc.assert(
      fc.property(nasty, (s) => Array.isArray(normalizeName(s, ref).tokens)),
      { numRuns: 300 },
    );
  });

  it('keeps name scores in [0,1] and Jaro-Winkler symmetric', () => {
    fc.assert(
      fc.property(nasty, nasty, (a, b) => {
        const c = compareNames(normalizeName(a, ref), normalizeName(b, ref), compiled);
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(1);
        expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinkler(b, a), 10);
        const o = ofacNameScore(a, b).score;
        expect(o === -1 || (o >= 0 && o <= 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('scores a name against itself as 1 whatever the word order', () => {
    // Number words and Roman numerals are read by their place ("xiv" is 14 after a name's first
    // word and a name word as its first, number-words.ts), so the order of those does matter.
    const word = fc
      .stringMatching(/^[a-z]{3,9}$/)
      .filter((w) => readNumberWords(['name', w, 'name'])[1] === w && readNumberWords([w])[0] === w);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const a = normalizeName(words.join(' '), ref, 'person');
        const b = normalizeName([...words].reverse().join(' '), ref, 'person');
        expect(compareNames(a, b, compiled).score).toBeCloseTo(1, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('aligns the same word pairs whichever name is the query, with the coverages swapped', () => {
    // The score itself weighs the query's coverage more than the listed name's (extra listed
    // words matter less), so it is not symmetric; the alignment under it is.
    const word = fc.stringMatching(/^[a-z]{3,9}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (x, y) => {
          const a = normalizeName(x.join(' '), ref, 'person');
          const b = normalizeName(y.join(' '), ref, 'person');
          const ab = compareNames(a, b, compiled);
          const ba = compareNames(b, a, compiled);
          expect(ab.queryCoverage).toBeCloseTo(ba.candidateCoverage, 6);
          expect(ab.candidateCoverage).toBeCloseTo(ba.queryCoverage, 6);
          const sims = (r: typeof ab) => r.pairs.map((p) => p.similarity.toFixed(6)).sort();
          expect(sims(ab)).toEqual(sims(ba));
          if (ab.queryCoverage === ab.candidateCoverage) expect(ab.score).toBeCloseTo(ba.score, 6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('screens any query against an index without throwing', () => {
    const index = buildScreeningIndex(
      [
        {
          party: buildParty({
            source: 't',
            sourceId: '1',
            names: [{ full: 'Ivan Petrov', quality: 'primary' }],
          }),
        },
      ],
      ref,
    );
    fc.assert(
      fc.property(nasty, (s) => {
        for (const m of screenParty(index, { name: s }, { threshold: 0 }))
          expect(m.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
