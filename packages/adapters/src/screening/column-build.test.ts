import {
  buildColumnIndex,
  buildParty,
  DEFAULT_NAME_REFERENCE,
  deletionArraysOf,
  deletionJobsOf,
  joinStrings,
  releaseDeletionParts,
  screenParty,
  snapshotOfParties,
  type Party,
} from '@entente/core';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ColumnBuildResponse } from './column-build-protocol.ts';
import { buildColumnIndexInWorkers, snapshotOfPartiesInWorkers } from './column-build.ts';
import { snapshotPayload } from './snapshot-file.ts';

const ref = DEFAULT_NAME_REFERENCE;
const given = ['Ivan', 'Maria', 'Ali', 'Li', 'Ahmad', 'Olga', 'J.', 'Chen'];
const family = ['Petrov', 'Hassan', 'Wang', 'Smith', 'Al Rashid', 'Kowalski', 'Ng'];
const aliases = ['Иван Петров', 'محمد علي', '李明', '김민준', 'Σωκράτης', 'OCEAN STAR; SEA STAR (OS)'];
const orgWords = ['Trading', 'Shipping', 'Romashka', 'Global', 'Petro', 'Star'];
const forms = ['LLC', 'OOO', 'Ltd', 'JSC', 'GmbH', ''];

/** Parties of every schema, names in several scripts, packed cells, identifiers, and entity ids listed again. */
function partiesOf(count: number): { party: Party; versionId?: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const person = i % 3 !== 1;
    const primary = person
      ? `${given[i % given.length]} ${family[(i * 5) % family.length]}${i % 11 ? '' : ' Jr'}`
      : `${forms[i % forms.length]} ${orgWords[i % orgWords.length]} ${orgWords[(i * 7) % orgWords.length]}${i % 13}`;
    return {
      party: buildParty({
        source: i % 2 ? 'us-ofac-sdn' : 'eu-fsf',
        // Every 17th party repeats an earlier entity id: it replaces that party.
        sourceId: String(i % 17 === 16 ? i - 10 : i),
        schema: person ? 'person' : i % 3 === 1 ? 'organization' : 'vessel',
        names: [
          { full: primary.trim(), quality: 'primary' },
          ...(i % 2 ? [{ full: aliases[i % aliases.length]!, quality: 'strong' as const }] : []),
          ...(i % 5 ? [] : [{ full: `${primary.trim()}x`, quality: 'weak' as const }]),
        ],
        identifiers: i % 4 ? [] : [{ type: 'imo', value: `91876${i % 9}9` }],
      }),
      ...(i % 3 ? { versionId: i % 4 } : {}),
    };
  });
}

