import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { determine, DomainError, type DeterminationData } from '@entente/core';
import { loadControlLists } from '../controls/load-control-lists.ts';
import { ControlCatalogueSource } from '../controls/open-control-catalogue.ts';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { checkUsExceptionRestriction } from './load-us-exception-restrictions.ts';
import { RESTRICTION_ROWS } from './fidelity-us-exception-restrictions.table.ts';

// §740.2(a)(12): what is left to "600 series" and 9x515 items to Country Group D:5.
const D5_LEFT = ['GOV', 'TMP', 'BAG'];
// §740.2(a)(13): the only exceptions for "600 series" items outside D:5.
const SERIES600_LEFT = ['LVS', 'TMP', 'RPL', 'TSU', 'GOV', 'BAG', 'STA'];

describe.skipIf(!hasSharedData()).each(storeTargets())('US §740.2(a) restrictions on $name', (target) => {
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

  it.each(
    RESTRICTION_ROWS.map((r) => [
      `${r.item} → ${r.to}${r.from ? ` from ${r.from}` : ''}: ${r.outcome} [${r.exceptions}] to check [${r.toCheck}] (${r.paragraph})`,
      r,
    ]),
  )('%s', (_n, r) => {
    const d = determine(data, {
      jurisdiction: 'US',
      item: r.item,
      to: r.to,
      ...(r.from ? { from: r.from } : {}),
      ...(r.value !== undefined ? { value: r.value } : {}),
    });
    expect(d.outcome).toBe(r.outcome);
    expect(d.exceptions).toEqual(r.exceptions);
    expect(d.toCheck.map((t) => t.id)).toEqual(r.toCheck);
    expect(d.citations).toContain(r.paragraph);
    expect(d.trace.some((s) => s.rule.startsWith(r.paragraph.replace('15 CFR ', '§')))).toBe(true);
    if (r.asks) expect(d.questions.join(' | ')).toContain(r.asks);
  });

  const eccnsMatching = (re: RegExp) => [...data.us.eccns.keys()].filter((e) => re.test(e));
  const destinationsIn = (group: string, inside: boolean) =>
    [...data.countries.values()]
      .filter((c) => c.iso2 !== 'US' && c.usGroups.includes(group) === inside)
      .map((c) => c.iso2);

  it('never offers an exception to a "600 series" or 9x515 item destined to Country Group D:5 but GOV (and TMP, BAG for 1A613.c/.d) (§740.2(a)(12), property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...eccnsMatching(/^\d[A-E]6\d\d$|^9[A-E]515$/)),
        fc.constantFrom(...destinationsIn('D:5', true)),
        fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
        (item, to, value) => {
          const d = determine(data, { jurisdiction: 'US', item, to, ...(value ? { value } : {}) });
          expect(d.exceptions).toEqual([]);
          for (const t of d.toCheck) expect(D5_LEFT).toContain(t.id);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('offers a "600 series" item outside D:5 only LVS, TMP, RPL, TSU, GOV, BAG or STA (§740.2(a)(13), property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...eccnsMatching(/^\d[A-E]6\d\d$/)),
        fc.constantFrom(...destinationsIn('D:5', false)),
        fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
        (item, to, value) => {
          const d = determine(data, { jurisdiction: 'US', item, to, ...(value ? { value } : {}) });
          for (const id of [...d.exceptions, ...d.toCheck.map((t) => t.id)])
            expect(SERIES600_LEFT).toContain(id);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never offers an exception for a 0Y521 item, to any destination (§740.2(a)(14), property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...eccnsMatching(/^0[A-E]521$/)),
        fc.constantFrom(...destinationsIn('A:1', true), ...destinationsIn('A:1', false)),
        (item, to) => {
          const d = determine(data, { jurisdiction: 'US', item, to });
          expect(d.exceptions).toEqual([]);
          for (const t of d.toCheck) expect(t.id).toBe('GOV');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cites where each restriction was read', () => {
    const restrictions = data.us.exceptionRestrictions ?? [];
    expect(restrictions.length).toBeGreaterThanOrEqual(13);
    for (const r of restrictions) {
      expect(r.source.citation).toBe(r.id);
      expect(r.source.status).toBe('verified');
      expect(r.source.readIn).toContain('740.2');
    }
  });
});

describe('the §740.2(a) restrictions dataset check', () => {
  const good = {
    id: '15 CFR 740.2(a)(8)',
    codes: ['2A983'],
    allowed: ['RPL'],
    detail: 'only RPL',
    source: { citation: '15 CFR 740.2(a)(8)', status: 'verified', readIn: 'a text', readOn: '2026-12-04' },
  };
  it('accepts a restriction read in a text', () => {
    expect(checkUsExceptionRestriction(good, 0).codes).toEqual(['2A983']);
  });
  it.each([
    [
      'an unverified withdrawal',
      { source: { citation: 'x', status: 'unverified', note: 'not read' } },
      'source.status',
    ],
    ['no items', { codes: [] }, 'codes'],
    ['both allowed and forbidden', { forbidden: ['STA'] }, 'allowed'],
    ['a paragraph outside §740.2(a)', { id: '15 CFR 740.3' }, 'id'],
  ])('rejects %s, naming the field', (_n, change, field) => {
    try {
      checkUsExceptionRestriction({ ...good, ...change }, 3);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details).toMatchObject({
        file: 'us-exception-restrictions.json',
        row: 3,
        field,
      });
    }
  });
});
