import { describe, expect, it } from 'vitest';
import type { ComponentControl } from './component-controls.ts';
import { isSameSupplier, matchItem } from './match-item.ts';

const control = (jurisdiction: ComponentControl['jurisdiction'], code: string): ComponentControl => ({
  jurisdiction,
  status: 'controlled',
  code,
  reasons: [],
  inferred: false,
  reason: '',
});

describe('matchItem', () => {
  const match = { codes: ['US:3A904', 'eu:4a506'], hsCodes: ['848620'] };
  it.each([
    [[control('US', '3A904.b')], undefined, 'US:3A904'],
    [[control('US', '3A904')], undefined, 'US:3A904'],
    [[control('US', '3A9040')], undefined, undefined],
    [[control('EU', '4A506')], undefined, 'EU:4A506'],
    [[control('US', '4A506')], undefined, undefined],
    [[], '84862010', 'HS 848620'],
    [[], '848610', undefined],
  ])('%j, HS %s → %s', (controls, hsCode, hit) => {
    expect(matchItem(match, { controls, ...(hsCode ? { hsCode } : {}) })).toBe(hit);
  });
});

describe('isSameSupplier', () => {
  it.each([
    ['SZ DJI Technology Co., Ltd.', 'SZ DJI Technology Co., Ltd.', true],
    ['SZ DJI Technology Co., Ltd.', 'sz dji technology co ltd', true],
    ['Da-Jiang Innovations', 'Da Jiang Innovations Science and Technology', true],
    ['SZ DJI Technology Co., Ltd.', 'Shenzhen Aerolink Electronics Co., Ltd.', false],
    ['Acme GmbH', 'Acme Corp', true],
    ['Acme', 'Acmeco Industries', false],
  ])('%s ~ %s → %s', (listed, supplier, same) => {
    expect(isSameSupplier(listed, supplier)).toBe(same);
  });
});
