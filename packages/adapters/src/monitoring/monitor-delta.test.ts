import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_REFERENCE, type AlertKind } from '@entente/core';
import { ScreeningService } from '../screening/screening-service.ts';
import { MonitorService } from './monitor-service.ts';
import { storeTargets } from '../test-support/store-targets.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { listOf, useMonitorWorld } from '../test-support/monitor-world.ts';

const SOURCE = 'test-list';
const { party, version } = listOf(SOURCE, 'list.csv');

// Ten listed companies share one name (as shell companies and vessels do), so one
// counterparty matches all of them; a party listed next week under that name is an eleventh.
const orion = (id: number, aliases: string[] = []) =>
  party(String(id), 'organization', ['Orion Maritime Trading', ...aliases]);
const V1 = [
  ...Array.from({ length: 10 }, (_, k) => orion(11 + k)),
  party('2', 'person', ['Ivan Sergeyevich Petrov'], { birthDates: [{ value: '1970', precision: 'year' }] }),
  party('3', 'vessel', ['Ocean Star'], { identifiers: [{ type: 'imo', value: '9187629' }] }),
];
// The next week: an eleventh Orion (sorting before the others) and Globex added, Orion 12
// and Petrov changed (an alias each), Ocean Star removed.
const V2 = [
  orion(10),
  ...V1.slice(0, 10).map((p) => (p.sourceId === '12' ? orion(12, ['Orion Marine Trading']) : p)),
  party('2', 'person', ['Ivan Sergeyevich Petrov', 'Ivan Petroff'], {
    birthDates: [{ value: '1970', precision: 'year' }],
  }),
  party('5', 'organization', ['Globex Holdings Limited']),
];

const REGISTER = `id,name,aliases,type,countries,birth_date,imo,owners
C-1,Orion Maritime Trading,,organisation,,,,
C-2,Ivan Petrov,,person,RU,1970-03-02,,
C-3,Ocean Star Shipping Vessel,,vessel,,,IMO 9187629,
C-4,Globex Holdings Ltd,,organisation,GB,,,
C-5,Acme Tools GmbH,Acme Werkzeuge,organisation,DE,,,
`;

