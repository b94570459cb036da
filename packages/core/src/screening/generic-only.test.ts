import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { compareNames } from './compare-names.ts';
import { compileNameReference } from './compile-name-reference.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { describeFeatures } from './feature-table.ts';
import { GENERIC_ONLY_CAP } from './generic-words-lift.ts';
import { normalizeName } from './normalize-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';

/**
 * Issue 14, class 5 (set e): two organisation names whose only agreeing words say what kind of
 * body each is (generic words, legal-form words) are not a match (`genericOnlyCut`).
 */
const compiled = compileNameReference(DEFAULT_NAME_REFERENCE);
const compare = (query: string, listed: string) =>
  compareNames(
    normalizeName(query, DEFAULT_NAME_REFERENCE, 'organization'),
    normalizeName(listed, DEFAULT_NAME_REFERENCE, 'organization'),
    compiled,
  );
const screened = (query: string, listed: string) => {
  const index = buildScreeningIndex(
    [
      {
        party: buildParty({
          source: 't',
          sourceId: '1',
          schema: 'organization',
          names: [{ full: listed, quality: 'primary' }],
        }),
      },
    ],
    DEFAULT_NAME_REFERENCE,
  );
  return screenParty(index, { name: query, schema: 'organization' }, { threshold: 0, limit: 1 })[0];
};

const NOT_A_MATCH: [string, string, string][] = [
  ['Trading Company', 'Westmore Trading Company', 'the listed name adds the word that names the body'],
  ['Trading Company 23', 'Trading Company', 'the query adds a number'],
  [
    'Общество с ограниченной ответственностью «Бай»',
    'Общество с ограниченной ответственностью «Байкал»',
    'only the legal form agrees, in the original script; "Бай" is only the start of "Байкал"',
  ],
];

const STILL_A_MATCH: [string, string][] = [
  ['Sepasad Group', 'Sepasad Engineering Company'],
  ['ООО «Ромашка»', 'Общество с ограниченной ответственностью «Ромашка»'],
  ['Westmore Trading Company', 'Westmore Trading Co'],
  ['Trading Company', 'Trading Company'],
];

describe('organisation names that agree only in words of kind (genericOnly)', () => {
  it.each(NOT_A_MATCH)('%s / %s falls under the threshold (%s)', (query, listed) => {
    const c = compare(query, listed);
    expect(c.terms.map((t) => t.feature)).toContain('genericOnly');
    expect(c.score).toBeCloseTo(GENERIC_ONLY_CAP, 9);
    const hit = screened(query, listed);
    expect(hit?.score ?? 0).toBeLessThan(0.84);
    expect(hit?.features).toHaveProperty('genericOnly');
  });

  it.each(STILL_A_MATCH)('%s / %s is left alone', (query, listed) => {
    expect(compare(query, listed).terms.map((t) => t.feature)).not.toContain('genericOnly');
    expect(screened(query, listed)!.score).toBeGreaterThanOrEqual(0.86);
  });

  it('explains the fall in plain words', () => {
    const term = compare('Trading Company', 'Westmore Trading Company').terms.find(
      (t) => t.feature === 'genericOnly',
    )!;
    expect(term.explanation).toBe(
      'only words of kind agree (trading, company); "westmore" names a body the other name does not',
    );
    expect(term.value).toBeLessThan(0);
    expect(describeFeatures({ genericOnly: -0.2 })).toBe('Only generic organisation words agree -0.20');
  });
});