describe('column index built on worker threads', () => {
  const parties = partiesOf(400);
  const bytes = (s: unknown): Buffer => Buffer.from(snapshotPayload(s));

  it('gives the very bytes of the one-thread build, for 1 and for 3 workers and any batch size', async () => {
    const alone = bytes(snapshotOfParties(parties, ref));
    // Deletion workers: 0 (on this thread), 1, and 2 or 3 making the index in parts at once.
    for (const [workers, batch, deletionWorkers] of [
      [1, 1000, 0],
      [3, 7, 3],
      [2, 1, 1],
      [2, 250, 2],
    ] as const) {
      const built = bytes(
        await snapshotOfPartiesInWorkers(parties, ref, { workers, batch, deletionWorkers }),
      );
      expect(
        built.equals(alone),
        `${workers} workers, batches of ${batch}, deletion workers ${deletionWorkers}`,
      ).toBe(true);
    }
  }, 60_000);

  it('gives the same bytes when the token facts come in several chunks, on whichever worker is free', async () => {
    // 3,000 parties of made-up words: over 4,096 distinct tokens, so the facts are made in chunks
    // sent as the parties come (to the worker with the fewest requests unanswered), then joined.
    const word = (n: number): string => {
      let w = '';
      for (let k = n + 700; k > 0; k = Math.floor(k / 19)) w += 'bcdfgklmnprstvzaeio'[k % 19];
      return w;
    };
    const many = Array.from({ length: 3_000 }, (_, i) => ({
      party: buildParty({
        source: 'eu-fsf',
        sourceId: String(i),
        schema: 'person',
        names: [{ full: `${word(3 * i)} ${word(3 * i + 1)} ${word(3 * i + 2)}`, quality: 'primary' }],
        identifiers: [],
      }),
    }));
    const alone = snapshotOfParties(many, ref);
    expect(alone.tokens.ends.length).toBeGreaterThan(4_096);
    const built = await snapshotOfPartiesInWorkers(many, ref, { workers: 2, batch: 20, deletionWorkers: 0 });
    expect(bytes(built).equals(bytes(alone))).toBe(true);
  }, 120_000);

  it('screens as the one-thread index does, its deletion index made here or on workers', async () => {
    const alone = buildColumnIndex(parties, ref);
    const steps: string[][] = [];
    for (const deletionWorkers of [0, 2]) {
      const onStep = (step: string): number => steps[steps.length - 1]!.push(step);
      steps.push([]);
      const index = await buildColumnIndexInWorkers(parties, ref, {
        workers: 2,
        batch: 50,
        deletionWorkers,
        onStep,
      });
      expect(screenParty(index, { name: 'Ivan Petrov' }, { limit: 5 })[0]?.matchedName).toBe('Ivan Petrov');
      for (const name of ['Ivan Petrov', 'Petrov Ivan', 'Mohamed Ali', 'OOO Romashka Trading', 'Sea Star'])
        expect(screenParty(index, { name }, { limit: 10 })).toEqual(
          screenParty(alone, { name }, { limit: 10 }),
        );
    }
    // The timeline the 1M bench prints: the deletion index a step of its own only on this thread.
    const common = ['parties normalised and added', 'token facts', 'normalising workers stopped'];
    expect(steps).toEqual([
      [
        ...common,
        'layout to the deletion index',
        'deletion index',
        'layout',
        'look-ups',
        'deletion index in',
      ],
      [...common, 'layout to the deletion index', 'layout', 'look-ups', 'deletion index in'],
    ]);
  }, 60_000);

  it('takes streamed parties and reports a failing worker instead of hanging', async () => {
    const streamed = (function* () {
      yield* parties.slice(0, 30);
    })();
    const snapshot = await snapshotOfPartiesInWorkers(streamed, ref, { workers: 2, batch: 4 });
    expect(bytes(snapshot).equals(bytes(snapshotOfParties(parties.slice(0, 30), ref)))).toBe(true);
    const broken = [{ party: { ...parties[0]!.party, names: null } as unknown as Party }];
    await expect(snapshotOfPartiesInWorkers(broken, ref, { workers: 1 })).rejects.toThrow();
    // Parties that fail to be read part-way (batches are also sent from the workers' answers).
    const failing = (function* () {
      yield* parties.slice(0, 40);
      throw new Error('store read failed');
    })();
    await expect(snapshotOfPartiesInWorkers(failing, ref, { workers: 2, batch: 3 })).rejects.toThrow(
      'store read failed',
    );
  }, 60_000);

  it('fails every part of a deletion index made in parts when one part fails, none left waiting', async () => {
    const tokens = ['ivanov', 'petrov', 'hassan', 'wang', 'romashka', 'ocean', 'star', 'kowalski'];
    const { jobs } = deletionJobsOf(tokens, 3);
    // Part 1 cannot read its tokens: it has no token ends.
    const broken = { ...jobs[1]!, source: { ...jobs[1]!.source, ends: null } };
    const workers = [0, 1, 2].map(
      () =>
        new Worker(new URL('./column-build-worker-boot.js', import.meta.url), {
          workerData: { reference: ref },
        }),
    );
    try {
      const answers = await Promise.all(
        [jobs[0]!, broken, jobs[2]!].map(
          (job, i) =>
            new Promise<ColumnBuildResponse>((resolve, reject) => {
              workers[i]!.once('message', resolve);
              workers[i]!.once('error', reject);
              workers[i]!.postMessage({ id: i, deletionPart: job });
            }),
        ),
      );
      // The broken part reports its own error; the others that it left waiting, theirs.
      expect(answers.map((a) => ('error' in a ? a.error.name : 'done'))).toEqual([
        'DeletionPartFailed',
        'TypeError',
        'DeletionPartFailed',
      ]);
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }, 60_000);

  it('counts the parts of a deletion index at once but fills nothing until they are released, then makes the same arrays', async () => {
    const tokens = partiesOf(300).flatMap(({ party }) =>
      party.names.flatMap((n) => n.full.toLowerCase().split(/\s+/)),
    );
    const distinct = [...new Set(tokens)];
    const { jobs, arrays } = deletionJobsOf(distinct, 2, { hold: true });
    const workers = [0, 1].map(
      () =>
        new Worker(new URL('./column-build-worker-boot.js', import.meta.url), {
          workerData: { reference: ref },
        }),
    );
    const ask = (i: number, request: unknown): Promise<ColumnBuildResponse> =>
      new Promise<ColumnBuildResponse>((resolve, reject) => {
        workers[i]!.once('message', resolve);
        workers[i]!.once('error', reject);
        workers[i]!.postMessage(request);
      });
    try {
      // Both workers booted (they answer the facts of no tokens) before the parts are sent.
      const none = { id: -1, tokens: joinStrings([]), from: 0, to: 0 };
      await Promise.all([ask(0, none), ask(1, none)]);
      const answers = jobs.map((job, i) => ask(i, { id: i, deletionPart: job }));
      // Held: the buckets counted into bytes (every entry), the arrays neither started nor filled
      // (unheld, 2 booted parts make them in milliseconds).
      const control = jobs[0]!.control;
      const counted = (): number => jobs[0]!.counts.reduce((a, c) => a + c, 0);
      for (let waited = 0; counted() < arrays.entries.length && waited < 30_000; waited += 50)
        Atomics.wait(control, 1, 0, 50);
      Atomics.wait(control, 1, 0, 1_000);
      expect(counted()).toBe(arrays.entries.length);
      expect(Atomics.load(control, 1)).toBe(0);
      expect(arrays.offsets.every((o) => o === 0) && arrays.entries.every((e) => e === 0)).toBe(true);
      releaseDeletionParts(jobs);
      expect((await Promise.all(answers)).map((a) => ('error' in a ? a.error.message : 'done'))).toEqual([
        'done',
        'done',
      ]);
      const one = deletionArraysOf(distinct);
      const view = (a: Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      expect(view(arrays.offsets).equals(view(one.offsets))).toBe(true);
      expect(view(arrays.entries).equals(view(one.entries))).toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }, 60_000);
  it('makes the same deletion index in 1, 2 or 3 parts, each part starting its own buckets', async () => {
    // Tokens of 300 parties, and 300 long tokens with one deletion key (their first and last four
    // units): their buckets hold more than 255 entries, past what a bucket's byte counts.
    const tokens = partiesOf(300).flatMap(({ party }) =>
      party.names.flatMap((n) => n.full.toLowerCase().split(/\s+/)),
    );
    for (let i = 0; i < 300; i++) tokens.push(`abcd${i.toString(36)}efgh`);
    const distinct = [...new Set(tokens)];
    const one = deletionArraysOf(distinct);
    const view = (a: Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const workers = [0, 1, 2].map(
      () =>
        new Worker(new URL('./column-build-worker-boot.js', import.meta.url), {
          workerData: { reference: ref },
        }),
    );
    try {
      for (const parts of [1, 2, 3]) {
        const { jobs, arrays } = deletionJobsOf(distinct, parts);
        const answers = await Promise.all(
          jobs.map(
            (job, i) =>
              new Promise<ColumnBuildResponse>((resolve, reject) => {
                workers[i]!.once('message', resolve);
                workers[i]!.once('error', reject);
                workers[i]!.postMessage({ id: i, deletionPart: job });
              }),
          ),
        );
        expect(answers.every((a) => !('error' in a))).toBe(true);
        expect(Math.max(...jobs[0]!.counts)).toBe(255);
        expect(view(arrays.offsets).equals(view(one.offsets))).toBe(true);
        expect(view(arrays.entries).equals(view(one.entries))).toBe(true);
      }
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }, 60_000);
});
