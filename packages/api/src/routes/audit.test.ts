import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '@entente/adapters/testing';
import { openSharingApp, sampleDenial, type SharingApp } from './sharing-fixture.ts';

for (const target of storeTargets()) {
  describe(`audit route on ${target.name}`, () => {
    let t: SharingApp;
    let denialId: string;
    beforeAll(async () => {
      t = await openSharingApp(target);
      denialId = ((await (await t.call('uk', 'POST', '/denials', sampleDenial())).json()) as { id: string })
        .id;
      await t.call('de', 'GET', '/denials');
      await t.call('de', 'GET', `/denials/${denialId}`);
      await t.call('af', 'GET', '/denials');
    });
    afterAll(() => t.close());

    it('gives an agency admin its own entries and other agencies’ reads of its denials, nothing else', async () => {
      const entries = (await (await t.call('ukAdmin', 'GET', '/audit?limit=50')).json()) as {
        actorOrgId: string;
        actorUserId: string;
        action: string;
        at: string;
        ip: string | null;
        details: object;
        denialsRead?: string[];
      }[];
      const own = entries.filter((e) => e.actorOrgId === t.world.orgs.uk.id);
      const others = entries.filter((e) => e.actorOrgId !== t.world.orgs.uk.id);
      expect(own.map((e) => e.action)).toContain('denial.create');
      // Who (BAFA's officer), when, which denial; BAFA's address and details stay withheld.
      expect(others).toEqual([
        expect.objectContaining({
          action: 'denial.read',
          actorOrgId: t.world.orgs.de.id,
          actorUserId: t.world.actors.de.userId,
          at: expect.any(String),
          ip: null,
          details: {},
          denialsRead: [denialId],
        }),
        expect.objectContaining({
          action: 'denial.list',
          actorOrgId: t.world.orgs.de.id,
          denialsRead: [denialId],
        }),
      ]);
      expect(own.every((e) => e.denialsRead === undefined)).toBe(true);
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

    it('publishes the chain head to agency admins: the count and hash of the last entry', async () => {
      const head = (await (await t.call('ukAdmin', 'GET', '/audit/head')).json()) as { count: number };
      const verified = await t.world.sharing.audit.verify();
      expect(verified.problems).toEqual([]);
      expect(head).toEqual(verified.head);
      expect(head.count).toBe(verified.checked);
      expect((await t.call('uk', 'GET', '/audit/head')).status).toBe(403);
    });

    it('counts anonymous refusals without chaining them, and shows the counts to agency admins', async () => {
      const entries = async () =>
        Number(
          (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.store.kysely))
            .rows[0]!.n,
        );
      const before = await entries();
      for (let i = 0; i < 40; i++) expect((await t.call(null, 'GET', '/denials')).status).toBe(401);
      for (let i = 0; i < 5; i++)
        expect(
          (await t.call(null, 'GET', `/denials/den_${i}`, undefined, { authorization: 'Bearer wrong-token' }))
            .status,
        ).toBe(401);
      expect(await entries()).toBe(before);
      const counts = (await (await t.call('ukAdmin', 'GET', '/audit/refusals')).json()) as {
        route: string;
        reason: string;
        count: number;
      }[];
      expect(counts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ route: 'GET /denials', reason: '401', count: 40 }),
          expect.objectContaining({ route: 'GET /denials/:id', reason: 'unauthenticated', count: 5 }),
        ]),
      );
      // A signed-in caller refused shared data is still audited in the chain.
      expect((await t.call('exporter', 'GET', '/denials')).status).toBe(403);
      expect(await entries()).toBe(before + 1);
    });

    it('verifies the chain, and fails on the row altered in the database', async () => {
      expect((await t.world.sharing.audit.verify()).ok).toBe(true);
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.store.kysely);
      await sql`update audit_log set ip = '203.0.113.9' where seq = 5`.execute(t.store.kysely);
      expect((await t.world.sharing.audit.verify()).firstBroken).toEqual({ seq: 5, reason: 'hash-mismatch' });
    });
  });
}
