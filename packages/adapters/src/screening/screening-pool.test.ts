import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildParty,
  buildScreeningIndex,
  DEFAULT_NAME_REFERENCE,
  indexOverSnapshot,
  screenParty,
  screenPartyOutcome,
  shareExpansions,
  SharedExpansions,
  shareSnapshot,
  snapshotOfIndex,
  type ScreeningQuery,
} from '@entente/core';
import { ScreeningPool } from './screening-pool.ts';
import { snapshotPayload } from './snapshot-file.ts';

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

  it('holds as many messages per worker as a caller asks for (a monitoring run: 4), the same answers', async () => {
    const chunks: ScreeningQuery[][] = Array.from({ length: 10 }, (_, i) =>
      NAMES.map((name) => ({ name: i % 2 ? name.toLowerCase() : name })),
    );
    const answers = Promise.all(chunks.map((chunk) => pool.screenMany(chunk, { limit: 3 }, 4)));
    // Two workers, four messages each: two wait in the pool.
    expect([pool.pending, pool.queued]).toEqual([10, 2]);
    const index = buildScreeningIndex(parties, DEFAULT_NAME_REFERENCE);
    expect(await answers).toEqual(
      chunks.map((chunk) => chunk.map((q) => screenParty(index, q, { limit: 3 }))),
    );
    expect([pool.pending, pool.queued]).toEqual([0, 0]);
  });

  it('screens a request for one subject before the batch chunks the workers hold, the same answers', async () => {
    // Ten chunks of 60 subjects, every worker holding five (as a monitoring run holds its chunks).
    const chunk: ScreeningQuery[] = Array.from({ length: 10 }, (_, i) =>
      NAMES.map((name) => ({ name: i % 2 ? name.toUpperCase() : name.split(' ').reverse().join(' ') })),
    ).flat();
    const order: (number | 'request')[] = [];
    const answers = Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        pool.screenMany(chunk, { limit: 3 }, 5).then((r) => {
          order.push(i);
          return r;
        }),
      ),
    );
    expect([pool.pending, pool.queued]).toEqual([10, 0]);
    const query = { name: 'Kim Yong Chol' };
    const request = pool.screenOutcome(query, {}).then((r) => {
      order.push('request');
      return r;
    });
    // Sent at once, though every worker holds five chunks; screened once the chunk its worker
    // screens is done (at most two chunks each, the message may come in as the second begins).
    expect([pool.pending, pool.queued]).toEqual([11, 0]);
    const index = buildScreeningIndex(parties, DEFAULT_NAME_REFERENCE);
    expect(await request).toEqual(screenPartyOutcome(index, query, {}));
    const results = await answers;
    expect(order.indexOf('request')).toBeLessThanOrEqual(4);
    expect(results).toEqual(results.map(() => chunk.map((q) => screenParty(index, q, { limit: 3 }))));
    expect([pool.pending, pool.queued]).toEqual([0, 0]);
  });

  it('carries what the candidate cap left unscored back from the worker, and its errors', async () => {
    const index = buildScreeningIndex(parties, DEFAULT_NAME_REFERENCE);
    // Two listed names could reach the threshold for this query (each found whole in it, the
    // name score's bound allows for that): a cap of 1 leaves one unscored.
    const query = { name: 'Kim Yong Chol Ali Hassan Al Majid' };
    const capped = await pool.screenOutcome(query, { candidateCap: 1 });
    expect(capped.unscored).toBe(1);
    expect(capped).toEqual(screenPartyOutcome(index, query, { candidateCap: 1 }));
    expect(await pool.screenOutcome(query, {})).toMatchObject({ unscored: 0, unscoredAtLeast: false });
    await expect(pool.screenOutcome(query, { candidateCap: 0 })).rejects.toMatchObject({
      code: 'invalid-input',
      details: { field: 'candidateCap' },
    });
  });
});

describe('screening pool: the workers’ shared memo of token expansions', () => {
  // Misspelt, reordered and truncated forms of the listed names: tokens to expand, many met by both workers.
  const subjects: ScreeningQuery[] = NAMES.flatMap((name) => [
    { name },
    { name: name.replace(/a/g, 'e') },
    { name: name.replace(/i/g, 'y').split(' ').reverse().join(' ') },
    { name: name.replace(/(\w)(\w)/, '$2$1') },
    { name: name.split(' ').slice(0, 2).join(' ') + ' Ltd' },
  ]);
  const chunks = Array.from({ length: 12 }, (_, i) => subjects.slice(i % 5).concat(subjects.slice(0, i % 5)));
  const index = buildScreeningIndex(parties, DEFAULT_NAME_REFERENCE);
  const expected = chunks.map((chunk) => chunk.map((q) => screenParty(index, q, { limit: 5 })));
  /** The memo an index over the same snapshot fills on the same subjects, in process. */
  const inProcess = new SharedExpansions();
  const over = indexOverSnapshot(shareSnapshot(snapshotOfIndex(index)), DEFAULT_NAME_REFERENCE);
  shareExpansions(over, inProcess);
  for (const q of subjects) screenParty(over, q, { limit: 5 });

  it.each([
    [1, true],
    [2, true],
    [2, false],
  ])(
    'answers as in-process screening on %i worker(s), shared memo %s',
    async (workers, shared) => {
      const pool = await ScreeningPool.ofParties(parties, DEFAULT_NAME_REFERENCE, workers, {
        sharedExpansions: shared,
      });
      try {
        // Every chunk at once: the workers expand the same tokens at the same time.
        const results = await Promise.all(chunks.map((chunk) => pool.screenMany(chunk, { limit: 5 })));
        expect(results).toEqual(expected);
        if (!shared) {
          expect(pool.expansions).toBeUndefined();
          return;
        }
        // No token published twice or lost, whichever worker expanded it first.
        expect(inProcess.size).toBeGreaterThan(20);
        expect(pool.expansions!.size).toBe(inProcess.size);
        for (const token of ['putin', 'karimi', 'ocean'])
          expect(pool.expansions!.get(token), token).toEqual(inProcess.get(token));
        // Screened again, nothing new is expanded.
        expect(await pool.screenMany(subjects, { limit: 5 })).toEqual(expected[0]);
        expect(pool.expansions!.size).toBe(inProcess.size);
      } finally {
        await pool.close();
      }
    },
    120_000,
  );
});

