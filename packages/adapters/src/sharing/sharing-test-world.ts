import type { Clock } from '@entente/core';
import type { TestStore } from '../test-support/store-targets.ts';
import { CLI_SOURCE, type Actor } from './actor.ts';
import type { DenialInput, Organisation } from '@entente/core';
import { SharingStore, type SharingOptions } from './sharing-store.ts';

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(public current = new Date('2026-03-01T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** Two allied agencies (UK, DE: both in Wassenaar), one non-member agency (AF) and one exporter, each with a user. */
export interface SharingWorld {
  sharing: SharingStore;
  clock: ManualClock;
  orgs: { uk: Organisation; de: Organisation; af: Organisation; exporter: Organisation };
  actors: { uk: Actor; de: Actor; af: Actor; exporter: Actor };
}

/** Builds the world in a fresh store, recording as the CLI would. */
export async function buildSharingWorld(
  store: TestStore,
  options: SharingOptions = {},
): Promise<SharingWorld> {
  const clock = new ManualClock();
  const sharing = new SharingStore(store.kysely, {
    clock,
    watch: (channel, onNotify) => store.watchChannel(channel, onNotify),
    regimeMemberships: new Map([
      ['GB', ['WA', 'MTCR', 'NSG', 'AG']],
      ['DE', ['EU', 'WA', 'MTCR', 'NSG', 'AG']],
      ['AF', []],
    ]),
    ...options,
  });
  const uk = await sharing.orgs.createOrg(
    { name: 'Export Control Joint Unit', kind: 'agency', jurisdiction: 'GB' },
    CLI_SOURCE,
  );
  const de = await sharing.orgs.createOrg({ name: 'BAFA', kind: 'agency', jurisdiction: 'DE' }, CLI_SOURCE);
  const af = await sharing.orgs.createOrg(
    { name: 'Outsider Agency', kind: 'agency', jurisdiction: 'AF' },
    CLI_SOURCE,
  );
  const exporter = await sharing.orgs.createOrg(
    { name: 'Widget Exports Ltd', kind: 'exporter', jurisdiction: 'GB' },
    CLI_SOURCE,
  );
  const actor = async (org: Organisation, email: string, role: Actor['role']): Promise<Actor> => {
    const user = await sharing.orgs.createUser({ orgId: org.id, email, role }, CLI_SOURCE);
    return { userId: user.id, orgId: org.id, orgKind: org.kind, role, ip: '192.0.2.1' };
  };
  return {
    sharing,
    clock,
    orgs: { uk, de, af, exporter },
    actors: {
      uk: await actor(uk, 'officer@ecju.example', 'licensing-officer'),
      de: await actor(de, 'officer@bafa.example', 'licensing-officer'),
      af: await actor(af, 'officer@outsider.example', 'licensing-officer'),
      exporter: await actor(exporter, 'compliance@widgets.example', 'compliance-officer'),
    },
  };
}

/** A UK denial of 3A001.a.1 to a Russian end user, shared through Wassenaar. */
export function sampleDenial(overrides: Partial<DenialInput> = {}): DenialInput {
  return {
    reference: 'DN2026/0001',
    deniedOn: '2026-02-01',
    items: [{ code: 'UK:3A001.a.1', list: 'UK', description: 'Radiation-hardened integrated circuits' }],
    parties: [
      { role: 'consignee', name: 'Baltic Trading House LLC', address: '1 Harbour Road, Riga', country: 'LV' },
      {
        role: 'end-user',
        name: 'Kaliningrad Instrument Works JSC',
        address: '5 Sovetsky Prospekt, Kaliningrad',
        country: 'RU',
      },
    ],
    destination: 'RU',
    endUse: 'Guidance electronics',
    reason: 'WA: risk of diversion to military end use (criterion 7)',
    scope: { regimes: ['WA'], agencies: [] },
    ...overrides,
  };
}
