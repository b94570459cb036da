import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_REFERENCE, type ScreeningQuery } from '@entente/core';
import { ScreeningService } from '../screening/screening-service.ts';
import { MonitorService } from './monitor-service.ts';
import { DeltaSplit, SPLIT_CHUNK } from './delta-split.ts';
import {
  BOUND_CHUNK,
  emptyForwardStats,
  forwardCandidates,
  forwardCandidatesSplit,
} from './forward-candidates.ts';
import { buildRegisterIndex, queriesOfEntry } from './run-monitoring.ts';
import { storeTargets } from '../test-support/store-targets.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { listOf, useMonitorWorld } from '../test-support/monitor-world.ts';

const SOURCE = 'split-list';
const { party, version } = listOf(SOURCE, 'list.csv');

const V1 = [
  party('1', 'organization', ['Orion Maritime Trading']),
  party('2', 'person', ['Ivan Sergeyevich Petrov'], { birthDates: [{ value: '1970', precision: 'year' }] }),
  party('3', 'vessel', ['Ocean Star'], { identifiers: [{ type: 'imo', value: '9187629' }] }),
  party('4', 'organization', ['Northwind Logistics Company']),
];
// A week later: Orion and Petrov changed (an alias each), Globex added, Ocean Star removed.
const V2 = [
  party('1', 'organization', ['Orion Maritime Trading', 'Orion Marine Trading']),
  party('2', 'person', ['Ivan Sergeyevich Petrov', 'Ivan Petroff'], {
    birthDates: [{ value: '1970', precision: 'year' }],
  }),
  party('4', 'organization', ['Northwind Logistics Company']),
  party('5', 'organization', ['Globex Holdings Limited']),
];

/**
 * A register whose candidates of the week's changes are several chunks of distinct queries: people
 * named as the changed listed person (each with another birth date), companies named as the
 * changed and added ones (each in another country), and some that nothing reaches.
 */
/** A screening service over `store` with one pool worker and its delta worker started. */
async function openWithDeltaWorker(store: Parameters<typeof ScreeningService.open>[0]) {
  const pooled = await ScreeningService.open(store, DEFAULT_NAME_REFERENCE, {
    workers: 1,
    deltaWorker: true,
  });
  await pooled.startDeltaWorker();
  expect(pooled.deltaWorkerReady()).toBe(true);
  return pooled;
}

