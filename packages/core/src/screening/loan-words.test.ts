import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { compareNames } from './compare-names.ts';
import { compileNameReference } from './compile-name-reference.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { loanWordPair, mayBeLoanWord } from './loan-words.ts';
import { BOUND_ALLOWANCES, nameScoreBound } from './name-score-bound.ts';
import { normalizeName } from './normalize-name.ts';
import { prepareQuery, scoreIndexedName } from './score-indexed-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { indexTokenWeight } from './token-weight.ts';

describe('English words spelt back from Russian (loan-word keys, issue 14 class 5)', () => {
  it.each([
    ['konsalting', 'consulting'],
    ['inzhiniring', 'engineering'],
    ['tekhnolodzhi', 'technology'],
    ['klinpauer', 'cleanpower'],
    ['fotoniks', 'photonics'],
    ['kargolayn', 'cargoline'],
    ['korporatsiya', 'corporation'],
  ])('pairs %s with %s', (a, b) => {
    expect(loanWordPair(a, b)).toBe(true);
  });

  it.each([
    ['konsalting', 'kapital'],
    ['treyd', 'trade'], // three consonants: "trd" is also "trud" (labour)
    ['trud', 'trade'],
    ['petrov', 'petrova'],
    ['investment', 'invest'],
    ['hassan', 'husain'], // a person name's vowels: three consonants
    ['support', 'seaport'], // vowels only
    ['istern', 'eastern'], // vowels only, though one word: the edits compare those
    ['shipping', 'shopping'],
    ['carter', 'charter'], // the Russian ch is not the English ch
    ['justin', 'gestion'], // the English j is the romanised dzh, not g
    ['qingdao', 'chengdu'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(loanWordPair(a, b)).toBe(false);
  });

  it('gives no key to short words or words of other letters', () => {
    expect(mayBeLoanWord('bank')).toBe(false);
    expect(mayBeLoanWord('стройка')).toBe(false);
  });

  it('explains the lift between organisation names, and not between person names', () => {
    const compiled = compileNameReference(DEFAULT_NAME_REFERENCE);
    const org = compareNames(
      normalizeName('Tavrida Klinpauer Tekhnolodzhi', DEFAULT_NAME_REFERENCE, 'organization'),
      normalizeName('Tavrida Cleanpower Technology', DEFAULT_NAME_REFERENCE, 'organization'),
      compiled,
    );
    const term = org.terms.find((t) => t.feature === 'loanWord');
    expect(term?.explanation).toContain('klinpauer = cleanpower');
    expect(org.score).toBeGreaterThanOrEqual(0.86);
    const person = compareNames(
      normalizeName('Klinpauer Tekhnolodzhi', DEFAULT_NAME_REFERENCE, 'person'),
      normalizeName('Cleanpower Technology', DEFAULT_NAME_REFERENCE, 'person'),
      compiled,
    );
    expect(person.terms.map((t) => t.feature)).not.toContain('loanWord');
  });
});

describe("the name-score bound's loan-word allowance", () => {
  const listed = ['Tavrida Cleanpower Technology', 'Tavrida Kapital Technology'];
  const parties = listed.map((full, i) =>
    buildParty({
      source: 'test',
      sourceId: String(i),
      schema: 'organization',
      names: [{ full, quality: 'primary' }],
    }),
  );
  const index = buildScreeningIndex(
    parties.map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );
  const query = prepareQuery(
    index,
    normalizeName('Tavrida Klinpauer Tekhnolodzhi', DEFAULT_NAME_REFERENCE, 'organization'),
    indexTokenWeight(index),
  );
  const names = Array.from({ length: index.nameSlots }, (_, id) => index.name(id)!);
  const noLoan = { ...BOUND_ALLOWANCES, loanWords: false };

  it('stays at least the score of every name, and is needed for the back-spelt name', () => {
    for (const name of names) {
      const score = scoreIndexedName(index, query, name);
      expect(nameScoreBound(index, query, name, score), name.text).toBeGreaterThanOrEqual(score - 1e-9);
    }
    const back = names.find((n) => n.text === listed[0])!;
    expect(scoreIndexedName(index, query, back)).toBeGreaterThan(
      nameScoreBound(index, query, back, 1, noLoan),
    );
  });
});
