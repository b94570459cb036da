import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, storeTargets } from '@entente/adapters/testing';
import { dob, person, version } from '../test-support/listed-people.ts';
import { openSharingApp, type SharingApp } from './sharing-fixture.ts';

interface Alert {
  id: string;
  counterpartyId: string;
  entityId: string;
  subjectId: string;
  listings: { entityId: string; source: string; score?: number }[];
  notListedBy: string[];
}

describe.each(storeTargets())('monitoring alerts by subject over HTTP on $name', (target) => {
  let t: SharingApp;
  beforeAll(async () => {
    t = await openSharingApp(target);
    await t.store.saveListVersion(
      version('un-sc', [person('un-sc', 'IRi.039', 'QASEM SOLEIMANI', { unReference: 'IRi.039', ...dob })]),
    );
    await t.store.saveListVersion(
      version('au-dfat', [person('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039' })]),
    );
    await t.store.saveListVersion(
      version('us-ofac-sdn', [person('us-ofac-sdn', '10481', 'SOLEIMANI, Qasem', dob)]),
    );
    // The EU list of this world does not list him.
    await t.store.saveListVersion(
      version('eu-sanctions', [person('eu-sanctions', 'x/2', 'Abdul Rahman YASIN')]),
    );
    expect((await t.call('ukAdmin', 'POST', '/subjects/resolution?full=true')).status).toBe(200);
  }, 600_000); // four lists stored and resolved: minutes on a loaded machine
  afterAll(async () => t.close());

  it('answers one alert per counterparty and subject, with every listing and the lists lacking it', async () => {
    const imported = await t.call('exporter', 'POST', '/monitoring/counterparties', {
      file: 'book.csv',
      format: 'csv',
      content: 'id,name,type,countries,birth_date\nC-1,Qasem Soleimani,person,IR,1957-03-11\n',
    });
    expect(imported.status).toBe(201);
    const alerts = await eventually(async () => {
      const body = (await (await t.call('exporter', 'GET', '/monitoring/alerts')).json()) as {
        alerts: Alert[];
      };
      expect(body.alerts.length).toBeGreaterThan(0);
      return body.alerts;
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      counterpartyId: 'C-1',
      subjectId: 'un-sc:IRi.039',
      notListedBy: ['eu-sanctions'],
    });
    expect(alerts[0]!.listings.map((l) => [l.entityId, l.score !== undefined]).sort()).toEqual([
      ['au-dfat:8490', true],
      ['un-sc:IRi.039', true],
      ['us-ofac-sdn:10481', true],
    ]);
    const one = (await (
      await t.call('exporter', 'GET', `/monitoring/alerts/${alerts[0]!.id}`)
    ).json()) as Alert;
    expect(one.subjectId).toBe('un-sc:IRi.039');
    const csv = (await (await t.call('exporter', 'GET', '/monitoring/alerts.csv')).text())
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toContain('subject_id,subject_listings,not_listed_by');
    expect(csv[1]).toContain(
      `,un-sc:IRi.039,${alerts[0]!.listings.map((l) => l.entityId).join('|')},eu-sanctions,`,
    );
  });
});
