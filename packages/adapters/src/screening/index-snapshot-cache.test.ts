import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildParty, DEFAULT_NAME_REFERENCE, type NewListVersion } from '@entente/core';
import { LIST_FORMATS } from '../ingest/formats.ts';
import { findFormat, importList } from '../import/import-list.ts';
import { sharedDataPath } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { contentFingerprint, IndexSnapshotCache, referenceFingerprint } from './index-snapshot-cache.ts';
import { readSnapshotBytes, type SnapshotBytes } from './snapshot-file.ts';
import { nameReferenceFor, ScreeningService } from './screening-service.ts';

const UK = sharedDataPath('lists/uk/ofsi-conlist-fixture/ConList.csv');
const SUBJECTS = [
  { name: 'Farooq al-Qahtani' },
  { name: 'Ахмад Шах', country: 'AF' },
  { name: 'Bravo Shipping' },
];
const reference = DEFAULT_NAME_REFERENCE;

function version(names: string[]): NewListVersion {
  const parties = names.map((name, i) =>
    buildParty({
      source: 'list-b',
      sourceId: String(i),
      schema: 'organization',
      names: [{ full: name, quality: 'primary' }],
    }),
  );
  return {
    source: 'list-b',
    publishedAt: '2026-01-01',
    format: 'custom-csv',
    files: ['b.csv'],
    parties,
    warnings: [],
  };
}

// Each store target, with the snapshot loaded as the writable index (objects) and as a
// read-only index over its columns (what a one-shot `entente screen` and a server with workers use).
const layouts = storeTargets().flatMap((target) =>
  [false, true].map((overColumns) => ({
    target,
    overColumns,
    name: `${target.name}, ${overColumns ? 'over its columns' : 'as objects'}`,
  })),
);

