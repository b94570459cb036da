import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_REFERENCE } from '@entente/core';
import { ScreeningService } from '../screening/screening-service.ts';
import { MonitorService } from './monitor-service.ts';
import { storeTargets } from '../test-support/store-targets.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { listOf, useMonitorWorld } from '../test-support/monitor-world.ts';

const SOURCE = 'columns-list';
const { party, version } = listOf(SOURCE, 'list.csv');

const V1 = [
  party('1', 'organization', ['Orion Maritime Trading']),
  party('2', 'person', ['Ivan Sergeyevich Petrov'], { birthDates: [{ value: '1970', precision: 'year' }] }),
  party('3', 'vessel', ['Ocean Star'], { identifiers: [{ type: 'imo', value: '9187629' }] }),
  party('4', 'organization', ['Northwind Logistics Company']),
];
// A week later: Orion changed (an alias), Globex added, Ocean Star removed.
const V2 = [
  party('1', 'organization', ['Orion Maritime Trading', 'Orion Marine Trading']),
  party('2', 'person', ['Ivan Sergeyevich Petrov'], { birthDates: [{ value: '1970', precision: 'year' }] }),
  party('4', 'organization', ['Northwind Logistics Company']),
  party('5', 'organization', ['Globex Holdings Limited']),
];

const BOOK = [
  'id,name,aliases,type,countries,birth_date,imo,owners',
  'C-1,Orion Maritime Trading LLC,,organisation,RU,,,',
  'C-2,Ivan Petrov,,person,RU,1970-03-02,,',
  'C-3,Ocean Star Shipping,,vessel,,,IMO 9187629,',
  'C-4,Northwind Logistic Co,,organisation,DE,,,',
  'C-5,Globex Holdings Ltd,,organisation,GB,,,',
  'C-6,Acme Tools GmbH,,organisation,DE,,,C-1:60%',
].join('\n');

for (const target of storeTargets()) {
  describe(`a full run whose screening service reads its snapshot's columns on ${target.name}`, () => {
    const w = useMonitorWorld(target, () => version('2024-04-26', V1));

    // How the writable index comes back before the next delta: restored in the background after
    // the full run and waited for; or that restore still under way (held after its first step)
    // when the delta's refresh needs it, which finishes it.
    for (const restore of ['waited for', 'under way'] as const)
      it(`stores the hits (with their listed party hashes) and alerts of a service over objects, and so does the next delta (background restore ${restore})`, async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'entente-over-columns-'));
        const snapshotFile = path.join(dir, 'index.snapshot');
        // The first open saves the snapshot; the second reads its columns, as `monitor run --full --workers N`.
        await (await ScreeningService.open(w.store, DEFAULT_NAME_REFERENCE, { snapshotFile })).close();
        const pooled = await ScreeningService.open(w.store, DEFAULT_NAME_REFERENCE, {
          snapshotFile,
          workers: 1,
          overColumns: true,
        });
        const monitor = new MonitorService(w.store, pooled);
        // 'under way': the background restore, started before the run (the run's own call joins it),
        // makes one step and then waits for `release`, until after the delta.
        let pauses = 0;
        let release = () => {};
        const gate = new Promise<void>((r) => (release = r));
        const restored =
          restore === 'under way'
            ? pooled.restoreWritableSoon(() => (++pauses <= 1 ? Promise.resolve() : gate))
            : undefined;
        try {
          expect(pooled.state().origin).toBe('snapshot');
          expect(pooled.index.columns).toBeDefined();
          expect(await pooled.workersReady()).toBe(true);
          const columns = await w.org('Widget Exports Ltd');
          const objects = await w.org('Gadget Trading plc');
          await monitor.importRegister(columns, 'book.csv', BOOK, CLI_SOURCE);
          await w.monitor.importRegister(objects, 'book.csv', BOOK, CLI_SOURCE);
          expect(w.screening.index.columns).toBeUndefined();

          const alertsOf = async (m: MonitorService, org: string) =>
            (await m.alerts.alerts(org, { limit: 1000 }))
              .map((x) => `${x.kind} ${x.state} ${x.counterpartyId}×${x.entityId} ${x.score}`)
              .sort();
          const hitsOf = async (m: MonitorService, org: string) =>
            (await m.runs.hits(org))
              .map(
                (h) =>
                  `${h.counterpartyId}×${h.entityId} ${h.score} ${h.partyHash} ${JSON.stringify(h.match)}`,
              )
              .sort();

          const a = await monitor.run(columns, { trigger: 'full', full: true });
          const b = await w.monitor.run(objects, { trigger: 'full', full: true });
          expect(a?.record?.mode).toBe('full');
          expect(a!.counts).toEqual(b!.counts);
          expect(a!.counts.newAlerts).toBeGreaterThanOrEqual(4);
          expect(await hitsOf(monitor, columns)).toEqual(await hitsOf(w.monitor, objects));
          expect(await alertsOf(monitor, columns)).toEqual(await alertsOf(w.monitor, objects));

          if (restore === 'waited for') {
            // Started by the run in the background; the index reads the columns until it is done.
            await pooled.restoreWritableSoon();
            expect(pooled.overColumns).toBe(false);
            expect(pooled.index.columns).toBeUndefined();
          } else {
            expect(pauses).toBe(2); // one step made, the second held
            expect(pooled.overColumns).toBe(true);
          }

          // The next list version: the refresh patches the writable index (finishing its restore if under way).
          await w.store.saveListVersion(version('2024-05-03', V2));
          const c = await monitor.run(columns, { trigger: 'list-version' });
          const d = await w.monitor.run(objects, { trigger: 'list-version' });
          expect(pooled.index.columns).toBeUndefined();
          expect(c?.record?.mode).toBe('delta');
          expect(c!.counts).toEqual(d!.counts);
          expect(c!.counts.newAlerts).toBeGreaterThan(0);
          expect(c!.counts.goneAlerts).toBeGreaterThan(0);
          expect(await hitsOf(monitor, columns)).toEqual(await hitsOf(w.monitor, objects));
          expect(await alertsOf(monitor, columns)).toEqual(await alertsOf(w.monitor, objects));
          // The held restore, finished by the refresh, ends without another step or swap.
          release();
          await restored;
          if (restore === 'under way') expect(pauses).toBe(2);
          expect(pooled.index.columns).toBeUndefined();
        } finally {
          release();
          await monitor.close();
          await pooled.close();
          rmSync(dir, { recursive: true, force: true });
        }
      });
  });
}
