import { describe, expect, it } from 'vitest';
import { controlEntriesCorrespond } from './control-entries-correspond.ts';
import { findMatchingDenials } from './find-matching-denials.ts';
import type { ApplicationInput, Denial } from './sharing-model.ts';
import { tokenSetSimilarity } from './token-set-similarity.ts';

describe('controlEntriesCorrespond', () => {
  it.each([
    ['UK:3A001.a.1', 'EU:3A001.a.1', true],
    ['3A001', 'US:3A001.a.1.a', true],
    ['3A001.a.1.a', '3A001', true],
    ['ML1.a', 'UK:ml1.A', true],
    ['3A001', '3A0011', false],
    ['3A001.a', '3A001.b', false],
    ['3A001', '3A002', false],
  ])('%s and %s correspond: %s', (a, b, expected) => {
    expect(controlEntriesCorrespond({ code: a }, { code: b })).toBe(expected);
  });
});

describe('tokenSetSimilarity', () => {
  it.each([
    ['Kaliningrad Instrument Works JSC', 'Kaliningrad Instrument Works', 1],
    ['The Widget Company', 'Widget Company Ltd', 1],
    ['Baltic Trading House', 'House Baltic Trading', 1],
    ['Baltic Trading House', 'Baltic Shipping House', 0.667],
    ['Société Générale', 'SOCIETE GENERALE', 1],
    ['Alpha', 'Omega', 0],
  ])('scores %s against %s at %s', (a, b, score) => {
    expect(tokenSetSimilarity(a, b)).toBeCloseTo(score, 3);
  });
});

const denial: Denial = {
  id: 'den_1',
  orgId: 'org_uk',
  deniedOn: '2026-01-01',
  validUntil: '2029-01-01',
  items: [{ code: 'UK:3A001.a.1', description: 'ICs' }],
  parties: [{ role: 'end-user', name: 'Kaliningrad Instrument Works JSC', country: 'RU' }],
  destination: 'RU',
  endUse: 'x',
  reason: 'criterion 7',
  scope: { regimes: ['WA'], agencies: [] },
  status: 'active',
  version: 1,
  createdAt: '',
  updatedAt: '',
};
const application: ApplicationInput = {
  applicant: 'A',
  items: [{ code: '3A001.a.1.b', description: '' }],
  parties: [{ role: 'consignee', name: 'Kaliningrad Instrument Works' }],
  destination: 'ru',
  endUse: 'y',
};

describe('findMatchingDenials', () => {
  it('flags an application with a narrower entry, the same destination and a matching consignee', () => {
    expect(findMatchingDenials(application, 'org_de', [denial], '2026-06-01')).toEqual([
      {
        denialId: 'den_1',
        denyingOrgId: 'org_uk',
        destination: 'RU',
        items: [{ applicationCode: '3A001.a.1.b', denialCode: 'UK:3A001.a.1' }],
        parties: [
          {
            applicationParty: 'Kaliningrad Instrument Works',
            applicationRole: 'consignee',
            deniedParty: 'Kaliningrad Instrument Works JSC',
            deniedRole: 'end-user',
            score: 1,
          },
        ],
        score: 1,
      },
    ]);
  });

  it.each([
    ['its own agency’s denial', { orgId: 'org_de' }],
    ['an expired denial', { validUntil: '2026-05-31' }],
    ['a revoked denial', { status: 'revoked' as const }],
    ['another destination', { destination: 'BY' }],
    ['unrelated items', { items: [{ code: '5A002', description: '' }] }],
    ['other parties', { parties: [{ role: 'end-user' as const, name: 'Minsk Tractor Plant' }] }],
  ])('ignores %s', (_label, change) => {
    expect(findMatchingDenials(application, 'org_de', [{ ...denial, ...change }], '2026-06-01')).toEqual([]);
  });

  it('uses the matcher passed in (e.g. the crosswalk)', () => {
    const never = { entriesCorrespond: () => false, nameMatches: tokenSetSimilarity, threshold: 0.8 };
    expect(findMatchingDenials(application, 'org_de', [denial], '2026-06-01', never)).toEqual([]);
  });
});
