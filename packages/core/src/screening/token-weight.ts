import type { ScreeningIndex } from './screening-index.ts';
import type { TokenWeight } from './compare-names.ts';

/** Names a token may appear in before it starts to weigh less. */
const RARE_DF = 50;

/**
 * Weight of a token in a comparison: its length, lowered for words many
 * listed names share ("company", "trading", "al") and for very common given
 * names, so that a shared common word alone cannot make a match.
 */
export function indexTokenWeight(index: ScreeningIndex): TokenWeight {
  const cache = new Map<string, number>();
  return (token) => {
    let w = cache.get(token);
    if (w !== undefined) return w;
    const df = index.documentFrequency(token);
    let factor = df <= RARE_DF ? 1 : Math.max(0.3, 1 - 0.25 * Math.log10(df / RARE_DF));
    if (index.compiled.genericNames.has(token)) factor = Math.min(factor, 0.6);
    w = Math.max(1, token.length) * factor;
    cache.set(token, w);
    return w;
  };
}
