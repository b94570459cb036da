import { describe, expect, it } from 'vitest';
import { buildParty, type PartySchema } from '../model/party.ts';
import { QUERY_SHARE } from './align-tokens.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { liftedCoverageNeeded } from './lift-coverage.ts';
import { normalizeName } from './normalize-name.ts';
import { acrossNamesCoverage, partyWordsIgnored } from './party-words.ts';
import { CONTAINED_SIMILARITY, queryCoverageNeeded } from './query-coverage-needed.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { indexTokenWeight } from './token-weight.ts';

const index = buildScreeningIndex(
  ['Almaz Orion', 'Volga Kalinin', 'Business Lab', 'Sayf Petrov', 'Aziz Rahman', 'Ivanov Karimov'].map(
    (full, i) => ({
      party: buildParty({
        source: 'test',
        sourceId: String(i),
        schema: 'organization',
        names: [{ full, quality: 'primary' }],
      }),
    }),
  ),
  DEFAULT_NAME_REFERENCE,
);
const weight = indexTokenWeight(index);
const MIN_SCORE = 0.7;

/** What each relaxation alone asks of `name` at `MIN_SCORE` (`contained`: its `lightest` lightest words at 0.9). */
function needs(name: string, schema: PartySchema, lightest: number) {
  const q = normalizeName(name, DEFAULT_NAME_REFERENCE, schema);
  const weights = q.tokens.map(weight);
  const total = weights.reduce((a, b) => a + b, 0);
  const least = [...weights].sort((a, b) => a - b).slice(0, lightest);
  const organisation = schema === 'organization';
  return {
    needed: queryCoverageNeeded(q, weight, MIN_SCORE, index.compiled),
    plain: (MIN_SCORE - (1 - QUERY_SHARE)) / QUERY_SHARE,
    contained: (CONTAINED_SIMILARITY * least.reduce((a, b) => a + b, 0)) / total,
    lifted: liftedCoverageNeeded(
      q.tokens,
      weight,
      MIN_SCORE,
      index.compiled.genericOrgWords,
      0.9,
      organisation,
    ),
    across: acrossNamesCoverage(q.text, q.tokens, weight, partyWordsIgnored(index.compiled)),
  };
}

describe('queryCoverageNeeded', () => {
  // The relaxation that decides each name's need; `lightest`: how many of its lightest words a
  // listed person name contained in it must reach (all but three extra parts, a particle with
  // its word counting as one more, at least two).
  it.each([
    { name: 'Sayf Petrov', schema: 'person', lightest: 2, decides: 'plain' },
    { name: 'Sayf Aziz Rahman Petrov Ivanov', schema: 'person', lightest: 2, decides: 'contained' },
    { name: 'Abdul Sayf Al Aziz Bin Rahman Petrov', schema: 'person', lightest: 2, decides: 'contained' },
    {
      name: 'Sayf Aziz Rahman Petrov Ivanov Karimov Nikolai',
      schema: 'person',
      lightest: 4,
      decides: 'contained',
    },
    { name: 'Tarvesh Ryonbong Kalinin', schema: 'organization', lightest: 2, decides: 'across' },
    { name: 'Tarvesh Ryonbong Kalinin Globex', schema: 'organization', lightest: 2, decides: 'across' },
    { name: 'BUSINESS INTERNATIONAL GmbH', schema: 'organization', lightest: 2, decides: 'lifted' },
    { name: 'Almaz Orion Volga', schema: 'organization', lightest: 2, decides: 'lifted' },
  ] as const)('asks $name ($schema) the need of the $decides rule, the least of those that apply', (row) => {
    const n = needs(row.name, row.schema, row.lightest);
    const applies = [
      n.plain,
      n.lifted,
      n.across,
      ...(row.schema === 'person' && row.lightest ? [n.contained] : []),
    ];
    expect(n.needed).toBe(n[row.decides]);
    expect(n.needed).toBe(Math.min(...applies));
    // The rule decides: the name needs less than the plain need, unless it is the plain need.
    if (row.decides !== 'plain') expect(n.needed).toBeLessThan(n.plain);
  });

  it('counts a particle with its word as one extra part of a person name containing a listed one', () => {
    // Seven words, three particles: six extra parts, so two words must be reached, not four.
    const n = needs('Abdul Sayf Al Aziz Bin Rahman Petrov', 'person', 2);
    expect(n.needed).toBe(n.contained);
    expect(n.needed).toBeLessThan(needs('Abdul Sayf Al Aziz Bin Rahman Petrov', 'person', 4).contained);
  });

  it('owes an acronym only to an organisation query', () => {
    const q = normalizeName('Almaz Orion Volga', DEFAULT_NAME_REFERENCE, 'person');
    const withAcronyms = liftedCoverageNeeded(
      q.tokens,
      weight,
      MIN_SCORE,
      index.compiled.genericOrgWords,
      0.9,
      true,
    );
    expect(queryCoverageNeeded(q, weight, MIN_SCORE, index.compiled)).toBeGreaterThan(withAcronyms);
  });
});
