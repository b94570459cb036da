import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../../adapters/src/test-support/store-targets.ts';
import { openSharingApp, sampleDenial, type SharingApp } from './sharing-fixture.ts';

for (const target of storeTargets()) {
  describe(`audit route on ${target.name}`, () => {
    let t: SharingApp;
    beforeAll(async () => {
      t = await openSharingApp(target);
      await t.call('uk', 'POST', '/denials', sampleDenial());
      await t.call('de', 'GET', '/denials');
    });
    afterAll(() => t.close());

    it('gives an agency admin its own organisation’s entries only', async () => {
      const entries = (await (await t.call('ukAdmin', 'GET', '/audit?limit=50')).json()) as {
        actorOrgId: string;
        action: string;
      }[];
      expect(entries.length).toBeGreaterThan(0);
      expect(new Set(entries.map((e) => e.actorOrgId))).toEqual(new Set([t.world.orgs.uk.id]));
      expect(entries.map((e) => e.action)).toContain('denial.create');
    });

    it('refuses non-admins and exporters', async () => {
      expect((await t.call('uk', 'GET', '/audit')).status).toBe(403);
      expect((await t.call('exporter', 'GET', '/audit')).status).toBe(403);
    });

    it('records reads of shared data with who, what, when and from where', async () => {
      const rows = await sql<{
        action: string;
        actor_org_id: string;
        at: string;
        ip: string;
      }>`select action, actor_org_id, at, ip from audit_log where action = 'denial.list'`.execute(
        t.store.kysely,
      );
      expect(rows.rows[0]).toMatchObject({
        action: 'denial.list',
        actor_org_id: t.world.orgs.de.id,
        ip: 'unknown',
      });
    });

    it('verifies the chain, and fails on the row altered in the database', async () => {
      expect((await t.world.sharing.audit.verify()).ok).toBe(true);
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.store.kysely);
      await sql`update audit_log set ip = '203.0.113.9' where seq = 5`.execute(t.store.kysely);
      expect((await t.world.sharing.audit.verify()).firstBroken).toEqual({ seq: 5, reason: 'hash-mismatch' });
    });
  });
}
