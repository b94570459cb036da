import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { determine, type DeterminationData } from '@entente/core';
import { loadControlLists } from '../controls/load-control-lists.ts';
import { ControlCatalogueSource } from '../controls/open-control-catalogue.ts';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { OFF_CHART_ROWS } from './fidelity-us-off-chart.table.ts';

/** The ECCNs of the mirror's ccl.json whose requirements are not Country Chart columns. */
function emptyChartEccns(): string[] {
  if (!hasSharedData()) return [];
  const ccl = JSON.parse(readFileSync(path.join(SHARED_DATA, 'controls/us/ccl.json'), 'utf8')) as {
    entries: { eccn: string; countryChart?: unknown[] }[];
  };
  return ccl.entries.filter((e) => !e.countryChart?.length).map((e) => e.eccn);
}

const PERMISSIVE = [
  'no-licence-required',
  'not-controlled',
  'exception-available',
  'general-authorisation-available',
];

describe.skipIf(!hasSharedData()).each(storeTargets())('US off-chart requirements on $name', (target) => {
  let store: TestStore;
  let data: DeterminationData;

  beforeAll(async () => {
    store = await target.open();
    await loadControlLists(new PostgresControlStore(store.kysely), { mirrorDir: SHARED_DATA });
    data = await (
      await new ControlCatalogueSource(store.kysely, { mirrorDir: SHARED_DATA }).get()
    ).determinationData();
  }, 240_000);
  afterAll(() => store?.close());

  it.each(OFF_CHART_ROWS.map((r) => [`${r.item} → ${r.to}: ${r.outcome} (${r.provision})`, r]))(
    '%s',
    (_n, r) => {
      const d = determine(data, { jurisdiction: 'US', item: r.item, to: r.to });
      expect(d.outcome).toBe(r.outcome);
      expect(d.exceptions).toEqual([]);
      if (r.toCheck) expect(d.toCheck.map((t) => t.id)).toEqual(r.toCheck);
      if (r.reason) expect(d.reasons.join(' | ')).toContain(r.reason);
      if (r.read) expect(d.questions.join(' | ')).toContain(r.read);
    },
  );

  it('holds the 70 entries of the mirror without a Country Chart column', () => {
    expect(emptyChartEccns()).toHaveLength(70);
  });

  it('never answers a permissive outcome for an entry without a Country Chart column, to any destination (property)', () => {
    const eccns = emptyChartEccns();
    const destinations = [...data.countries.keys()].filter((c) => c !== 'US');
    fc.assert(
      fc.property(
        fc.constantFrom(...eccns),
        fc.constantFrom(...destinations),
        fc.option(fc.constantFrom('civil', 'military', 'unknown'), { nil: undefined }),
        (item, to, endUse) => {
          const d = determine(data, { jurisdiction: 'US', item, to, ...(endUse ? { endUse } : {}) });
          expect(PERMISSIVE).not.toContain(d.outcome);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('cites where each off-chart fact was read, or marks it unverified', () => {
    for (const rule of data.us.offChart?.values() ?? []) {
      expect(rule.source.citation).not.toBe('');
      if (rule.source.status === 'verified') expect(rule.source.readIn).toBeTruthy();
      else expect(rule.source.note).toBeTruthy();
    }
    expect(data.us.offChart?.get('9A005')?.source.readIn).toContain('ccl.json');
  });
});
