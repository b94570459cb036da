import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildParty,
  buildScreeningIndex,
  DEFAULT_NAME_REFERENCE,
  screenParty,
  type ScreeningQuery,
} from '@entente/core';
import { ScreeningPool } from './screening-pool.ts';

const NAMES = [
  'Vladimir Vladimirovich Putin',
  'Ali Hassan Al Majid',
  'Kim Yong Chol',
  'Ocean Star Shipping Company',
  'Gholamreza Karimi',
  'Maria de la Cruz Fernandez',
];
const parties = NAMES.map((full, i) =>
  buildParty({
    source: 'test',
    sourceId: String(i),
    schema: 'person',
    names: [{ full, quality: 'primary' }],
  }),
).map((party) => ({ party }));

describe('screening pool', () => {
  let pool: ScreeningPool;
  beforeAll(async () => {
    pool = await ScreeningPool.ofParties(parties, DEFAULT_NAME_REFERENCE, 2);
  }, 120_000);
  afterAll(async () => {
    await pool.close();
  });

  it('holds at most two messages per worker and shares the rest out as workers free up, answering each in order', async () => {
    const chunks: ScreeningQuery[][] = Array.from({ length: 10 }, (_, i) =>
      NAMES.map((name) => ({ name: i % 2 ? name.toUpperCase() : name.split(' ').reverse().join(' ') })),
    );
    const answers = Promise.all(chunks.map((chunk) => pool.screenMany(chunk, { limit: 3 })));
    // Two workers, two messages each: the other six wait in the pool.
    expect([pool.pending, pool.queued]).toEqual([10, 6]);
    const index = buildScreeningIndex(parties, DEFAULT_NAME_REFERENCE);
    const results = await answers;
    expect(results).toEqual(chunks.map((chunk) => chunk.map((q) => screenParty(index, q, { limit: 3 }))));
    // Every subject is one of the listed names, reordered or in capitals: each finds it.
    expect(results.flat(2).length).toBeGreaterThanOrEqual(chunks.length * NAMES.length);
    expect([pool.pending, pool.queued]).toEqual([0, 0]);
  });
});