for (const target of storeTargets()) {
  describe(`the monitoring delta on ${target.name}`, () => {
    const w = useMonitorWorld(target, () => version('2024-04-26', V1));

    const hits = async (orgId: string) =>
      (await w.monitor.runs.hits(orgId))
        .map((h) => `${h.counterpartyId}×${h.entityId} ${h.score} ${h.partyHash}`)
        .sort();

    it('finds after added, changed and removed listed parties exactly the hits a full re-screen finds', async () => {
      // One organisation follows the update with a delta; the other screens its register first after it.
      const delta = await w.org('Widget Exports Ltd');
      const fresh = await w.org('Gadget Trading plc');
      await w.monitor.importRegister(delta, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(delta, { trigger: 'register' });
      const oceanStar = (await w.monitor.runs.hits(delta)).find((h) => h.entityId === `${SOURCE}:3`)!;
      expect(oceanStar.match.explanation.length).toBeGreaterThan(0);
      await w.store.saveListVersion(version('2024-05-03', V2));
      const run = await w.monitor.run(delta, { trigger: 'list-version' });
      expect(run?.counts).toMatchObject({ partiesScreened: 4, goneAlerts: 1 });
      expect(run!.counts.counterpartiesScreened).toBeLessThan(5);

      await w.monitor.importRegister(fresh, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(fresh, { trigger: 'register' });
      expect(await hits(delta)).toEqual(await hits(fresh));
      // Every Orion is a hit of C-1, the eleventh too, whatever the number of namesakes.
      expect((await hits(delta)).filter((h) => h.startsWith('C-1×'))).toHaveLength(11);
      const alerts = (await w.monitor.alerts.alerts(delta)).map(
        (a) => `${a.kind} ${a.counterpartyId}×${a.entityId}`,
      );
      expect(alerts).toEqual(
        expect.arrayContaining([`new C-1×${SOURCE}:10`, `new C-4×${SOURCE}:5`, `gone C-3×${SOURCE}:3`]),
      );
      // The run reads the stored hits without their explanations; the gone alert shows the
      // delisted party's hit as it was stored, explanation and all.
      const gone = (await w.monitor.alerts.alerts(delta)).find((a) => a.kind === 'gone')!;
      expect(gone).toMatchObject({
        entityId: `${SOURCE}:3`,
        features: oceanStar.match.features,
        explanation: oceanStar.match.explanation,
        programs: oceanStar.match.programs,
        listedName: oceanStar.match.listedName,
        matchedName: oceanStar.match.matchedName,
      });

      // Screening everyone again changes nothing: no hit was pushed out or missed.
      const full = await w.monitor.run(delta, { trigger: 'manual', full: true });
      expect(full?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 0, goneAlerts: 0 });
    });

    it('gives a counterparty whose best hit changes, beside untouched ones, the hits and alerts of a full re-screen', async () => {
      // C-6 is no Orion's namesake; next week Orion 12 gains C-6's exact name as an alias, so its
      // best hit becomes Orion 12 (C-1's hits on the other Orions, and C-7, are not touched).
      const book =
        REGISTER +
        'C-6,Orion Marine Trading,,organisation,,,,\nC-7,Acme Werkzeuge GmbH,,organisation,DE,,,\n';
      const delta = await w.org('Widget Exports Ltd');
      const fresh = await w.org('Gadget Trading plc');
      await w.monitor.importRegister(delta, 'book.csv', book, CLI_SOURCE);
      await w.monitor.run(delta, { trigger: 'register' });
      const before = (await w.monitor.runs.hits(delta)).filter((h) => h.counterpartyId === 'C-6');
      await w.store.saveListVersion(version('2024-05-03', V2));
      await w.monitor.run(delta, { trigger: 'list-version' });

      await w.monitor.importRegister(fresh, 'book.csv', book, CLI_SOURCE);
      await w.monitor.run(fresh, { trigger: 'register' });
      expect(await hits(delta)).toEqual(await hits(fresh));
      const after = (await w.monitor.runs.hits(delta)).filter((h) => h.counterpartyId === 'C-6');
      const best = (xs: typeof after) => [...xs].sort((a, b) => b.score - a.score)[0]!;
      expect(best(after)).toMatchObject({ entityId: `${SOURCE}:12`, score: 1 });
      expect(before.find((h) => h.entityId === `${SOURCE}:12`)?.score ?? 0).toBeLessThan(1);
      // The alerts of the delta are those a full re-screen leaves as they are.
      const full = await w.monitor.run(delta, { trigger: 'manual', full: true });
      expect(full?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 0, goneAlerts: 0 });
      const open = (await w.monitor.alerts.alerts(delta)).find(
        (a) => a.counterpartyId === 'C-6' && a.entityId === `${SOURCE}:12`,
      )!;
      expect(open.score).toBe(1);
    });

    it('finds a short counterparty name that a long listed name added next week hits', async () => {
      // Screened forwards, "Design Trading S.A." hits the long name's alias at 0.869; screened the
      // other way round (the listed name against the register, as the delta's candidate search
      // does), the listed name's many words the counterparty lacks bring it down to 0.405.
      const bureau = 'Joint Stock Company ‘Experimental Design Bureau ‘Crystal’’';
      const book = REGISTER + 'C-6,Design Trading S.A.,,organisation,GB,,,\n';
      const delta = await w.org('Widget Exports Ltd');
      const fresh = await w.org('Gadget Trading plc');
      await w.monitor.importRegister(delta, 'book.csv', book, CLI_SOURCE);
      await w.monitor.run(delta, { trigger: 'register' });
      await w.store.saveListVersion(
        version('2024-05-03', [...V2, party('6', 'organization', [bureau, `${bureau} Trading`])]),
      );
      await w.monitor.run(delta, { trigger: 'list-version' });

      await w.monitor.importRegister(fresh, 'book.csv', book, CLI_SOURCE);
      await w.monitor.run(fresh, { trigger: 'register' });
      expect((await hits(fresh)).some((h) => h.startsWith(`C-6×${SOURCE}:6 `))).toBe(true);
      expect(await hits(delta)).toEqual(await hits(fresh));
      const full = await w.monitor.run(delta, { trigger: 'manual', full: true });
      expect(full?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 0, goneAlerts: 0 });
    });

    it('finds a counterparty that a long listed name added next week hits only when screened forwards', async () => {
      // Forwards (the counterparty's name against the lists, as a full run screens) "Kalinin
      // Building Plant" hits the listed name at 0.875; the other way round (the listed name
      // against the register) it scores under the candidate bound: 0, not retrieved at any
      // threshold. A reverse candidate search misses it; the forward one finds it.
      const plant =
        'Federal State Unitary Enterprise Kalinin Machine Building Plant of the Ministry of Defence of the Russian Federation Electronic Engineering Scientific Production Association';
      const book = REGISTER + 'C-6,Kalinin Building Plant,,organisation,RU,,,\n';
      const delta = await w.org('Widget Exports Ltd');
      const fresh = await w.org('Gadget Trading plc');
      await w.monitor.importRegister(delta, 'book.csv', book, CLI_SOURCE);
      await w.monitor.run(delta, { trigger: 'register' });
      await w.store.saveListVersion(
        version('2024-05-03', [
          ...V2,
          party('7', 'organization', [plant], { countries: [{ code: 'RU', role: 'other' }] }),
        ]),
      );
      const run = await w.monitor.run(delta, { trigger: 'list-version' });
      expect(run!.counts.counterpartiesScreened).toBeLessThan(7);

      await w.monitor.importRegister(fresh, 'book.csv', book, CLI_SOURCE);
      await w.monitor.run(fresh, { trigger: 'register' });
      expect((await hits(fresh)).some((h) => h.startsWith(`C-6×${SOURCE}:7 `))).toBe(true);
      expect(await hits(delta)).toEqual(await hits(fresh));
      const alerts = (await w.monitor.alerts.alerts(delta)).map(
        (a) => `${a.kind} ${a.counterpartyId}×${a.entityId}`,
      );
      expect(alerts).toContain(`new C-6×${SOURCE}:7`);
      const full = await w.monitor.run(delta, { trigger: 'manual', full: true });
      expect(full?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 0, goneAlerts: 0 });
    });

    it('records on each run whether it was full or a delta, and says a full run is due after four list versions', async () => {
      const org = await w.org('Widget Exports Ltd');
      await w.monitor.importRegister(org, 'book.csv', REGISTER, CLI_SOURCE);
      const first = await w.monitor.run(org, { trigger: 'register' });
      expect(first?.record).toMatchObject({ mode: 'full', listVersions: 1, weightsDrift: 0 });
      expect(await w.monitor.fullRunStatus(org)).toMatchObject({ due: false, deltasSince: 0 });
      // Four list versions (each content new: a version like an earlier one is not stored again).
      const extra = (name: string) => [...V2, party('90', 'organization', [name])];
      const versions = [V2, extra('Zephyr Quarries'), extra('Yonder Quarries'), extra('Xanadu Quarries')];
      for (const [k, parties] of versions.entries()) {
        await w.store.saveListVersion(version(`2024-05-0${k + 3}`, parties));
        const run = await w.monitor.run(org, { trigger: 'list-version' });
        expect(run?.record).toMatchObject({ mode: 'delta', listVersions: 1 });
        expect(run!.record!.versions[SOURCE]).toBeGreaterThan(first!.record!.versions[SOURCE]!);
        const status = await w.monitor.fullRunStatus(org);
        expect(status).toMatchObject({ deltasSince: k + 1, listVersionsSince: k + 1, due: k === 3 });
      }
      // As stored: the run list reads the record back.
      const [latest] = await w.monitor.runs.recent(org, 1);
      expect(latest!.record).toMatchObject({ mode: 'delta', listVersions: 1 });
      expect((await w.monitor.fullRunStatus(org)).reasons).toEqual([
        '4 list versions since the last full run (a full run after 4)',
      ]);
      await w.monitor.run(org, { trigger: 'manual', full: true });
      expect(await w.monitor.fullRunStatus(org)).toMatchObject({ due: false, deltasSince: 0 });
    });

    it('reads the stored hits and alerts of the counterparties it is given only', async () => {
      const org = await w.org('Widget Exports Ltd');
      await w.monitor.importRegister(org, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(org, { trigger: 'register' });
      const all = await w.monitor.runs.runHits(org);
      expect(all.some((h) => h.counterpartyId === 'C-3')).toBe(true);
      const c1 = await w.monitor.runs.runHits(org, new Set(['C-1', 'C-9']));
      expect(c1.map((h) => h.counterpartyId)).toEqual(Array(10).fill('C-1'));
      expect(await w.monitor.runs.runHits(org, new Set())).toEqual([]);
      expect(
        await w.monitor.runs.counterpartiesHitting(org, new Set([`${SOURCE}:3`, `${SOURCE}:4`])),
      ).toEqual(new Set(['C-3']));
      const kinds: AlertKind[] = ['new', 'changed', 'gone'];
      const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
      const some = await w.monitor.alerts.runAlerts(org, kinds, new Set(['C-2', 'C-3']));
      const every = await w.monitor.alerts.runAlerts(org, kinds);
      expect(some.length).toBeGreaterThan(0);
      expect(ids(some)).toEqual(
        ids(every.filter((a) => a.counterpartyId === 'C-2' || a.counterpartyId === 'C-3')),
      );
      expect(every.length).toBeGreaterThan(some.length);
    });

    /** A monitor over a screening service with one worker, its register screened once. */
    async function withPooledMonitor(
      body: (pooled: ScreeningService, monitor: MonitorService, org: string) => Promise<void>,
    ): Promise<void> {
      const pooled = await ScreeningService.open(w.store, DEFAULT_NAME_REFERENCE, {
        workers: 1,
        deltaWorker: true,
      });
      const monitor = new MonitorService(w.store, pooled);
      try {
        const org = await w.org('Widget Exports Ltd');
        await monitor.importRegister(org, 'book.csv', REGISTER, CLI_SOURCE);
        await monitor.run(org, { trigger: 'register' });
        await body(pooled, monitor, org);
      } finally {
        await monitor.close();
        await pooled.close();
      }
    }

    it('runs a delta before the workers restart on the new lists, screening the new lists meanwhile', async () => {
      await withPooledMonitor(async (pooled, monitor, org) => {
        expect(await pooled.workersReady()).toBe(true);
        await w.store.saveListVersion(version('2024-05-03', V2));
        // Asked once the delta has found its scope: the workers, and a screening meanwhile.
        let during: { ready: Promise<boolean>; globex: Promise<string[]> } | undefined;
        const run = await monitor.run(org, {
          trigger: 'list-version',
          onStep: (step) => {
            if (step !== 'scoped') return;
            during = {
              ready: pooled.workersReady(),
              globex: pooled
                .screen({ name: 'Globex Holdings Limited' }, {}, null)
                .then((r) => r.map((m) => m.entityId)),
            };
          },
        });
        expect(run?.record?.mode).toBe('delta');
        expect(await during!.ready).toBe(false);
        expect(await during!.globex).toContain(`${SOURCE}:5`);
        // Restarted once the delta is over, on the new lists.
        expect(await pooled.workersReady()).toBe(true);
        expect((await pooled.screen({ name: 'Ocean Star' }, {}, null)).map((m) => m.entityId)).not.toContain(
          `${SOURCE}:3`,
        );
      });
    });

    it('scores a delta on the delta worker kept from the run before, patched to the new lists, with the hits of a full re-screen', async () => {
      await withPooledMonitor(async (pooled, monitor, org) => {
        // Started by the run, for the deltas to come.
        await pooled.startDeltaWorker();
        expect(pooled.deltaWorkerReady()).toBe(true);
        const before = pooled.deltaWorkerActivity()!;
        await w.store.saveListVersion(version('2024-05-03', V2));
        const run = await monitor.run(org, { trigger: 'list-version' });
        expect(run?.record?.mode).toBe('delta');
        // The same worker (not restarted: patched by the refresh) screened the delta's candidates.
        expect(pooled.deltaWorkerReady()).toBe(true);
        expect(pooled.deltaWorkerActivity()!).toBeGreaterThan(before);
        const fresh = await w.org('Gadget Trading plc');
        await w.monitor.importRegister(fresh, 'book.csv', REGISTER, CLI_SOURCE);
        await w.monitor.run(fresh, { trigger: 'register' });
        const hitsOf = async (m: MonitorService, o: string) =>
          (await m.runs.hits(o))
            .map((h) => `${h.counterpartyId}×${h.entityId} ${h.score} ${h.partyHash}`)
            .sort();
        expect(await hitsOf(monitor, org)).toEqual(await hitsOf(w.monitor, fresh));
        expect((await hitsOf(monitor, org)).some((h) => h.startsWith(`C-4×${SOURCE}:5`))).toBe(true);
        // A week later again (Globex gone): the same worker, patched once more.
        await w.store.saveListVersion(version('2024-05-10', V2.slice(0, -1)));
        const second = await monitor.run(org, { trigger: 'list-version' });
        expect(second?.counts.goneAlerts).toBeGreaterThan(0);
        expect(pooled.deltaWorkerReady()).toBe(true);
        expect((await hitsOf(monitor, org)).some((h) => h.startsWith(`C-4×${SOURCE}:5`))).toBe(false);
        await w.monitor.run(fresh, { trigger: 'list-version' });
        const again = await w.org('Acme Trading plc');
        await w.monitor.importRegister(again, 'book.csv', REGISTER, CLI_SOURCE);
        await w.monitor.run(again, { trigger: 'register' });
        expect(await hitsOf(monitor, org)).toEqual(await hitsOf(w.monitor, again));
      });
    });

    /** Waits until the monitor's pass has brought `org` to the latest version of the list. */
    async function untilPassed(monitor: MonitorService, org: string): Promise<void> {
      const latest = (await w.store.latestVersions()).find((v) => v.source === SOURCE)!.id;
      for (let i = 0; i < 1200 && (await monitor.runs.positions(org)).get(SOURCE) !== latest; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect((await monitor.runs.positions(org)).get(SOURCE)).toBe(latest);
    }

    it('releases the workers held from a list version notification once the pass is over', async () => {
      await withPooledMonitor(async (pooled, monitor, org) => {
        await pooled.watch();
        await monitor.watch();
        await w.store.saveListVersion(version('2024-05-03', V2));
        await untilPassed(monitor, org);
        // The pass is over (a call meanwhile joins it): its hold released, the workers restart.
        await monitor.runAllSoon('manual');
        expect(await pooled.workersReady()).toBe(true);
        expect(
          (await pooled.screen({ name: 'Globex Holdings Limited' }, {}, null)).map((m) => m.entityId),
        ).toContain(`${SOURCE}:5`);
      });
    });

    it('holds the workers from a refresh that ends before its pass has begun, until the pass ran the delta', async () => {
      await withPooledMonitor(async (pooled, monitor, org) => {
        await monitor.watch();
        await monitor.runAllSoon('manual');
        expect(await pooled.workersReady()).toBe(true);
        await w.store.saveListVersion(version('2024-05-03', V2));
        // The screening index refreshes (here, before the pass reads anything): the monitor's hook holds.
        await pooled.refresh();
        expect(await pooled.workersReady()).toBe(false);
        await untilPassed(monitor, org);
        await monitor.runAllSoon('manual');
        expect(await pooled.workersReady()).toBe(true);
      });
    });

    // The register with a Globex added, which the week's new listing hits.
    const changed = REGISTER + 'C-6,Globex Holdings,,organisation,,,,\n';
    /** Expects `delta`'s hits to be those of a full run of `register` on the fresh organisation. */
    const expectFullRunHits = async (delta: string, fresh: string, register: string) => {
      await w.monitor.importRegister(fresh, 'book.csv', register, CLI_SOURCE);
      await w.monitor.run(fresh, { trigger: 'register' });
      expect(await hits(delta)).toEqual(await hits(fresh));
      expect((await hits(delta)).some((h) => h.startsWith(`C-6×${SOURCE}:5`))).toBe(true);
    };

    it('keeps a register index between runs only while the register is unchanged', async () => {
      const delta = await w.org('Widget Exports Ltd');
      const fresh = await w.org('Gadget Trading plc');
      await w.monitor.importRegister(delta, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(delta, { trigger: 'register' });
      // As a server does after its start: the index of the register as it is now.
      await w.monitor.buildRegisterIndexes();
      await w.monitor.importRegister(delta, 'book.csv', changed, CLI_SOURCE);
      await w.store.saveListVersion(version('2024-05-03', V2));
      await w.monitor.run(delta, { trigger: 'list-version' });

      await expectFullRunHits(delta, fresh, changed);
    });

    it('builds the register index after a run, and again after a run on a changed register', async () => {
      const delta = await w.org('Widget Exports Ltd');
      const fresh = await w.org('Gadget Trading plc');
      expect(await w.monitor.registerIndexState(delta)).toBeUndefined();
      await w.monitor.importRegister(delta, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(delta, { trigger: 'register' });
      // Started as the run ended, before anyone asked for it.
      expect(await w.monitor.registerIndexState(delta)).toMatch(/^(building|built)$/);
      await w.monitor.buildRegisterIndexes();
      expect(await w.monitor.registerIndexState(delta)).toBe('built');
      // The register changes: the index kept is of the old register, so none is current …
      await w.monitor.importRegister(delta, 'book.csv', changed, CLI_SOURCE);
      expect(await w.monitor.registerIndexState(delta)).toBeUndefined();
      // … until the run on the changed register, after which the new register's is built.
      await w.monitor.run(delta, { trigger: 'register' });
      expect(await w.monitor.registerIndexState(delta)).toMatch(/^(building|built)$/);
      await w.store.saveListVersion(version('2024-05-03', V2));
      await w.monitor.run(delta, { trigger: 'list-version' });
      expect(await w.monitor.registerIndexState(delta)).toBe('built');

      await expectFullRunHits(delta, fresh, changed);
    });

    it('raises on a removal what a full re-screen raises, for a counterparty that also hits an added party', async () => {
      // C-1 hits every Orion: Orion 13 is withdrawn and Orion 10 added, none changed. C-1 is read
      // first on the removed party's subject only, then whole once the added Orion hits it; C-5's
      // hit on no listed party keeps it out of either read.
      const delta = await w.org('Widget Exports Ltd');
      const fresh = await w.org('Gadget Trading plc');
      await w.monitor.importRegister(delta, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(delta, { trigger: 'register' });
      const next = [orion(10), ...V1.filter((p) => p.sourceId !== '13')];
      await w.store.saveListVersion(version('2024-05-03', next));
      const run = await w.monitor.run(delta, { trigger: 'list-version' });
      expect(run?.record?.mode).toBe('delta');
      expect(run?.counts).toMatchObject({ newAlerts: 1, goneAlerts: 1 });
      const alerts = (await w.monitor.alerts.alerts(delta)).map(
        (a) => `${a.kind} ${a.counterpartyId}×${a.entityId} ${a.state}`,
      );
      expect(alerts.filter((a) => a.includes(`${SOURCE}:13 `) || a.includes(`${SOURCE}:10 `)).sort()).toEqual(
        [`gone C-1×${SOURCE}:13 open`, `new C-1×${SOURCE}:10 open`, `new C-1×${SOURCE}:13 open`],
      );
      // The other Orions' alerts of C-1 are neither raised again nor changed.
      expect(alerts.filter((a) => a.startsWith('new C-1×'))).toHaveLength(11);
      // Each alert on the removed Orion says so once (its state is read once, whole).
      const notes = (await w.monitor.alerts.alerts(delta))
        .filter((a) => a.entityId === `${SOURCE}:13`)
        .map((a) => `${a.kind}: ${a.events.map((e) => e.comment ?? '').join(' | ')}`)
        .sort();
      expect(notes).toMatchInlineSnapshot(`
        [
          "gone: test-list:13 was delisted",
          "new: new hit at score 1 on test-list:13 | test-list:13 was delisted",
        ]
      `);

      await w.monitor.importRegister(fresh, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(fresh, { trigger: 'register' });
      expect(await hits(delta)).toEqual(await hits(fresh));
      const full = await w.monitor.run(delta, { trigger: 'manual', full: true });
      expect(full?.counts).toMatchObject({ newAlerts: 0, changedAlerts: 0, goneAlerts: 0 });
    });

    it('stops building a register index when the monitor closes', async () => {
      const org = await w.org('Widget Exports Ltd');
      const monitor = new MonitorService(w.store, w.screening);
      // Long enough for the build to give the event loop a turn (every 500 counterparties).
      const rows = Array.from({ length: 1200 }, (_, k) => `C-${k},Company ${k} Ltd,,organisation,,,,`);
      await monitor.importRegister(
        org,
        'book.csv',
        [REGISTER.split('\n')[0], ...rows].join('\n'),
        CLI_SOURCE,
      );
      await monitor.run(org, { trigger: 'register' });
      expect(await monitor.registerIndexState(org)).toBe('building');
      await monitor.close();
      expect(await monitor.registerIndexState(org)).toBeUndefined();
    });
  });
}
