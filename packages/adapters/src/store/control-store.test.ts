import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { classifyEntries } from '../controls/classify-entries.ts';
import { loadControlLists, type ControlLoadReport } from '../controls/load-control-lists.ts';
import { PostgresControlStore } from './postgres-control-store.ts';

describe.skipIf(!hasSharedData()).each(storeTargets())('control-list store on $name', (target) => {
  let store: TestStore;
  let controls: PostgresControlStore;
  let first: ControlLoadReport;

  beforeAll(async () => {
    store = await target.open();
    controls = new PostgresControlStore(store.kysely);
    first = await loadControlLists(controls, { mirrorDir: SHARED_DATA });
  }, 240_000);

  afterAll(async () => {
    await store?.close();
  });

  it('loads every list version and the crosswalk once', () => {
    expect(first.lists.every((l) => l.created)).toBe(true);
    expect(first.lists.map((l) => `${l.id}@${l.version}`)).toEqual(
      expect.arrayContaining([
        'US@2026-07-23',
        'EU@2024-11-15',
        'EU@2025-11-15',
        'USML@2025-08-27',
        'WA@2024-12',
      ]),
    );
    expect(first.correspondences.created).toBe(true);
    expect(first.correspondences.byBasis['shared-regime-code']).toBeGreaterThan(300);
  });

  it('treats a second load of unchanged lists as a no-op', async () => {
    const again = await loadControlLists(controls, { mirrorDir: SHARED_DATA });
    expect(again.lists.some((l) => l.created)).toBe(false);
    expect(again.correspondences.created).toBe(false);
    expect((await controls.listControlVersions()).length).toBe(first.lists.length);
  }, 240_000);

  it('returns the list versions in force on a date', async () => {
    const before = (await controls.controlLists('2025-06-01')).find((l) => l.id === 'EU');
    const after = (await controls.controlLists('2025-12-01')).find((l) => l.id === 'EU');
    expect(before?.version).toBe('2024-11-15');
    expect(after?.version).toBe('2025-11-15');
    const us = (await controls.controlLists()).find((l) => l.id === 'US');
    expect(us?.entries.filter((e) => !e.parent)).toHaveLength(633);
  });

  it('stores the crosswalk links of an entry', async () => {
    const links = await controls.correspondences('US:3A001');
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          from: 'US:3A001',
          to: 'EU:3A001',
          type: 'same',
          basis: 'shared-regime-code',
        }),
        expect.objectContaining({ from: 'US:3A001', to: 'WA:3.A.1', type: 'same', basis: 'regime-origin' }),
      ]),
    );
  });

  it('keeps the citation of every link through the store (issue 13: no link without one)', async () => {
    const links = await controls.correspondences('US:3A001');
    expect(links.length).toBeGreaterThan(2);
    for (const l of links) expect(l.source?.citation, `${l.from} → ${l.to}`).toMatch(/\S/);
    // Shared code, both entries read (eCFR mirror, consolidated Annex I), headings agree: verified.
    expect(links.find((l) => l.to === 'EU:3A001')?.source).toMatchObject({
      status: 'verified',
      readIn: expect.stringContaining('dual-use-v1'),
    });
    // The Wassenaar list was not read: the link to it is unverified and says so.
    expect(links.find((l) => l.to === 'WA:3.A.1')?.source).toMatchObject({
      status: 'unverified',
      note: expect.stringContaining('WA:3.A.1 was not read'),
    });
  });

  it.each([
    ['radiation-hardened integrated circuit', 'US', '3A001'],
    ['radiation-hardened integrated circuit', 'EU', '3A001'],
    ['radiation-hardened microcontroller', 'US', '3A001.a'],
    ['encryption module with cryptography for data confidentiality', 'US', '5A002'],
    ['information security encryption module', 'EU', '5A002'],
    ['quantum computer qubits', 'EU', '4A506'],
  ] as const)('classifies "%s" in %s under %s', async (text, jurisdiction, code) => {
    const hits = await classifyEntries(store.kysely, text, { jurisdiction, limit: 5 });
    expect(hits.map((h) => h.entry.code).some((c) => c.startsWith(code))).toBe(true);
  });

  it('returns cross-walked counterparts with each hit', async () => {
    const hits = await classifyEntries(store.kysely, 'radiation-hardened integrated circuit', { limit: 10 });
    const hit = hits.find((h) => h.id === 'US:3A001.a.1');
    expect(hit?.counterparts.map((c) => c.to)).toEqual(expect.arrayContaining(['EU:3A001.a.1']));
    expect(hit?.matchedText).toMatch(/radiation hardened/i);
  });
});
