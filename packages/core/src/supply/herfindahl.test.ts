import { describe, expect, it } from 'vitest';
import { herfindahl } from './herfindahl.ts';

describe('herfindahl', () => {
  it.each([
    [[['US', 100]], 10000, 'high'],
    [
      [
        ['US', 60],
        ['EU', 40],
      ],
      5200,
      'high',
    ],
    [
      [
        ['US', 126000],
        ['EU', 95000],
        ['EU', 20800],
      ],
      5008.9,
      'high',
    ], // the cryostat's controlled value
    [
      [
        ['A', 25],
        ['B', 25],
        ['C', 25],
        ['D', 25],
      ],
      2500,
      'high',
    ],
    [
      [
        ['A', 1],
        ['B', 1],
        ['C', 1],
        ['D', 1],
        ['E', 1],
        ['F', 1],
        ['G', 1],
      ],
      1428.57,
      'moderate',
    ],
    [Array.from({ length: 20 }, (_, i) => [`K${i}`, 5]), 500, 'low'],
  ] as [[string, number][], number, string][])('%j → HHI %d (%s)', (values, hhi, level) => {
    const c = herfindahl(values);
    expect(c.hhi).toBeCloseTo(hhi, 1);
    expect(c.level).toBe(level);
  });

  it('groups values by key and sorts shares largest first', () => {
    const c = herfindahl([
      ['JP', 10],
      ['US', 30],
      ['JP', 20],
      ['EU', 40],
    ]);
    expect(c.shares.map((s) => [s.key, s.value])).toEqual([
      ['EU', 40],
      ['JP', 30],
      ['US', 30],
    ]);
    expect(c.total).toBe(100);
  });

  it('has no index when there is no controlled value', () => {
    expect(herfindahl([])).toMatchObject({ level: 'none', total: 0, shares: [] });
    expect(herfindahl([]).hhi).toBeUndefined();
  });
});
