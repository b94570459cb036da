import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { sql } from 'kysely';
import type { ClearanceAuthor, NewClearance } from '@entente/core';
import { sharingStoreFor } from '../sharing/sharing-store.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import type { SharingStore } from '../sharing/sharing-store.ts';
import type { StoreTarget, TestStore } from '../test-support/store-targets.ts';

const SUBJECT_KEY = 'ivan petrov|RU|';

function clearance(orgId: string, overrides: Partial<NewClearance> = {}): NewClearance {
  return {
    orgId,
    subject: { name: 'Ivan  Petrov', country: 'ru' },
    entityId: 'test-list:1',
    reason: 'Different person: born 1990, customer since 2015',
    clearedBy: 'user-1',
    expiresAt: '2030-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * The clearance store's behaviour on every target (PGlite, PostgreSQL): clearances and
 * screening counters belong to one organisation, and creating and revoking are audited.
 */
export function runClearanceStoreContract(target: StoreTarget): void {
  describe(`clearance store contract on ${target.name}`, () => {
    let store: TestStore;
    let sharing: SharingStore;
    let a: string;
    let b: string;
    let byA: ClearanceAuthor;
    let byB: ClearanceAuthor;
    beforeEach(async () => {
      store = await target.open();
      sharing = sharingStoreFor(store);
      a = (await sharing.orgs.createOrg({ name: 'Widget Exports Ltd', kind: 'exporter' }, CLI_SOURCE)).id;
      b = (await sharing.orgs.createOrg({ name: 'Gadget Trading plc', kind: 'exporter' }, CLI_SOURCE)).id;
      byA = { userId: 'user-a', orgId: a, ip: '192.0.2.1' };
      byB = { userId: 'user-b', orgId: b, ip: '192.0.2.2' };
    });
    afterEach(async () => {
      await store.close();
    });

    it('records clearances with organisation, author, reason and expiry, and revokes them', async () => {
      const c = await store.saveClearance(clearance(a), byA);
      expect(c).toMatchObject({ orgId: a, subjectKey: SUBJECT_KEY, clearedBy: 'user-1' });
      expect(await store.clearances(a, SUBJECT_KEY)).toEqual([c]);
      const revoked = await store.revokeClearance(a, c.id, byA);
      expect(revoked.revokedAt).toBeDefined();
      await expect(store.revokeClearance(a, c.id, byA)).rejects.toMatchObject({ code: 'not-found' });
      await expect(store.saveClearance(clearance(a, { reason: '  ' }), byA)).rejects.toMatchObject({
        code: 'invalid-input',
      });
      await expect(store.saveClearance(clearance('org_nowhere'), byA)).rejects.toMatchObject({
        code: 'not-found',
      });
    });

    it("keeps an organisation's clearances from every other organisation", async () => {
      const c = await store.saveClearance(clearance(a), byA);
      expect(await store.clearances(b, SUBJECT_KEY)).toEqual([]);
      expect(await store.clearances(b)).toEqual([]);
      await expect(store.revokeClearance(b, c.id, byB)).rejects.toMatchObject({
        code: 'not-found',
        message: `No active clearance ${c.id}`,
      });
      expect((await store.clearances(a))[0]?.revokedAt).toBeUndefined();
      const own = await store.saveClearance(clearance(b, { reason: 'Checked the passport' }), byB);
      expect(await store.clearances(b, SUBJECT_KEY)).toEqual([own]);
      expect(await store.clearances(a, SUBJECT_KEY)).toEqual([c]);
    });

    it('appends every creation, revocation and refused revocation to the audit chain', async () => {
      const c = await store.saveClearance(clearance(a), byA);
      await store.revokeClearance(b, c.id, byB).catch(() => undefined);
      await store.revokeClearance(a, c.id, byA);
      const entries = await sql<{ action: string; outcome: string; actor_org_id: string; target_id: string }>`
        select action, outcome, actor_org_id, target_id from audit_log
        where action like 'clearance.%' order by seq`.execute(store.kysely);
      expect(entries.rows).toEqual([
        { action: 'clearance.create', outcome: 'ok', actor_org_id: a, target_id: c.id },
        { action: 'clearance.revoke', outcome: 'denied', actor_org_id: b, target_id: c.id },
        { action: 'clearance.revoke', outcome: 'ok', actor_org_id: a, target_id: c.id },
      ]);
      expect(await sharing.audit.verify()).toMatchObject({ ok: true });
    });

    it('keeps the listings a subject clearance covers, and audits them', async () => {
      const listings = ['un-sc:IRi.039', 'eu-sanctions:x/38', 'us-ofac-sdn:10481'];
      const c = await store.saveClearance(clearance(a, { entityId: 'un-sc:IRi.039', listings }), byA);
      expect(c.listings).toEqual(listings);
      expect(await store.clearances(a, SUBJECT_KEY)).toEqual([c]);
      const one = await store.saveClearance(clearance(a), byA);
      expect(one.listings).toBeUndefined();
      await expect(store.saveClearance(clearance(a, { listings: [] }), byA)).rejects.toMatchObject({
        code: 'invalid-input',
        details: { field: 'listings' },
      });
      const audited = await sql<{ details: { listings?: string } }>`
        select details from audit_log where action = 'clearance.create' and target_id = ${c.id}`.execute(
        store.kysely,
      );
      expect(JSON.parse(audited.rows[0]!.details.listings!)).toEqual(listings);
    });

    it('leaves a clearance that names no organisation out of every view', async () => {
      await sql`insert into clearances (id, subject_key, subject, entity_id, reason, cleared_by)
        values ('0b7c1f7e-0000-4000-8000-000000000001', ${SUBJECT_KEY}, '{"name":"Ivan Petrov"}',
                'test-list:1', 'made before clearances had an organisation', 'cli:root')`.execute(
        store.kysely,
      );
      expect(await store.clearances(a)).toEqual([]);
      expect(await store.clearances(b, SUBJECT_KEY)).toEqual([]);
    });

    it('counts screenings per day and per organisation', async () => {
      await store.recordScreening({ orgId: a, subjects: 3, hits: 1, channel: 'cli' });
      await store.recordScreening({ orgId: a, subjects: 2, hits: 0, channel: 'api' });
      await store.recordScreening({ orgId: b, subjects: 7, hits: 4, channel: 'api' });
      await store.recordScreening({ orgId: null, subjects: 1, hits: 1, channel: 'cli' });
      const ofA = await store.screeningStats(7, { orgId: a });
      expect(ofA).toHaveLength(1);
      expect(ofA[0]).toMatchObject({ subjects: 5, hits: 1 });
      expect((await store.screeningStats(7, { orgId: b }))[0]).toMatchObject({ subjects: 7, hits: 4 });
      expect((await store.screeningStats(7, 'all-organisations'))[0]).toMatchObject({
        subjects: 13,
        hits: 6,
      });
      await store.recordScreening({ orgId: a, subjects: 4, hits: 2, channel: 'api' });
      expect((await store.screeningStats(7, { orgId: a }))[0]).toMatchObject({ subjects: 9, hits: 3 });
    });
  });
}
