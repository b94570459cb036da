import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, findUnsafeText, unsafeTextProblem } from './unsafe-text.ts';

describe('unsafeTextProblem', () => {
  it.each([
    ['a\u0000b', 'NUL character'],
    ['a\ud800b', 'lone surrogate'],
    ['\udc00', 'lone surrogate'],
    ['end\ud83d', 'lone surrogate'],
  ])('finds the problem in %j', (text, problem) => {
    expect(unsafeTextProblem(text)).toBe(problem);
  });

  it.each(['', 'Ωmega', '株式会社', '𝔸cme 😀', 'tab\tand\nnewline'])('accepts %j', (text) => {
    expect(unsafeTextProblem(text)).toBeUndefined();
  });
});

describe('findUnsafeText', () => {
  it('names the dotted path of the first bad string, keys included', () => {
    expect(findUnsafeText({ parties: [{ name: 'ok' }, { name: 'b\u0000' }] })).toEqual({
      path: 'parties.1.name',
      problem: 'NUL character',
    });
    expect(findUnsafeText({ ['k\ud800']: 1 })).toEqual({ path: 'k\ud800', problem: 'lone surrogate' });
    expect(findUnsafeText({ a: [1, true, null, 'fine'] })).toBeUndefined();
  });
});

describe('escapeControlCharacters', () => {
  it('keeps a path on one log line', () => {
    expect(escapeControlCharacters('/x\nentente: forged\r\u0000\u001b[31m')).toBe(
      '/x\\nentente: forged\\r\\u0000\\u001b[31m',
    );
    expect(escapeControlCharacters('/denials/den_1?q=Ω')).toBe('/denials/den_1?q=Ω');
  });
});
