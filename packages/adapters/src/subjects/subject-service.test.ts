import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildParty,
  DEFAULT_NAME_REFERENCE,
  NAME_LINK_RULES_VERSION,
  type NewListVersion,
  type Party,
} from '@entente/core';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { buildSharingWorld } from '../sharing/sharing-test-world.ts';
import { subjectServiceFor } from './subject-service.ts';

const person = (source: string, sourceId: string, name: string, extra: Partial<Party> = {}): Party =>
  buildParty({ source, sourceId, schema: 'person', names: [{ full: name, quality: 'primary' }], ...extra });
const dob = (value: string) => ({ birthDates: [{ value, precision: 'day' as const }] });

function version(source: string, publishedAt: string, parties: Party[]): NewListVersion {
  return { source, publishedAt, format: 'custom-csv', files: [`${source}.csv`], parties, warnings: [] };
}

const UN = [
  person('un-sc', 'IRi.039', 'QASEM SOLEIMANI', {
    unReference: 'IRi.039',
    listedOn: '2007-03-24',
    ...dob('1957-03-11'),
  }),
  person('un-sc', 'QDi.100', 'Abdul Rahman Yasin', {
    unReference: 'QDi.100',
    listedOn: '2010-01-01',
    ...dob('1960-04-10'),
  }),
];
const AU = [
  person('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039', listedOn: '2008-01-01' }),
  person('au-dfat', '9001', 'Hamid Reza Tehrani', dob('1970-01-01')),
];
const SDN = [
  person('us-ofac-sdn', '10481', 'SOLEIMANI, Qasem', dob('1957-03-11')),
  person('us-ofac-sdn', '77', 'Yasin, Abdul Rahman', dob('1960-04-10')),
];
const CSL = [person('us-csl', 'SDN-10481', 'SOLEIMANI, Qasem')];
const EU = [
  person('eu-sanctions', '32012R0267/VIII/38', 'Qasem Soleimani', {
    listedOn: '2011-06-24',
    ...dob('1957-03-11'),
  }),
  person('eu-sanctions', 'x/2', 'Abdul Rahman YASIN'),
];

// One man listed without a birth date by two lists, under two names both carry: linked since the rules
// of 2026-12-07 (docs/decisions/2026-12-07-undated-person-shared-names.md), only proposed before.
const namedTwice = (source: string, sourceId: string, names: string[]): Party =>
  person(source, sourceId, names[0]!, {
    names: names.map((full, i) => ({ full, quality: i === 0 ? 'primary' : 'strong' })),
  });
const DASTANI = [
  namedTwice('au-dfat', '7700', ['Karim Reza DASTANI', 'Abu Bakr KHORASANI']),
  namedTwice('eu-sanctions', 'x/9', ['DASTANI, Karim Reza', 'KHORASANI, Abu Bakr']),
] as const;
/** What the rules before 2026-12-07 stored for that pair: a proposal. */
const PROPOSED_BEFORE = ['not linked without an analyst: no birth date to confirm a person'];

