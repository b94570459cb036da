import type { IndexedName, ScreeningIndex } from './screening-index.ts';
import type { TokenWeight } from './align-tokens.ts';
import { GENERIC_WORD_FACTOR } from './organisation-words.ts';

/** Names a token may appear in before it starts to weigh less. */
const RARE_DF = 50;

function weightOf(index: ScreeningIndex, token: string, df: number): number {
  let factor = df <= RARE_DF ? 1 : Math.max(0.3, 1 - 0.25 * Math.log10(df / RARE_DF));
  if (index.compiled.genericNames.has(token)) factor = Math.min(factor, 0.6);
  if (index.compiled.genericOrgWords.has(token)) factor = Math.min(factor, GENERIC_WORD_FACTOR);
  return Math.max(1, token.length) * factor;
}

/** The weight of indexed token `id` (one function, not a closure per call). */
const weightById = (id: number, index: ScreeningIndex): number =>
  weightOf(index, index.tokenAt(id), index.postingCount(id));

/** The weight `indexTokenWeight` gives an indexed token, by token id (cached in the index). */
export function tokenIdWeight(index: ScreeningIndex, tokenId: number): number {
  return index.tokenWeight(tokenId, weightById);
}

/**
 * Weight of a token in a comparison: its length, lowered for words many
 * listed names share ("company", "trading", "al") and for very common given
 * names, so that a shared common word alone cannot make a match.
 */
export function indexTokenWeight(index: ScreeningIndex): TokenWeight {
  return (token) => {
    const id = index.vocabulary.get(token);
    return id === undefined ? weightOf(index, token, 0) : tokenIdWeight(index, id);
  };
}

/**
 * How common an indexed name is, in [0,1): the share of its words' length
 * that the index's rarity weights take away (0 when every word is rare, more
 * for "muhammad ali" or "kim yong chol"). A conflicting birth date or
 * country weighs more on a common name, which many people carry.
 */
export function nameCommonness(index: ScreeningIndex, name: IndexedName): number {
  let length = 0;
  let weight = 0;
  for (const id of name.tokenIds) {
    length += Math.max(1, index.tokenAt(id).length);
    weight += tokenIdWeight(index, id);
  }
  return length > 0 ? Math.max(0, 1 - weight / length) : 0;
}
