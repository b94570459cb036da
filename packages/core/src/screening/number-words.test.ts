import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize-name.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { readNumberWords } from './number-words.ts';

describe('readNumberWords', () => {
  it('reads number words and later Roman numerals as digits', () => {
    expect(readNumberWords(['forty', 'four', 'trading'])).toEqual(['44', 'trading']);
    expect(readNumberWords(['nova', 'shipping', 'ii'])).toEqual(['nova', 'shipping', '2']);
    expect(readNumberWords(['ii', 'nova'])).toEqual(['ii', 'nova']);
  });

  it('reads a tens word followed by a unit in digits as one number', () => {
    expect(readNumberWords(['brigade', 'forty', '4'])).toEqual(['brigade', '44']);
    expect(readNumberWords(['forty', '40'])).toEqual(['40', '40']);
  });

  it('leaves words that are names of built-in object properties as written', () => {
    const words = ['constructor', 'tostring', 'valueof', 'hasownproperty', '__proto__'];
    expect(readNumberWords(['acme', ...words])).toEqual(['acme', ...words]);
    expect(
      normalizeName('Acme Constructor Company', DEFAULT_NAME_REFERENCE, 'organization').tokens,
    ).toContain('constructor');
  });
});
