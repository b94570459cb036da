import { beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import {
  classifyGaps,
  deriveCorrespondences,
  diffControlLists,
  findEntry,
  summarizeGaps,
  type ControlList,
  type Correspondence,
} from '@entente/core';
import { latestVersions, readAllControlLists } from './load-control-lists.ts';

describe.skipIf(!hasSharedData())('control lists from the mirror and the datasets', () => {
  let all: ControlList[];
  let latest: ControlList[];
  let crosswalk: Correspondence[];
  const list = (id: string, version?: string) =>
    all.find((l) => l.id === id && (!version || l.version === version)) as ControlList;
  const has = (from: string, to: string, type: string) =>
    crosswalk.some(
      (c) => ((c.from === from && c.to === to) || (c.from === to && c.to === from)) && c.type === type,
    );

  beforeAll(async () => {
    all = await readAllControlLists(SHARED_DATA);
    latest = latestVersions(all);
    crosswalk = deriveCorrespondences(latest);
  });

  it('loads all 633 US ECCNs with their reasons for control', () => {
    const top = list('US').entries.filter((e) => !e.parent);
    expect(top).toHaveLength(633);
    expect(findEntry(all, 'US', '3A001')?.entry.reasons).toEqual(['NS', 'RS', 'MT', 'NP', 'AT']);
    expect(top.filter((e) => e.reasons.length > 0).length).toBeGreaterThan(550);
  });

  it('scopes reasons per paragraph as the requirement rows do', () => {
    expect(findEntry(all, 'US', '5A992.c')?.entry.reasons).toEqual(['AT']);
    expect(findEntry(all, 'US', '3A001.a.1.a')?.entry.reasons).toEqual(
      expect.arrayContaining(['NS', 'MT', 'AT']),
    );
    expect(findEntry(all, 'US', '3A001.a.2')?.entry.reasons).not.toContain('MT');
    expect(findEntry(all, 'US', '3A611.y.1')?.entry.reasons).toEqual(['RS', 'AT']);
    expect(findEntry(all, 'US', '3A611.a')?.entry.reasons).toEqual(['NS', 'RS', 'AT', 'UN']);
  });

  it('resolves a paragraph code to the nearest entry', () => {
    const found = findEntry(all, 'US', '3A001.a.1.b.7');
    expect(found?.entry.code).toBe('3A001.a.1.b');
    expect(found?.exact).toBe(false);
    expect(findEntry(all, 'US', '3A001.q')?.entry.code).toBe('3A001');
  });

  it('carries licence-exception eligibility on the entry', () => {
    const e = findEntry(all, 'US', '3A001')?.entry;
    expect(e?.exceptions?.GBS).toMatch(/3A001\.a\.1\.b/);
    expect(e?.reasonScopes?.find((r) => r.reason === 'MT')?.chartColumn).toBe('MT1');
  });

  it('reads the 21 USML categories', () => {
    expect(list('USML').entries.map((e) => e.code)).toHaveLength(21);
    expect(findEntry(all, 'USML', 'XI')?.entry.heading).toBe('Military Electronics');
  });

  it.each([
    ['EU', '2025-11-15', 570],
    ['EU', '2024-11-15', 546],
    ['JP', undefined, 257],
    ['AG', undefined, 5],
  ])('holds the %s list version %s with %i entries', (id, version, n) => {
    expect(list(id, version).entries).toHaveLength(n);
  });

  it('records source and confidence on every dataset entry', () => {
    for (const l of all) for (const e of l.entries) expect(e.source.act && e.confidence).toBeTruthy();
  });

  it('links US:3A001, EU:3A001 and WA:3.A.1 as the same entry', () => {
    expect(has('US:3A001', 'EU:3A001', 'same')).toBe(true);
    expect(has('EU:3A001', 'WA:3.A.1', 'same')).toBe(true);
    expect(has('US:3A001', 'WA:3.A.1', 'same')).toBe(true);
    expect(has('US:3A001.a.1', 'EU:3A001.a.1', 'same')).toBe(true);
  });

  it('links the plurilateral quantum and semiconductor controls across numbering', () => {
    expect(has('US:3A904', 'EU:3A504', 'same')).toBe(true);
    expect(has('US:4A906', 'EU:4A506', 'same')).toBe(true);
    expect(has('US:9A610', 'WA:ML10', 'narrower')).toBe(true);
    expect(has('JP:7', 'WA:3', 'overlaps')).toBe(true);
  });

  it('reports US:0A521 as a US-unilateral gap, and US:3A090 as plurilateral (the EU has 3A501.a.16)', () => {
    const gaps = classifyGaps(latest, crosswalk);
    const of = (id: string) => gaps.filter((g) => g.entry === id);
    expect(of('US:3A090').map((g) => [g.category, g.lackingIn])).toEqual([['plurilateral', 'UK']]);
    expect(of('US:0A521').every((g) => g.category === 'unilateral')).toBe(true);
    expect(of('US:3A904').map((g) => g.category)).toEqual(['plurilateral']);
    expect(of('US:3A001').map((g) => g.category)).toEqual(['scope-differs', 'scope-differs']);
    expect(of('EU:3A504').find((g) => g.lackingIn === 'UK')?.category).toBe('plurilateral');
    const summary = summarizeGaps(gaps);
    expect(summary.unilateral['US→EU']).toBeGreaterThan(100);
  });

  it('diffs the EU list before and after its 2025 update', () => {
    const diff = diffControlLists(list('EU', '2024-11-15'), list('EU', '2025-11-15'));
    expect(diff.added.map((a) => a.code)).toEqual(
      expect.arrayContaining(['3A504', '4A506', '3B501', '1C513']),
    );
    expect(diff.added.filter((a) => !a.code.includes('.'))).toHaveLength(16);
    // and the paragraphs read of three of them: 3A501.a(.15, .16), 3A501.b(.13), 3A502.i, 3A504.a–b
    expect(diff.added).toHaveLength(24);
    expect(diff.removed).toHaveLength(0);
  });

  it('picks the list version in force on a date', () => {
    expect(findEntry(all, 'EU', '4A506', '2025-01-01')).toBeUndefined();
    expect(findEntry(all, 'EU', '4A506', '2025-12-01')?.entry.code).toBe('4A506');
  });
});
