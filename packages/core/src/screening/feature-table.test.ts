import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { SCORING_FEATURES, scoreOfTerms } from './feature-table.ts';
import { normalizeName } from './normalize-name.ts';
import { explainIndexedName, prepareQuery, scoreIndexedName } from './score-indexed-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';
import { indexTokenWeight } from './token-weight.ts';

const words = [
  'ivan',
  'petrov',
  'sidorov',
  'petrovich',
  'petrova',
  'sadorav',
  'j',
  'k',
  'hans',
  'muller',
  'ali',
  'hassan',
  '2',
  '44',
  // Scripts with their own comparisons: Arabic read without short vowels, kana syllables.
  'مصطفى',
  'حداد',
  'mostafa',
  'haddad',
  'ロシア',
  'ロシタ連邦',
  '株式会社',
  'complex',
  'bin',
  // Organisation names that differ only in generic words (and a connector).
  'sepasad',
  'group',
  'laboratory',
  'and',
  // Organisation names agreeing only in words of kind (generic words, legal-form words in Cyrillic).
  'trading',
  'westmore',
  'общество',
  'ответственностью',
  'бай',
  'байкал',
];
const nameArb = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const partyArb = fc.record({
  names: fc.array(nameArb, { minLength: 1, maxLength: 3 }),
  schema: fc.constantFrom('person' as const, 'organization' as const, 'unknown' as const),
  birth: fc.option(fc.constantFrom('1960-01-02', '1975', '1990-05'), { nil: undefined }),
  country: fc.option(fc.constantFrom('RU', 'IR', 'DE'), { nil: undefined }),
});
const queryArb = fc.record({
  name: nameArb,
  schema: fc.option(fc.constantFrom('person' as const, 'organization' as const), { nil: undefined }),
  birthDate: fc.option(fc.constantFrom('1960', '1975-03-04', '2001'), { nil: undefined }),
  country: fc.option(fc.constantFrom('RU', 'IR', 'FR'), { nil: undefined }),
});

describe('feature-table scoring', () => {
  it('ranks every candidate by the score its explained terms add up to', () => {
    fc.assert(
      fc.property(fc.array(partyArb, { minLength: 1, maxLength: 4 }), queryArb, (parties, query) => {
        const index = buildScreeningIndex(
          parties.map((p, i) => ({
            party: buildParty({
              source: 't',
              sourceId: String(i),
              schema: p.schema,
              names: p.names.map((full, k) => ({ full, quality: k === 0 ? 'primary' : 'weak' })),
              birthDates: p.birth ? [{ value: p.birth, precision: 'year' }] : [],
              countries: p.country ? [{ code: p.country, role: 'nationality' }] : [],
            }),
          })),
          DEFAULT_NAME_REFERENCE,
        );
        const matches = screenParty(index, query, { threshold: 0, limit: 100 });
        for (const m of matches) {
          // The features are the explained terms (rounded); their clamped sum is the score.
          for (const key of Object.keys(m.features)) expect(SCORING_FEATURES).toHaveProperty(key);
          const terms = Object.entries(m.features).map(([feature, value]) => ({
            feature: feature as keyof typeof SCORING_FEATURES,
            value,
            explanation: '',
          }));
          expect(m.score).toBeCloseTo(scoreOfTerms(terms), 2);
        }
        // The name score that ranks a listed name is the one its explanation shows.
        const weight = indexTokenWeight(index);
        const prepared = prepareQuery(
          index,
          normalizeName(query.name, index.reference, query.schema),
          weight,
        );
        for (const name of index.names) {
          if (!name) continue;
          const explained = explainIndexedName(index, prepared, name);
          expect(scoreIndexedName(index, prepared, name)).toBeCloseTo(explained.score, 9);
          const sum = explained.baseScore + explained.terms.reduce((a, t) => a + t.value, 0);
          expect(explained.score).toBeCloseTo(Math.min(1, Math.max(0, sum)), 9);
        }
      }),
      { numRuns: 150 },
    );
  });
});
