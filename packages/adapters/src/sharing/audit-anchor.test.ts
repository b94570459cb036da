import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { SharingStore } from './sharing-store.ts';

/** What an attacker with database access does first: switch off every audit trigger. */
const disableTriggers = (store: TestStore) =>
  sql`alter table audit_log disable trigger user; alter table audit_head disable trigger user`.execute(
    store.kysely,
  );

for (const target of storeTargets()) {
  describe(`anchored audit chain on ${target.name}`, () => {
    let store: TestStore;
    let sharing: SharingStore;
    const reasons = async (published?: { count: number; lastHash: string }) =>
      (await sharing.audit.verify(published)).problems.map((p) => p.reason);

    beforeAll(async () => {
      store = await target.open();
      sharing = new SharingStore(store.kysely);
    });
    afterAll(() => store.close());

    // One store per target (opening PGlite is slow); each test starts from a fresh six-entry log.
    beforeEach(async () => {
      await disableTriggers(store);
      await sql`truncate audit_log`.execute(store.kysely);
      await sql`delete from audit_head`.execute(store.kysely);
      await sql`insert into audit_head (id, count, last_hash, at) values (1, 0, ${'0'.repeat(64)}, null)`.execute(
        store.kysely,
      );
      await sql`alter table audit_log enable trigger user; alter table audit_head enable trigger user`.execute(
        store.kysely,
      );
      for (let i = 1; i <= 6; i++)
        await sharing.audit.append({
          actorUserId: 'u',
          actorOrgId: 'o',
          action: 'denial.read',
          targetType: 'denial',
          targetId: `d${i}`,
          outcome: 'ok',
          ip: 'local',
          details: {},
        });
    });

    it('passes an intact chain and keeps its head at the last entry', async () => {
      const result = await sharing.audit.verify();
      const last = await sql<{ hash: string }>`select hash from audit_log where seq = 6`.execute(
        store.kysely,
      );
      expect(result).toMatchObject({ ok: true, checked: 6, problems: [] });
      expect(result.head).toMatchObject({ count: 6, lastHash: last.rows[0]!.hash });
    });

    it('refuses TRUNCATE, and detects a truncation once the trigger is dropped', async () => {
      await expect(sql`truncate audit_log`.execute(store.kysely)).rejects.toThrow(/TRUNCATE refused/);
      await disableTriggers(store);
      await sql`truncate audit_log`.execute(store.kysely);
      const result = await sharing.audit.verify();
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        expect.objectContaining({
          reason: 'head-count-mismatch',
          message: expect.stringMatching(/records 6 entries but the log holds 0/),
        }),
      ]);
    });

    it('detects a deleted tail, and the next entry leaves a gap rather than hiding it', async () => {
      await disableTriggers(store);
      await sql`delete from audit_log where seq > 4`.execute(store.kysely);
      expect(await reasons()).toEqual(['head-count-mismatch']);
      await sharing.audit.append({
        actorUserId: 'u',
        actorOrgId: 'o',
        action: 'denial.list',
        targetType: null,
        targetId: null,
        outcome: 'ok',
        ip: 'local',
        details: {},
      });
      const after = await sharing.audit.verify();
      expect(after.firstBroken).toEqual({ seq: 5, reason: 'sequence-gap' });
      expect(after.problems.map((p) => p.reason)).toEqual(['head-count-mismatch']);
    });

    it('detects a deleted middle row and an edited row', async () => {
      await disableTriggers(store);
      await sql`update audit_log set target_id = 'forged' where seq = 2`.execute(store.kysely);
      expect((await sharing.audit.verify()).firstBroken).toEqual({ seq: 2, reason: 'hash-mismatch' });
      await sql`delete from audit_log where seq = 4`.execute(store.kysely);
      const result = await sharing.audit.verify();
      expect(result.ok).toBe(false);
      expect(await reasons()).toEqual(['head-count-mismatch']);
    });

    it('detects a log rolled back together with its head against a published head', async () => {
      const published = (await sharing.audit.head())!;
      expect(await reasons(published)).toEqual([]);
      await disableTriggers(store);
      const third = await sql<{
        hash: string;
        at: string;
      }>`select hash, at from audit_log where seq = 3`.execute(store.kysely);
      await sql`delete from audit_log where seq > 3`.execute(store.kysely);
      await sql`update audit_head set count = 3, last_hash = ${third.rows[0]!.hash}, at = ${third.rows[0]!.at}`.execute(
        store.kysely,
      );
      // Consistent with its own (rewritten) head, so only the published head shows the rollback.
      expect(await reasons()).toEqual([]);
      expect(await reasons(published)).toEqual(['behind-published-head']);
      expect((await sharing.audit.verify(published)).ok).toBe(false);
    });

    it('reports a missing head, and refuses to extend the log without one', async () => {
      await expect(sql`delete from audit_head`.execute(store.kysely)).rejects.toThrow(/cannot be deleted/);
      await disableTriggers(store);
      await sql`delete from audit_head`.execute(store.kysely);
      expect(await reasons()).toEqual(['head-missing']);
      await expect(
        sharing.audit.append({
          actorUserId: null,
          actorOrgId: null,
          action: 'x',
          targetType: null,
          targetId: null,
          outcome: 'ok',
          ip: null,
          details: {},
        }),
      ).rejects.toMatchObject({ code: 'internal-error' });
    });
  });
}