function register(): string {
  const rows = ['id,name,aliases,type,countries,birth_date,imo,owners'];
  const countries = ['DE', 'FR', 'GB', 'IT', 'ES', 'NL', 'PL', 'SE', 'AT', 'BE'];
  for (let k = 0; k < 90; k++) {
    const day = String(1 + (k % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(k / 28)).padStart(2, '0');
    rows.push(`P-${k},Ivan Petrov,,person,RU,1970-${month}-${day},,`);
  }
  for (let k = 0; k < 60; k++) {
    const country = countries[k % countries.length]!;
    const name = ['Orion Marine Trading', 'Globex Holdings Ltd', 'Orion Maritime Trading Co'][k % 3]!;
    rows.push(`O-${k},${name},,organisation,${country},,,`);
  }
  for (let k = 0; k < 20; k++) rows.push(`X-${k},Acme Tools ${k} GmbH,,organisation,DE,,,`);
  rows.push('V-1,Ocean Star Shipping Vessel,,vessel,,,IMO 9187629,');
  return `${rows.join('\n')}\n`;
}

for (const target of storeTargets()) {
  describe(`a delta split between two threads on ${target.name}`, () => {
    const w = useMonitorWorld(target, () => version('2024-04-26', V1));

    it('raises the alerts and hits of the same delta screened on one thread', async () => {
      const pooled = await ScreeningService.open(w.store, DEFAULT_NAME_REFERENCE, {
        workers: 1,
        deltaWorker: true,
      });
      const monitor = new MonitorService(w.store, pooled);
      // The scoped step's pairwise bound shared with the delta worker too (off by default).
      monitor.splitBound = true;
      try {
        const book = register();
        const split = await w.org('Widget Exports Ltd');
        const single = await w.org('Gadget Trading plc');
        await monitor.importRegister(split, 'book.csv', book, CLI_SOURCE);
        await w.monitor.importRegister(single, 'book.csv', book, CLI_SOURCE);
        await monitor.run(split, { trigger: 'register' });
        await w.monitor.run(single, { trigger: 'register' });
        await pooled.startDeltaWorker();
        expect(pooled.deltaWorkerReady()).toBe(true);

        await w.store.saveListVersion(version('2024-05-03', V2));
        const a = await monitor.run(split, { trigger: 'list-version' });
        // The same delta on one thread (a service without workers: no delta worker).
        const b = await w.monitor.run(single, { trigger: 'list-version' });
        expect(a?.record?.mode).toBe('delta');
        expect(b?.record?.mode).toBe('delta');
        expect(w.monitor.lastSplit).toBeUndefined();
        // Split indeed: more than a chunk of distinct queries offered while the scope was searched.
        const counts = monitor.lastSplit!;
        expect(counts.queries).toBeGreaterThan(2 * SPLIT_CHUNK);
        expect(counts.here + counts.beside).toBeGreaterThanOrEqual(Math.ceil(counts.queries / SPLIT_CHUNK));
        expect(a!.counts).toEqual(b!.counts);
        // The scoped step's pairwise bound split too, with the same search and candidates.
        expect(monitor.lastScope?.bound).toBeDefined();
        expect(w.monitor.lastScope?.bound).toBeUndefined();
        expect(monitor.lastScope!.stats).toEqual(w.monitor.lastScope!.stats);
        expect(monitor.lastScope!.stats.candidates).toBeGreaterThan(0);
        expect(a!.counts.newAlerts).toBeGreaterThan(0);
        expect(a!.counts.goneAlerts).toBeGreaterThan(0);

        const alertsOf = async (m: MonitorService, org: string) =>
          (await m.alerts.alerts(org))
            .map((x) => `${x.kind} ${x.state} ${x.counterpartyId}×${x.entityId} ${x.score}`)
            .sort();
        const hitsOf = async (m: MonitorService, org: string) =>
          (await m.runs.hits(org))
            .map((h) => `${h.counterpartyId}×${h.entityId} ${h.score} ${h.partyHash}`)
            .sort();
        expect(await alertsOf(monitor, split)).toEqual(await alertsOf(w.monitor, single));
        expect(await hitsOf(monitor, split)).toEqual(await hitsOf(w.monitor, single));
        expect((await alertsOf(monitor, split)).some((x) => x.includes(`×${SOURCE}:5`))).toBe(true);
      } finally {
        await monitor.close();
        await pooled.close();
      }
    });

    it('keeps a delta worker by default, whose split deltas raise the alerts and hits of a service without one', async () => {
      // Two services with one pool worker each over the same store: the default, and one turned off.
      const on = await ScreeningService.open(w.store, DEFAULT_NAME_REFERENCE, { workers: 1 });
      const off = await ScreeningService.open(w.store, DEFAULT_NAME_REFERENCE, {
        workers: 1,
        deltaWorker: false,
      });
      const monitors = [new MonitorService(w.store, on), new MonitorService(w.store, off)] as const;
      try {
        const book = register();
        const orgs = [await w.org('Widget Exports Ltd'), await w.org('Gadget Trading plc')] as const;
        for (const k of [0, 1] as const) {
          await monitors[k].importRegister(orgs[k], 'book.csv', book, CLI_SOURCE);
          await monitors[k].run(orgs[k], { trigger: 'register' });
        }
        // Started by the run, for the deltas to come: by default only.
        await Promise.all([on.startDeltaWorker(), off.startDeltaWorker()]);
        expect(on.deltaWorkerReady()).toBe(true);
        expect(off.deltaWorkerReady()).toBe(false);

        await w.store.saveListVersion(version('2024-05-03', V2));
        const a = await monitors[0].run(orgs[0], { trigger: 'list-version' });
        const b = await monitors[1].run(orgs[1], { trigger: 'list-version' });
        expect([a?.record?.mode, b?.record?.mode]).toEqual(['delta', 'delta']);
        // Split with the delta worker by default; on one thread when turned off.
        expect(monitors[0].lastSplit!.queries).toBeGreaterThan(2 * SPLIT_CHUNK);
        expect(monitors[1].lastSplit).toBeUndefined();
        expect(a!.counts).toEqual(b!.counts);
        expect(a!.counts.newAlerts).toBeGreaterThan(0);
        const alertsOf = async (k: 0 | 1) =>
          (await monitors[k].alerts.alerts(orgs[k]))
            .map((x) => `${x.kind} ${x.state} ${x.counterpartyId}×${x.entityId} ${x.score}`)
            .sort();
        const hitsOf = async (k: 0 | 1) =>
          (await monitors[k].runs.hits(orgs[k]))
            .map((h) => `${h.counterpartyId}×${h.entityId} ${h.score} ${h.partyHash}`)
            .sort();
        expect(await alertsOf(0)).toEqual(await alertsOf(1));
        expect(await hitsOf(0)).toEqual(await hitsOf(1));
        expect((await alertsOf(0)).some((x) => x.includes(`×${SOURCE}:5`))).toBe(true);
      } finally {
        for (const m of monitors) await m.close();
        await on.close();
        await off.close();
      }
    });

    it('finds the same candidates, in the same order, with the pairwise bound split across threads', async () => {
      // Several chunks of counterparties the changed names reach: most pass the bound, some not.
      const rows = ['id,name,aliases,type,countries,birth_date,imo,owners'];
      for (let k = 0; k < 5 * BOUND_CHUNK; k++) {
        const day = String(1 + (k % 28)).padStart(2, '0');
        if (k % 4 === 0) rows.push(`P-${k},Ivan Petrov,,person,RU,1970-01-${day},,`);
        else if (k % 4 === 1) rows.push(`Q-${k},Ivan Kuznetsov ${k},,person,RU,1981-02-${day},,`);
        else if (k % 4 === 2) rows.push(`O-${k},Orion Marine Trading,,organisation,DE,,,`);
        else rows.push(`T-${k},Trading ${k} Ventures,,organisation,FR,,,`);
      }
      const org = await w.org('Widget Exports Ltd');
      await w.monitor.importRegister(org, 'book.csv', `${rows.join('\n')}\n`, CLI_SOURCE);
      await w.store.saveListVersion(version('2024-05-03', V2));
      const pooled = await openWithDeltaWorker(w.store);
      try {
        const entries = await w.monitor.register.counterparties(org);
        const byId = new Map(entries.map((c) => [c.id, c]));
        const queriesOf = (id: string) => {
          const c = byId.get(id);
          return c && queriesOfEntry(c);
        };
        const registerIndex = buildRegisterIndex(entries, DEFAULT_NAME_REFERENCE);
        const changed = new Set([`${SOURCE}:1`, `${SOURCE}:2`, `${SOURCE}:5`]);
        const oneStats = emptyForwardStats();
        const one: string[] = [];
        const alone = forwardCandidates(
          pooled.index,
          registerIndex,
          changed,
          undefined,
          queriesOf,
          (id) => one.push(id),
          oneStats,
        );
        expect(oneStats.bounded).toBeGreaterThan(2 * BOUND_CHUNK);
        expect(alone.size).toBeLessThan(oneStats.bounded);
        expect(alone.size).toBeGreaterThan(BOUND_CHUNK);

        // Every chunk sent beside is bounded by the delta worker (claimed for it as it is sent).
        const twoStats = emptyForwardStats();
        const two: string[] = [];
        const split = await forwardCandidatesSplit(
          pooled.index,
          registerIndex,
          changed,
          queriesOf,
          {
            beside: (bound, queries, claim) => {
              Atomics.store(claim.cells, claim.at, 1);
              return pooled.boundClaimed(bound, queries, {
                cells: new Int32Array(new SharedArrayBuffer(4)),
                at: 0,
              });
            },
          },
          (id) => two.push(id),
          twoStats,
        );
        expect(split.chunks.beside).toBeGreaterThan(0);
        expect(split.chunks.beside + split.chunks.here).toBe(Math.ceil(oneStats.bounded / BOUND_CHUNK));
        expect([...split.candidates]).toEqual([...alone]);
        expect(two).toEqual(one);
        expect(twoStats).toEqual(oneStats);

        // Claimed as the product claims them (either thread), and with no worker: the same.
        const racing = await forwardCandidatesSplit(pooled.index, registerIndex, changed, queriesOf, {
          beside: (bound, queries, claim) => pooled.boundClaimed(bound, queries, claim),
        });
        expect([...racing.candidates]).toEqual([...alone]);
        const here = await forwardCandidatesSplit(pooled.index, registerIndex, changed, queriesOf, {
          beside: () => undefined,
        });
        expect([...here.candidates]).toEqual([...alone]);
        expect(here.chunks.beside).toBe(0);
      } finally {
        await pooled.close();
      }
    });

    it('gives every offered query the matches this thread gives it, whichever thread screened it', async () => {
      const pooled = await openWithDeltaWorker(w.store);
      try {
        const options = { entities: new Set([`${SOURCE}:1`, `${SOURCE}:2`]) };
        const queries: ScreeningQuery[] = Array.from({ length: 7 * SPLIT_CHUNK + 3 }, (_, k) =>
          k % 2 === 0
            ? { name: 'Ivan Petrov', schema: 'person', birthDate: String(1900 + k) }
            : { name: `Orion Maritime Trading ${k}`, schema: 'organization' },
        );
        const split = new DeltaSplit({
          beside: (qs, claim) => pooled.matchClaimed(qs, options, claim),
          here: (qs) => pooled.matchHere(qs, options),
        });
        split.offer(queries.slice(0, 2 * SPLIT_CHUNK));
        // The same query again is offered once.
        split.offer(queries.slice(0, 1));
        split.offer(queries.slice(2 * SPLIT_CHUNK));
        const got = await split.finish();
        expect(split.counts.queries).toBe(queries.length);
        // Seven chunks sent, screened by one thread each; the three left over screened here.
        expect(split.counts.beside + split.counts.here).toBe(8);
        expect(split.counts.here).toBeGreaterThanOrEqual(1);
        const expected = pooled.matchHere(queries, options);
        expect(queries.map((q) => got.get(DeltaSplit.keyOf(q)))).toEqual(expected);
        expect(expected.some((m) => m.length > 0)).toBe(true);

        // Without a worker, everything is screened here.
        const alone = new DeltaSplit({
          beside: () => undefined,
          here: (qs) => pooled.matchHere(qs, options),
        });
        alone.offer(queries);
        const mine = await alone.finish();
        expect(alone.counts).toEqual({ here: 8, beside: 0, queries: queries.length });
        expect(queries.map((q) => mine.get(DeltaSplit.keyOf(q)))).toEqual(expected);
      } finally {
        await pooled.close();
      }
    });
  });
}
