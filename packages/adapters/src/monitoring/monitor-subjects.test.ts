import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_NAME_REFERENCE } from '@entente/core';
import { storeTargets } from '../test-support/store-targets.ts';
import { CLI_SOURCE, type Actor } from '../sharing/actor.ts';
import { listOf, useMonitorWorld } from '../test-support/monitor-world.ts';
import { subjectServiceFor } from '../subjects/subject-service.ts';

// One man on two lists (the national list repeats the UN reference), and a third list that does
// not list him: monitoring's alerts follow the subjects as single screening does.
const UN = listOf('test-un', 'un.xml');
const AU = listOf('test-au', 'au.xlsx');
const EU = listOf('test-eu', 'eu.xml');
const soleimani = (list: typeof UN, id: string, name: string) =>
  list.party(id, 'person', [name], { unReference: 'IRi.039' });
const FILLER = EU.party('E-1', 'organization', ['Rosoboronexport']);

const REGISTER = `id,name,aliases,type,countries,birth_date,imo,owners
C-1,Qasem Soleimani,,person,IR,,,
C-2,Acme Tools GmbH,,organisation,DE,,,
`;

for (const target of storeTargets()) {
  describe(`monitoring by subject on ${target.name}`, () => {
    const w = useMonitorWorld(target, () =>
      UN.version('2026-11-01', [soleimani(UN, 'IRi.039', 'QASEM SOLEIMANI')]),
    );
    let org: string;
    const subjects = () => subjectServiceFor(w.store, DEFAULT_NAME_REFERENCE);
    beforeEach(async () => {
      await w.store.saveListVersion(AU.version('2026-11-01', [soleimani(AU, '8490', 'Qasem SOLEIMANI')]));
      await w.store.saveListVersion(EU.version('2026-11-01', [FILLER]));
      await subjects().resolve('full');
      org = await w.org('Widget Exports Ltd');
      await w.monitor.importRegister(org, 'book.csv', REGISTER, CLI_SOURCE);
    });
    const hitAlerts = async () =>
      (await w.monitor.alerts.alerts(org)).filter((a) => a.counterpartyId === 'C-1');

    it('raises one alert per counterparty and subject, listing every listing and the lists that lack it', async () => {
      const run = await w.monitor.run(org, { trigger: 'register' });
      expect(run?.counts.newAlerts).toBe(1);
      const alerts = await hitAlerts();
      expect(alerts).toHaveLength(1);
      const [alert] = alerts;
      const subjectId = (await subjects().directory()).get('test-au:8490')!.id;
      expect(alert).toMatchObject({ kind: 'new', subjectId, notListedBy: ['test-eu'] });
      expect(alert!.listings.map((l) => l.entityId).sort()).toEqual(['test-au:8490', 'test-un:IRi.039']);
      expect(alert!.listings.every((l) => (l.score ?? 0) > 0.9)).toBe(true);
      // Both hits are kept one by one: a delta still compares each listing.
      expect((await w.monitor.runs.hits(org)).filter((h) => h.counterpartyId === 'C-1')).toHaveLength(2);
    });

    it('updates the open alert of the subject a new listing joins, on a delta', async () => {
      await w.monitor.run(org, { trigger: 'register' });
      const [alert] = await hitAlerts();
      // C-1 hit no changed listing before (it is a candidate of the new one only): the delta reads
      // its stored hits and alerts once the new listing is found to hit it.
      await w.store.saveListVersion(
        EU.version('2026-11-20', [FILLER, soleimani(EU, 'E-2', 'Qasem Soleimani')]),
      );
      await subjects().resolve('incremental');
      const run = await w.monitor.run(org, { trigger: 'list-version' });
      expect(run?.record?.mode).toBe('delta');
      expect(run?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 0 });
      const alerts = await hitAlerts();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ id: alert!.id, subjectId: alert!.subjectId, notListedBy: [] });
      expect(alerts[0]!.listings.map((l) => l.entityId).sort()).toEqual([
        'test-au:8490',
        'test-eu:E-2',
        'test-un:IRi.039',
      ]);
    });

    it('updates the open alert of a subject one of whose listings is withdrawn, on a delta', async () => {
      await w.monitor.run(org, { trigger: 'register' });
      const [alert] = await hitAlerts();
      // The AU list withdraws him: C-1 hit the removed listing, and is read on its subject only.
      await w.store.saveListVersion(
        AU.version('2026-11-20', [AU.party('9000', 'organization', ['Globex Holdings'])]),
      );
      await subjects().resolve('incremental');
      const run = await w.monitor.run(org, { trigger: 'list-version' });
      expect(run?.record?.mode).toBe('delta');
      const alerts = await hitAlerts();
      const hits = (await w.monitor.runs.hits(org)).filter((h) => h.counterpartyId === 'C-1');
      expect(hits.map((h) => h.entityId)).toEqual(['test-un:IRi.039']);
      // Whatever the delta raised or noted, a full re-screen finds nothing more to raise.
      const full = await w.monitor.run(org, { trigger: 'manual', full: true });
      expect(full?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 0, goneAlerts: 0 });
      const open = alerts.filter((a) => a.state === 'open');
      expect(open.map((a) => `${a.kind} ${a.entityId}`).sort()).toMatchInlineSnapshot(`
        [
          "new test-un:IRi.039",
        ]
      `);
      expect(
        open
          .find((a) => a.id === alert!.id)
          ?.events.map((e) => e.comment ?? '')
          .join(' | '),
      ).toMatchInlineSnapshot(
        `"new hit at score 1 on test-au:8490; new hit at score 1 on test-un:IRi.039 | test-au:8490 was delisted"`,
      );
      expect(run?.counts).toMatchInlineSnapshot(`
        {
          "changedAlerts": 0,
          "counterpartiesScreened": 0,
          "goneAlerts": 0,
          "newAlerts": 0,
          "partiesScreened": 1,
          "suppressed": 0,
        }
      `);
    });

    it('clears every listing of the subject on a false positive, raises a listing that joins it and a split for review', async () => {
      await w.monitor.run(org, { trigger: 'register' });
      const [alert] = await hitAlerts();
      const by = { userId: 'cli', orgId: org, ip: 'local' };
      await w.monitor.changeAlert(org, alert!.id, { state: 'in-review' }, by);
      const decided = await w.monitor.changeAlert(
        org,
        alert!.id,
        { state: 'false-positive', reason: 'our customer was born in 1985' },
        by,
      );
      const clearance = (await w.store.clearances(org)).find((c) => c.id === decided.clearanceId)!;
      expect(clearance.listings?.sort()).toEqual(['test-au:8490', 'test-un:IRi.039']);

      // The EU lists him too: the new listing joined the cleared subject and is raised for review,
      // in one alert of that subject; the listings the officer cleared stay cleared.
      await w.store.saveListVersion(
        EU.version('2026-11-20', [FILLER, soleimani(EU, 'E-2', 'Qasem Soleimani')]),
      );
      await subjects().resolve('incremental');
      const run = await w.monitor.run(org, { trigger: 'list-version' });
      expect(run?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 1 });
      const raised = (await hitAlerts()).filter((a) => a.state === 'open');
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({
        kind: 'changed',
        entityId: 'test-eu:E-2',
        subjectId: alert!.subjectId,
      });
      expect(raised[0]!.notListedBy).toEqual([]);
      expect(raised[0]!.events[0]!.comment).toContain('joined a subject cleared');
      await w.monitor.changeAlert(org, raised[0]!.id, { state: 'in-review' }, by);
      await w.monitor.changeAlert(
        org,
        raised[0]!.id,
        { state: 'false-positive', reason: 'same man, same ruling' },
        by,
      );

      // An analyst splits the AU listing off: the clearance's premise is gone, so the next run
      // raises the covered listings again, as screening shows them.
      const analyst: Actor = { userId: 'analyst', orgId: org, orgKind: 'agency', role: 'analyst' };
      await subjects().decide(analyst, 'split', 'test-un:IRi.039', 'test-au:8490', 'two men');
      const full = await w.monitor.run(org, { trigger: 'manual', full: true });
      expect(full?.counts.changedAlerts).toBe(2);
      const again = (await hitAlerts()).filter((a) => a.state === 'open');
      expect(again.map((a) => a.entityId).sort()).toEqual(['test-au:8490', 'test-un:IRi.039']);
      expect(new Set(again.map((a) => a.subjectId)).size).toBe(2);
      expect(again.every((a) => a.events[0]!.comment?.includes('split since'))).toBe(true);
      // Raised once: the next run leaves them as they are.
      const next = await w.monitor.run(org, { trigger: 'manual', full: true });
      expect(next?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 0 });
    });
  });
}
