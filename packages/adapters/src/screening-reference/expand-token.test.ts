import {
  allowedEdits,
  buildColumnIndex,
  buildScreeningIndex,
  compareTokenFacts,
  expandToken,
  forEachKasraFold,
  normalizeName,
  partyEntityId,
  settleExpansions,
  seedExpansions,
  shareExpansions,
  shareSnapshot,
  SharedExpansions,
  indexOverSnapshot,
  snapshotOfIndex,
  withColumnLookups,
  type NameReference,
  type ScreeningIndex,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../test-support/shared-data.ts';
import type { ParsedList } from '../ingest/list-format.ts';
import { unScXmlFormat } from '../ingest/un-sc-xml/source.ts';
import { loadNameReference } from './load-name-reference.ts';

const hasData = hasSharedData();

/** The name reference and the UN list's parties (none without the shared data). */
async function unList(): Promise<{ reference: NameReference; list: ParsedList | undefined }> {
  const reference = await loadNameReference(sharedDataPath());
  const [list] = hasData
    ? ((await unScXmlFormat.parse([
        sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml'),
      ])) as ParsedList[])
    : [];
  return { reference, list };
}

/** Query words near the listed ones: each listed word, and it with one letter changed, dropped or swapped. */
function queryWords(words: string[]): string[] {
  let seed = 18;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = new Set<string>();
  for (const w of words) {
    out.add(w);
    if (w.length < 4) continue;
    const i = 1 + Math.floor(random() * (w.length - 2));
    const letter = 'aeioumnrstkhdly'[Math.floor(random() * 15)]!;
    out.add(w.slice(0, i) + letter + w.slice(i + 1));
    out.add(w.slice(0, i) + w.slice(i + 1));
    out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    out.add(w.slice(0, i) + letter + w.slice(i));
  }
  return [...out];
}

// The expansion tests a near token's spelling before it makes the token's facts: the test must
// rule out only pairs `compareTokenFacts` finds unlike. Here, beside the real name reference.
describe.skipIf(!hasData)('token expansion (expandToken) over real listed words', async () => {
  const { reference, list } = await unList();
  const inputs = (list?.parties ?? []).map((party) => ({ party }));
  const words = [
    ...new Set(
      (list?.parties ?? []).flatMap((p) =>
        p.names.flatMap((n) => normalizeName(n.full, reference, p.schema).tokens),
      ),
    ),
  ];
  const queries = queryWords(words);

  /**
   * Near tokens (within the edits the query's length allows) alike by `compareTokenFacts` but not in
   * its expansion, or in it at another similarity.
   */
  function missed(index: ScreeningIndex): { alike: number; missed: string[] } {
    let alike = 0;
    const out: string[] = [];
    index.expansions.clear();
    for (const q of queries) {
      const edits = allowedEdits(q.length);
      if (edits === 0) continue;
      const { ids, similarities } = expandToken(index, q);
      const expansion = new Map<number, number>();
      ids.forEach((id, k) => expansion.set(id, similarities[k]!));
      const facts = index.factsOf(q);
      index.forEachNearToken(q, edits, (id) => {
        if (Math.abs(index.tokenLength(id) - q.length) > edits) return;
        const similarity = compareTokenFacts(facts, index.factsAt(id)).similarity;
        if (similarity === 0) return;
        alike++;
        if (!expansion.has(id)) out.push(`${q} → ${index.tokenAt(id)}`);
        // At the similarity the facts give (a translation may be counted at its own).
        else if (expansion.get(id) !== similarity && !index.compiled.translations.has(q))
          out.push(`${q} → ${index.tokenAt(id)} at ${expansion.get(id)}, not ${similarity}`);
      });
    }
    return { alike, missed: out };
  }

  it.each([
    ['objects', () => buildScreeningIndex(inputs, reference)],
    ['columns', () => buildColumnIndex(inputs, reference)],
  ])('holds every near token alike by its facts, over the %s index', (_layout, build) => {
    const { alike, missed: lost } = missed(build());
    expect(queries.length).toBeGreaterThan(10_000);
    expect(alike).toBeGreaterThan(10_000);
    expect(lost).toEqual([]);
  });
});

// The tokens of the query's phonetic key are scored on their code units, without their facts
// (`keySimilarity`): each must be in the expansion at the similarity its facts give, as before.
describe.skipIf(!hasData)("token expansion (expandToken): the phonetic key's run", async () => {
  const { reference, list } = await unList();
  const inputs = (list?.parties ?? []).map((party) => ({ party }));
  const words = [
    ...new Set(
      (list?.parties ?? []).flatMap((p) =>
        p.names.flatMap((n) => normalizeName(n.full, reference, p.schema).tokens),
      ),
    ),
  ];
  const queries = queryWords(words);

  /** Tokens of a query's key run (as the expansion reads it) alike by their facts but missed or at another similarity. */
  function wrong(index: ScreeningIndex): { read: number; phonetic: number; wrong: string[] } {
    let read = 0;
    let phonetic = 0;
    const out: string[] = [];
    index.expansions.clear();
    for (const q of queries) {
      const facts = index.factsOf(q);
      if (q.length < 2 || !(facts.key.length >= 3 || (facts.key.length >= 1 && facts.vowelPoor))) continue;
      const { ids, similarities } = expandToken(index, q);
      const expansion = new Map<number, number>();
      ids.forEach((id, k) => expansion.set(id, similarities[k]!));
      for (const id of index.phoneticIds(facts.key) ?? []) {
        if (Math.abs(index.tokenLength(id) - q.length) > 4) continue;
        const alike = compareTokenFacts(facts, index.factsAt(id));
        read++;
        if (alike.kind === 'phonetic') phonetic++;
        if (index.compiled.translations.has(q)) continue;
        if ((expansion.get(id) ?? 0) !== alike.similarity)
          out.push(`${q} → ${index.tokenAt(id)} at ${expansion.get(id)}, not ${alike.similarity}`);
      }
    }
    return { read, phonetic, wrong: out };
  }

  it.each([
    ['objects', () => buildScreeningIndex(inputs, reference)],
    ['columns', () => buildColumnIndex(inputs, reference)],
  ])('holds every token of the key at the similarity its facts give, over the %s index', (_layout, build) => {
    const { read, phonetic, wrong: lost } = wrong(build());
    expect(read).toBeGreaterThan(10_000);
    expect(phonetic).toBeGreaterThan(1_000);
    expect(lost).toEqual([]);
  });
});

// What the expansion reads of the columns without making strings: a token's code units, and the
// runs of tokens of one phonetic key or fold (found by two binary searches), as the objects hold them.
describe.skipIf(!hasData)('an index over columns, read as the expansion reads it', async () => {
  const { reference, list } = await unList();
  const inputs = (list?.parties ?? []).map((party) => ({ party }));

  it('gives each token its code units, and each key and fold the tokens the objects give', () => {
    const objects = buildScreeningIndex(inputs, reference);
    const columns = buildColumnIndex(inputs, reference);
    expect(columns.tokenCount).toBe(objects.tokenCount);
    const units = new Uint16Array(256);
    const tokensOf = (index: ScreeningIndex, ids: ArrayLike<number> | undefined): string[] =>
      Array.from(ids ?? [], (id) => index.tokenAt(id)).sort();
    let keys = 0;
    let longRuns = 0;
    for (let id = 0; id < columns.tokenCount; id++) {
      const token = columns.tokenAt(id);
      const n = columns.tokenUnits(id, units);
      expect(String.fromCharCode(...units.subarray(0, n))).toBe(token);
      const facts = objects.factsOf(token);
      const byKey = tokensOf(columns, columns.phoneticIds(facts.key));
      expect(byKey).toEqual(tokensOf(objects, objects.phoneticIds(facts.key)));
      expect(tokensOf(columns, columns.foldIds(facts.fold))).toEqual(
        tokensOf(objects, objects.foldIds(facts.fold)),
      );
      if (byKey.length > 0) keys++;
      if (byKey.length > 20) longRuns++;
    }
    expect(keys).toBeGreaterThan(1_000);
    expect(longRuns).toBeGreaterThan(10);
  });

  // The expansion reads the tokens of a word's kasra variants (`forEachKasraFold`); over columns it
  // is given only the variants that are tokens or that tokens fold to, walked by prefix.
  it('gives the kasra variants that are tokens or folds, in their order, and only those', () => {
    const objects = buildScreeningIndex(inputs, reference);
    const columns = buildColumnIndex(inputs, reference);
    const folds = new Set<string>();
    for (let id = 0; id < objects.tokenCount; id++) {
      const fold = objects.factsAt(id).fold;
      folds.add(fold);
      // A word one a or i away from a listed one, so that some variants are folds of other tokens.
      folds.add(fold.replace('a', 'i'));
      folds.add(fold.replace(/i(?!.*i)/, 'a'));
    }
    let varied = 0;
    let found = 0;
    for (const fold of folds) {
      const want: string[] = [];
      forEachKasraFold(fold, (v) => {
        varied++;
        if (objects.vocabulary.get(v) !== undefined || (objects.foldIds(v)?.length ?? 0) > 0) want.push(v);
      });
      const got: string[] = [];
      const own = (objects.vocabulary.get(fold) === undefined ? 0 : 1) + (objects.foldIds(fold)?.length ?? 0);
      columns.forEachKasraFoldFound(fold, own, (v) => got.push(v));
      expect(got, fold).toEqual(want);
      found += want.length;
    }
    expect(found).toBeGreaterThan(1_000);
    expect(varied).toBeGreaterThan(10 * found);
  });
});

// A change to the index keeps the memo's expansions no added token can enter (`settleExpansions`):
// each kept one must be what a fresh expansion gives, in the same order, with the same posting total.
describe.skipIf(!hasData)('the memo of expansions after the index changed', async () => {
  const { reference, list } = await unList();
  const parties = list?.parties ?? [];
  const wordsOf = (ps: typeof parties): string[] => [
    ...new Set(ps.flatMap((p) => p.names.flatMap((n) => normalizeName(n.full, reference, p.schema).tokens))),
  ];
  // Parties held back and added after the memo was filled, as a weekly update adds them.
  const later = parties.filter((_, k) => k % 40 === 7);
  const first = parties.filter((_, k) => k % 40 !== 7);
  const removed = first.filter((_, k) => k % 23 === 3);
  const queries = queryWords(wordsOf(parties));

  it('keeps only expansions equal to fresh ones, and drops those an added token enters', () => {
    const index = buildScreeningIndex(
      first.map((party) => ({ party })),
      reference,
    );
    for (const q of queries) expandToken(index, q);
    const before = index.tokenCount;
    for (const party of later) index.add(party);
    for (const party of removed) index.remove(partyEntityId(party));
    const added = index.tokenCount - before;
    // Below the rebuild of the fuzzy look-up, which empties the memo.
    expect(added).toBeGreaterThan(20);
    expect(added).toBeLessThanOrEqual(256);
    settleExpansions(index);
    const kept = new Map(index.expansions);
    index.clearExpansions();
    const enteredByAdded: string[] = [];
    const wrong: string[] = [];
    let recounted = 0;
    for (const q of queries) {
      const fresh = expandToken(index, q);
      const old = kept.get(q);
      if (fresh.ids.some((id) => id >= before)) enteredByAdded.push(q);
      if (!old) continue;
      if (old.postings !== fresh.postings || old.ids.length === 0) recounted++;
      try {
        expect(old).toEqual(fresh);
      } catch {
        wrong.push(q);
      }
    }
    expect(wrong).toEqual([]);
    expect(kept.size).toBeGreaterThan(queries.length * 0.8);
    expect(enteredByAdded.length).toBeGreaterThan(50);
    expect(enteredByAdded.filter((q) => kept.has(q))).toEqual([]);
    expect(recounted).toBeGreaterThan(100);
  });
});

// A writable index reads, on a miss of its memo, the expansions workers made over its snapshot
// (`seedExpansions`), as a monitoring delta reads the full run's: each read after the index
// changed must be what a fresh expansion gives, and none an added token enters.
describe.skipIf(!hasData)('expansions read from the workers over a snapshot of the index', async () => {
  const { reference, list } = await unList();
  const parties = list?.parties ?? [];
  const wordsOf = (ps: typeof parties): string[] => [
    ...new Set(ps.flatMap((p) => p.names.flatMap((n) => normalizeName(n.full, reference, p.schema).tokens))),
  ];
  const later = parties.filter((_, k) => k % 40 === 7);
  const first = parties.filter((_, k) => k % 40 !== 7);
  const removed = first.filter((_, k) => k % 23 === 3);
  const queries = queryWords(wordsOf(parties));

  it('gives expansions equal to fresh ones, and leaves those an added token enters to be made', () => {
    const index = buildScreeningIndex(
      first.map((party) => ({ party })),
      reference,
    );
    // The workers' side: an index over the snapshot's shared columns, filling a shared memo.
    const snapshot = shareSnapshot(withColumnLookups(snapshotOfIndex(index)));
    const worker = indexOverSnapshot(snapshot, reference);
    const memo = new SharedExpansions();
    shareExpansions(worker, memo);
    for (const q of queries) expandToken(worker, q);
    expect(memo.size).toBe(queries.length);
    const before = index.tokenCount;
    seedExpansions(index, memo, { tokenCount: before, deletionCount: index.deletionCount });
    for (const party of later) index.add(party);
    for (const party of removed) index.remove(partyEntityId(party));
    const added = index.tokenCount - before;
    expect(added).toBeGreaterThan(20);
    expect(added).toBeLessThanOrEqual(256);
    index.prepare();
    // Each query read once through the seed (the memo is empty), then expanded afresh.
    const read = new Map(queries.map((q) => [q, expandToken(index, q)]));
    const seed = index.expansionSeed;
    expect(seed).toBeDefined();
    index.expansionSeed = undefined;
    index.clearExpansions();
    const wrong: string[] = [];
    const enteredByAdded: string[] = [];
    let fromSeed = 0;
    for (const q of queries) {
      const fresh = expandToken(index, q);
      const got = read.get(q)!;
      if (fresh.ids.some((id) => id >= before)) enteredByAdded.push(q);
      if (got.ids.buffer instanceof SharedArrayBuffer) fromSeed++;
      const same =
        got.postings === fresh.postings &&
        got.best === fresh.best &&
        Array.from(got.ids).join() === Array.from(fresh.ids).join() &&
        Array.from(got.similarities).join() === Array.from(fresh.similarities).join();
      if (!same) wrong.push(q);
    }
    expect(wrong).toEqual([]);
    expect(enteredByAdded.length).toBeGreaterThan(50);
    expect(fromSeed).toBeGreaterThan(queries.length * 0.8);
    expect(fromSeed).toBeLessThanOrEqual(queries.length - enteredByAdded.length);
  });

  it('is dropped once the fuzzy look-up is rebuilt', () => {
    const index = buildScreeningIndex(
      first.map((party) => ({ party })),
      reference,
    );
    const worker = indexOverSnapshot(shareSnapshot(withColumnLookups(snapshotOfIndex(index))), reference);
    const memo = new SharedExpansions();
    shareExpansions(worker, memo);
    expandToken(worker, queries[0]!);
    seedExpansions(index, memo, { tokenCount: index.tokenCount, deletionCount: index.deletionCount });
    // More than the pending scan's limit of new words: `prepare` rebuilds the look-up.
    const words = (k: number): string =>
      `${'bcdfg'[k % 5]}${'aeiou'[(k >> 2) % 5]}rqz${'klmnp'[(k >> 4) % 5]}${k}`;
    for (let k = 0; k < 300; k++)
      index.add({
        ...later[0]!,
        sourceId: `extra-${k}`,
        names: [{ ...later[0]!.names[0]!, full: `${words(k)} ${words(k + 300)}` }],
      });
    index.prepare();
    expect(index.deletionCount).toBe(index.tokenCount);
    const got = expandToken(index, queries[0]!);
    expect(got.ids.buffer instanceof SharedArrayBuffer).toBe(false);
    expect(index.expansionSeed).toBeUndefined();
  });
});
