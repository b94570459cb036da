import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { expandToken, shareExpansions } from './expand-token.ts';
import { indexOverSnapshot, snapshotOfIndex } from './index-snapshot.ts';
import { NAME_CLASS_CASES } from './name-match-classes.cases.ts';
import { NAME_MATCH_CASES } from './name-match.cases.ts';
import { normalizeName } from './normalize-name.ts';
import { buildScreeningIndex, type ScreeningIndex, type TokenExpansion } from './screening-index.ts';
import { screenParty } from './screen-party.ts';
import { SharedExpansions } from './shared-expansions.ts';
import { shareSnapshot } from './shared-snapshot.ts';

// What a worker receives: a structured clone (core is typed without the host's globals).
declare function structuredClone<T>(value: T): T;

const ref = DEFAULT_NAME_REFERENCE;
const cases = [...NAME_MATCH_CASES, ...NAME_CLASS_CASES];
const parties = cases.map((c, i) =>
  buildParty({
    source: 'un-sc',
    sourceId: String(i),
    schema: c.schema ?? 'unknown',
    names: [{ full: c.listed, quality: 'primary' }],
  }),
);
const snapshot = shareSnapshot(
  snapshotOfIndex(
    buildScreeningIndex(
      parties.map((party) => ({ party })),
      ref,
    ),
  ),
);
/** A fresh index over the one shared snapshot: what each worker of a pool holds. */
const worker = (): ScreeningIndex => indexOverSnapshot(snapshot, ref);
const queries = cases.map((c) => ({ name: c.query }));
const screenAll = (index: ScreeningIndex) => queries.map((q) => screenParty(index, q, { threshold: 0.3 }));
/** Every query token, some of them several times over. */
const tokens = [
  ...new Set(queries.flatMap((q) => normalizeName(q.name, ref).tokens).filter((t) => t.length > 0)),
];
const plain = (e: TokenExpansion) => ({
  ids: Array.from(e.ids),
  similarities: Array.from(e.similarities),
  postings: e.postings,
  best: e.best,
});
/** Expansions made without any shared memo. */
const expected = (() => {
  const index = worker();
  return new Map(tokens.map((t) => [t, plain(expandToken(index, t))]));
})();

describe('SharedExpansions', () => {
  it('gives back what was put, as views of its shared memory, to another thread reading its buffer', () => {
    // Room for every query token of the case tables (a memo takes none past half its slots).
    const memo = new SharedExpansions({ slots: 2048, arenaBytes: 1 << 20 });
    const index = worker();
    for (const t of tokens) memo.put(t, expandToken(index, t));
    expect(memo.size).toBe(tokens.length);
    // What another worker does with the buffer it was posted.
    const other = new SharedExpansions(structuredClone(memo.buffer));
    for (const t of tokens) {
      const got = other.get(t)!;
      expect(plain(got), t).toEqual(expected.get(t));
      expect(got.ids.buffer).toBe(other.buffer);
    }
    expect(other.get('zzzzqqqq')).toBeUndefined();
    expect(tokens.some((t) => expected.get(t)!.ids.length > 1)).toBe(true);
  });

  it('keeps one entry per token when two threads put it: the second gets the first one back', () => {
    const a = new SharedExpansions({ slots: 64, arenaBytes: 1 << 16 });
    const b = new SharedExpansions(a.buffer);
    const index = worker();
    const t = tokens.find((x) => expected.get(x)!.ids.length > 1)!;
    const first = a.put(t, expandToken(index, t));
    const used = a.bytesUsed;
    const second = b.put(t, {
      ids: Int32Array.of(1),
      similarities: Float64Array.of(0.5),
      postings: 9,
      best: 0.5,
    });
    expect(a.size).toBe(1);
    expect(plain(second)).toEqual(plain(first));
    expect(plain(second)).toEqual(expected.get(t));
    expect(a.bytesUsed).toBe(used);
  });

  it('finds every token past colliding slots, and takes none once half the slots are filled', () => {
    const memo = new SharedExpansions({ slots: 16, arenaBytes: 1 << 16 });
    const index = worker();
    const some = tokens.slice(0, 9);
    const results = some.map((t) => memo.put(t, expandToken(index, t)));
    expect(memo.size).toBe(8);
    some.slice(0, 8).forEach((t, i) => {
      expect(plain(memo.get(t)!), t).toEqual(expected.get(t));
      expect(results[i]!.ids.buffer).toBe(memo.buffer);
    });
    expect(memo.get(some[8]!)).toBeUndefined();
    // Without room the expansion comes back as it was given.
    expect(plain(results[8]!)).toEqual(expected.get(some[8]!));
    expect(results[8]!.ids.buffer).not.toBe(memo.buffer);
  });

  it('takes no entry once its arena is full, and gives the expansion back unchanged', () => {
    const memo = new SharedExpansions({ slots: 1024, arenaBytes: 256 });
    const index = worker();
    for (const t of tokens) expect(plain(memo.put(t, expandToken(index, t))), t).toEqual(expected.get(t));
    expect(memo.size).toBeGreaterThan(0);
    expect(memo.size).toBeLessThan(tokens.length);
    expect(memo.bytesUsed).toBeLessThanOrEqual(256);
    for (const t of tokens) {
      const got = memo.get(t);
      if (got) expect(plain(got), t).toEqual(expected.get(t));
    }
  });

  it('rejects a buffer that is not a memo', () => {
    expect(() => new SharedExpansions(new SharedArrayBuffer(64))).toThrow(/not a shared expansion memo/);
  });
});

describe('expandToken with a shared memo', () => {
  it('screens exactly as without it, and a second worker reuses the first one’s expansions', () => {
    const alone = screenAll(worker());
    const memo = new SharedExpansions();
    const first = worker();
    shareExpansions(first, memo);
    expect(screenAll(first)).toEqual(alone);
    const filled = memo.size;
    expect(filled).toBeGreaterThan(tokens.length / 2);
    const second = worker();
    shareExpansions(second, new SharedExpansions(memo.buffer));
    expect(screenAll(second)).toEqual(alone);
    // Nothing new was expanded: the second worker read the first one's entries.
    expect(memo.size).toBe(filled);
    for (const t of tokens) expect(plain(expandToken(second, t)), t).toEqual(expected.get(t));
  });

  it('only on an index over a snapshot, which cannot change under it', () => {
    const built = buildScreeningIndex(
      parties.slice(0, 3).map((party) => ({ party })),
      ref,
    );
    expect(() => shareExpansions(built, new SharedExpansions())).toThrow(/over a snapshot/);
  });
});
