import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import type { NameReference } from './name-reference.ts';
import { normalizeName } from './normalize-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';

// The shipped reference (reference/names/symbols.yml) reads "Abu al" as "abu" and "Abd al" as
// "abdul", "Ibn al" as "bin"; the default reference of the tests has no such phrase, so it is added here.
const reference: NameReference = {
  ...DEFAULT_NAME_REFERENCE,
  personSymbols: {
    ...DEFAULT_NAME_REFERENCE.personSymbols,
    abu: ['Abu', 'Abu al'],
    abdul: ['Abdul', 'Abd al'],
    bin: ['bin', 'ibn', 'Ibn al'],
  },
};

function score(query: string, listed: string): number {
  const party = buildParty({
    source: 'test',
    sourceId: '1',
    schema: 'person',
    names: [{ full: listed, quality: 'primary' }],
  });
  const index = buildScreeningIndex([{ party }], reference);
  return screenParty(index, { name: query, schema: 'person' }, { threshold: 0 })[0]?.score ?? 0;
}

describe('a surname-first form that cuts a kunya phrase at the comma', () => {
  it('reads "AL-X, Abu" as the reference reads "Abu al-X"', () => {
    expect(normalizeName('AL-QASIRI, Abu', reference, 'person').tokens).toEqual(['qasiri', 'abu']);
    expect(normalizeName('Abu al-Qasiri', reference, 'person').tokens).toEqual(['abu', 'qasiri']);
    expect(normalizeName('AL-TAWIL, Abd', reference, 'person').tokens).toEqual(['tawil', 'abdul']);
  });

  it('keeps the article of a surname after which the given names are no phrase head', () => {
    expect(normalizeName('AL-QASIRI, Abu Hamza', reference, 'person').tokens).toEqual([
      'al',
      'qasiri',
      'abu',
      'hamza',
    ]);
    expect(normalizeName('AL-QASIRI, Abu', reference, 'organization').tokens).toEqual([
      'al',
      'qasiri',
      'abu',
    ]);
  });

  it('reads "EL-X, Ibn" word by word, as "Ibn El-X" is read', () => {
    expect(normalizeName('EL-QASIRI, Ibn', reference, 'person').tokens).toEqual(['al', 'qasiri', 'ibn']);
    expect(normalizeName('Ibn El-Qasiri', reference, 'person').tokens).toEqual(['ibn', 'al', 'qasiri']);
  });

  it.each([
    {
      query: 'AL-QASIRU, Abu',
      listed: 'Abu al-Qasiri',
      match: true,
      why: 'kunya surname-first, a vowel off',
    },
    {
      query: 'AL-TAWIIL, Abd',
      listed: 'Abd al-Tawil',
      match: true,
      why: 'Abd al- surname-first, a letter doubled',
    },
    { query: 'AL-QASIRU, Abd', listed: 'Abu al-Qasiri', match: false, why: 'Abd is not Abu' },
  ])('$query vs $listed: match=$match ($why)', ({ query, listed, match }) => {
    if (match) expect(score(query, listed)).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
    else expect(score(query, listed)).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
  });
});