describe.each(storeTargets())('subjects across lists on $name', (target) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await target.open();
    for (const [src, ps] of [
      ['un-sc', UN],
      ['au-dfat', AU],
      ['us-ofac-sdn', SDN],
      ['us-csl', CSL],
      ['eu-sanctions', EU],
    ] as const)
      await store.saveListVersion(version(src, '2026-01-01', [...ps]));
  });
  afterEach(async () => store.close());

  it('resolves one subject with its five listings, each joined by its evidence', async () => {
    const service = subjectServiceFor(store, DEFAULT_NAME_REFERENCE);
    const report = await service.resolve('full');
    expect(report.listings).toBe(9);
    const directory = await service.directory();
    const ids = [
      'un-sc:IRi.039',
      'au-dfat:8490',
      'us-ofac-sdn:10481',
      'us-csl:SDN-10481',
      'eu-sanctions:32012R0267/VIII/38',
    ];
    expect(ids.map((id) => directory.get(id)?.id)).toEqual(ids.map(() => 'un-sc:IRi.039'));
    const subject = (await service.resolution()).subjects.find((s) => s.id === 'un-sc:IRi.039')!;
    expect(subject.jurisdictions).toEqual(['AU', 'EU', 'UN', 'US']);
    const kinds = Object.fromEntries(subject.members.map((m) => [m.entityId, m.via?.kind]));
    expect(kinds['au-dfat:8490']).toBe('un-reference');
    expect(kinds['us-csl:SDN-10481']).toBe('cross-reference');
    expect(kinds['eu-sanctions:32012R0267/VIII/38']).toBe('name');
    // Yasin without a birth date in the EU list is a proposal, not a fact.
    expect(directory.get('eu-sanctions:x/2')?.id).toBe('eu-sanctions:x/2');
    expect((await service.resolution()).proposals.some((p) => [p.a, p.b].includes('eu-sanctions:x/2'))).toBe(
      true,
    );
  });

  it("keeps an analyst's merge and split across a new list version, and audits them", async () => {
    const world = await buildSharingWorld(store);
    const service = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, world.sharing.audit);
    await service.resolve('full');
    const analyst = world.actors.de;
    await service.decide(
      analyst,
      'merge',
      'un-sc:QDi.100',
      'eu-sanctions:x/2',
      'same man: the annex gives his UN number',
    );
    await service.decide(
      analyst,
      'split',
      'un-sc:IRi.039',
      'eu-sanctions:32012R0267/VIII/38',
      'test: kept apart',
    );
    await expect(
      service.decide(world.actors.exporter, 'merge', 'un-sc:QDi.100', 'au-dfat:9001', 'x'),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // A new EU version (one listing added); the decisions hold.
    await store.saveListVersion(
      version('eu-sanctions', '2026-02-01', [
        ...EU,
        person('eu-sanctions', 'x/3', 'Hamid Reza TEHRANI', dob('1970-01-01')),
      ]),
    );
    const report = await service.resolve('incremental');
    expect(report.mode).toBe('incremental');
    expect(report.screened).toBe(1);
    const directory = await service.directory();
    expect(directory.get('eu-sanctions:x/2')?.id).toBe('un-sc:QDi.100');
    // Kept apart from the UN listing (it may still join the SDN entry, which the UN listing then may not).
    expect(directory.get('eu-sanctions:32012R0267/VIII/38')?.id).not.toBe('un-sc:IRi.039');
    expect(directory.get('eu-sanctions:x/3')?.id).toBe('au-dfat:9001');
    const actions = (await world.sharing.audit.entriesOf(world.orgs.de.id, { limit: 50 })).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a.startsWith('subject.'))).toEqual(['subject.split', 'subject.merge']); // newest first
  });

  it('shows the listing gaps, with a delisting read from an older version', async () => {
    await store.saveListVersion(version('au-dfat', '2026-02-01', [AU[0]!]));
    const service = subjectServiceFor(store, DEFAULT_NAME_REFERENCE);
    await service.resolve('full');
    const report = await service.listingGaps(['UN', 'AU', 'EU']);
    const yasin = report.gaps.find((g) => g.subjectId === 'un-sc:QDi.100')!;
    expect(yasin).toMatchObject({ class: 'un-not-implemented', missing: ['AU', 'EU'] });
    const tehrani = report.gaps.find((g) => g.subjectId === 'au-dfat:9001');
    expect(tehrani).toBeUndefined(); // delisted by AU and listed by nobody else compared
    const soleimani = report.gaps.find((g) => g.subjectId === 'un-sc:IRi.039');
    expect(soleimani).toBeUndefined(); // UN, AU, EU all list him
    expect(report.delays.find((d) => d.jurisdiction === 'EU')).toMatchObject({ subjects: 1, before: 0 });
  });

  it('resolves a new list version incrementally as a full resolution would, writing only what changed', async () => {
    const service = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    const first = await service.resolve('full');
    // The EU drops Yasin, spells Soleimani anew and adds Tehrani.
    await store.saveListVersion(
      version('eu-sanctions', '2026-02-01', [
        person('eu-sanctions', '32012R0267/VIII/38', 'Qassem SOLEIMANI', {
          listedOn: '2011-06-24',
          ...dob('1957-03-11'),
        }),
        person('eu-sanctions', 'x/3', 'Hamid Reza TEHRANI', dob('1970-01-01')),
      ]),
    );
    const report = await service.resolve('incremental');
    expect(report).toMatchObject({ mode: 'incremental', screened: 2 });
    expect(report.written).toBeGreaterThan(0);
    expect(report.written).toBeLessThan(first.written);
    const fresh = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    const incremental = [...(await service.directory())].sort();
    await fresh.resolve('full');
    expect([...(await fresh.directory())].sort()).toEqual(incremental);
    expect(incremental.find(([id]) => id === 'eu-sanctions:x/3')?.[1].id).toBe('au-dfat:9001');
    expect(incremental.find(([id]) => id === 'eu-sanctions:32012R0267/VIII/38')?.[1].id).toBe(
      'un-sc:IRi.039',
    );
  });

  it('re-resolves by itself when a list version is stored, once subjects were resolved', async () => {
    const service = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    expect(await service.refresh()).toBeUndefined(); // nobody resolved subjects in this store yet
    await service.resolve('full');
    await service.watch();
    try {
      await store.saveListVersion(
        version('eu-sanctions', '2026-02-01', [
          ...EU,
          person('eu-sanctions', 'x/3', 'Hamid Reza TEHRANI', dob('1970-01-01')),
        ]),
      );
      // Another service over the same store reads what the watching one stored.
      const reader = subjectServiceFor(store, DEFAULT_NAME_REFERENCE);
      let subject: string | undefined;
      for (let i = 0; i < 600 && subject === undefined; i++) {
        await new Promise((r) => setTimeout(r, 100));
        subject = (await reader.directory()).get('eu-sanctions:x/3')?.id;
      }
      expect(subject).toBe('au-dfat:9001');
    } finally {
      await service.close();
    }
  });

  it('a new process catches up without reading the lists when they are those of the stored run', async () => {
    await subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 }).resolve('full');
    // A server just started: it kept nothing from that run, and no list changed since.
    const started = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    expect(await started.refresh()).toBeUndefined();
    expect(await started.resolveIfStale()).toBeUndefined();
    expect((await started.directory()).get('au-dfat:8490')?.id).toBe('un-sc:IRi.039');
    // A list changed while it was down: the catch-up resolves what changed.
    await store.saveListVersion(
      version('au-dfat', '2026-02-01', [
        ...AU,
        person('au-dfat', '9002', 'Abdul Rahman YASIN', dob('1960-04-10')),
      ]),
    );
    const again = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    const report = await again.refresh();
    expect(report?.mode).toBe('incremental');
    expect((await again.directory()).get('au-dfat:9002')?.id).toBe('un-sc:QDi.100');
  });

  it('resolves fully on a first start when lists are loaded and nobody resolved them', async () => {
    const service = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    let started = false;
    const report = await service.resolveIfStale(() => (started = true));
    expect(started).toBe(true);
    expect(report?.mode).toBe('full');
    expect((await service.directory()).get('us-csl:SDN-10481')?.id).toBe('un-sc:IRi.039');
    expect(await service.resolveIfStale()).toBeUndefined();
  });

  it('resolves fully again a store resolved under other name link rules, as a fresh full resolution does', async () => {
    await store.saveListVersion(version('au-dfat', '2026-02-01', [...AU, DASTANI[0]]));
    await store.saveListVersion(version('eu-sanctions', '2026-02-01', [...EU, DASTANI[1]]));
    const underOldRules = () =>
      subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0, linkRules: '2026-12-04' });
    await underOldRules().resolve('full');
    // The store as the older rules left it: the pair's link only proposed, the two apart.
    const pair = ['au-dfat:7700', 'eu-sanctions:x/9'];
    const made = await store.kysely
      .updateTable('subject_name_links')
      .set({ automatic: false, evidence: JSON.stringify(PROPOSED_BEFORE) })
      .where('a', 'in', pair)
      .where('b', 'in', pair)
      .executeTakeFirst();
    expect(made.numUpdatedRows).toBe(1n);
    const old = underOldRules();
    await old.resolve('incremental');
    expect((await old.directory()).get('eu-sanctions:x/9')?.id).toBe('eu-sanctions:x/9');

    // This code's rules: the next incremental resolution (here a server's catch-up) screens every listing.
    const now = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    const report = await now.refresh();
    expect(report).toMatchObject({
      mode: 'full',
      fullBecause: 'link-rules-changed',
      linkRules: NAME_LINK_RULES_VERSION,
      previousLinkRules: '2026-12-04',
    });
    const resolved = [...(await now.directory())].sort();
    expect(resolved.find(([id]) => id === 'eu-sanctions:x/9')?.[1].id).toBe('au-dfat:7700');
    const fresh = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    expect((await fresh.resolve('full')).fullBecause).toBe('asked');
    expect([...(await fresh.directory())].sort()).toEqual(resolved);

    // Resolved under these rules now: the next resolution stays incremental.
    const next = await subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 }).resolve(
      'incremental',
    );
    expect(next).toMatchObject({ mode: 'incremental', screened: 0, linkRules: NAME_LINK_RULES_VERSION });
    expect(next.fullBecause).toBeUndefined();
  });

  it('resolves fully on a start over a resolution stored before link rules were recorded, once', async () => {
    await subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 }).resolve('full');
    // A store resolved before migration 024: its run has no rules.
    await store.kysely.updateTable('subject_runs').set({ link_rules: null }).execute();
    const started = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    const causes: unknown[] = [];
    const report = await started.resolveIfStale((why, before) => causes.push(why, before));
    expect(causes).toEqual(['link-rules-changed', null]);
    expect(report).toMatchObject({
      mode: 'full',
      fullBecause: 'link-rules-changed',
      previousLinkRules: null,
    });
    // The next start under the same rules has nothing to do.
    const again = subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 });
    expect(await again.resolveIfStale()).toBeUndefined();
    expect(await again.refresh()).toBeUndefined();
  });
});
