import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { indexOverSnapshot, INDEX_SNAPSHOT_FORMAT, snapshotOfIndex } from './index-snapshot.ts';
import { NAME_CLASS_CASES } from './name-match-classes.cases.ts';
import { NAME_MATCH_CASES } from './name-match.cases.ts';
import { buildScreeningIndex, type ScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';
import { isSharedSnapshot, shareSnapshot } from './shared-snapshot.ts';

// What a worker receives: a structured clone (core is typed without the host's globals).
declare function structuredClone<T>(value: T): T;

const ref = DEFAULT_NAME_REFERENCE;
const cases = [...NAME_MATCH_CASES, ...NAME_CLASS_CASES];
const parties = [
  ...cases.map((c, i) =>
    buildParty({
      source: i % 2 ? 'us-ofac-sdn' : 'un-sc',
      sourceId: String(i),
      schema: c.schema ?? 'unknown',
      names: [{ full: c.listed, quality: i % 3 ? 'primary' : 'weak' }],
    }),
  ),
  buildParty({
    source: 'us-ofac-sdn',
    sourceId: 'v1',
    schema: 'vessel',
    names: [
      { full: 'OCEAN STAR; SEA STAR (OS)', quality: 'primary' },
      { full: 'محمد علي', quality: 'strong' },
      { full: '李明', quality: 'strong' },
    ],
    identifiers: [{ type: 'imo', value: '9187629' }],
  }),
];
const queries = [
  ...cases.map((c) => ({ name: c.query })),
  { name: 'Ocean Star', identifiers: ['IMO 9187629'] },
  { name: 'Mohammed Ali' },
  { name: 'Li Ming' },
];
const screenAll = (index: ScreeningIndex) => queries.map((q) => screenParty(index, q, { threshold: 0.5 }));

/** An index with holes: a removed party and a party added after the build. */
function patched(): ScreeningIndex {
  const index = buildScreeningIndex(
    parties.map((party, i) => ({ party, ...(i % 4 ? { versionId: i % 4 } : {}) })),
    ref,
  );
  index.remove('un-sc:0');
  index.add(
    buildParty({
      source: 'un-sc',
      sourceId: 'new',
      schema: 'organization',
      names: [{ full: 'Ocean Star Shipping', quality: 'primary' }],
    }),
    9,
  );
  index.prepare();
  return index;
}

describe('index over a shared snapshot', () => {
  it('puts every column in shared memory once and leaves the snapshot it copied as it was', () => {
    const snapshot = snapshotOfIndex(patched());
    const shared = shareSnapshot(snapshot);
    expect(isSharedSnapshot(shared)).toBe(true);
    expect(isSharedSnapshot(snapshot)).toBe(false);
    expect(shared.postingIds.buffer).toBe(shared.nameTokenIds.buffer);
    expect(Array.from(shared.postingIds)).toEqual(Array.from(snapshot.postingIds));
    expect(shared.deletions!.entries.buffer).toBe(shared.postingIds.buffer);
  });

  it('holds no string: a worker it is posted to copies nothing of the index', () => {
    const received = structuredClone(shareSnapshot(snapshotOfIndex(patched())));
    const strings: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (typeof value === 'string') strings.push(at);
      else if (value && typeof value === 'object' && !ArrayBuffer.isView(value))
        for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
    };
    walk(received, 'snapshot');
    expect(strings).toEqual([]);
    expect(received.tokens).not.toHaveProperty('text');
    expect(received.tokens).toHaveProperty('codes');
  });

  it('screens exactly as the index it was taken of, holes included, reading the same memory', () => {
    const index = patched();
    const shared = shareSnapshot(snapshotOfIndex(index));
    const received = structuredClone(shared);
    // A structured clone of shared memory is the same memory, not a copy.
    expect(received.postingIds.buffer).toBeInstanceOf(SharedArrayBuffer);
    const over = indexOverSnapshot(received, ref);
    expect(over.size).toBe(index.size);
    expect(over.nameCount).toBe(index.nameCount);
    expect(over.names).toEqual([]);
    expect(over.get('un-sc:0')).toBeUndefined();
    expect(over.get('un-sc:new')?.versionId).toBe(9);
    expect(over.get('us-ofac-sdn:v1')?.party).toEqual(index.get('us-ofac-sdn:v1')?.party);
    const expected = screenAll(index);
    expect(expected.flat().length).toBeGreaterThan(queries.length / 2);
    expect(screenAll(over)).toEqual(expected);
    // Again, once names and facts are memoised.
    expect(screenAll(over)).toEqual(expected);
  });

  it('screens the same when its memo of names, token facts and entries is emptied every few reads', () => {
    const index = patched();
    const expected = screenAll(index);
    for (const memoLimit of [1, 3, 50]) {
      const over = indexOverSnapshot(shareSnapshot(snapshotOfIndex(index)), ref, { memoLimit });
      expect(screenAll(over)).toEqual(expected);
      expect(screenAll(over)).toEqual(expected);
      expect(over.get('us-ofac-sdn:v1')?.party).toEqual(index.get('us-ofac-sdn:v1')?.party);
    }
  });

  it('keeps names made to their own limit, apart from token facts and entries', () => {
    const index = patched();
    const expected = screenAll(index);
    // Names swept at every other read if they followed the token facts' limit of 2.
    const over = indexOverSnapshot(shareSnapshot(snapshotOfIndex(index)), ref, {
      memoLimit: 2,
      nameMemoLimit: index.nameSlots,
    });
    expect(screenAll(over)).toEqual(expected);
    const ids = Array.from({ length: over.nameSlots }, (_, id) => id).filter((id) => over.name(id));
    expect(ids.length).toBeGreaterThan(50);
    const made = ids.map((id) => over.name(id));
    for (const id of ids) over.name(id);
    // Read again after every other name: the same objects, not made again from the columns.
    expect(ids.map((id) => over.name(id))).toEqual(made);
    for (const [k, id] of ids.entries()) expect(over.name(id)).toBe(made[k]);
    expect(screenAll(over)).toEqual(expected);
  });

  it('is read-only: the owner patches its own index and shares a new snapshot', () => {
    const over = indexOverSnapshot(shareSnapshot(snapshotOfIndex(patched())), ref);
    expect(() => over.remove('us-ofac-sdn:v1')).toThrow(/read-only/);
    expect(() => over.add(parties[0]!)).toThrow(/read-only/);
  });

  it('refuses a snapshot of another format', () => {
    const snapshot = { ...shareSnapshot(snapshotOfIndex(patched())), format: INDEX_SNAPSHOT_FORMAT + 1 };
    expect(() => indexOverSnapshot(snapshot, ref)).toThrow(/format/);
  });
});
