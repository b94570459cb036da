import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { storeTargets } from '@entente/adapters/testing';
import { dob, person, version } from '../test-support/listed-people.ts';
import { openSharingApp, type SharingApp } from './sharing-fixture.ts';

interface Match {
  entityId: string;
  subjectId: string;
  cleared?: { id: string; reason: string };
  clearanceToReview?: { id: string; why: string };
}
interface Clearance {
  id: string;
  orgId: string;
  entityId: string;
  listings?: string[];
}

const NAME = 'Qasem Soleimani';
const LISTINGS = [
  'au-dfat:8490',
  'eu-sanctions:x/38',
  'un-sc:IRi.039',
  'us-csl:SDN-10481',
  'us-ofac-sdn:10481',
];

describe.each(storeTargets())('clearances of a subject over HTTP on $name', (target) => {
  let t: SharingApp;
  let clearance: Clearance;
  const screen = async (who: 'exporter' | 'uk') =>
    ((await (await t.call(who, 'POST', '/screen', { name: NAME })).json()) as { matches: Match[] }).matches;

  beforeAll(async () => {
    t = await openSharingApp(target);
    await t.store.saveListVersion(
      version('un-sc', [person('un-sc', 'IRi.039', 'QASEM SOLEIMANI', { unReference: 'IRi.039', ...dob })]),
    );
    await t.store.saveListVersion(
      version('au-dfat', [person('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039' })]),
    );
    await t.store.saveListVersion(
      version('us-ofac-sdn', [person('us-ofac-sdn', '10481', 'SOLEIMANI, Qasem', dob)]),
    );
    await t.store.saveListVersion(version('us-csl', [person('us-csl', 'SDN-10481', 'SOLEIMANI, Qasem')]));
    await t.store.saveListVersion(
      version('eu-sanctions', [person('eu-sanctions', 'x/38', 'Qasem Soleimani', dob)]),
    );
    expect((await t.call('ukAdmin', 'POST', '/subjects/resolution?full=true')).status).toBe(200);
    const res = await t.call('exporter', 'POST', '/clearances', {
      subject: { name: NAME },
      subjectId: 'un-sc:IRi.039',
      reason: 'Our customer is a namesake born 1990; passport checked',
    });
    expect(res.status).toBe(201);
    clearance = (await res.json()) as Clearance;
  });
  afterAll(async () => t.close());

  it("clears every listing of the subject in the clearing organisation's screenings only", async () => {
    expect(clearance.listings).toEqual(LISTINGS);
    expect(clearance.entityId).toBe('un-sc:IRi.039');
    const own = await screen('exporter');
    expect(own.map((m) => m.entityId).sort()).toEqual(LISTINGS);
    expect(own.every((m) => m.cleared?.id === clearance.id)).toBe(true);
    const batch = await t.call('exporter', 'POST', '/screen/batch', { subjects: [{ id: 'c1', name: NAME }] });
    const results = ((await batch.json()) as { results: { matches: Match[] }[] }).results;
    expect(results[0]!.matches.every((m) => m.cleared?.id === clearance.id)).toBe(true);
    // Batch output names each listing's subject as single screening does.
    expect(results[0]!.matches.map((m) => m.subjectId)).toEqual(LISTINGS.map(() => 'un-sc:IRi.039'));
    expect((await screen('uk')).filter((m) => m.cleared || m.clearanceToReview)).toEqual([]);
  });

  it('audits the subject clearance with the listings it covers', async () => {
    const audit = await sql<{ outcome: string; actor_org_id: string; details: { listings?: string } }>`
      select outcome, actor_org_id, details from audit_log
      where action = 'clearance.create' and target_id = ${clearance.id}`.execute(t.store.kysely);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ outcome: 'ok', actor_org_id: clearance.orgId });
    expect(JSON.parse(audit.rows[0]!.details.listings!)).toEqual(LISTINGS);
    expect(
      (await (await t.call('exporter', 'GET', '/clearances')).json()) as { clearances: Clearance[] },
    ).toMatchObject({ clearances: [{ id: clearance.id, listings: LISTINGS }] });
  });

  it('refuses both or neither of entityId and subjectId, and a listing of another subject', async () => {
    const body = { subject: { name: NAME }, reason: 'Namesake, passport checked' };
    const both = await t.call('exporter', 'POST', '/clearances', {
      ...body,
      entityId: 'un-sc:IRi.039',
      subjectId: 'un-sc:IRi.039',
    });
    expect(both.status).toBe(400);
    expect((await t.call('exporter', 'POST', '/clearances', body)).status).toBe(400);
    const member = await t.call('exporter', 'POST', '/clearances', {
      ...body,
      subjectId: 'eu-sanctions:x/38',
    });
    expect(member.status).toBe(404);
    expect(((await member.json()) as { details: { subjectId: string } }).details.subjectId).toBe(
      'un-sc:IRi.039',
    );
    expect((await t.call(null, 'POST', '/clearances', { ...body, subjectId: 'un-sc:IRi.039' })).status).toBe(
      401,
    );
  });

  it('asks to review every covered listing once an analyst splits the subject, and none after revoking', async () => {
    const split = await t.call('uk', 'POST', '/subjects/decisions', {
      kind: 'split',
      a: 'un-sc:IRi.039',
      b: 'us-ofac-sdn:10481',
      reason: 'The SDN entry is another man of that name',
    });
    expect(split.status).toBe(201);
    const after = await screen('exporter');
    expect(new Set(after.map((m) => m.subjectId)).size).toBeGreaterThan(1);
    expect(after.filter((m) => m.cleared)).toEqual([]);
    for (const m of after)
      expect(m.clearanceToReview).toMatchObject({ id: clearance.id, why: 'subject-split' });
    const batch = await t.call('exporter', 'POST', '/screen/batch', { subjects: [{ id: 'c1', name: NAME }] });
    const batched = ((await batch.json()) as { results: { matches: Match[] }[] }).results[0]!.matches;
    expect(batched.map((m) => [m.entityId, m.subjectId]).sort()).toEqual(
      after.map((m) => [m.entityId, m.subjectId]).sort(),
    );
    expect(batched.filter((m) => m.cleared)).toEqual([]);
    for (const m of batched)
      expect(m.clearanceToReview).toMatchObject({ id: clearance.id, why: 'subject-split' });
    expect((await t.call('exporter', 'POST', `/clearances/${clearance.id}/revoke`)).status).toBe(200);
    expect((await screen('exporter')).filter((m) => m.cleared || m.clearanceToReview)).toEqual([]);
  });
});
