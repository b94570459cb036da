import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_NAME_REFERENCE,
  DEFAULT_SCREENING_THRESHOLD,
  findMatchingDenials,
  tokenSetSimilarity,
  type Denial,
  type EntriesCorrespond,
} from '@entente/core';
import { loadControlLists } from '../controls/load-control-lists.ts';
import { ControlCatalogueSource } from '../controls/open-control-catalogue.ts';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import {
  crosswalkEntriesCorrespond,
  denialMatcherSource,
  screeningDenialMatcher,
  screeningNameMatches,
} from './screening-denial-matcher.ts';

describe('screening name comparison for the no-undercut check', () => {
  const names = screeningNameMatches(DEFAULT_NAME_REFERENCE);
  it.each([
    ['Tsentr Nauchnykh Issledovaniy', 'Tsentr Nauchnyh Issledovanii'],
    ['Yuzhnoe Design Office', 'Yuzhnoye Design Office LLC'],
    ['Rosoboronexport', 'Rosoboron Export JSC'],
  ])('matches %s to %s where token sets do not', (a, b) => {
    expect(names(a, b)).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
    expect(tokenSetSimilarity(a, b)).toBeLessThan(0.8);
  });
  // A listed name found whole inside a longer one is strong evidence for the screening engine
  // (issue 14), so the pair that tells the two apart differs in a number, not a word.
  it.each([['Plant No 2 Almaz Antey', 'Plant No 3 Almaz Antey']])(
    'rejects %s for %s where token sets call them similar',
    (a, b) => {
      expect(names(a, b)).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
      expect(tokenSetSimilarity(a, b)).toBeGreaterThanOrEqual(0.8);
    },
  );
});

describe('control entry correspondence without a catalogue', () => {
  it('falls back to bare codes', () => {
    const correspond = crosswalkEntriesCorrespond(undefined);
    expect(correspond({ code: 'UK:3A001.a.1' }, { code: 'EU:3A001.a.1.a' })).toBe(true);
    expect(correspond({ code: 'UK:ML1' }, { code: 'US:0A501' })).toBe(false);
  });
});

describe.skipIf(!hasSharedData())('control entry correspondence through the crosswalk', () => {
  let store: TestStore;
  let source: ControlCatalogueSource;
  let correspond: EntriesCorrespond;
  beforeAll(async () => {
    store = await storeTargets()[0]!.open();
    await loadControlLists(new PostgresControlStore(store.kysely), { mirrorDir: SHARED_DATA });
    source = new ControlCatalogueSource(store.kysely);
    correspond = crosswalkEntriesCorrespond((await source.get()).catalogue);
  }, 240_000);
  afterAll(() => store?.close());

  it.each([
    ['UK:ML1', 'US:0A501.a', true], // broader
    ['UK:3A001.a.1', 'EU:3A001.a.1.a', true], // the UK list ends at 3A001: narrower
    ['EU:3A001.a.1', 'WA:3.A.1.a.1', true], // same, different numbering
    ['US:3A001.a.1', 'WA:3.A.1.a.1', true],
    ['EU:1C350', 'AG:CHEM-PRECURSORS', true],
    ['EU:9A004', 'US:9A515', false], // overlaps only
    ['UK:ML1', 'USML:I', false], // overlaps only
    ['UK:ML1', 'US:5A002', false],
    ['EU:3A001.a.1', 'EU:3A001.a.1.b', true], // same list: bare codes
    ['EU:3A001.a.1', 'EU:3A001.b', false],
  ] as const)('%s and %s correspond: %s', (a, b, expected) => {
    expect(correspond({ code: a }, { code: b })).toBe(expected);
    expect(correspond({ code: b }, { code: a })).toBe(expected);
  });

  it('reads the list from `list` when the code has no prefix, and falls back for unknown lists', () => {
    expect(correspond({ code: 'ML1', list: 'UK' }, { code: '0A501', list: 'US' })).toBe(true);
    expect(correspond({ code: 'XX:3A001' }, { code: 'EU:3A001.a' })).toBe(true);
  });

  it('plugs into findMatchingDenials, and a source provides it with the current catalogue', async () => {
    const denial: Denial = {
      id: 'den_1',
      orgId: 'org_uk',
      deniedOn: '2026-01-01',
      validUntil: '2029-01-01',
      items: [{ code: 'UK:ML1', description: '' }],
      parties: [{ role: 'end-user', name: 'Tsentr Nauchnyh Issledovanii' }],
      destination: 'RU',
      endUse: '',
      reason: 'WA',
      scope: { regimes: ['WA'], agencies: [] },
      status: 'active',
      version: 1,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const application = {
      applicant: 'A',
      items: [{ code: 'US:0A501', description: '' }],
      parties: [{ role: 'end-user' as const, name: 'Tsentr Nauchnykh Issledovaniy' }],
      destination: 'RU',
      endUse: '',
    };
    expect(findMatchingDenials(application, 'org_us', [denial], '2026-06-01')).toEqual([]);
    const real = screeningDenialMatcher(DEFAULT_NAME_REFERENCE, (await source.get()).catalogue);
    expect(findMatchingDenials(application, 'org_us', [denial], '2026-06-01', real)).toHaveLength(1);
    const provided = await denialMatcherSource(
      async () => DEFAULT_NAME_REFERENCE,
      async () => (await source.get()).catalogue,
    )();
    expect(findMatchingDenials(application, 'org_us', [denial], '2026-06-01', provided)).toHaveLength(1);
  });
});
