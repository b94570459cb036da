import { describe, expect, it } from 'vitest';
import type { Alert } from '@entente/core';
import { allyOfList, filterAlerts, sortAlerts, summariseRegister } from './inbox-view.ts';

const alert = (id: string, fields: Partial<Alert>): Alert => ({
  id,
  orgId: 'org',
  kind: 'new',
  state: 'open',
  counterpartyId: 'C-1',
  counterpartyName: 'Acme',
  entityId: 'us-ofac-sdn:1',
  subjectId: 'us-ofac-sdn:1',
  listings: [],
  notListedBy: [],
  listedName: 'ACME',
  matchedName: 'ACME',
  score: 0.9,
  features: {},
  explanation: [],
  programs: [],
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  events: [],
  ...fields,
});

const ALERTS = [
  alert('a', { score: 0.8, createdAt: '2026-11-20T00:00:00Z' }),
  alert('b', { score: 0.95, entityId: 'eu-sanctions:EU.1', counterpartyId: 'C-2' }),
  alert('c', {
    kind: 'ownership',
    score: 0.6,
    entityId: 'uk-ofsi:RUS1',
    counterpartyId: 'C-3',
    createdAt: '2026-11-25T00:00:00Z',
  }),
  alert('d', {
    state: 'false-positive',
    entityId: 'us-csl:EL-9',
    createdAt: '2026-11-10T00:00:00Z',
    decidedAt: '2026-11-12T00:00:00Z',
  }),
  alert('e', { state: 'true-match', createdAt: '2026-11-10T00:00:00Z', decidedAt: '2026-11-11T00:00:00Z' }),
];

describe('inbox view', () => {
  it('filters by state, list, ally and kind', () => {
    expect(filterAlerts(ALERTS, { states: ['open'] }).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(filterAlerts(ALERTS, { states: [], list: 'us-ofac-sdn' }).map((a) => a.id)).toEqual(['a', 'e']);
    expect(filterAlerts(ALERTS, { states: [], ally: 'US' }).map((a) => a.id)).toEqual(['a', 'd', 'e']);
    expect(filterAlerts(ALERTS, { states: [], kind: 'ownership' }).map((a) => a.id)).toEqual(['c']);
  });

  it('sorts by age and by score', () => {
    const open = filterAlerts(ALERTS, { states: ['open'] });
    expect(sortAlerts(open, 'age-desc').map((a) => a.id)).toEqual(['a', 'c', 'b']);
    expect(sortAlerts(open, 'score-desc').map((a) => a.id)).toEqual(['b', 'a', 'c']);
    expect(sortAlerts(open, 'score-asc').map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });

  it('orders the alerts of one run by counterparty, not by their random ids', () => {
    const at = '2026-12-01T00:00:00Z';
    const run = [
      alert('f0', { counterpartyId: 'CUST-0033', kind: 'ownership', createdAt: at }),
      alert('0a', { counterpartyId: 'CUST-0034', createdAt: at }),
      alert('9c', { counterpartyId: 'CUST-0021', createdAt: at }),
    ];
    expect(sortAlerts(run, 'age-desc').map((a) => a.counterpartyId)).toEqual([
      'CUST-0021',
      'CUST-0033',
      'CUST-0034',
    ]);
  });

  it('maps lists to allies', () => {
    expect(['us-csl', 'eu-sanctions', 'uk-ofsi', 'un-sc', 'test-sdn'].map(allyOfList)).toEqual([
      'US',
      'EU',
      'UK',
      'UN',
      'other',
    ]);
  });

  it('summarises the register by ally: counterparties with open alerts and time to decision', () => {
    const rows = summariseRegister(ALERTS, 'ally', new Date('2026-12-03T00:00:00Z'));
    expect(rows).toEqual([
      { key: 'EU', counterpartiesWithOpenAlerts: 1, openAlerts: 1, decidedAlerts: 0, oldestOpenDays: 2 },
      { key: 'UK', counterpartiesWithOpenAlerts: 1, openAlerts: 1, decidedAlerts: 0, oldestOpenDays: 8 },
      {
        key: 'US',
        counterpartiesWithOpenAlerts: 1,
        openAlerts: 1,
        decidedAlerts: 2,
        medianDaysToDecision: 1.5,
        oldestOpenDays: 13,
      },
    ]);
    expect(summariseRegister(ALERTS, 'list', new Date('2026-12-03T00:00:00Z')).map((r) => r.key)).toEqual([
      'eu-sanctions',
      'uk-ofsi',
      'us-ofac-sdn',
      'us-csl',
    ]);
  });
});
