import { describe, expect, it } from 'vitest';
import { alignmentScore, lastAlignment } from './align-tokens.ts';
import type { TokenSimilarity } from './compare-tokens.ts';

describe('alignmentScore', () => {
  it('re-pairs two words the greedy pass left apart when their partners agree better crosswise', () => {
    // Query "bazargani tejerat", listed "barzagani tejarat": bazargani≈tejarat (two words for
    // trade) is the single best pair, but bazargani≈barzagani with tejerat≈tejarat covers both.
    const sims: TokenSimilarity[][] = [
      [
        { similarity: 0.88, kind: 'fuzzy' },
        { similarity: 0.95, kind: 'symbol' },
      ],
      [
        { similarity: 0, kind: 'none' },
        { similarity: 0.88, kind: 'fuzzy' },
      ],
    ];
    const score = alignmentScore(
      2,
      2,
      (i, j) => sims[i]![j]!,
      () => 1,
      () => 1,
    );
    expect(lastAlignment().pairs).toBe(2);
    expect(score).toBeCloseTo(0.88, 5);
  });
});
