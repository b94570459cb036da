import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets, hasSharedData, sharedDataPath } from '@entente/adapters/testing';
import { openSharingApp, sampleDenial, type SharingApp } from './sharing-fixture.ts';

for (const target of storeTargets()) {
  describe(`denial routes on ${target.name}`, () => {
    let t: SharingApp;
    let denialId: string;
    beforeAll(async () => {
      t = await openSharingApp(target);
      const res = await t.call('uk', 'POST', '/denials', sampleDenial());
      expect(res.status).toBe(201);
      denialId = ((await res.json()) as { id: string }).id;
    });
    afterAll(() => t.close());

    it('records the notifying agency, a 3-year validity and the sharing scope', async () => {
      const d = (await (await t.call('uk', 'GET', `/denials/${denialId}`)).json()) as Record<string, unknown>;
      expect(d).toMatchObject({
        orgId: t.world.orgs.uk.id,
        validUntil: '2029-02-01',
        scope: { regimes: ['WA'], agencies: [] },
        status: 'active',
        version: 1,
      });
    });

    it('shows the denial to an ally through a common regime and hides it from others', async () => {
      const ids = async (who: 'de' | 'af') =>
        ((await (await t.call(who, 'GET', '/denials')).json()) as { id: string }[]).map((d) => d.id);
      expect(await ids('de')).toContain(denialId);
      expect(await ids('af')).not.toContain(denialId);
      expect((await t.call('af', 'GET', `/denials/${denialId}`)).status).toBe(404);
      expect((await t.call('exporter', 'GET', '/denials')).status).toBe(403);
    });

    it('lets only the notifying agency amend and revoke', async () => {
      expect((await t.call('de', 'POST', `/denials/${denialId}/amend`, { endUse: 'x' })).status).toBe(403);
      const amended = await t.call('uk', 'POST', `/denials/${denialId}/amend`, {
        endUse: 'Missile guidance',
      });
      expect(await amended.json()).toMatchObject({ version: 2, endUse: 'Missile guidance' });
      const other = (await (
        await t.call('uk', 'POST', '/denials', sampleDenial({ reference: 'DN2' }))
      ).json()) as { id: string };
      expect(
        (await t.call('uk', 'POST', `/denials/${other.id}/revoke`, { reason: 'Appeal upheld' })).status,
      ).toBe(200);
      expect((await t.call('uk', 'POST', `/denials/${other.id}/revoke`, { reason: 'again' })).status).toBe(
        409,
      );
      const all = (await (await t.call('uk', 'GET', '/denials?all=true')).json()) as {
        id: string;
        status: string;
      }[];
      expect(all.find((d) => d.id === other.id)?.status).toBe('revoked');
    });

    it('rejects an unknown destination and an empty sharing scope', async () => {
      const bad = await t.call('uk', 'POST', '/denials', sampleDenial({ destination: 'XX' }));
      expect([bad.status, ((await bad.json()) as { error: string }).error]).toEqual([400, 'unknown-country']);
      expect(
        (await t.call('uk', 'POST', '/denials', sampleDenial({ scope: { regimes: [], agencies: [] } })))
          .status,
      ).toBe(400);
    });

    it('imports a LITE-format CSV, skipping denials without a known destination', async () => {
      const csv = [
        'reference,regime_reg_ref,name,address,notifying_government,country,denial_cle,item_description,end_use,reason_for_refusal,entity_type',
        'DN9/1,WA-9,Minsk Optics Plant,Minsk,United Kingdom,Belarus,6A003.b.4,Thermal cameras,Surveillance,Criterion 7,end_user',
        'DN9/2,WA-10,Nowhere Ltd,Somewhere,United Kingdom,Country Name,6A003,Cameras,Unknown,Criterion 7,end_user',
      ].join('\n');
      const res = await t.call('uk', 'POST', '/denials/import', {
        csv,
        scope: { regimes: ['WA'] },
        deniedOn: '2026-01-15',
      });
      const body = (await res.json()) as {
        created: { destination: string; validUntil: string }[];
        skipped: number;
        warnings: { kind: string }[];
      };
      expect(res.status).toBe(201);
      expect(body.created.map((d) => [d.destination, d.validUntil])).toEqual([['BY', '2029-01-15']]);
      expect([body.skipped, body.warnings.map((w) => w.kind)]).toEqual([
        1,
        ['unknown-country', 'denial-skipped'],
      ]);
    });

    it.runIf(hasSharedData())(
      'reads the real LITE sample and skips its 7 synthetic-country denials',
      async () => {
        const csv = readFileSync(
          sharedDataPath('controls/denials/lite-denial-notification-format-sample.csv'),
          'utf8',
        );
        const body = (await (
          await t.call('uk', 'POST', '/denials/import', { csv, scope: { regimes: ['WA'] } })
        ).json()) as { created: unknown[]; skipped: number };
        expect([body.created.length, body.skipped]).toEqual([0, 7]);
      },
    );
  });
}
