import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildParty, resolveSubjects, type NewListVersion, type Party } from '@entente/core';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { loadListings } from './load-listings.ts';

const person = (source: string, sourceId: string, name: string, extra: Partial<Party> = {}): Party =>
  buildParty({ source, sourceId, schema: 'person', names: [{ full: name, quality: 'primary' }], ...extra });
const version = (source: string, publishedAt: string, parties: Party[]): NewListVersion => ({
  source,
  publishedAt,
  format: 'custom-csv',
  files: [`${source}.csv`],
  parties,
  warnings: [],
});

const UN = [
  person('un-sc', 'IRi.039', 'QASEM SOLEIMANI', { unReference: 'IRi.039' }),
  person('un-sc', 'QDi.100', 'Abdul Rahman Yasin', { unReference: 'QDi.100' }),
];
const AU1 = [
  person('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039' }),
  person('au-dfat', '9001', 'Hamid Reza Tehrani'),
];
// The next Australian list: Soleimani delisted, Yasin listed under his UN reference, Tehrani
// with an alias added.
const AU2 = [
  person('au-dfat', '9001', 'Hamid Reza Tehrani', {
    names: [
      { full: 'Hamid Reza Tehrani', quality: 'primary' },
      { full: 'Hamid Tehrani', quality: 'strong' },
    ],
  }),
  person('au-dfat', '9100', 'Abdul Rahman YASIN', { unReference: 'QDi.100' }),
];

/** Each subject's members (entity id, current or former), by subject id. */
const groupsOf = (listings: Parameters<typeof resolveSubjects>[0]) =>
  Object.fromEntries(
    resolveSubjects(listings)
      .subjects.map((s) => [
        s.id,
        s.members.map((m) => `${m.entityId}${m.current ? '' : ' (former)'}`).sort(),
      ])
      .sort(),
  );

describe.each(storeTargets())('loading listings patched with a new list version on $name', (target) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await target.open();
    await store.saveListVersion(version('un-sc', '2026-01-01', UN));
    await store.saveListVersion(version('au-dfat', '2026-01-01', AU1));
  }, 600_000); // opening a store is slow on a loaded machine
  afterEach(async () => store.close());

  it('patches a changed source with its diff into what reading it whole gives, and the subjects group alike', async () => {
    const first = await loadListings(store);
    expect(groupsOf(first.listings)).toEqual({
      'un-sc:IRi.039': ['au-dfat:8490', 'un-sc:IRi.039'],
      'un-sc:QDi.100': ['un-sc:QDi.100'],
      'au-dfat:9001': ['au-dfat:9001'],
    });
    await store.saveListVersion(version('au-dfat', '2026-02-01', AU2));
    const patched = await loadListings(store, first.bySource);
    // The unchanged UN source is the very array kept; the Australian one was patched, not read whole.
    expect(patched.bySource.get('un-sc')).toBe(first.bySource.get('un-sc'));
    const whole = await loadListings(store);
    expect(patched.listings).toEqual(whole.listings);
    expect(groupsOf(patched.listings)).toEqual({
      'un-sc:IRi.039': ['au-dfat:8490 (former)', 'un-sc:IRi.039'],
      'un-sc:QDi.100': ['au-dfat:9100', 'un-sc:QDi.100'],
      'au-dfat:9001': ['au-dfat:9001'],
    });
    const tehrani = patched.listings.find((l) => l.entityId === 'au-dfat:9001')!;
    expect(tehrani.party.names.map((n) => n.full)).toContain('Hamid Tehrani');
  });
});
