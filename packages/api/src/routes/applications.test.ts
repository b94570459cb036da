import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '@entente/adapters/testing';
import { openSharingApp, sampleDenial, type SharingApp } from './sharing-fixture.ts';

const identical = {
  applicant: 'Halbleiter GmbH',
  items: [{ code: 'EU:3A001.a.1.a', description: 'Rad-hard ICs' }],
  parties: [{ role: 'end-user', name: 'Kaliningrad Instrument Works', country: 'RU' }],
  destination: 'RU',
  endUse: 'Electronics',
};

for (const target of storeTargets()) {
  describe(`application and consultation routes on ${target.name}`, () => {
    let t: SharingApp;
    let denialId: string;
    beforeAll(async () => {
      t = await openSharingApp(target);
      denialId = ((await (await t.call('uk', 'POST', '/denials', sampleDenial())).json()) as { id: string })
        .id;
    });
    afterAll(() => t.close());

    it('opens a consultation in the denying agency’s inbox for an essentially identical application', async () => {
      const res = await t.call('de', 'POST', '/applications', identical);
      const body = (await res.json()) as {
        application: { id: string };
        matches: { denialId: string }[];
        consultations: { id: string }[];
      };
      expect(res.status).toBe(201);
      expect(body.matches.map((m) => m.denialId)).toEqual([denialId]);
      const inbox = (await (await t.call('uk', 'GET', '/consultations')).json()) as {
        id: string;
        state: string;
        addresseeOrgId: string;
      }[];
      expect(inbox.map((c) => [c.id, c.state, c.addresseeOrgId])).toEqual([
        [body.consultations[0]!.id, 'open', t.world.orgs.uk.id],
      ]);
      expect(await (await t.call('de', 'GET', '/consultations')).json()).toEqual([]);
      expect(
        ((await (await t.call('de', 'GET', '/consultations?box=outbox')).json()) as unknown[]).length,
      ).toBe(1);
    });

    it('holds approval until the denying agency answers, then closes the consultation with the decision', async () => {
      const { application, consultations } = (await (
        await t.call('de', 'POST', '/applications', identical)
      ).json()) as { application: { id: string }; consultations: { id: string }[] };
      const cid = consultations[0]!.id;
      expect(
        (await t.call('de', 'POST', `/applications/${application.id}/decision`, { decision: 'approve' }))
          .status,
      ).toBe(409);
      const answered = await t.call('uk', 'POST', `/consultations/${cid}/messages`, {
        body: 'We still see a diversion risk.',
      });
      expect(((await answered.json()) as { state: string }).state).toBe('answered');
      expect((await t.call('uk', 'POST', `/consultations/${cid}/close`, { decision: 'deny' })).status).toBe(
        403,
      );
      const closed = (await (
        await t.call('de', 'POST', `/consultations/${cid}/close`, { decision: 'deny' })
      ).json()) as { state: string; decision: string; messages: unknown[] };
      expect([closed.state, closed.decision, closed.messages.length]).toEqual(['closed', 'deny', 1]);
      expect((await t.call('de', 'POST', `/consultations/${cid}/messages`, { body: 'late' })).status).toBe(
        409,
      );
    });

    it('turns a denied application into a denial notification the other ally sees', async () => {
      const { application } = (await (
        await t.call('de', 'POST', '/applications', {
          ...identical,
          destination: 'SY',
          parties: [{ role: 'end-user', name: 'Scientific Studies Centre' }],
        })
      ).json()) as { application: { id: string } };
      const denied = (await (
        await t.call('de', 'POST', `/applications/${application.id}/decision`, {
          decision: 'deny',
          reason: 'EU criterion 7',
          scope: { regimes: ['WA'] },
        })
      ).json()) as { status: string; denialId: string };
      expect(denied.status).toBe('denied');
      expect((await t.call('uk', 'GET', `/denials/${denied.denialId}`)).status).toBe(200);
      expect(
        (await t.call('de', 'POST', `/applications/${application.id}/decision`, { decision: 'approve' }))
          .status,
      ).toBe(409);
    });

    it('keeps applications to their agency', async () => {
      const { application } = (await (await t.call('de', 'POST', '/applications', identical)).json()) as {
        application: { id: string };
      };
      expect((await t.call('de', 'GET', `/applications/${application.id}`)).status).toBe(200);
      expect((await t.call('uk', 'GET', `/applications/${application.id}`)).status).toBe(404);
      expect(((await (await t.call('uk', 'GET', '/applications')).json()) as unknown[]).length).toBe(0);
    });
  });
}
