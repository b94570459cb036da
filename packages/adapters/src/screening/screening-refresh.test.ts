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
