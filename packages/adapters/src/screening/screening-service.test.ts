import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import { LIST_FORMATS } from '../ingest/formats.ts';
import { findFormat, importList } from '../import/import-list.ts';
import { sharedDataPath } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { nameReferenceFor, ScreeningService } from './screening-service.ts';

const UN = sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml');
const UK = sharedDataPath('lists/uk/ofsi-conlist-fixture/ConList.csv');

/** Subjects whose matches must be the same whether screened in a worker or in process. */
const SUBJECTS = [
  { name: 'Tharwat Salah Shehata', schema: 'person' as const },
  { name: 'Farooq al-Qahtani' },
  { name: 'Margarethe Quillfeather-Oyelaran' },
  { name: 'Ахмад Шах', country: 'AF' },
];

describe.each(storeTargets())('screening service with worker threads ($name)', (target) => {
  let store: TestStore;
  let inProcess: ScreeningService;
  let pooled: ScreeningService;
  const workerErrors: unknown[] = [];

  beforeAll(async () => {
    store = await target.open();
    await importList(store, findFormat(LIST_FORMATS, 'un-sc-xml'), [UN]);
    const reference = await nameReferenceFor(sharedDataPath('.'));
    inProcess = await ScreeningService.open(store, reference);
    pooled = await ScreeningService.open(store, reference, {
      workers: 2,
      deltaWorker: true,
      onWorkerError: (e) => workerErrors.push(e),
    });
  }, 120_000);
  afterAll(async () => {
    await pooled.close();
    await inProcess.close();
    await store.close();
  });

  /** The latest uk-ofsi version's parties, and a save of a new version of some of them. */
  async function latestUk() {
    const uk = (await store.latestVersions()).find((v) => v.source === 'uk-ofsi')!;
    const parties = (await store.partiesOfVersion(uk.id)).map((p) => p.party);
    const save = (publishedAt: string, kept: typeof parties) =>
      store.saveListVersion({
        source: 'uk-ofsi',
        publishedAt,
        format: uk.format,
        files: [],
        parties: kept,
        warnings: [],
      });
    return { uk, parties, save };
  }

  it('screens in the workers once they have built their indexes, with the same matches', async () => {
    expect(await pooled.workersReady()).toBe(true);
    expect(await inProcess.workersReady()).toBe(false);
    for (const subject of SUBJECTS) {
      expect(await pooled.screen(subject, { limit: 5 }, null)).toEqual(
        await inProcess.screen(subject, { limit: 5 }, null),
      );
    }
    expect((await pooled.screen(SUBJECTS[0]!, {}, null))[0]?.entityId).toMatch(/^un-sc:QDi\./);
    expect(workerErrors).toEqual([]);
  });

  it('reads a name in Han characters in the workers, which decode the Han readings on first use', async () => {
    // 金英哲 is found as KIM YONG CHOL only through its Korean reading.
    const subject = { name: '金英哲', schema: 'person' as const };
    const matches = await pooled.screen(subject, { limit: 3 }, null);
    expect(matches[0]?.name).toMatch(/KIM YONG CHOL/i);
    expect(matches).toEqual(await inProcess.screen(subject, { limit: 3 }, null));
    expect(workerErrors).toEqual([]);
  });

  it('passes invalid options back as the same domain error', async () => {
    const error = await pooled.screen({ name: 'Shehata' }, { threshold: 2 }, null).catch((e: unknown) => e);
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid-input', details: { field: 'threshold' } });
  });

  it('answers concurrent subjects each with its own matches', async () => {
    const names = Array.from({ length: 40 }, (_, k) => SUBJECTS[k % SUBJECTS.length]!);
    const results = await Promise.all(names.map((s) => pooled.screen(s, { limit: 3 }, null)));
    for (let k = 0; k < names.length; k++)
      expect(results[k]).toEqual(await inProcess.screen(names[k]!, { limit: 3 }, null));
  });

  it('screens a newly imported list at once, and in new workers once they are ready', async () => {
    await importList(store, findFormat(LIST_FORMATS, 'uk-ofsi-csv'), [UK], { publishedAt: '2026-11-01' });
    await pooled.refresh();
    const query = { name: 'Farooq al-Qahtani', sources: ['uk-ofsi'] };
    // The old workers hold the old lists: until new ones are ready, screening runs in process.
    expect((await pooled.screen(query, {}, null)).length).toBeGreaterThan(0);
    expect(await pooled.workersReady()).toBe(true);
    const hits = await pooled.screen(query, {}, null);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.source === 'uk-ofsi')).toBe(true);
    expect(workerErrors).toEqual([]);
  });

  it('holds the workers on the old lists back while held: screens the new version in process, then in new workers', async () => {
    const query = { name: 'Farooq al-Qahtani', sources: ['uk-ofsi'] };
    const found = await pooled.screen(query, {}, null);
    expect(found.length).toBeGreaterThan(0);
    // A new version of the list without the parties found.
    const gone = new Set(found.map((h) => h.entityId));
    const uk = (await store.latestVersions()).find((v) => v.source === 'uk-ofsi')!;
    const parties = (await store.partiesOfVersion(uk.id))
      .filter((p) => !gone.has(p.entityId))
      .map((p) => p.party);
    expect(await pooled.workersReady()).toBe(true);
    const release = pooled.holdWorkers();
    const releaseToo = pooled.holdWorkers();
    await store.saveListVersion({
      source: 'uk-ofsi',
      publishedAt: '2026-11-08',
      format: uk.format,
      files: [],
      parties,
      warnings: [],
    });
    await pooled.refresh();
    // The old workers are gone, no new ones start while held: the patched index answers.
    expect(await pooled.workersReady()).toBe(false);
    expect(await pooled.screen(query, {}, null)).toEqual([]);
    release();
    expect(await pooled.workersReady()).toBe(false);
    releaseToo();
    releaseToo();
    expect(await pooled.workersReady()).toBe(true);
    const before = pooled.workerActivity().reduce((n, w) => n + w.active, 0);
    expect(await pooled.screen(query, {}, null)).toEqual([]);
    expect(await pooled.screen(SUBJECTS[0]!, { limit: 5 }, null)).toEqual(
      await inProcess.screen(SUBJECTS[0]!, { limit: 5 }, null),
    );
    expect(pooled.workerActivity().reduce((n, w) => n + w.active, 0)).toBeGreaterThan(before);
    expect(workerErrors).toEqual([]);
  });

  it('starts held workers at once when resumed (a full monitoring run screens on them)', async () => {
    const release = pooled.holdWorkers();
    const uk = (await store.latestVersions()).find((v) => v.source === 'uk-ofsi')!;
    const parties = (await store.partiesOfVersion(uk.id)).map((p) => p.party);
    await store.saveListVersion({
      source: 'uk-ofsi',
      publishedAt: '2026-11-15',
      format: uk.format,
      files: [],
      parties: parties.slice(1),
      warnings: [],
    });
    await pooled.refresh();
    expect(await pooled.workersReady()).toBe(false);
    pooled.resumeWorkers();
    expect(await pooled.workersReady()).toBe(true);
    release();
    expect(await pooled.workersReady()).toBe(true);
    expect(workerErrors).toEqual([]);
  });

  it('holds the workers for an index-change hook from inside the refresh until it releases', async () => {
    expect(await pooled.workersReady()).toBe(true);
    let release: (() => void) | undefined;
    const unhook = pooled.onIndexChange((r) => (release = r));
    const { parties, save } = await latestUk();
    await save('2026-11-22', parties.slice(1));
    // Nobody held before the refresh: the hook's hold, taken in it, keeps the workers back.
    await pooled.refresh();
    unhook();
    expect(release).toBeDefined();
    expect(await pooled.workersReady()).toBe(false);
    release!();
    expect(await pooled.workersReady()).toBe(true);
    // Unhooked: the next refresh restarts the workers at once.
    await save('2026-11-29', parties.slice(2));
    await pooled.refresh();
    expect(await pooled.workersReady()).toBe(true);
    expect(workerErrors).toEqual([]);
  });

  it('keeps a delta worker across list versions, patched by each refresh as the index is, never on old lists', async () => {
    const fresh = async () => ScreeningService.open(store, pooled.reference);
    /** The delta worker's matches (checked to be its own) equal those of an index read from the store. */
    const expectCurrent = async (queries: { name: string; sources?: string[] }[]) => {
      const before = pooled.deltaWorkerActivity()!;
      const beside = await pooled.matchBeside(queries, { limit: 5 });
      expect(pooled.deltaWorkerActivity()!).toBeGreaterThan(before);
      const reread = await fresh();
      expect(beside).toEqual(await reread.matchMany(queries, { limit: 5 }));
      await reread.close();
    };
    const { uk, parties, save } = await latestUk();
    const query = { name: parties[5]!.names[0]!.full, sources: ['uk-ofsi'] };
    await save('2026-12-01', parties);
    await pooled.refresh();
    expect(pooled.deltaWorkerReady()).toBe(false);
    await pooled.startDeltaWorker();
    expect(pooled.deltaWorkerReady()).toBe(true);
    const found = await pooled.matchBeside([query], {});
    expect(found[0]!.length).toBeGreaterThan(0);
    await expectCurrent([...SUBJECTS, query]);
    // A new version without the parties found, while the pool is held (a delta): the worker is
    // patched in the refresh, not restarted, and no longer finds them.
    const gone = new Set(found[0]!.map((m) => m.entityId));
    const release = pooled.holdWorkers();
    await save(
      '2026-12-02',
      parties.filter((p) => !gone.has(`uk-ofsi:${p.sourceId}`)),
    );
    await pooled.refresh();
    expect(await pooled.workersReady()).toBe(false);
    expect(pooled.deltaWorkerReady()).toBe(true);
    expect((await pooled.matchBeside([query], {}))[0]).toEqual([]);
    await expectCurrent([...SUBJECTS, query]);
    release();
    // Another version (the parties back): patched again.
    await save('2026-12-03', parties);
    await pooled.refresh();
    expect(pooled.deltaWorkerReady()).toBe(true);
    await expectCurrent([...SUBJECTS, query]);
    // A refresh while a new worker starts (here after a source new to the index, which drops the
    // patched one): the starting one holds the old lists and is not used; a worker at the
    // current lists, or none, screens.
    await store.saveListVersion({
      source: 'other-list',
      publishedAt: '2026-12-04',
      format: uk.format,
      files: [],
      parties: parties.slice(0, 3),
      warnings: [],
    });
    await pooled.refresh();
    expect(pooled.deltaWorkerReady()).toBe(false);
    const starting = pooled.startDeltaWorker();
    await save('2026-12-05', parties.slice(1));
    await pooled.refresh();
    await starting;
    if (pooled.deltaWorkerReady()) await expectCurrent([...SUBJECTS, query]);
    await pooled.startDeltaWorker();
    expect(pooled.deltaWorkerReady()).toBe(true);
    await expectCurrent([...SUBJECTS, query]);
    expect(workerErrors).toEqual([]);
  });
});
