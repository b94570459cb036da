import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFormat, importList, LIST_FORMATS } from '@entente/adapters';
import { sharedDataPath, storeTargets } from '@entente/adapters/testing';
import { openSharingApp, sampleDenial, type SharingApp } from './sharing-fixture.ts';

interface Match {
  source: string;
  sourceId: string;
  entityId: string;
  name: string;
  score: number;
  programs: string[];
  explanation: string[];
}
type Caller = 'uk' | 'de' | 'af' | 'exporter';

describe('denied parties in screening (UN list loaded)', () => {
  let t: SharingApp;
  let denialId: string;
  beforeAll(async () => {
    t = await openSharingApp(storeTargets()[0]!);
    await importList(t.store, findFormat(LIST_FORMATS, 'un-sc-xml'), [
      sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml'),
    ]);
    const res = await t.call('uk', 'POST', '/denials', sampleDenial());
    denialId = ((await res.json()) as { id: string }).id;
  });
  afterAll(async () => t.close());

  const screen = async (who: Caller, body: Record<string, unknown>) => {
    const res = await t.call(who, 'POST', '/screen', body);
    return { status: res.status, body: (await res.json()) as { matches: Match[] } & Record<string, unknown> };
  };
  const screenAudits = async () => {
    await t.world.sharing.audit.flush();
    return (
      await sql<{ actor_org_id: string; details: Record<string, unknown> }>`
        select actor_org_id, details from audit_log where action = 'denial.screen-parties' order by seq`.execute(
        t.store.kysely,
      )
    ).rows.map((r) => ({ actorOrgId: r.actor_org_id, details: r.details }));
  };

  it('matches a respelled denied party for an agency the denial is shared with, with the denial’s reason', async () => {
    const { status, body } = await screen('de', { name: 'Kaliningrad Instrumnet Works' });
    expect(status).toBe(200);
    const hit = body.matches.find((m) => m.source === 'denials');
    expect(hit).toMatchObject({ source: 'denials', sourceId: `${denialId}/2` });
    expect(hit!.score).toBeGreaterThanOrEqual(0.86);
    expect(hit!.programs).toEqual(['denial:end-user', `denied-by:${t.world.orgs.uk.id}`]);
    expect(hit!.explanation.join('\n')).toContain('criterion 7');
  });

  it('audits the read of shared data with the denials hit', async () => {
    const before = (await screenAudits()).length;
    await screen('de', { name: 'Baltic Trading House' });
    const audits = await screenAudits();
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({
      actorOrgId: t.world.orgs.de.id,
      details: { denials: 1, parties: 2, subjects: 1, hits: denialId },
    });
  });

  it('never gives exporters or agencies outside the sharing scope a denial hit, and reads nothing for exporters', async () => {
    const before = (await screenAudits()).length;
    for (const who of ['exporter', 'af'] as const) {
      const { status, body } = await screen(who, { name: 'Kaliningrad Instrument Works JSC' });
      expect(status).toBe(200);
      expect(body.matches.filter((m) => m.source === 'denials')).toEqual([]);
      const batch = await t.call(who, 'POST', '/screen/batch', {
        subjects: [{ id: '1', name: 'Baltic Trading House LLC' }],
      });
      const results = ((await batch.json()) as { results: { matches: Match[] }[] }).results;
      expect(results[0]!.matches).toEqual([]);
    }
    // Only the outsider agency's two reads were audited: the exporter path does not touch denials.
    const after = await screenAudits();
    expect(after.slice(before).map((a) => a.actorOrgId)).toEqual([t.world.orgs.af.id, t.world.orgs.af.id]);
    const named = await screen('exporter', { name: 'Baltic Trading House', sources: ['denials'] });
    expect(named.status).toBe(400);
    expect((named.body as unknown as { details: { accepted: string[] } }).details.accepted).toEqual([
      'un-sc',
    ]);
    const unknown = await screen('de', { name: 'Baltic Trading House', sources: ['nope'] });
    expect(unknown.status).toBe(400);
    expect((unknown.body as unknown as { details: { accepted: string[] } }).details.accepted).toEqual([
      'un-sc',
      'denials',
    ]);
  });

  it('honours the sources filter: a filter without `denials` leaves them out, `denials` alone screens only them', async () => {
    const unOnly = await screen('de', { name: 'Kaliningrad Instrument Works', sources: ['un-sc'] });
    expect(unOnly.status).toBe(200);
    expect(unOnly.body.matches).toEqual([]);
    const denialsOnly = await screen('de', { name: 'Tharwat Salah Shihata', sources: ['denials'] });
    expect(denialsOnly.body.matches).toEqual([]);
    const both = await screen('de', { name: 'Kaliningrad Instrument Works', sources: ['un-sc', 'denials'] });
    expect(both.body.matches.map((m) => m.source)).toEqual(['denials']);
    const listed = await screen('de', { name: 'Tharwat Salah Shehata', type: 'person' });
    expect(listed.body.matches[0]?.entityId).toMatch(/^un-sc:/);
  });

  it('merges denial hits into a batch, ranked with the list hits', async () => {
    const res = await t.call('de', 'POST', '/screen/batch', {
      subjects: [
        { id: 'a', name: 'Kaliningrad Instrument Works' },
        { id: 'b', name: 'Tharwat Salah Shehata', type: 'person' },
        { id: 'c', name: 'Margarethe Quillfeather-Oyelaran' },
      ],
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { id: string; matches: Match[] }[] };
    expect(results.map((r) => r.matches[0]?.source)).toEqual(['denials', 'un-sc', undefined]);
    expect((await screenAudits()).at(-1)?.details).toMatchObject({ subjects: 3, hits: denialId });
  });

  it('screens the amended parties once a denial is amended (the cached index is not reused)', async () => {
    const before = await screen('de', { name: 'Novaya Gavan Trading' });
    expect(before.body.matches.filter((m) => m.source === 'denials')).toEqual([]);
    const amended = await t.call('uk', 'POST', `/denials/${denialId}/amend`, {
      parties: [{ role: 'consignee', name: 'Novaya Gavan Trading LLC', country: 'LV' }],
    });
    expect(amended.status).toBe(200);
    const after = await screen('de', { name: 'Novaya Gavan Trading' });
    expect(after.body.matches.map((m) => m.sourceId)).toEqual([`${denialId}/1`]);
    const old = await screen('de', { name: 'Kaliningrad Instrument Works' });
    expect(old.body.matches.filter((m) => m.source === 'denials')).toEqual([]);
  });

  it('stops matching a denial once it is revoked', async () => {
    expect((await screen('de', { name: 'Novaya Gavan Trading' })).body.matches).toHaveLength(1);
    await t.call('uk', 'POST', `/denials/${denialId}/revoke`, { reason: 'Licence granted after review' });
    const { body } = await screen('de', { name: 'Novaya Gavan Trading' });
    expect(body.matches.filter((m) => m.source === 'denials')).toEqual([]);
  });

  it('finds the right one among 300 visible denials with near-identical party names', async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      sampleDenial({
        reference: `DN2026/${1000 + i}`,
        parties: [{ role: 'end-user', name: `Test Works Number ${i} Ltd`, country: 'RU' }],
      }),
    );
    await t.world.sharing.denials.createMany(t.world.actors.uk, many);
    const { body } = await screen('de', { name: 'Test Works Number 17' });
    expect(body.matches[0]?.source).toBe('denials');
    expect(body.matches[0]?.name).toBe('Test Works Number 17 Ltd');
  });
});
