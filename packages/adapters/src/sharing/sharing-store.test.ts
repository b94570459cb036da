import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { CLI_SOURCE } from './actor.ts';
import { SharingStore } from './sharing-store.ts';
import { buildSharingWorld, sampleDenial, type SharingWorld } from './sharing-test-world.ts';
import { visibleDenialParties } from './visible-denial-parties.ts';

for (const target of storeTargets()) {
  describe(`sharing store on ${target.name}`, () => {
    let store: TestStore;
    let w: SharingWorld;
    beforeEach(async () => {
      store = await target.open();
      w = await buildSharingWorld(store);
    });
    afterEach(async () => {
      await store.close();
    });

    it('gives agencies the regime memberships of their jurisdiction and exporters none', () => {
      expect(w.orgs.uk.regimes).toEqual(['WA', 'MTCR', 'NSG', 'AG']);
      expect(w.orgs.exporter.regimes).toEqual([]);
    });

    it('shows a denial to an ally in a common regime, not to a non-member or an exporter', async () => {
      const [denial] = await w.sharing.denials.createMany(w.actors.uk, [sampleDenial()]);
      expect(denial!.validUntil).toBe('2029-02-01');
      expect((await w.sharing.denials.list(w.actors.de)).map((d) => d.id)).toEqual([denial!.id]);
      expect(await w.sharing.denials.list(w.actors.af)).toEqual([]);
      expect(await w.sharing.denials.list(w.actors.exporter)).toEqual([]);
      await expect(w.sharing.denials.get(w.actors.af, denial!.id)).rejects.toMatchObject({
        code: 'not-found',
      });
    });

    it('shows a denial shared by name to that agency only', async () => {
      const [denial] = await w.sharing.denials.createMany(w.actors.uk, [
        sampleDenial({ scope: { regimes: [], agencies: [w.orgs.af.id] } }),
      ]);
      expect((await w.sharing.denials.get(w.actors.af, denial!.id)).id).toBe(denial!.id);
      await expect(w.sharing.denials.get(w.actors.de, denial!.id)).rejects.toMatchObject({
        code: 'not-found',
      });
    });

    it('amends and revokes only the notifying agency’s own denial', async () => {
      const [denial] = await w.sharing.denials.createMany(w.actors.uk, [sampleDenial()]);
      await expect(w.sharing.denials.amend(w.actors.de, denial!.id, { endUse: 'x' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      const amended = await w.sharing.denials.amend(w.actors.uk, denial!.id, { endUse: 'Missile guidance' });
      expect(amended).toMatchObject({ version: 2, endUse: 'Missile guidance', validUntil: '2029-02-01' });
      const revoked = await w.sharing.denials.revoke(w.actors.uk, denial!.id, 'Appeal upheld');
      expect(revoked.status).toBe('revoked');
      expect(await w.sharing.denials.list(w.actors.de)).toEqual([]);
    });

    it('exposes visible denied parties as screenable parties with source denials', async () => {
      await w.sharing.denials.createMany(w.actors.uk, [sampleDenial()]);
      const parties = await visibleDenialParties(w.sharing, w.actors.de);
      expect(parties.map((p) => [p.source, p.names[0]!.full])).toEqual([
        ['denials', 'Baltic Trading House LLC'],
        ['denials', 'Kaliningrad Instrument Works JSC'],
      ]);
      expect(await visibleDenialParties(w.sharing, w.actors.exporter)).toEqual([]);
    });

    it('opens a consultation in the denying agency’s inbox for an essentially identical application', async () => {
      const [denial] = await w.sharing.denials.createMany(w.actors.uk, [sampleDenial()]);
      const recorded = await w.sharing.applications.record(w.actors.de, {
        applicant: 'Halbleiter GmbH',
        items: [{ code: 'EU:3A001.a.1.a', description: 'Rad-hard ICs' }],
        parties: [{ role: 'end-user', name: 'Kaliningrad Instrument Works', country: 'RU' }],
        destination: 'RU',
        endUse: 'Electronics',
      });
      expect(recorded.matches).toHaveLength(1);
      expect(recorded.matches[0]).toMatchObject({
        denialId: denial!.id,
        denyingOrgId: w.orgs.uk.id,
        score: 1,
      });
      const inbox = await w.sharing.consultations.list(w.actors.uk);
      expect(inbox.map((c) => [c.denialId, c.state, c.respondBy])).toEqual([
        [denial!.id, 'open', '2026-03-31'],
      ]);
      expect(await w.sharing.consultations.list(w.actors.de)).toEqual([]);
    });

    it('does not flag an application to another destination or with unrelated items', async () => {
      await w.sharing.denials.createMany(w.actors.uk, [sampleDenial()]);
      const base = {
        applicant: 'A',
        parties: [{ role: 'end-user' as const, name: 'Kaliningrad Instrument Works JSC' }],
        endUse: 'x',
      };
      const other = await w.sharing.applications.record(w.actors.de, {
        ...base,
        items: [{ code: '3A001.a.1', description: '' }],
        destination: 'BY',
      });
      const unrelated = await w.sharing.applications.record(w.actors.de, {
        ...base,
        items: [{ code: '3A002', description: '' }],
        destination: 'RU',
      });
      expect([other.matches.length, unrelated.matches.length]).toEqual([0, 0]);
    });

    it('walks a consultation from open to answered to closed and holds approval until answered', async () => {
      await w.sharing.denials.createMany(w.actors.uk, [sampleDenial()]);
      const { application, consultations } = await w.sharing.applications.record(w.actors.de, {
        applicant: 'Halbleiter GmbH',
        items: [{ code: '3A001', description: '' }],
        parties: [{ role: 'consignee', name: 'Baltic Trading House', country: 'LV' }],
        destination: 'RU',
        endUse: 'x',
      });
      const id = consultations[0]!.id;
      await expect(
        w.sharing.applications.decide(w.actors.de, application.id, 'approve'),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await w.sharing.consultations.addMessage(w.actors.de, id, 'Any new facts?')).state).toBe(
        'open',
      );
      expect(
        (await w.sharing.consultations.addMessage(w.actors.uk, id, 'Still a diversion risk.')).state,
      ).toBe('answered');
      const decided = await w.sharing.applications.decide(w.actors.de, application.id, 'approve');
      expect(decided.status).toBe('approved');
      const closed = await w.sharing.consultations.get(w.actors.uk, id);
      expect([closed.state, closed.decision, closed.messages.length]).toEqual(['closed', 'approve', 2]);
      await expect(w.sharing.consultations.addMessage(w.actors.uk, id, 'late')).rejects.toMatchObject({
        code: 'conflict',
      });
    });

    it('turns a denied application into a denial notification', async () => {
      const { application } = await w.sharing.applications.record(w.actors.de, {
        applicant: 'A',
        items: [{ code: 'ML1.a', description: 'Rifles' }],
        parties: [{ role: 'end-user', name: 'Some Army', country: 'SY' }],
        destination: 'SY',
        endUse: 'Military',
      });
      const denied = await w.sharing.applications.decide(w.actors.de, application.id, 'deny', {
        reason: 'EU criterion 2',
        scope: { regimes: ['EU'], agencies: [] },
      });
      const denial = await w.sharing.denials.get(w.actors.de, denied.denialId!);
      expect([denial.destination, denial.deniedOn, denial.orgId]).toEqual(['SY', '2026-03-01', w.orgs.de.id]);
    });

    it('authenticates tokens until they expire or are revoked', async () => {
      const a = await w.sharing.credentials.createToken(w.actors.uk.userId, CLI_SOURCE, { days: 1 });
      expect(a.token).toMatch(/^ent_[0-9a-f]{18}_[\w-]{43}$/);
      expect((await w.sharing.credentials.authenticateToken(a.token)).orgId).toBe(w.orgs.uk.id);
      const tampered = a.token.slice(0, -1) + (a.token.endsWith('A') ? 'B' : 'A');
      await expect(w.sharing.credentials.authenticateToken(tampered)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      w.clock.advanceDays(2);
      await expect(w.sharing.credentials.authenticateToken(a.token)).rejects.toMatchObject({
        message: 'The API token expired',
      });
      const b = await w.sharing.credentials.createToken(w.actors.uk.userId, CLI_SOURCE);
      await w.sharing.credentials.revoke(b.id, CLI_SOURCE);
      await expect(w.sharing.credentials.authenticateToken(b.token)).rejects.toMatchObject({
        message: 'The API token was revoked',
      });
      const stored = await store.kysely
        .selectFrom('credentials' as never)
        .selectAll()
        .execute();
      expect(JSON.stringify(stored)).not.toContain(b.token.slice(23));
    });

    it('refuses a token at once when another store of this process revokes it after use', async () => {
      const t = await w.sharing.credentials.createToken(w.actors.de.userId, CLI_SOURCE);
      expect((await w.sharing.credentials.authenticateToken(t.token)).orgId).toBe(w.orgs.de.id);
      const other = new SharingStore(store.kysely, {});
      await other.credentials.revoke(t.id, CLI_SOURCE);
      await expect(w.sharing.credentials.authenticateToken(t.token)).rejects.toMatchObject({
        message: 'The API token was revoked',
      });
    });

    it('verifies the audit chain, and reports the first altered row', async () => {
      await w.sharing.denials.createMany(w.actors.uk, [sampleDenial()]);
      await w.sharing.denials.list(w.actors.de);
      const ok = await w.sharing.audit.verify();
      expect(ok).toMatchObject({ ok: true });
      expect(ok.checked).toBe(10);
      await expect(
        sql`update audit_log set action = 'x' where seq = 3`.execute(store.kysely),
      ).rejects.toThrow(/append-only/);
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(store.kysely);
      await sql`update audit_log set details = '{"count": 0}' where seq = 10`.execute(store.kysely);
      expect(await w.sharing.audit.verify()).toMatchObject({
        ok: false,
        checked: 9,
        firstBroken: { seq: 10, reason: 'hash-mismatch' },
      });
      await sql`delete from audit_log where seq = 4`.execute(store.kysely);
      expect((await w.sharing.audit.verify()).firstBroken).toEqual({ seq: 4, reason: 'sequence-gap' });
    });
  });
}
