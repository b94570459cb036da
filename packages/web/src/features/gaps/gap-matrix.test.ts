import { describe, expect, it } from 'vitest';
import type { ControlGap } from '../../api/types.ts';
import { buildGapMatrix } from './gap-matrix.ts';

const gap = (
  entry: string,
  controlledBy: ControlGap['controlledBy'],
  lackingIn: ControlGap['lackingIn'],
): ControlGap => ({
  entry,
  heading: '',
  category: 'unilateral',
  controlledBy,
  lackingIn,
  note: '',
  evidence: [],
});

describe('buildGapMatrix', () => {
  it('counts gaps per category and ordered jurisdiction pair', () => {
    const m = buildGapMatrix(
      [
        gap('US:3A090', 'US', 'EU'),
        gap('US:3A090.a', 'US', 'EU'),
        gap('EU:5A001', 'EU', 'US'),
        gap('USML:XI', 'US', 'UK'),
      ],
      ['US', 'EU', 'UK'],
    );
    expect(m.pairs).toEqual(['US→EU', 'US→UK', 'EU→US', 'EU→UK', 'UK→US', 'UK→EU']);
    expect(m.categories).toEqual(['3', '5', 'other']);
    expect(m.counts.get('3|US→EU')).toBe(2);
    expect(m.counts.get('other|US→UK')).toBe(1);
    expect(m.max).toBe(2);
  });
});
