import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildParty } from '@entente/core';
import { eventually, storeTargets } from '@entente/adapters/testing';
import { openSharingApp, type SharingApp } from './sharing-fixture.ts';

interface Alert {
  id: string;
  state: string;
  counterpartyId: string;
  entityId: string;
  clearanceId?: string;
}

const REGISTER = `id,name,type,countries
C-1,Rosoboron Export OAO,organisation,RU
C-2,Acme Tools GmbH,organisation,DE
`;

describe.each(storeTargets())('monitoring routes on $name', (target) => {
  let t: SharingApp;
  beforeAll(async () => {
    t = await openSharingApp(target);
    await t.store.saveListVersion({
      source: 'test-sdn',
      publishedAt: '2024-04-26',
      format: 'custom-csv',
      files: ['sdn.csv'],
      parties: [
        buildParty({
          source: 'test-sdn',
          sourceId: '1',
          schema: 'organization',
          names: [{ full: 'Rosoboronexport', quality: 'primary' }],
        }),
      ],
      warnings: [],
    });
  });
  afterAll(async () => t.close());

  it('imports a register, runs, and carries an alert through the workflow, per organisation and audited', async () => {
    expect((await t.call(null, 'GET', '/monitoring/alerts')).status).toBe(401);
    const bad = await t.call('exporter', 'POST', '/monitoring/counterparties', {
      file: 'book.csv',
      format: 'csv',
      content: REGISTER + 'C-3,,organisation,ZZ\n',
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      error: 'register-invalid',
      details: {
        file: 'book.csv',
        row: 4,
        field: 'name',
        problems: [
          { row: 4, field: 'name' },
          { row: 4, field: 'countries' },
        ],
      },
    });
    const imported = await t.call('exporter', 'POST', '/monitoring/counterparties', {
      file: 'book.csv',
      format: 'csv',
      content: REGISTER,
    });
    expect(imported.status).toBe(201);
    expect(await imported.json()).toMatchObject({ created: true, added: ['C-1', 'C-2'] });

    // The import starts a run in the background; its progress is visible.
    const alerts = await eventually(async () => {
      const runs = (await (await t.call('exporter', 'GET', '/monitoring/runs')).json()) as {
        runs: { state: string }[];
      };
      expect(runs.runs[0]?.state).toBe('done');
      const body = (await (await t.call('exporter', 'GET', '/monitoring/alerts?state=open')).json()) as {
        alerts: Alert[];
      };
      expect(body.alerts).toHaveLength(1);
      return body.alerts;
    });
    const alert = alerts[0]!;
    expect(alert).toMatchObject({ counterpartyId: 'C-1', entityId: 'test-sdn:1' });
    // The first run screened everyone: it is recorded as a full run, and no full run is due.
    const runs = (await (await t.call('exporter', 'GET', '/monitoring/runs')).json()) as {
      runs: { record?: { mode: string } }[];
    };
    expect(runs.runs[0]?.record?.mode).toBe('full');
    const status = await t.call('exporter', 'GET', '/monitoring/status');
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({
      fullRun: { due: false, reasons: [], deltasSince: 0, rule: { listVersions: 4, days: 7 } },
    });
    expect((await t.call(null, 'GET', '/monitoring/status')).status).toBe(401);

    // Another organisation sees nothing, and its attempts answer like unknown ids.
    expect(await (await t.call('uk', 'GET', '/monitoring/alerts')).json()).toEqual({ alerts: [] });
    expect((await t.call('uk', 'GET', `/monitoring/alerts/${alert.id}`)).status).toBe(404);
    expect(
      (await t.call('uk', 'POST', `/monitoring/alerts/${alert.id}`, { state: 'in-review' })).status,
    ).toBe(404);
    expect((await t.call('uk', 'GET', '/monitoring/counterparties/C-1')).status).toBe(404);

    const refused = await t.call('exporter', 'POST', `/monitoring/alerts/${alert.id}`, {
      state: 'false-positive',
      reason: 'Namesake',
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: 'alert-transition-refused',
      details: { accepted: ['in-review', 'escalated'] },
    });
    // The bulk route reaches its own handler: one alert moved, an unknown id reported, not thrown.
    const bulk = await t.call('exporter', 'POST', '/monitoring/alerts/bulk', {
      ids: [alert.id, 'no-such-alert'],
      change: { state: 'in-review', comment: 'Checking' },
    });
    expect(bulk.status).toBe(200);
    expect(await bulk.json()).toMatchObject({
      alerts: [{ id: alert.id, state: 'in-review' }],
      errors: [{ id: 'no-such-alert', error: 'not-found' }],
    });
    const decided = await t.call('exporter', 'POST', `/monitoring/alerts/${alert.id}`, {
      state: 'false-positive',
      reason: 'Our customer makes tools in Tula',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect(decided.status).toBe(200);
    expect(((await decided.json()) as Alert).clearanceId).toBeDefined();
    const clearances = (await (await t.call('exporter', 'GET', '/clearances')).json()) as {
      clearances: { entityId: string }[];
    };
    expect(clearances.clearances.map((c) => c.entityId)).toContain('test-sdn:1');

    const csv = await t.call('exporter', 'GET', '/monitoring/alerts.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,state,kind,counterparty_id/);
    expect(lines[1]).toContain('false-positive');

    const audit = await sql<{ action: string; outcome: string }>`
      select action, outcome from audit_log where action like 'monitor.%' order by seq`.execute(
      t.store.kysely,
    );
    expect(audit.rows).toEqual([
      { action: 'monitor.register-import', outcome: 'ok' },
      { action: 'monitor.alert-read', outcome: 'denied' },
      { action: 'monitor.alert-change', outcome: 'denied' },
      { action: 'monitor.alert-change', outcome: 'ok' }, // in review, through the bulk route
      { action: 'monitor.alert-change', outcome: 'denied' }, // the bulk route's unknown id
      { action: 'monitor.alert-change', outcome: 'ok' },
    ]);
  });
});
