import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadControlLists, PostgresControlStore } from '@entente/adapters';
import {
  buildSharingWorld,
  type SharingWorld,
  hasSharedData,
  SHARED_DATA,
  storeTargets,
  type TestStore,
} from '@entente/adapters/testing';
import type { createApp } from '../create-app.ts';
import { createTestApp } from '../test-support/create-test-app.ts';
import { CLI_SOURCE, SharingStore } from '@entente/adapters';

/** `YYYY-MM-DD`, `days` from today (the app built here runs on the system clock). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Recorded {
  matches: { denialId: string; items: { applicationCode: string; denialCode: string }[]; score: number }[];
  consultations: { addresseeOrgId: string }[];
}

describe.skipIf(!hasSharedData()).each(storeTargets())(
  'no-undercut check with the crosswalk and the screening engine on $name',
  (target) => {
    let store: TestStore;
    let world: SharingWorld;
    let app: ReturnType<typeof createApp>;
    const tokens: Record<'uk' | 'us', string> = { uk: '', us: '' };
    let denialId: string;

    beforeAll(async () => {
      store = await target.open();
      await loadControlLists(new PostgresControlStore(store.kysely), { mirrorDir: SHARED_DATA });
      world = await buildSharingWorld(store);
      // Tokens on the system clock: the app below builds its own sharing store (no `deps.sharing`).
      const sharing = new SharingStore(store.kysely, {
        regimeMemberships: new Map([['US', ['WA', 'MTCR', 'NSG', 'AG']]]),
      });
      const us = await sharing.orgs.createOrg(
        { name: 'Bureau of Industry and Security', kind: 'agency', jurisdiction: 'US' },
        CLI_SOURCE,
      );
      const usUser = await sharing.orgs.createUser(
        { orgId: us.id, email: 'officer@bis.example', role: 'licensing-officer' },
        CLI_SOURCE,
      );
      tokens.us = (await sharing.credentials.createToken(usUser.id, CLI_SOURCE)).token;
      tokens.uk = (await sharing.credentials.createToken(world.actors.uk.userId, CLI_SOURCE)).token;
      app = createTestApp(store, { config: { mirrorDir: SHARED_DATA } });
      const res = await call('uk', '/denials', {
        reference: 'DN2026/0042',
        deniedOn: day(-10),
        items: [{ code: 'UK:ML1', list: 'UK', description: 'Smooth-bore weapons' }],
        parties: [
          { role: 'end-user', name: 'Tsentr Nauchnyh Issledovanii', country: 'RU' },
          { role: 'consignee', name: 'Kaliningrad Instrument Works JSC', country: 'RU' },
        ],
        destination: 'RU',
        endUse: 'Armed forces',
        reason: 'WA: risk of diversion to military end use (criterion 7)',
        scope: { regimes: ['WA'], agencies: [] },
      });
      expect(res.status).toBe(201);
      denialId = (res.body as { id: string }).id;
    }, 240_000);
    afterAll(() => store?.close());

    async function call(who: keyof typeof tokens, path: string, body?: unknown) {
      const res = await app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    }

    const application = (code: string, party: { role: 'end-user' | 'consignee'; name: string }) => ({
      applicant: 'Springfield Arms Inc',
      items: [{ code, description: 'Shotguns' }],
      parties: [{ ...party, country: 'RU' }],
      destination: 'RU',
      endUse: 'Hunting',
    });

    it('opens a consultation for a cross-walked entry and a respelled name the screening engine matches', async () => {
      // US:0A501 is cross-walked to UK:ML1 (ML1 is broader); the bare codes differ, and token-set
      // similarity of the two spellings is 0.33: the default matcher would miss both.
      const { status, body } = await call(
        'us',
        '/applications',
        application('US:0A501.a', { role: 'end-user', name: 'Tsentr Nauchnykh Issledovaniy' }),
      );
      expect(status).toBe(201);
      const recorded = body as Recorded;
      expect(recorded.matches.map((m) => [m.denialId, m.items])).toEqual([
        [denialId, [{ applicationCode: 'US:0A501.a', denialCode: 'UK:ML1' }]],
      ]);
      expect(recorded.matches[0]!.score).toBeGreaterThanOrEqual(0.86);
      expect(recorded.consultations.map((c) => c.addresseeOrgId)).toEqual([world.orgs.uk.id]);
      const inbox = (await call('uk', '/consultations')).body as { denialId: string }[];
      expect(inbox.map((c) => c.denialId)).toEqual([denialId]);
    });

    it('opens none for an item the crosswalk does not link to the denied entry', async () => {
      for (const code of ['US:5A002', 'USML:I']) {
        // USML Category I only overlaps WA ML1: `overlaps` does not count.
        const { status, body } = await call(
          'us',
          '/applications',
          application(code, { role: 'end-user', name: 'Tsentr Nauchnykh Issledovaniy' }),
        );
        expect(status).toBe(201);
        expect((body as Recorded).matches).toEqual([]);
      }
    });

    it('opens none for a name that only shares words, which screening rejects, and one for a misspelling', async () => {
      // Another town's works: two of three words shared; the screening engine: 0.75, below 0.86.
      // (Where token-set similarity and screening part ways is tested in screening-denial-matcher.)
      const { body } = await call(
        'us',
        '/applications',
        application('US:0A501.a', { role: 'consignee', name: 'Tula Instrument Works' }),
      );
      expect((body as Recorded).matches).toEqual([]);
      const same = await call(
        'us',
        '/applications',
        application('US:0A501.a', { role: 'consignee', name: 'Kaliningrad Instrumnet Works' }),
      );
      expect((same.body as Recorded).matches.map((m) => m.denialId)).toEqual([denialId]);
    });
  },
);
