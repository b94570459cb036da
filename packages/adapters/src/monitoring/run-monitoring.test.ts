import { describe, expect, it } from 'vitest';
import type { ScreeningQuery } from '@entente/core';
import { storeTargets } from '../test-support/store-targets.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { listOf, useMonitorWorld } from '../test-support/monitor-world.ts';
import { runMonitoring } from './run-monitoring.ts';

const SOURCE = 'test-list';
const { party, version } = listOf(SOURCE, 'list.csv');

// Three counterparties share a name (two of them a country too); a fourth is its own.
const REGISTER = `id,name,aliases,type,countries
C-1,Orion Maritime Trading,,organisation,PA
C-2,Orion Maritime Trading,,organisation,PA
C-3,Orion Maritime Trading,,organisation,GR
C-4,Ocean Star Shipping,Orion Maritime Trading,organisation,PA
`;

// Runs on PGlite only: what is tested is the screening, not the store.
for (const target of storeTargets({})) {
  describe(`a run's screening on ${target.name}`, () => {
    const w = useMonitorWorld(target, () =>
      version('2024-04-26', [
        party('1', 'organization', ['Orion Maritime Trading']),
        party('2', 'vessel', ['Ocean Star']),
      ]),
    );

    it('screens a query that counterparties share once, and gives each of them its hits', async () => {
      const org = await w.org('Widget Exports Ltd');
      await w.monitor.importRegister(org, 'book.csv', REGISTER, CLI_SOURCE);
      const register = await w.monitor.register.counterparties(org);
      const screened: ScreeningQuery[] = [];
      const result = await runMonitoring({
        index: w.screening.index,
        matchMany: (queries, options) => {
          screened.push(...queries);
          return w.screening.matchMany(queries, options);
        },
        reference: w.screening.reference,
        register,
        screenAll: 'everyone',
        changedParties: new Set(),
        removedParties: new Set(),
        stored: [],
        clearances: [],
        alerts: [],
        now: new Date(),
        onProgress: () => {},
      });
      // Five names, three distinct queries: Orion in PA (C-1, C-2 and C-4's alias), Orion in GR, Ocean Star in PA.
      expect(screened.map((q) => `${q.name} ${q.country}`).sort()).toEqual([
        'Ocean Star Shipping PA',
        'Orion Maritime Trading GR',
        'Orion Maritime Trading PA',
      ]);
      const hits = result.outcome.upsertHits.map((h) => `${h.counterpartyId}×${h.entityId}`).sort();
      expect(hits).toEqual(
        expect.arrayContaining(['C-1×test-list:1', 'C-2×test-list:1', 'C-3×test-list:1', 'C-4×test-list:1']),
      );
      const score = (cp: string) =>
        result.outcome.upsertHits.find((h) => h.counterpartyId === cp && h.entityId === 'test-list:1')!.score;
      expect(score('C-2')).toBe(score('C-1'));
      expect(score('C-4')).toBe(score('C-1'));
      expect(result.counts.counterpartiesScreened).toBe(4);
    });
  });
}
