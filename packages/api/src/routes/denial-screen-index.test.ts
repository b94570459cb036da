import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharingStore } from '@entente/adapters';
import {
  storeTargets,
  type TestStore,
  syntheticDenialCsv,
  syntheticPartyName,
} from '@entente/adapters/testing';
import type { createApp } from '../create-app.ts';
import { createTestApp } from '../test-support/create-test-app.ts';
import { openSharingApp, sampleDenial, type SharingApp } from './sharing-fixture.ts';

interface Match {
  source: string;
  sourceId: string;
  name: string;
}

for (const target of storeTargets()) {
  describe(`the denial screening index after a 10,000-denial import on ${target.name}`, () => {
    let t: SharingApp;
    let second: { store: TestStore; sharing: SharingStore; app: ReturnType<typeof createApp> };
    beforeAll(async () => {
      t = await openSharingApp(target);
      const res = await t.call('uk', 'POST', '/denials/import', {
        csv: syntheticDenialCsv(10_000),
        scope: { regimes: ['WA'] },
        deniedOn: '2026-01-15',
      });
      expect(res.status).toBe(201);
      // A second API node: its own store connection where PostgreSQL allows it, its own sharing store and index.
      const store = (await target.openAnother?.(t.store)) ?? t.store;
      const sharing = new SharingStore(store.kysely, {
        clock: t.world.clock,
        watch: (channel, onNotify) => store.watchChannel(channel, onNotify),
      });
      const app = createTestApp(store, { sharing });
      second = { store, sharing, app };
    }, 240_000);
    afterAll(async () => {
      if (second.store !== t.store) await second.store.close();
      await t.close();
    });

    const screen = async (app: ReturnType<typeof createApp>, name: string) => {
      const res = await app.request('/screen', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.de}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { matches: Match[] }).matches.filter((m) => m.source === 'denials');
    };

    it('builds an agency’s index once and reuses it across requests', async () => {
      const screens = t.world.sharing.denialScreens;
      const builds = screens.builds;
      const first = await screen(t.app, syntheticPartyName(4321));
      expect(first.map((m) => m.name)).toContain(syntheticPartyName(4321));
      expect(screens.builds).toBe(builds + 1);
      for (const i of [17, 9876, 5000]) {
        const hits = await screen(t.app, syntheticPartyName(i));
        expect(hits.map((m) => m.name)).toContain(syntheticPartyName(i));
      }
      expect(screens.builds).toBe(builds + 1);
    });

    it('finds a denial shared after the index was built, on this node and the other, without a rebuild', async () => {
      const name = 'Quillfeather Orbital Dynamics Oyelaran GmbH';
      expect(await screen(t.app, name)).toEqual([]);
      expect(await screen(second.app, name)).toEqual([]);
      const builds = [t.world.sharing.denialScreens.builds, second.sharing.denialScreens.builds];
      const created = await t.call(
        'uk',
        'POST',
        '/denials',
        sampleDenial({ reference: 'DN2026/9999', parties: [{ role: 'end-user', name, country: 'RU' }] }),
      );
      const id = ((await created.json()) as { id: string }).id;
      expect((await screen(t.app, name)).map((m) => m.sourceId)).toEqual([`${id}/1`]);
      // The other node learns of it through the store's notification: wait for it, however long it takes.
      expect(
        (
          await eventually(
            () => screen(second.app, name),
            (m) => m.length > 0,
          )
        ).map((m) => m.sourceId),
      ).toEqual([`${id}/1`]);
      await t.call('uk', 'POST', `/denials/${id}/revoke`, { reason: 'Granted on appeal' });
      expect(await screen(t.app, name)).toEqual([]);
      expect(
        await eventually(
          () => screen(second.app, name),
          (m) => m.length === 0,
        ),
      ).toEqual([]);
      expect([t.world.sharing.denialScreens.builds, second.sharing.denialScreens.builds]).toEqual(builds);
    });

    it('refuses an import over the agency’s quota, naming the limit and the count', async () => {
      const res = await t.call('uk', 'POST', '/denials/import', {
        csv: syntheticDenialCsv(10, 'MORE'),
        scope: { regimes: ['WA'] },
      });
      expect(res.status).toBe(201);
      const quota = new SharingStore(t.store.kysely, {
        clock: t.world.clock,
        denialLimits: { storedPerOrg: 10_012 },
      });
      await expect(
        quota.denials.createMany(t.world.actors.uk, [
          sampleDenial({ reference: 'A' }),
          sampleDenial({ reference: 'B' }),
        ]),
      ).rejects.toMatchObject({
        code: 'limit-exceeded',
        details: { limit: 'stored-denials', max: 10_012, count: 10_013 },
      });
    });
  });
}

describe('denial import limits over HTTP', () => {
  let t: SharingApp;
  beforeAll(async () => {
    t = await openSharingApp(storeTargets()[0]!, { denialLimits: { storedPerOrg: 12 } });
  });
  afterAll(() => t.close());

  it('refuses a file over 10,000 rows with 422 limit-exceeded, storing nothing', async () => {
    const res = await t.call('uk', 'POST', '/denials/import', {
      csv: syntheticDenialCsv(10_001),
      scope: { regimes: ['WA'] },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: 'limit-exceeded',
      details: { limit: 'denial-import-rows', max: 10_000, count: 10_001 },
    });
    expect(
      await t.world.sharing.denials.visibleTo(await t.world.sharing.denials.viewerOf(t.world.actors.uk)),
    ).toEqual([]);
  });

  it('refuses an import that would take the agency past its quota, storing nothing', async () => {
    expect(
      (
        await t.call('uk', 'POST', '/denials/import', {
          csv: syntheticDenialCsv(10),
          scope: { regimes: ['WA'] },
        })
      ).status,
    ).toBe(201);
    const res = await t.call('uk', 'POST', '/denials/import', {
      csv: syntheticDenialCsv(3, 'MORE'),
      scope: { regimes: ['WA'] },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; message: string; details: Record<string, unknown> };
    expect(body).toMatchObject({
      error: 'limit-exceeded',
      details: { limit: 'stored-denials', max: 12, count: 13, stored: 10 },
    });
    expect(body.message).toContain('12');
    const posted = await t.call('uk', 'POST', '/denials', sampleDenial({ reference: 'ONE-MORE' }));
    expect(posted.status).toBe(201);
  });
});

/** Calls `read` until `done` holds (another node's notification arrives asynchronously). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (done(value) || attempt >= 200) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
