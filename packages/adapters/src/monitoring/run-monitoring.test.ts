import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildParty,
  buildScreeningIndex,
  DEFAULT_NAME_REFERENCE,
  indexFromSnapshot,
  indexOverSnapshot,
  snapshotOfParties,
  type Party,
  type ScreeningQuery,
} from '@entente/core';
import { storeTargets } from '../test-support/store-targets.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { listOf, useMonitorWorld } from '../test-support/monitor-world.ts';
import { partyHashOf, runMonitoring } from './run-monitoring.ts';

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

describe("a hit's listed party hash", () => {
  // Non-ASCII text, a nested list and a number: what a byte-level shortcut could get wrong.
  const parties: Party[] = [
    buildParty({
      source: 'hash-list',
      sourceId: '1',
      schema: 'organization',
      names: [
        { full: 'Société Générale Ülkü Ticaret', quality: 'primary' },
        { full: 'Общество «Север»', quality: 'strong' },
      ],
      programs: ['RUSSIA-EO14024'],
      countries: [{ code: 'RU', role: 'other' }],
      birthDates: [{ value: '1970-03', precision: 'month' }],
    }),
    buildParty({
      source: 'hash-list',
      sourceId: '2',
      schema: 'person',
      names: [{ full: 'محمد الأمين', quality: 'primary' }],
    }),
  ];
  const sha1 = (p: Party | null) => createHash('sha1').update(JSON.stringify(p)).digest('hex');

  it("is the SHA-1 of the party's JSON whether the index holds objects, a restored snapshot or its columns", () => {
    const snapshot = snapshotOfParties(
      parties.map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const indexes = {
      objects: buildScreeningIndex(
        parties.map((party) => ({ party })),
        DEFAULT_NAME_REFERENCE,
      ),
      restored: indexFromSnapshot(snapshot, DEFAULT_NAME_REFERENCE),
      columns: indexOverSnapshot(snapshot, DEFAULT_NAME_REFERENCE),
    };
    for (const [how, index] of Object.entries(indexes))
      for (const p of parties) {
        const id = `${p.source}:${p.sourceId}`;
        expect(partyHashOf(index, id, new Map()), `${how} ${id}`).toBe(sha1(p));
      }
    // An entity the index does not hold hashes as null (a hit on a party removed meanwhile).
    expect(partyHashOf(indexes.columns, 'hash-list:9', new Map())).toBe(sha1(null));
  });
});
