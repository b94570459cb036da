import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { normalizeName } from './normalize-name.ts';

const tokens = (name: string, schema: 'person' | 'organization' = 'person'): string[] =>
  normalizeName(name, DEFAULT_NAME_REFERENCE, schema).tokens;

describe('normalizeName: surname-first person names', () => {
  it('reads run-together dotted initials as initials, not as one word or an article', () => {
    expect(tokens('CHATAEV, A.R.')).toEqual(['chataev', 'a', 'r']);
    expect(tokens('J.R.R. Tolkienson')).toEqual(['j', 'r', 'r', 'tolkienson']);
  });

  it('keeps dotted letters as one word unless the name is a person name (an acronym: "C.I.C. Electronics")', () => {
    expect(tokens('A.B.C. Shipping', 'organization')).toEqual(['abc', 'shipping']);
    expect(normalizeName('A.B.C. Shipping', DEFAULT_NAME_REFERENCE).tokens).toEqual(['abc', 'shipping']);
  });

  it('drops a title that opens the given names after the comma', () => {
    const name = normalizeName('NADIRZAI, Haji Karimullah', DEFAULT_NAME_REFERENCE, 'person');
    expect(name.tokens).toEqual(['nadirzai', 'karimullah']);
    expect(name.titles).toEqual(['haji']);
    expect(tokens('MULLERBERG, Dr. Hans')).toEqual(['mullerberg', 'hans']);
  });

  it('keeps a title-like word that is all there is after the comma as the end title it is', () => {
    expect(tokens('MULLERBERG, Dr.')).toEqual(['mullerberg']);
  });

  it('leaves a title inside the given names of a name without a comma', () => {
    expect(tokens('Karimullah Haji Nadirzai')).toEqual(['karimullah', 'haji', 'nadirzai']);
  });
});