describe.each(layouts)('screening index snapshot ($name)', ({ target, overColumns }) => {
  let store: TestStore;
  let dir: string;
  let file: string;
  const told: string[] = [];

  /** Opens a service on the snapshot file (`bytes`: the file as read early), screens the subjects, closes it. */
  async function openAndScreen(bytes?: Promise<SnapshotBytes>) {
    const service = await ScreeningService.open(store, reference, {
      snapshotFile: file,
      onSnapshot: (l) => told.push(l),
      overColumns,
      ...(bytes ? { snapshotBytes: bytes } : {}),
    });
    try {
      const results = [];
      for (const s of SUBJECTS) results.push(await service.screen(s, { limit: 5 }, null));
      return { origin: service.state().origin, results };
    } finally {
      await service.close();
    }
  }

  async function freshResults() {
    const service = await ScreeningService.open(store, reference);
    try {
      const results = [];
      for (const s of SUBJECTS) results.push(await service.screen(s, { limit: 5 }, null));
      return results;
    } finally {
      await service.close();
    }
  }

  beforeAll(async () => {
    store = await target.open();
    await importList(store, findFormat(LIST_FORMATS, 'uk-ofsi-csv'), [UK], { publishedAt: '2026-11-01' });
    dir = mkdtempSync(path.join(tmpdir(), 'entente-snapshot-'));
    file = path.join(dir, 'screening-index.snapshot');
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds and saves the index once, then loads it with the same matches as a fresh build', async () => {
    const first = await openAndScreen();
    expect(first.origin).toBe('built');
    const second = await openAndScreen();
    expect(second.origin).toBe('snapshot');
    const fresh = await freshResults();
    expect(fresh.flat().length).toBeGreaterThan(0);
    expect(second.results).toEqual(fresh);
    expect(first.results).toEqual(fresh);
  });

  it('rebuilds when a list version changed since the snapshot', async () => {
    await store.saveListVersion(version(['Bravo Shipping Limited']));
    told.length = 0;
    const after = await openAndScreen();
    expect(after.origin).toBe('built');
    expect(told.join('\n')).toMatch(/stale/);
    expect(after.results).toEqual(await freshResults());
    expect(after.results[2]!.some((m) => m.source === 'list-b')).toBe(true);
    expect((await openAndScreen()).origin).toBe('snapshot');
  });

  it('detects a corrupt or truncated snapshot and rebuilds it, never using it', async () => {
    await openAndScreen();
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 0xff;
    for (const bad of [flipped, good.subarray(0, good.length - 10), Buffer.from('not a snapshot')]) {
      writeFileSync(file, bad);
      told.length = 0;
      const opened = await openAndScreen();
      expect(opened.origin).toBe('built');
      expect(told.join('\n')).toMatch(/corrupt/);
      expect(opened.results).toEqual(await freshResults());
      // Rebuilt and saved whole again.
      expect((await openAndScreen()).origin).toBe('snapshot');
    }
  });

  it('checks a snapshot read before the lists changed (read early, while the store opens) and rebuilds it', async () => {
    await openAndScreen();
    const early = readSnapshotBytes(file);
    await early;
    await store.saveListVersion(version(['Bravo Shipping Limited', 'Charlie Maritime Holdings']));
    told.length = 0;
    const after = await openAndScreen(early);
    expect(after.origin).toBe('built');
    expect(told.join('\n')).toMatch(/stale/);
    expect(after.results).toEqual(await freshResults());
    // Read early and current: used.
    expect((await openAndScreen(readSnapshotBytes(file))).origin).toBe('snapshot');
    const flipped = Buffer.from(readFileSync(file));
    flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 0xff;
    told.length = 0;
    expect((await openAndScreen(Promise.resolve(flipped))).origin).toBe('built');
    expect(told.join('\n')).toMatch(/corrupt/);
  });

  it('patches an index loaded from its snapshot when a list changes, screening as a fresh build', async () => {
    await openAndScreen();
    const service = await ScreeningService.open(store, reference, { snapshotFile: file, overColumns });
    try {
      expect(service.state().origin).toBe('snapshot');
      await store.saveListVersion(version(['Bravo Shipping Limited', 'Delta Shipping Holdings']));
      await service.refresh();
      expect(service.state().origin).toBe('built');
      const results = [];
      for (const s of [...SUBJECTS, { name: 'Delta Shipping' }])
        results.push(await service.screen(s, { limit: 5 }, null));
      const fresh = await ScreeningService.open(store, reference);
      try {
        const expected = [];
        for (const s of [...SUBJECTS, { name: 'Delta Shipping' }])
          expected.push(await fresh.screen(s, { limit: 5 }, null));
        expect(results).toEqual(expected);
        expect(results[3]!.some((m) => m.sourceId === '1' && m.source === 'list-b')).toBe(true);
      } finally {
        await fresh.close();
      }
    } finally {
      await service.close();
    }
  });

  it('saves the snapshot of a refresh made while held once released, or when closed while held', async () => {
    await openAndScreen();
    const names = ['Bravo Shipping Limited', 'Delta Shipping Holdings', 'Echo Maritime'];
    for (const closeWhileHeld of [false, true]) {
      const service = await ScreeningService.open(store, reference, {
        snapshotFile: file,
        overColumns,
        onSnapshot: (l) => told.push(l),
      });
      let saved: string[] = [];
      try {
        const release = service.holdWorkers();
        names.push(closeWhileHeld ? 'Foxtrot Freight' : 'Golf Logistics');
        await store.saveListVersion(version(names));
        told.length = 0;
        await service.refresh();
        // Held: nothing saved yet.
        expect(told.filter((l) => /saved/.test(l))).toEqual([]);
        if (!closeWhileHeld) {
          release();
          await new Promise((r) => setTimeout(r, 0));
        }
      } finally {
        await service.close();
        saved = told.filter((l) => /saved to/.test(l));
      }
      expect(saved).toHaveLength(1);
      // The next process loads the lists as they are now.
      expect((await openAndScreen()).origin).toBe('snapshot');
    }
  });
});

describe('name reference snapshot', () => {
  it('is read back as the same reference, so the index snapshot keyed by it is used', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-reference-'));
    try {
      const read = await nameReferenceFor(sharedDataPath('.'), dir);
      const readBack = await nameReferenceFor(sharedDataPath('.'), dir);
      expect(readBack).not.toBe(read);
      expect(readBack).toEqual(read);
      const cache = new IndexSnapshotCache(path.join(dir, 'index.snapshot'));
      expect(cache.keyOf([], readBack)).toBe(cache.keyOf([], read));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the fingerprint it was saved with, which is the content hash of the reference read back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-reference-'));
    try {
      await nameReferenceFor(sharedDataPath('.'), dir);
      const readBack = await nameReferenceFor(sharedDataPath('.'), dir);
      // A copy is hashed afresh (the fingerprint is remembered per object).
      expect(referenceFingerprint(readBack)).toBe(contentFingerprint(structuredClone(readBack)));
      expect(contentFingerprint({ ...readBack, orgTypes: [] })).not.toBe(referenceFingerprint(readBack));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rebuilds a corrupt reference snapshot rather than use it or its fingerprint', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-reference-'));
    try {
      const read = await nameReferenceFor(sharedDataPath('.'), dir);
      const file = path.join(dir, 'name-reference.snapshot');
      const bytes = readFileSync(file);
      bytes[bytes.length - 10] ^= 0xff;
      writeFileSync(file, bytes);
      const rebuilt = await nameReferenceFor(sharedDataPath('.'), dir);
      expect(rebuilt).toEqual(read);
      expect(referenceFingerprint(rebuilt)).toBe(contentFingerprint(read));
      expect(readFileSync(file).equals(bytes)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
