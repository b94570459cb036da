import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { findFormat, importList, LIST_FORMATS } from '@entente/adapters';
import { sharedDataPath, storeTargets } from '@entente/adapters/testing';
import { CLI_SOURCE } from '@entente/adapters';
import { openSharingApp, type SharingApp } from './sharing-fixture.ts';

interface Match {
  entityId: string;
  cleared?: { id: string; reason: string };
}
interface Clearance {
  id: string;
  orgId: string;
  entityId: string;
  reason: string;
}

const NAME = 'Tharwat Salah Shehata';
const REASON = 'Our customer is a namesake; passport checked';

describe.each(storeTargets())('clearances and screening figures per organisation on $name', (target) => {
  let t: SharingApp;
  /** A second exporter, in an organisation of its own. */
  let other: string;
  let otherOrg: string;
  const as = (token: string, method: string, path: string, body?: unknown) =>
    t.call(null, method, path, body, { authorization: `Bearer ${token}` });
  const screenAs = async (token: string) =>
    ((await (await as(token, 'POST', '/screen', { name: NAME })).json()) as { matches: Match[] }).matches;
  const batchAs = async (token: string) =>
    (
      (await (await as(token, 'POST', '/screen/batch', { subjects: [{ id: 'c1', name: NAME }] })).json()) as {
        results: { matches: Match[] }[];
      }
    ).results[0]!.matches;
  let cleared: Clearance;

  beforeAll(async () => {
    t = await openSharingApp(target);
    await importList(t.store, findFormat(LIST_FORMATS, 'un-sc-xml'), [
      sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml'),
    ]);
    const orgs = t.world.sharing.orgs;
    otherOrg = (
      await orgs.createOrg({ name: 'Gadget Trading plc', kind: 'exporter', jurisdiction: 'DE' }, CLI_SOURCE)
    ).id;
    const user = await orgs.createUser(
      { orgId: otherOrg, email: 'compliance@gadgets.example', role: 'compliance-officer' },
      CLI_SOURCE,
    );
    other = (await t.world.sharing.credentials.createToken(user.id, CLI_SOURCE)).token;
    const top = (await screenAs(t.tokens.exporter))[0]!;
    const res = await t.call('exporter', 'POST', '/clearances', {
      subject: { name: NAME },
      entityId: top.entityId,
      reason: REASON,
    });
    expect(res.status).toBe(201);
    cleared = (await res.json()) as Clearance;
  });
  afterAll(async () => t.close());

  it("marks the match cleared in the clearing organisation's screenings only", async () => {
    const find = (ms: Match[]) => ms.find((m) => m.entityId === cleared.entityId);
    expect(find(await screenAs(t.tokens.exporter))?.cleared?.reason).toBe(REASON);
    expect(find(await batchAs(t.tokens.exporter))?.cleared?.reason).toBe(REASON);
    for (const token of [other, t.tokens.uk]) {
      const single = await screenAs(token);
      const batch = await batchAs(token);
      expect(find(single)).toBeDefined();
      expect(find(batch)).toBeDefined();
      expect([...single, ...batch].filter((m) => m.cleared)).toEqual([]);
    }
  });

  it("lists an organisation's own clearances, never another's", async () => {
    const listOf = async (token: string) =>
      ((await (await as(token, 'GET', '/clearances')).json()) as { clearances: Clearance[] }).clearances;
    expect(cleared.orgId).toBe(t.world.orgs.exporter.id);
    expect((await listOf(t.tokens.exporter)).map((c) => c.id)).toEqual([cleared.id]);
    expect(await listOf(other)).toEqual([]);
    expect(await listOf(t.tokens.uk)).toEqual([]);
  });

  it("answers another organisation's revocation as not found, like an unknown id, and keeps the clearance", async () => {
    const theirs = await as(other, 'POST', `/clearances/${cleared.id}/revoke`);
    const unknownId = '0b7c1f7e-0000-4000-8000-00000000dead';
    const unknown = await as(other, 'POST', `/clearances/${unknownId}/revoke`);
    expect([theirs.status, unknown.status]).toEqual([404, 404]);
    const body = (await theirs.json()) as { error: string; message: string };
    expect(body).toEqual({
      ...((await unknown.json()) as object),
      message: `No active clearance ${cleared.id}`,
    });
    expect((await as(t.tokens.uk, 'POST', `/clearances/${cleared.id}/revoke`)).status).toBe(404);
    expect((await screenAs(t.tokens.exporter)).some((m) => m.cleared?.id === cleared.id)).toBe(true);
  });

  it('puts every creation and revocation on the audit chain, which still verifies', async () => {
    const own = await t.call('exporter', 'POST', `/clearances/${cleared.id}/revoke`);
    expect(own.status).toBe(200);
    const entries = await sql<{ action: string; outcome: string; actor_org_id: string }>`
      select action, outcome, actor_org_id from audit_log where target_id = ${cleared.id} order by seq`.execute(
      t.store.kysely,
    );
    const exporterOrg = t.world.orgs.exporter.id;
    expect(entries.rows).toEqual([
      { action: 'clearance.create', outcome: 'ok', actor_org_id: exporterOrg },
      { action: 'clearance.revoke', outcome: 'denied', actor_org_id: otherOrg },
      { action: 'clearance.revoke', outcome: 'denied', actor_org_id: t.world.orgs.uk.id },
      { action: 'clearance.revoke', outcome: 'ok', actor_org_id: exporterOrg },
    ]);
    expect(await t.world.sharing.audit.verify()).toMatchObject({ ok: true });
  });

  it("counts each organisation's screenings in its own figures; agencies may ask for all, labelled", async () => {
    const statsOf = async (token: string, query = '') => {
      const res = await as(token, 'GET', `/stats/screening${query}`);
      return {
        status: res.status,
        body: (await res.json()) as { scope: string; days: { subjects: number }[] },
      };
    };
    const subjects = (days: { subjects: number }[]) => days.reduce((n, d) => n + d.subjects, 0);
    // So far: the exporter 4 subjects (3 single, 1 in a batch), the other exporter 2, the UK 2.
    const mine = await statsOf(other);
    expect(mine.body.scope).toBe('organisation');
    expect(subjects(mine.body.days)).toBe(2);
    expect(subjects((await statsOf(t.tokens.uk)).body.days)).toBe(2);
    const exporter = subjects((await statsOf(t.tokens.exporter)).body.days);
    expect(exporter).toBe(4);
    expect((await statsOf(other, '?scope=all-organisations')).status).toBe(403);
    const all = await statsOf(t.tokens.uk, '?scope=all-organisations');
    expect(all.body.scope).toBe('all-organisations');
    expect(subjects(all.body.days)).toBe(exporter + 2 + 2);
    const asked = await sql<{ outcome: string; actor_org_id: string }>`
      select outcome, actor_org_id from audit_log where action = 'stats.screening-all-organisations' order by seq`.execute(
      t.store.kysely,
    );
    expect(asked.rows).toEqual([
      { outcome: 'denied', actor_org_id: otherOrg },
      { outcome: 'ok', actor_org_id: t.world.orgs.uk.id },
    ]);
  });
});
