import { describe, expect, it } from 'vitest';
import { findOwnershipAlerts, type OwnedCounterparty } from './find-ownership-alerts.ts';
import { ownershipRulesForParty } from './ownership-rules-for-party.ts';

const cp = (id: string, name: string, owners: OwnedCounterparty['owners'] = []): OwnedCounterparty => ({
  id,
  names: [name],
  owners,
});

describe('findOwnershipAlerts', () => {
  const register = [
    cp('C1', 'Volga Holding'),
    cp('C2', 'Volga Trading GmbH', [{ ownerId: 'C1', share: 60 }]),
    cp('C3', 'Volga Logistics BV', [{ ownerId: 'C2', share: 50 }]),
    cp('C4', 'Unrelated Ltd', [{ ownerId: 'C3', share: 10 }]),
  ];

  it('raises a candidate for each counterparty caught only through ownership, with path and citation', () => {
    const found = findOwnershipAlerts(
      register,
      [{ counterpartyId: 'C1', entityId: 'us-ofac-sdn:9999', listedName: 'VOLGA HOLDING' }],
      '2026-12-03',
    );
    expect(found.map((f) => [f.counterpartyId, f.rule, f.ownerId, f.entityId])).toEqual([
      ['C2', 'us-ofac-50', 'C1', 'us-ofac-sdn:9999'],
      ['C3', 'us-ofac-50', 'C1', 'us-ofac-sdn:9999'],
    ]);
    const c3 = found[1]!;
    expect(c3.explanation[0]).toBe(
      'Clear by name; caught by ownership under the US OFAC 50 Percent Rule (≥ 50 %)',
    );
    expect(c3.explanation).toContain(
      'Path: Volga Holding owns 60 % of Volga Trading GmbH, Volga Trading GmbH owns 50 % of Volga Logistics BV (30 %)',
    );
    expect(
      c3.explanation.some(
        (l) => l.startsWith('Cited: OFAC FAQ 401') && l.includes('https://ofac.treasury.gov/faqs/401'),
      ),
    ).toBe(true);
  });

  it('applies the rules of the list the owner is on: UK control, EU majority', () => {
    const reg = [cp('P', 'Ivan Petrov'), cp('T', 'Target Co', [{ ownerId: 'P', share: 20, controls: true }])];
    const uk = findOwnershipAlerts(
      reg,
      [{ counterpartyId: 'P', entityId: 'uk-ofsi:RUS0001', listedName: 'PETROV, Ivan' }],
      '2026-12-03',
    );
    expect(uk.map((f) => f.rule)).toEqual(['uk-owned-or-controlled']);
    const us = findOwnershipAlerts(
      reg,
      [{ counterpartyId: 'P', entityId: 'us-ofac-sdn:1', listedName: 'PETROV, Ivan' }],
      '2026-12-03',
    );
    expect(us).toEqual([]);
  });

  it('does not raise ownership alerts for counterparties that are name hits themselves, or for lists without an ownership rule', () => {
    const listed = [
      { counterpartyId: 'C1', entityId: 'us-ofac-sdn:9999', listedName: 'VOLGA HOLDING' },
      { counterpartyId: 'C2', entityId: 'us-ofac-sdn:9998', listedName: 'VOLGA TRADING' },
    ];
    expect(findOwnershipAlerts(register, listed, '2026-12-03').map((f) => f.counterpartyId)).toEqual(['C3']);
    expect(
      findOwnershipAlerts(
        register,
        [{ counterpartyId: 'C1', entityId: 'un-sc:QDe.1', listedName: 'X' }],
        '2026-12-03',
      ),
    ).toEqual([]);
  });

  it('maps lists to rules, including the CSL sub-lists', () => {
    expect(ownershipRulesForParty('us-csl:SDN-123')).toEqual(['us-ofac-50']);
    expect(ownershipRulesForParty('us-csl:EL-77')).toEqual(['us-bis-affiliates']);
    expect(ownershipRulesForParty('us-csl:DPL-1')).toEqual([]);
    expect(ownershipRulesForParty('eu-sanctions:EU.1.2')).toEqual(['eu-owned-or-controlled']);
  });
});
