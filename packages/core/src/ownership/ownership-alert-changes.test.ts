import { describe, expect, it } from 'vitest';
import { findOwnershipAlerts } from './find-ownership-alerts.ts';
import { ownershipAlertChanges } from './ownership-alert-changes.ts';

const register = [
  { id: 'H', names: ['Holding'], owners: [] },
  { id: 'S', names: ['Subsidiary'], owners: [{ ownerId: 'H', share: 75 }] },
];
const candidates = findOwnershipAlerts(
  register,
  [{ counterpartyId: 'H', entityId: 'us-ofac-sdn:1', listedName: 'HOLDING' }],
  '2026-12-03',
);

describe('ownershipAlertChanges', () => {
  it('raises a new finding once', () => {
    expect(
      ownershipAlertChanges([...candidates, ...candidates], [], () => false).raise.map(
        (c) => c.counterpartyId,
      ),
    ).toEqual(['S']);
  });

  it('keeps a decided alert decided and respects an active clearance', () => {
    const decided = [
      {
        id: 'a1',
        counterpartyId: 'S',
        entityId: 'us-ofac-sdn:1',
        programs: ['us-ofac-50'],
        state: 'true-match',
      },
    ];
    expect(ownershipAlertChanges(candidates, decided, () => false)).toEqual({ raise: [], resolved: [] });
    expect(
      ownershipAlertChanges(candidates, [], (cp, entity) => cp === 'S' && entity === 'us-ofac-sdn:1').raise,
    ).toEqual([]);
  });

  it('notes an undecided alert whose finding no longer holds', () => {
    const open = [
      { id: 'a2', counterpartyId: 'S', entityId: 'us-ofac-sdn:1', programs: ['us-ofac-50'], state: 'open' },
    ];
    expect(ownershipAlertChanges([], open, () => false).resolved).toEqual([
      { id: 'a2', note: 'no longer caught by ownership under us-ofac-50' },
    ]);
  });
});
