import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { compareTokenFacts } from './compare-tokens.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { expandToken } from './expand-token.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { osaDistance } from './string-similarity-osa.ts';

/** Spellings of `word` with two of its letters from `from` on replaced, in a fixed order. */
function twoLettersChanged(word: string, from: number, count: number): string[] {
  const out: string[] = [];
  const letters = 'bcdfgjkpqvwxz';
  for (let i = from; i < word.length && out.length < count; i++)
    for (let j = i + 1; j < word.length && out.length < count; j++)
      for (const a of letters)
        for (const b of letters) {
          if (out.length >= count) break;
          const spelled = word.slice(0, i) + a + word.slice(i + 1, j) + b + word.slice(j + 1);
          if (spelled !== word) out.push(spelled);
        }
  return out;
}

describe('expandToken over many near tokens', () => {
  // Thousands of near tokens, each sharing several deletion variants with the word (so visited
  // more than once) and some also reached by its phonetic key: each must be listed once.
  const word = 'tarmelion';
  const near = twoLettersChanged(word, 1, 3000);
  const index = buildScreeningIndex(
    near.map((full, i) => ({
      party: buildParty({
        source: 'test',
        sourceId: `p${i}`,
        schema: 'person',
        names: [{ full: `Alvar ${full}`, quality: 'primary' }],
      }),
    })),
    DEFAULT_NAME_REFERENCE,
  );

  it('lists each near token once, at its similarity, and every one alike', () => {
    const expansion = expandToken(index, word);
    const ids = Array.from(expansion.ids);
    expect(new Set(ids).size).toBe(ids.length);
    const facts = index.factsOf(word);
    const alike = new Map<number, number>();
    for (let id = 0; id < index.tokenCount; id++) {
      const token = index.tokenAt(id);
      if (osaDistance(word, token, 2) > 2) continue;
      const similarity = compareTokenFacts(facts, index.factsAt(id)).similarity;
      if (similarity > 0) alike.set(id, similarity);
    }
    expect(alike.size).toBeGreaterThan(2100);
    expect(new Set(ids)).toEqual(new Set(alike.keys()));
    ids.forEach((id, k) => expect(expansion.similarities[k]).toBe(alike.get(id)));
  });
});
