import { describe, expect, it } from 'vitest';
import { computeDeMinimis, type UsContentLine } from './de-minimis.ts';
import { findDeMinimisExclusion } from './de-minimis-exclusions.ts';

const line = (partId: string, value: number, counted: boolean, usCode?: string): UsContentLine => ({
  partId,
  value,
  counted,
  why: 'test',
  ...(usCode ? { usCode } : {}),
});

describe('computeDeMinimis', () => {
  it.each([
    // product value, threshold, counted US lines, share, subject
    [1000, 0.25, [260], 0.26, true],
    [1000, 0.25, [250], 0.25, false], // exactly 25% does not exceed
    [1000, 0.25, [100, 150.01], 0.25001, true],
    [4000, 0.1, [240, 150, 30, 300], 0.18, true], // the switch to Iran (E:1)
    [4000, 0.25, [240, 150, 30, 300], 0.18, false], // the same content towards a 25% destination
    [1000, 0.1, [100], 0.1, false], // exactly 10% towards E:1 is not above
    [9418, 0.25, [1100, 2400, 900, 1800], 6200 / 9418, true],
  ])(
    'value %d, threshold %d, content %j → share %d, subject %s',
    (value, threshold, counted, share, subject) => {
      const r = computeDeMinimis(
        value,
        threshold,
        counted.map((v, i) => line(`p${i}`, v, true)),
      );
      expect(r.share).toBeCloseTo(share, 10);
      expect(r.subjectToEar).toBe(subject);
      expect(r.reasons[0]).toContain('de minimis level');
    },
  );

  it('does not count lines that need no licence, and says how many were counted', () => {
    const r = computeDeMinimis(1000, 0.25, [line('a', 200, true), line('b', 500, false)]);
    expect(r.usControlledValue).toBe(200);
    expect(r.reasons[0]).toContain('1 of 2 US-origin line(s) counted');
  });

  it('reaches a product with US content never eligible for de minimis, whatever its share', () => {
    const exclusion = findDeMinimisExclusion('9A610.a', 'CN', ['D:1', 'D:5']);
    const r = computeDeMinimis(100_000, 0.25, [
      { ...line('mil', 10, true, '9A610.a'), ...(exclusion ? { exclusion } : {}) },
    ]);
    expect(r.share).toBeCloseTo(0.0001, 6);
    expect(r.exceedsThreshold).toBe(false);
    expect(r.subjectToEar).toBe(true);
    expect(r.neverEligible).toEqual([
      expect.objectContaining({ partId: 'mil', citation: '15 CFR 734.4(a)(6)(i)' }),
    ]);
  });

  it('gives a product without value a share of 0', () => {
    expect(computeDeMinimis(0, 0.25, [line('a', 0, true)]).share).toBe(0);
  });
});

describe('findDeMinimisExclusion', () => {
  it.each([
    ['9A610.a', 'CN', ['D:5'], '600-series-d5'],
    ['9A610.a', 'DE', ['A:1'], undefined],
    ['9A610.y.1', 'CN', ['D:5'], '600-series-y-china-e'],
    ['9A610.y.1', 'IN', [], undefined],
    ['9A515.a', 'IR', ['D:5', 'E:1'], '600-series-d5'],
    ['5E002.a', 'DE', ['A:1'], 'encryption-technology-5e002'],
    ['9E003.a.2', 'JP', ['A:1'], 'engine-technology-9e003'],
    ['9E003.a.9', 'JP', ['A:1'], undefined],
    ['5A002.a', 'CN', ['D:5'], undefined],
  ])('%s to %s (%j) → %s', (eccn, destination, groups, id) => {
    expect(findDeMinimisExclusion(eccn, destination, groups)?.id).toBe(id);
  });
});
