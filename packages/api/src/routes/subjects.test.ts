import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '@entente/adapters/testing';
import { dob, person, version } from '../test-support/listed-people.ts';
import { openSharingApp, type SharingApp } from './sharing-fixture.ts';

describe.each(storeTargets())('subjects across lists over HTTP on $name', (target) => {
  let t: SharingApp;
  beforeAll(async () => {
    t = await openSharingApp(target);
    await t.store.saveListVersion(
      version('un-sc', [
        person('un-sc', 'IRi.039', 'QASEM SOLEIMANI', {
          unReference: 'IRi.039',
          listedOn: '2007-03-24',
          ...dob,
        }),
        person('un-sc', 'QDi.100', 'Abdul Rahman Yasin', { unReference: 'QDi.100' }),
      ]),
    );
    // An invented person: dated by AU; undated by the EU, with an Arabic-script alias and a second name both carry.
    const dastani = [
      { full: 'Karim Reza DASTANI', quality: 'primary' as const },
      { full: 'Gholamreza DASTANI', quality: 'strong' as const },
    ];
    const iranian = { countries: [{ code: 'IR', role: 'nationality' as const }] };
    await t.store.saveListVersion(
      version('au-dfat', [
        person('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039' }),
        person('au-dfat', '7001', 'Karim Reza DASTANI', {
          names: dastani,
          birthDates: [{ value: '1961-02-11', precision: 'day' }],
          ...iranian,
        }),
      ]),
    );
    await t.store.saveListVersion(
      version('us-ofac-sdn', [person('us-ofac-sdn', '10481', 'SOLEIMANI, Qasem', dob)]),
    );
    await t.store.saveListVersion(version('us-csl', [person('us-csl', 'SDN-10481', 'SOLEIMANI, Qasem')]));
    await t.store.saveListVersion(
      version('eu-sanctions', [
        person('eu-sanctions', 'x/38', 'Qasem Soleimani', dob),
        person('eu-sanctions', 'x/2', 'Abdul Rahman YASIN'),
        person('eu-sanctions', 'x/8', 'Karim Reza DASTANI', {
          names: [dastani[0]!, { full: 'کریم رضا دستانی', script: 'Arab', quality: 'strong' }, dastani[1]!],
          ...iranian,
        }),
      ]),
    );
    expect((await t.call('exporter', 'POST', '/subjects/resolution')).status).toBe(403);
    const resolved = await t.call('ukAdmin', 'POST', '/subjects/resolution?full=true');
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({ mode: 'full', fullBecause: 'asked' });
  });
  afterAll(async () => t.close());

  it('screens by subject: one subject with its five listings, each match naming it', async () => {
    const res = await t.call('exporter', 'POST', '/screen', { name: 'Qasem Soleimani' });
    const body = (await res.json()) as {
      subjects: { subjectId: string; listings: string[] }[];
      matches: { entityId: string; subjectId: string }[];
    };
    expect(body.subjects).toHaveLength(1);
    expect(body.subjects[0]!.subjectId).toBe('un-sc:IRi.039');
    expect(body.subjects[0]!.listings.sort()).toEqual([
      'au-dfat:8490',
      'eu-sanctions:x/38',
      'un-sc:IRi.039',
      'us-csl:SDN-10481',
      'us-ofac-sdn:10481',
    ]);
    expect(new Set(body.matches.map((m) => m.subjectId))).toEqual(new Set(['un-sc:IRi.039']));
    const batch = await t.call('exporter', 'POST', '/screen/batch', {
      subjects: [{ id: 'c1', name: 'Qasem Soleimani' }],
    });
    const results = ((await batch.json()) as { results: { matches: { subjectId: string }[] }[] }).results;
    expect(results[0]!.matches.every((m) => m.subjectId === 'un-sc:IRi.039')).toBe(true);
  });

  it('shows a subject from any of its listings, with the evidence of each', async () => {
    const res = await t.call('exporter', 'GET', `/subjects?id=${encodeURIComponent('eu-sanctions:x/38')}`);
    expect(res.status).toBe(200);
    const subject = (await res.json()) as {
      id: string;
      members: { entityId: string; via?: { kind: string } }[];
    };
    expect(subject.id).toBe('un-sc:IRi.039');
    expect(subject.members.find((m) => m.entityId === 'us-csl:SDN-10481')!.via!.kind).toBe('cross-reference');
    expect((await t.call('exporter', 'GET', '/subjects?id=nope:1')).status).toBe(404);
  });

  it('joins a person listed without a birth date by two names both listings carry, and says so', async () => {
    const screened = (await (
      await t.call('exporter', 'POST', '/screen', { name: 'کریم رضا دستانی' })
    ).json()) as {
      subjects: { subjectId: string; listings: string[] }[];
    };
    expect(screened.subjects).toHaveLength(1);
    expect(screened.subjects[0]!.listings.sort()).toEqual(['au-dfat:7001', 'eu-sanctions:x/8']);
    const subject = (await (
      await t.call('exporter', 'GET', `/subjects?id=${encodeURIComponent('eu-sanctions:x/8')}`)
    ).json()) as { members: { entityId: string; via?: { kind: string; evidence: string[] } }[] };
    const via = subject.members.find((m) => m.via)!.via!;
    expect(via.kind).toBe('name');
    expect(via.evidence.join(' ')).toMatch(
      /both listings carry the names "Karim Reza DASTANI" and "Gholamreza DASTANI"/,
    );
  });

  it('lets an agency analyst merge a proposal, audited; an exporter may not', async () => {
    const proposals = (await (await t.call('uk', 'GET', '/subjects/proposals')).json()) as {
      proposals: { a: string; b: string }[];
    };
    const yasin = proposals.proposals.find((p) => [p.a, p.b].includes('eu-sanctions:x/2'))!;
    expect(yasin).toBeDefined();
    const decision = { kind: 'merge', a: yasin.a, b: yasin.b, reason: 'The annex gives his UN number' };
    expect((await t.call('exporter', 'POST', '/subjects/decisions', decision)).status).toBe(403);
    const res = await t.call('uk', 'POST', '/subjects/decisions', decision);
    expect(res.status).toBe(201);
    const subject = (await (await t.call('uk', 'GET', '/subjects?id=eu-sanctions%3Ax%2F2')).json()) as {
      id: string;
    };
    expect(subject.id).toBe('un-sc:QDi.100');
    const audit = (await (await t.call('ukAdmin', 'GET', '/audit')).json()) as { action: string }[];
    expect(audit.map((e) => e.action)).toContain('subject.merge');
  });

  it('answers the listing gaps between allies, and refuses an unknown jurisdiction', async () => {
    const res = await t.call('exporter', 'GET', '/listing-gaps?jurisdictions=UN,AU,EU');
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      gaps: { subjectId: string; class: string; missing: string[] }[];
      matrix: Record<string, Record<string, number>>;
    };
    expect(report.gaps.find((g) => g.subjectId === 'un-sc:QDi.100')).toMatchObject({
      class: 'un-not-implemented',
      missing: ['AU'],
    });
    expect(report.matrix.UN!.AU).toBe(1);
    expect((await t.call('exporter', 'GET', '/listing-gaps?jurisdictions=UN,XX')).status).toBe(400);
  });

  it('resolves fully, and says why, when the stored resolution was made under other name link rules', async () => {
    const unchanged = (await (await t.call('ukAdmin', 'POST', '/subjects/resolution')).json()) as {
      mode: string;
      linkRules: string;
    };
    expect(unchanged).toMatchObject({ mode: 'incremental', screened: 0 });
    // As a store resolved by an older version of the code left it.
    await t.store.kysely.updateTable('subject_runs').set({ link_rules: '2026-12-04' }).execute();
    const res = await t.call('ukAdmin', 'POST', '/subjects/resolution');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      mode: 'full',
      fullBecause: 'link-rules-changed',
      linkRules: unchanged.linkRules,
      previousLinkRules: '2026-12-04',
    });
  });
});
