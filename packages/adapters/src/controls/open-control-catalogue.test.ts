import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { determine, isDomainError } from '@entente/core';
import { LIST_FORMATS } from '../ingest/formats.ts';
import { syncMirror, type SyncReport } from '../import/sync-mirror.ts';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { expandDescription } from './classify-product.ts';
import { findGaps } from './find-gaps.ts';
import { ControlCatalogueSource, type OpenedCatalogue } from './open-control-catalogue.ts';

/** A mirror with the real controls/ and a lists/ folder holding nothing importable. */
function controlsOnlyMirror(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-mirror-'));
  mkdirSync(path.join(dir, 'lists'));
  writeFileSync(path.join(dir, 'lists', 'notes.txt'), 'nothing to import\n');
  symlinkSync(path.join(SHARED_DATA, 'controls'), path.join(dir, 'controls'));
  return dir;
}

describe.skipIf(!hasSharedData()).each(storeTargets())('control catalogue on $name', (target) => {
  let store: TestStore;
  let report: SyncReport;
  let source: ControlCatalogueSource;
  let opened: OpenedCatalogue;

  beforeAll(async () => {
    store = await target.open();
    report = await syncMirror(store, LIST_FORMATS, controlsOnlyMirror());
    source = new ControlCatalogueSource(store.kysely, { mirrorDir: SHARED_DATA });
    opened = await source.get();
  }, 240_000);
  afterAll(() => store?.close());

  it('loads the control lists during sync and reports them', () => {
    expect(report.controls?.lists).toHaveLength(10);
    expect(report.controls?.correspondences).toMatchObject({ created: true, count: 1806 });
    expect(report.skipped.map((s) => path.basename(s.path))).toEqual(['notes.txt']);
  });

  it('keeps one catalogue until the stored lists change', async () => {
    expect(await source.get()).toBe(opened);
    await store.kysely
      .insertInto('meta')
      .values({ key: 'control-crosswalk-hash', value: '"changed"' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: '"changed"' }))
      .execute();
    const reloaded = await source.get();
    expect(reloaded).not.toBe(opened);
    expect(reloaded.catalogue.lists).toHaveLength(9);
  });

  it.each([
    ['EU', '3A001.a.1.b', '3A001.a.1'],
    ['UK', 'ML5', 'ML5'],
    ['JP', '7', '7'],
    ['JP', '3A001.a.1', '7'],
    ['JP', '1C350', '3'],
    ['JP', '1C351', '3-2'],
    ['JP', 'ML4', '1'],
  ] as const)('looks %s %s up as entry %s', async (j, code, expected) => {
    expect((await opened.determinationData()).lookup(j, code)?.code).toBe(expected);
  });

  it('suggests the cross-walked counterpart for a code of another list', async () => {
    const data = await opened.determinationData();
    expect(data.suggest?.('EU', '3A904')).toEqual(['EU:3A504', 'US:3A904']);
    try {
      determine(data, { jurisdiction: 'US', item: '4A506', to: 'CN' });
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.details).toMatchObject({
        field: 'item',
        suggestions: ['US:4A906', 'EU:4A506'],
      });
    }
  });

  it('limits gaps to a category and leaves Japan out with a note', () => {
    const report = findGaps(opened.catalogue, { jurisdictions: ['US', 'EU', 'JP'], category: 3 });
    expect(report.jurisdictions).toEqual(['US', 'EU']);
    expect(report.notes).toHaveLength(2);
    expect(report.notes[1]).toMatch(/munitions pair\(s\) not compared: the EU Common Military List/);
    expect(report.gaps.every((g) => /^[A-Z]+:3/.test(g.entry))).toBe(true);
    expect(() => findGaps(opened.catalogue, { jurisdictions: ['US'] })).toThrow(/two or more/);
  });
});

describe('expandDescription', () => {
  it.each([
    ['encryption module', 'encryption module cryptography'],
    ['rad-hard chips', 'rad-hard chips integrated circuit radiation hardened'],
    ['quadcopter drone', 'quadcopter drone unmanned aerial vehicle'],
    ['machine tool', 'machine tool'],
  ])('expands "%s" to "%s"', (text, expanded) => {
    expect(expandDescription(text)).toBe(expanded);
  });
});