describe('screening pool: the warm-up', () => {
  const index = buildScreeningIndex(parties, DEFAULT_NAME_REFERENCE);
  const subjects: ScreeningQuery[] = NAMES.map((name) => ({ name: name.replace(/o/g, 'u') }));

  it('screens the index’s own names in each worker before the first batch, and answers the same', async () => {
    const pool = await ScreeningPool.ofParties(parties, DEFAULT_NAME_REFERENCE, 2, { warmUp: NAMES.length });
    try {
      await pool.warmedUp;
      // Only the warm-up has screened: it expanded the listed names' words (each worker its share).
      for (const token of ['putin', 'karimi', 'ocean', 'fernandez'])
        expect(pool.expansions!.get(token), token).toBeDefined();
      expect(await pool.screenMany(subjects, { limit: 5 })).toEqual(
        subjects.map((q) => screenParty(index, q, { limit: 5 })),
      );
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('answers a request that comes during the warm-up, the same answers', async () => {
    const pool = await ScreeningPool.ofParties(parties, DEFAULT_NAME_REFERENCE, 1, { warmUp: NAMES.length });
    try {
      const [outcome] = await Promise.all([pool.screenOutcome(subjects[0]!, { limit: 5 }), pool.warmedUp]);
      expect(outcome).toEqual(screenPartyOutcome(index, subjects[0]!, { limit: 5 }));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('settles at once without a warm-up', async () => {
    const pool = await ScreeningPool.ofParties(parties, DEFAULT_NAME_REFERENCE, 1);
    try {
      await pool.warmedUp;
      expect(pool.expansions!.size).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('screening pool: a copy of its own seeded with another pool’s memo (the delta worker)', () => {
  const index = buildScreeningIndex(parties, DEFAULT_NAME_REFERENCE);
  const payload = snapshotPayload(snapshotOfIndex(index));
  const at = { tokenCount: index.tokenCount, deletionCount: index.deletionCount };
  const subjects: ScreeningQuery[] = NAMES.flatMap((name) => [
    { name },
    { name: name.replace(/a/g, 'e') },
    { name: name.split(' ').reverse().join(' ') },
  ]);
  /** The memo a pool's workers fill over a snapshot of the same index (here in process). */
  const filled = new SharedExpansions();
  const over = indexOverSnapshot(shareSnapshot(snapshotOfIndex(index)), DEFAULT_NAME_REFERENCE);
  shareExpansions(over, filled);
  for (const q of subjects) screenParty(over, q, { limit: 5 });

  it('answers as in-process screening, and after a patch finds a party added with a word near a seeded one', async () => {
    expect(filled.get('putin')).toBeDefined();
    const pool = await ScreeningPool.start(payload, DEFAULT_NAME_REFERENCE, 1, {
      copyPerWorker: true,
      seed: { expansions: filled.buffer, ...at },
    });
    try {
      expect(await pool.screenMany(subjects, { limit: 5 })).toEqual(
        subjects.map((q) => screenParty(index, q, { limit: 5 })),
      );
      // "Putyn" enters the seeded expansion of "putin": the worker expands it again rather than read the seed.
      const added = buildParty({
        source: 'test',
        sourceId: 'added',
        schema: 'person',
        names: [{ full: 'Vladimir Putyn', quality: 'primary' }],
      });
      const patched = buildScreeningIndex(parties, DEFAULT_NAME_REFERENCE);
      patched.add(added, 0);
      pool.patch({ removed: [], added: [{ party: added, versionId: 0 }], retag: [] });
      const query = { name: 'Vladimir Putin' };
      const [matches] = await pool.screenMany([query], { limit: 5 });
      expect(matches!.map((m) => m.sourceId)).toContain('added');
      expect(matches).toEqual(screenParty(patched, query, { limit: 5 }));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('reads the seed on a miss of its own memo: a seeded entry altered changes the answer', async () => {
    // "vladimir" and "putin" reaching nothing: a worker that did not read the seed finds the listed name.
    const altered = new SharedExpansions();
    for (const token of ['vladimir', 'putin']) {
      expect(filled.get(token)!.ids.length, token).toBeGreaterThan(0);
      altered.put(token, { ids: new Int32Array(0), similarities: new Float64Array(0), postings: 0, best: 0 });
    }
    const pool = await ScreeningPool.start(payload, DEFAULT_NAME_REFERENCE, 1, {
      copyPerWorker: true,
      seed: { expansions: altered.buffer, ...at },
    });
    try {
      const query = { name: 'Vladimir Putin' };
      expect(screenParty(index, query, { limit: 5 }).map((m) => m.sourceId)).toEqual(['0']);
      expect(await pool.screenMany([query], { limit: 5 })).toEqual([[]]);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
