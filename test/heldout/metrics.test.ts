import { describe, expect, it } from 'vitest';
import type { HeldoutCase } from '../../bench/heldout/heldout-case.ts';
import { chooseThreshold, figures, type Outcome } from '../../bench/heldout/metrics.ts';

const base: HeldoutCase = {
  id: 'x',
  set: 'd',
  cls: 3,
  rule: 'r',
  script: 'Latn',
  subject: 's',
  split: 'threshold',
  expect: 'match',
  query: { name: 'x' },
  truth: ['l:1'],
  index: 'full',
};
const outcome = (c: Partial<HeldoutCase>, o: Partial<Outcome>): Outcome => ({
  case: { ...base, ...c },
  top: 0,
  topIsTruth: false,
  truthRank: 0,
  truthScore: 0,
  ...o,
});

describe('figures', () => {
  it('counts rank-1 recall, top-5 recall, should-not-match passes and precision at a threshold', () => {
    const outcomes = [
      outcome({}, { top: 0.95, topIsTruth: true, truthRank: 1, truthScore: 0.95 }),
      outcome({}, { top: 0.9, topIsTruth: false, truthRank: 2, truthScore: 0.88 }),
      outcome({}, { top: 0.8, topIsTruth: true, truthRank: 1, truthScore: 0.8 }),
      outcome({ expect: 'no-match' }, { top: 0.9, truthRank: 1, truthScore: 0.9 }),
      outcome({ expect: 'no-match' }, { top: 0.95, truthRank: 0, truthScore: 0 }),
      outcome({ expect: 'no-match', truth: [], set: 'b' }, { top: 0.87 }),
    ];
    const f = figures(outcomes, 0.86);
    expect(f.match).toBe(3);
    expect(f.recallAt1).toBeCloseTo(1 / 3);
    expect(f.top5).toBeCloseTo(2 / 3);
    expect(f.noMatch).toBe(3);
    // The second should-not-match case only found another party: it passes.
    expect(f.passNoMatch).toBeCloseTo(1 / 3);
    // Correct flags 1; wrong flags: a wrong rank-1 party and two flagged should-not-match cases.
    expect(f.precision).toBeCloseTo(1 / 4);
    expect(figures(outcomes, 0.96).recallAt1).toBe(0);
  });
});

describe('chooseThreshold', () => {
  const invented = (top: number) => outcome({ set: 'b', expect: 'no-match', truth: [] }, { top });
  const negative = (score: number) =>
    outcome({ expect: 'no-match' }, { top: score, truthRank: 1, truthScore: score });

  it('takes the lowest threshold that keeps invented persons ≤ 1 % and should-not-match ≥ 95 %', () => {
    const outcomes = [
      ...Array.from({ length: 200 }, (_, i) => invented(i < 2 ? 0.9 : i < 4 ? 0.8 : 0.5)),
      ...Array.from({ length: 100 }, (_, i) => negative(i < 5 ? 0.84 : i < 10 ? 0.75 : 0.6)),
    ];
    // At 0.80 four invented persons (2 %) are flagged; at 0.81 two (1 %), and ten negatives flagged until 0.76,
    // five (5 %, pass 95 %) until 0.85.
    expect(chooseThreshold(outcomes)).toMatchObject({ threshold: 0.81, goalsMet: true });
  });

  it('says so when no threshold meets both goals', () => {
    const outcomes = [invented(0.5), ...Array.from({ length: 10 }, () => negative(1))];
    expect(chooseThreshold(outcomes)).toMatchObject({ threshold: 0.7, goalsMet: false });
  });
});
