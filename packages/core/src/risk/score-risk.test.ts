import { describe, expect, it } from 'vitest';
import { scoreRisk } from './score-risk.ts';

describe('scoreRisk', () => {
  it('scores nothing observed as zero and low', () => {
    expect(scoreRisk([])).toEqual({ score: 0, level: 'low', factors: [] });
  });

  it('gives a single full-strength factor its weight', () => {
    const r = scoreRisk([{ id: 'embargoed-destination', value: 1 }]);
    expect(r.score).toBe(0.9);
    expect(r.level).toBe('high');
    expect(r.factors[0]).toMatchObject({ id: 'embargoed-destination', weight: 0.9, contribution: 0.9 });
  });

  it('combines factors by noisy-or and never exceeds 1', () => {
    const r = scoreRisk([
      { id: 'sanctions-list-hit', value: 1 },
      { id: 'embargoed-destination', value: 1 },
      { id: 'kyc-red-flags', value: 1 },
    ]);
    expect(r.score).toBeCloseTo(1 - 0.1 * 0.1 * 0.5, 3);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(r.score, 2);
  });

  it.each([
    [[{ id: 'unknown-end-use', value: 1 }], 'low'],
    [[{ id: 'licence-required', value: 1 }], 'medium'],
    [[{ id: 'entity-list-hit', value: 1 }], 'high'],
    [[{ id: 'governed-elsewhere', value: 1 }], 'medium'],
    [[{ id: 'review-needed', value: 1 }], 'medium'],
  ])('classifies %j as %s', (obs, level) => {
    expect(scoreRisk(obs).level).toBe(level);
  });

  it('ignores unknown factor ids and zero values', () => {
    expect(
      scoreRisk([
        { id: 'nope', value: 1 },
        { id: 'diversion-hub', value: 0 },
      ]).factors,
    ).toEqual([]);
  });
});
