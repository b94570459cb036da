import { describe, expect, it } from 'vitest';
import { buildParty, DEFAULT_NAME_REFERENCE, type NewListVersion } from '@entente/core';
import { storeTargets } from '../test-support/store-targets.ts';
import { ScreeningService } from './screening-service.ts';

function version(source: string, names: string[]): NewListVersion {
  const parties = names.map((name, i) =>
    buildParty({
      source,
      sourceId: String(i),
      schema: 'organization',
      names: [{ full: name, quality: 'primary' }],
    }),
  );
  return { source, publishedAt: '2026-01-01', format: 'custom-csv', files: ['x.csv'], parties, warnings: [] };
}

// PGlite only: its single connection runs queries in the order they are asked, so the
// first refresh surely reads the versions before list-b is stored (on a pool it may not).
describe('screening index refresh', () => {
  it('reads the versions again when asked while a refresh is running', async () => {
    const store = await storeTargets()[0]!.open();
    try {
      const service = await ScreeningService.open(store, DEFAULT_NAME_REFERENCE);
      // A list long enough that indexing it outlasts storing the next one.
      await store.saveListVersion(
        version(
          'list-a',
          Array.from({ length: 1000 }, (_, i) => `Alpha Trading Company Number ${i}`),
        ),
      );
      const first = service.refresh();
      await store.saveListVersion(version('list-b', ['Bravo Shipping Limited']));
      // Told of list-b (as a notification would) while the first refresh may have read before it.
      const second = service.refresh();
      await Promise.all([first, second]);
      expect(service.sources()).toEqual(['list-a', 'list-b']);
      await service.close();
    } finally {
      await store.close();
    }
  });
});

describe.each(storeTargets())('screening index refresh on a new version ($name)', (target) => {
  it('applies what differs: added, changed and removed parties, and the rest now of the new version', async () => {
    const store = await target.open();
    try {
      const older = version('list-c', [
        'Alpha Trading Company',
        'Bravo Shipping Limited',
        'Charlie Metals Works',
      ]);
      const v1 = (await store.saveListVersion(older)).version;
      const service = await ScreeningService.open(store, DEFAULT_NAME_REFERENCE);
      const [alpha, bravo] = older.parties;
      const newer: NewListVersion = {
        ...older,
        publishedAt: '2026-02-01',
        parties: [
          alpha!,
          { ...bravo!, names: [...bravo!.names, { full: 'Zulu Maritime Agency', quality: 'strong' }] },
          ...version('list-c', ['', '', '', 'Delta Aviation Holdings']).parties.slice(3),
        ],
      };
      const v2 = (await store.saveListVersion(newer)).version;
      const found = async (name: string) =>
        (await service.matchMany([{ name }], { limit: 3 }))[0]!.map((m) => [m.entityId, m.versionId]);
      expect(await found('Alpha Trading Company')).toEqual([['list-c:0', v1.id]]);
      await service.refresh();
      expect(await found('Alpha Trading Company')).toEqual([['list-c:0', v2.id]]);
      expect(await found('Zulu Maritime Agency')).toEqual([['list-c:1', v2.id]]);
      expect(await found('Charlie Metals Works')).toEqual([]);
      expect(await found('Delta Aviation Holdings')).toEqual([['list-c:3', v2.id]]);
      expect(service.state().versions.map((v) => v.id)).toEqual([v2.id]);
      await service.close();
    } finally {
      await store.close();
    }
  });
});
