import { describe, expect, it } from 'vitest';
import { tokenFactColumns } from './build-snapshot.ts';
import { isVowelPoor } from './compare-tokens.ts';
import { phoneticKey, phoneticKeyOnce } from './phonetic-key.ts';
import { foldSpelling, foldSpellingKasra, foldSpellingOnce, SPELLING_FOLDS } from './spelling-fold.ts';

/** Words rich in the letters the folds read, seeded (mulberry32), with the cases at their edges. */
function words(count: number, seed: number): string[] {
  let a = seed >>> 0;
  const random = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const letters = 'aabcdeeghhijkloooqrsttuwyyz';
  const out = [
    'bhl',
    'bhr',
    'abhl',
    'yeye',
    'ayeb',
    'ye',
    'tschtsch',
    'ouae',
    'oue',
    'dhdh',
    'qq',
    'oooo',
    'eee',
  ];
  out.push(
    'ab1',
    'Ab',
    'mühle',
    '',
    'x',
    'e',
    'bob',
    'beb',
    'zz',
    'aa',
    'muhammad',
    'wladimirowitsch',
    'poetin',
  );
  while (out.length < count) {
    const n = 1 + Math.floor(random() * 14);
    let w = '';
    for (let i = 0; i < n; i++) w += letters[Math.floor(random() * letters.length)];
    out.push(w);
  }
  return out;
}

/** The folds as written: each pattern run on every plain ASCII word, in order (the definition). */
const foldedAsWritten = (word: string, folds: readonly (readonly [RegExp, string])[]): string =>
  /^[a-z]+$/.test(word)
    ? folds.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), word)
    : word;

const KASRA = SPELLING_FOLDS.map(
  ([p, r]) => [p, p.source === '(?<=[^aeiou])e(?=[^aeiou])' ? 'i' : r] as const,
);

describe('token facts made once per token', () => {
  const sample = words(30_000, 18);

  it('folds every word as running each pattern of the folds in order does', () => {
    for (const w of sample) {
      const expected = foldedAsWritten(w, SPELLING_FOLDS);
      expect(foldSpellingOnce(w), w).toBe(expected);
      expect(foldSpelling(w), w).toBe(expected);
      expect(foldSpellingKasra(w), w).toBe(foldedAsWritten(w, KASRA));
    }
  });

  it('gives the memoised phonetic key', () => {
    for (const w of sample) expect(phoneticKeyOnce(w), w).toBe(phoneticKey(w));
  });

  it('makes the same fact columns as the memoised forms, for any range', () => {
    const facts = tokenFactColumns(sample, 100, 20_100);
    const slice = sample.slice(100, 20_100);
    expect(facts.keys).toEqual(slice.map(phoneticKey));
    expect(facts.folds).toEqual(slice.map((w) => foldedAsWritten(w, SPELLING_FOLDS)));
    expect([...facts.vowelPoor]).toEqual(slice.map((w) => (isVowelPoor(w) ? 1 : 0)));
  });
});
