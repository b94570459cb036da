import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFormat, importList, LIST_FORMATS, PostgresControlStore } from '@entente/adapters';
import {
  formatFixture,
  hasSharedData,
  SHARED_DATA,
  storeTargets,
  type TestStore,
} from '@entente/adapters/testing';
import { bootstrapStore } from './bootstrap.ts';

const WATCH_LIST = formatFixture('custom-csv', 'watch-list.csv');
const [pglite] = storeTargets();

describe('bootstrapStore without a mirror', () => {
  it('loads the control lists shipped with Entente when the party lists are loaded and no mirror exists', async () => {
    const store = await pglite!.open();
    try {
      await importList(store, findFormat(LIST_FORMATS, 'custom-csv'), [WATCH_LIST], { listName: 'watch' });
      const log: string[] = [];
      const config = {
        store: { dataDir: 'memory://' },
        mirrorDir: '/nonexistent/mirror',
        sourcesDir: '/nonexistent/sources',
        port: 0,
      };
      await bootstrapStore(store, config, (l) => log.push(l));
      expect(log[0]).toContain('no control lists stored and no mirror directory at /nonexistent/mirror');
      expect(log[0]).not.toContain('empty store');
      const controls = new PostgresControlStore(store.kysely);
      expect(new Set((await controls.listControlVersions()).map((v) => v.listId))).toEqual(
        new Set(['EU', 'UK', 'JP', 'WA', 'AG']),
      );
      expect(log.join('\n')).toContain('USML');
      expect((await store.latestVersions()).map((v) => v.source)).toEqual(['custom:watch']);
      const again: string[] = [];
      await bootstrapStore(store, config, (l) => again.push(l));
      expect(again).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe.skipIf(!hasSharedData())('bootstrapStore', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await pglite!.open();
  });
  afterAll(() => store?.close());

  it('loads the control lists alone when party lists are loaded but the control tables are empty', async () => {
    await importList(store, findFormat(LIST_FORMATS, 'custom-csv'), [WATCH_LIST], { listName: 'watch' });
    const log: string[] = [];
    await bootstrapStore(store, { store: { dataDir: 'memory://' }, mirrorDir: SHARED_DATA, port: 0 }, (l) =>
      log.push(l),
    );
    expect(log[0]).toContain('loading the control lists');
    expect(await new PostgresControlStore(store.kysely).listControlVersions()).toHaveLength(10);
    expect((await store.latestVersions()).map((v) => v.source)).toEqual(['custom:watch']);
    const again: string[] = [];
    await bootstrapStore(store, { store: { dataDir: 'memory://' }, mirrorDir: SHARED_DATA, port: 0 }, (l) =>
      again.push(l),
    );
    expect(again).toEqual([]);
  }, 120_000);
});
