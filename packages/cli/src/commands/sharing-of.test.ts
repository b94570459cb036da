import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI_SOURCE,
  loadControlLists,
  PostgresControlStore,
  servicesOver,
  type AppConfig,
} from '@entente/adapters';
import {
  buildSharingWorld,
  type SharingWorld,
  hasSharedData,
  SHARED_DATA,
  storeTargets,
  type TestStore,
} from '@entente/adapters/testing';
import { type Actor, type SharingStore } from '@entente/adapters';
import { createContext, type CliContext } from '../context.ts';
import { sharingOf } from './sharing-of.ts';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasSharedData()).each(storeTargets())(
  'the CLI’s sharing store checks applications with the crosswalk and the screening engine on $name',
  (target) => {
    let store: TestStore;
    let world: SharingWorld;
    let sharing: SharingStore;
    let us: Actor;

    beforeAll(async () => {
      store = await target.open();
      await loadControlLists(new PostgresControlStore(store.kysely), { mirrorDir: SHARED_DATA });
      world = await buildSharingWorld(store);
      const config: AppConfig = { store: { dataDir: 'memory://' }, mirrorDir: SHARED_DATA, port: 0 };
      const services = servicesOver(store, config);
      const c: CliContext = { ...createContext(config, true), services: async () => services };
      sharing = await sharingOf(c);
      const org = await sharing.orgs.createOrg(
        {
          name: 'Bureau of Industry and Security',
          kind: 'agency',
          jurisdiction: 'US',
          regimes: ['WA', 'MTCR', 'NSG', 'AG'],
        },
        CLI_SOURCE,
      );
      const user = await sharing.orgs.createUser(
        { orgId: org.id, email: 'officer@bis.example', role: 'licensing-officer' },
        CLI_SOURCE,
      );
      us = { userId: user.id, orgId: org.id, orgKind: 'agency', role: 'licensing-officer', ip: 'local' };
    }, 240_000);
    afterAll(() => store?.close());

    it('opens a consultation for a cross-walked item and a respelled party, and none for an unlinked item', async () => {
      const [denial] = await sharing.denials.createMany(world.actors.uk, [
        {
          deniedOn: day(-5),
          items: [{ code: 'UK:ML1', list: 'UK', description: 'Smooth-bore weapons' }],
          parties: [{ role: 'end-user', name: 'Tsentr Nauchnyh Issledovanii', country: 'RU' }],
          destination: 'RU',
          endUse: 'Armed forces',
          reason: 'WA criterion 7',
          scope: { regimes: ['WA'], agencies: [] },
        },
      ]);
      const apply = (code: string) =>
        sharing.applications.record(us, {
          applicant: 'Springfield Arms Inc',
          items: [{ code, description: 'Shotguns' }],
          parties: [{ role: 'end-user', name: 'Tsentr Nauchnykh Issledovaniy', country: 'RU' }],
          destination: 'RU',
          endUse: 'Hunting',
        });
      const matched = await apply('US:0A501.a');
      expect(matched.matches.map((m) => m.denialId)).toEqual([denial!.id]);
      expect(matched.consultations.map((x) => x.addresseeOrgId)).toEqual([world.orgs.uk.id]);
      expect((await apply('US:5A002')).matches).toEqual([]);
    });
  },
);
