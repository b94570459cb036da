import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { sql } from 'kysely';
import { buildParty, type NewListVersion, type Party } from '@entente/core';
import { migrate } from './migrate.ts';
import type { StoreTarget, TestStore } from '../test-support/store-targets.ts';

function person(sourceId: string, name: string, extra: Partial<Party> = {}): Party {
  return buildParty({
    source: 'test-list',
    sourceId,
    schema: 'person',
    names: [{ full: name, quality: 'primary' }],
    ...extra,
  });
}

function version(parties: Party[], publishedAt = '2024-01-01'): NewListVersion {
  return { source: 'test-list', publishedAt, format: 'custom-csv', files: ['x.csv'], parties, warnings: [] };
}

/**
 * The behaviour every store must have, run once per target (PGlite, PostgreSQL).
 * The output names the target, so CI shows that both ran.
 */
export function runStoreContract(target: StoreTarget): void {
  describe(`store contract on ${target.name}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('reports its kind and applied migrations', () => {
      expect(store.info().kind).toBe(target.name);
      expect(store.info().migrations[0]).toBe('001-meta.sql');
    });

    it('applies migrations idempotently, also twice at once', async () => {
      const before = store.info().migrations;
      const [a, b] = await Promise.all([migrate(store.kysely), migrate(store.kysely)]);
      expect(a).toEqual(before);
      expect(b).toEqual(before);
    });

    it('saves a version and reads its parties back whole', async () => {
      const p = person('1', 'Ivan Petrov', {
        birthDates: [{ value: '1960-05', precision: 'month' }],
        countries: [{ code: 'RU', role: 'nationality' }],
      });
      const { version: v, created } = await store.saveListVersion(version([p, person('2', 'Anna Ivanova')]));
      expect(created).toBe(true);
      expect(v.recordCount).toBe(2);
      const parties = await store.partiesOfVersion(v.id);
      expect(parties.map((x) => x.party.names[0]?.full)).toEqual(['Ivan Petrov', 'Anna Ivanova']);
      expect(parties[0]?.party).toEqual(p);
      expect((await store.getParty('test-list:1'))?.party.birthDates).toEqual([
        { value: '1960-05', precision: 'month' },
      ]);
    });

    it('treats identical content as a no-op', async () => {
      const first = await store.saveListVersion(version([person('1', 'A B')]));
      const again = await store.saveListVersion(version([person('1', 'A B')], '2024-02-01'));
      expect(again.created).toBe(false);
      expect(again.version.id).toBe(first.version.id);
      expect(await store.listVersions('test-list')).toHaveLength(1);
    });

    it('rejects a version with duplicate ids and leaves the store as it was', async () => {
      await expect(
        store.saveListVersion(version([person('1', 'A'), person('1', 'B')])),
      ).rejects.toMatchObject({
        code: 'file-rejected',
      });
      expect(await store.counts()).toMatchObject({ list_versions: 0, parties: 0 });
    });

    it('rolls back a whole version when a write fails midway', async () => {
      await store.saveListVersion(version([person('1', 'Kept')]));
      // A NUL byte cannot be stored in PostgreSQL text/jsonb: the failing row comes after 500 good ones.
      const bad = [
        ...Array.from({ length: 500 }, (_, i) => person(`ok${i}`, `Name ${i}`)),
        person('bad', 'Bad\u0000Name'),
      ];
      await expect(store.saveListVersion(version(bad, '2024-03-01'))).rejects.toThrow();
      expect(await store.counts()).toMatchObject({ list_versions: 1, parties: 1 });
      expect((await store.latestVersions())[0]?.publishedAt).toBe('2024-01-01');
    });

    it('orders versions by publication date and diffs them field by field', async () => {
      await store.saveListVersion(version([person('1', 'A'), person('2', 'B')], '2024-01-01'));
      await store.saveListVersion(
        version([person('1', 'A', { programs: ['SDGT'] }), person('3', 'C')], '2024-02-01'),
      );
      const latest = await store.latestVersions();
      expect(latest.map((v) => v.publishedAt)).toEqual(['2024-02-01']);
      const diff = await store.diffVersions('test-list');
      // Compared in SQL: each entry carries its own version's source id and name, unchanged parties none.
      expect(diff.added).toEqual([{ entityId: 'test-list:3', sourceId: '3', name: 'C' }]);
      expect(diff.removed).toEqual([{ entityId: 'test-list:2', sourceId: '2', name: 'B' }]);
      expect(diff.changed).toEqual([
        { entityId: 'test-list:1', sourceId: '1', name: 'A', fields: ['programs'] },
      ]);
    });

    it('finds parties in latest versions by UN reference number', async () => {
      await store.saveListVersion(version([person('1', 'X', { unReference: 'QDi.001' }), person('2', 'Y')]));
      const hits = await store.partiesByUnReference('QDi.001');
      expect(hits.map((h) => h.entityId)).toEqual(['test-list:1']);
    });

    it('notifies watchers when a new list version is stored', async () => {
      let notified = 0;
      const stop = await store.watchListVersions(() => notified++);
      await store.saveListVersion(version([person('1', 'A')]));
      for (let i = 0; i < 50 && notified === 0; i++) await new Promise((r) => setTimeout(r, 100));
      await stop();
      expect(notified).toBeGreaterThan(0);
    });

    it('has pg_trgm available for similarity queries', async () => {
      const r = await sql<{ s: number }>`select similarity('word', 'words') as s`.execute(store.kysely);
      expect(r.rows[0]?.s).toBeGreaterThan(0.5);
    });
  });
}
