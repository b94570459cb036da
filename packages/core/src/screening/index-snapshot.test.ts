import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import {
  finishRestore,
  indexFromSnapshot,
  INDEX_SNAPSHOT_FORMAT,
  restOf,
  restoreIndexSteps,
  snapshotOfIndex,
} from './index-snapshot.ts';
import { NAME_CLASS_CASES } from './name-match-classes.cases.ts';
import { NAME_MATCH_CASES } from './name-match.cases.ts';
import { forEachIndexedName, buildScreeningIndex, type ScreeningIndex } from './screening-index.ts';
import type { NormalizedName } from './normalize-name.ts';
import { screenParty } from './screen-party.ts';

// A structured clone is what a snapshot file or a worker message carries (core is typed without the host's globals).
declare function structuredClone<T>(value: T): T;

const ref = DEFAULT_NAME_REFERENCE;
// Every listed name of the matching cases as a party of its own, plus parties with identifiers,
// birth dates and several names, so that every column of the snapshot is exercised.
const parties: Party[] = [
  ...[...NAME_MATCH_CASES, ...NAME_CLASS_CASES].map((c, i) =>
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
    birthDates: [{ value: '1952-10-07', precision: 'day' }],
  }),
];
const queries = [
  ...[...NAME_MATCH_CASES, ...NAME_CLASS_CASES].map((c) => ({ name: c.query })),
  { name: 'Ocean Star', identifiers: ['IMO 9187629'] },
  { name: 'Mohammed Ali' },
  { name: 'Li Ming' },
];

function build(): ScreeningIndex {
  return buildScreeningIndex(
    parties.map((party, i) => ({ party, ...(i % 4 ? { versionId: i % 4 } : {}) })),
    ref,
  );
}

const screenAll = (index: ScreeningIndex) => queries.map((q) => screenParty(index, q, { threshold: 0.5 }));

describe('index snapshot', () => {
  it('restores the same index in steps, whether stepped to the end or finished at once part-way', () => {
    const index = build();
    const snapshot = snapshotOfIndex(index);
    const whole = snapshotOfIndex(indexFromSnapshot(snapshot, ref));
    // Stepped to its end, as in the background, with another restore of the same snapshot in between.
    const steps = restoreIndexSteps(snapshot, ref);
    let count = 0;
    let step = steps.next();
    while (!step.done) {
      count++;
      if (count === 2) expect(snapshotOfIndex(indexFromSnapshot(snapshot, ref))).toEqual(whole);
      step = steps.next();
    }
    expect(count).toBeGreaterThanOrEqual(3);
    expect(snapshotOfIndex(step.value)).toEqual(whole);
    expect(screenAll(step.value)).toEqual(screenAll(index));
    // Taken over after two steps (as a refresh finishes a background restore).
    const partWay = restoreIndexSteps(snapshot, ref);
    partWay.next();
    partWay.next();
    const finished = finishRestore(partWay);
    expect(snapshotOfIndex(finished)).toEqual(whole);
    expect(screenAll(finished)).toEqual(screenAll(index));
    expect(partWay.next().done).toBe(true);
  });

  it('restores an index that screens exactly as the one it was taken of', () => {
    const index = build();
    const restored = indexFromSnapshot(structuredClone(snapshotOfIndex(index)), ref);
    expect(restored.size).toBe(index.size);
    expect(restored.nameCount).toBe(index.nameCount);
    const expected = screenAll(index);
    expect(expected.flat().length).toBeGreaterThan(queries.length / 2);
    expect(screenAll(restored)).toEqual(expected);
  });

  it('keeps a restored index patchable: removals and additions as in a fresh one', () => {
    const index = build();
    const restored = indexFromSnapshot(structuredClone(snapshotOfIndex(index)), ref);
    for (const target of [index, restored]) {
      target.remove('us-ofac-sdn:v1');
      target.remove('un-sc:0');
      target.add(
        buildParty({
          source: 'un-sc',
          sourceId: 'new',
          schema: 'organization',
          names: [{ full: 'Ocean Star Shipping', quality: 'primary' }],
        }),
        9,
      );
      target.prepare();
    }
    expect(screenAll(restored)).toEqual(screenAll(index));
    // A snapshot of the patched index (holes included) restores the same again.
    expect(screenAll(indexFromSnapshot(structuredClone(snapshotOfIndex(restored)), ref))).toEqual(
      screenAll(index),
    );
  });

  it('retags a source by the version it held as retagging by each party’s source does', () => {
    // As a service's index holds them: versions 1 and 3 of us-ofac-sdn, 2 of un-sc, some parties untagged.
    const key = (p: Party) => `${p.source}:${p.sourceId}`;
    const tagged = () =>
      buildScreeningIndex(
        parties.map((party, i) => {
          const versionId = party.source === 'un-sc' ? (i % 4 ? 2 : undefined) : i % 4 === 1 ? 1 : 3;
          return { party, ...(versionId !== undefined ? { versionId } : {}) };
        }),
        ref,
      );
    const versions = (index: ScreeningIndex) => parties.map((p) => index.get(key(p))?.versionId);
    const bySource = tagged();
    bySource.retagVersion('un-sc', 7);
    const restored = indexFromSnapshot(structuredClone(snapshotOfIndex(tagged())), ref);
    restored.retagVersion('un-sc', 7, 2);
    expect(versions(restored)).toEqual(versions(bySource));
    // Every un-sc party, tagged 2 or untagged (told by its party), and no other.
    expect(versions(restored).map((v) => v === 7)).toEqual(parties.map((p) => p.source === 'un-sc'));
    expect(new Set(versions(restored))).toEqual(new Set([1, 3, 7]));
  });

  it('refuses a snapshot of another format', () => {
    const snapshot = { ...snapshotOfIndex(build()), format: INDEX_SNAPSHOT_FORMAT + 1 };
    expect(() => indexFromSnapshot(snapshot, ref)).toThrow(/format/);
  });
});

describe('restOf', () => {
  // What the snapshot has always stored: everything but the tokens, the text only when it differs.
  const general = (listed: string, n: NormalizedName): string => {
    const { tokens: _tokens, text, ...rest } = n;
    if (text === listed && Object.keys(rest).length === 2 && !rest.legalForms.length && !rest.titles.length)
      return '';
    return JSON.stringify(text === listed ? rest : { ...rest, text });
  };

  it('writes every indexed name of the cases as the general form does (the common case made once)', () => {
    let checked = 0;
    for (const party of parties)
      for (const schema of ['person', 'organization', 'vessel', 'unknown'] as const)
        forEachIndexedName({ ...party, schema }, ref, (text, _q, normalized) => {
          expect(restOf(text, normalized), text).toBe(general(text, normalized));
          expect(restOf(`${text}!`, normalized)).toBe(general(`${text}!`, normalized));
          checked++;
        });
    expect(checked).toBeGreaterThan(500);
    const odd: NormalizedName = { text: 'x', tokens: ['x'], legalForms: [], titles: [], schema: undefined };
    expect(restOf('x', odd)).toBe(general('x', odd));
  });
});
