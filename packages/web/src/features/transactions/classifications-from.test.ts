import { describe, expect, it } from 'vitest';
import { classificationsFrom } from './classifications-from.ts';

describe('classificationsFrom', () => {
  it('takes the candidate and its most specific same counterparts per jurisdiction', () => {
    expect(
      classificationsFrom({
        id: 'US:3A001.a.1',
        heading: 'Integrated circuits',
        reasons: [],
        score: 0.4,
        features: { fullText: 0, trigram: 0 },
        counterparts: [
          { from: 'US:3A001', to: 'EU:3A001', type: 'same', basis: 'shared-regime-code' },
          { from: 'US:3A001.a.1', to: 'EU:3A001.a.1', type: 'same', basis: 'shared-regime-code' },
          { from: 'US:3A001.a.1', to: 'WA:3.A.1.a.1', type: 'same', basis: 'regime-origin' },
          { from: 'US:3A001', to: 'UK:3A001', type: 'same', basis: 'shared-regime-code' },
        ],
      }),
    ).toEqual({ US: '3A001.a.1', EU: '3A001.a.1', UK: '3A001' });
  });
});
