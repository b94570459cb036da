import { beforeAll, describe, expect, it } from 'vitest';
import { citationProblem, type ControlList } from '@entente/core';
import { loadLicensingDatasets } from '../licensing-data/load-licensing-datasets.ts';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { AG_LISTS, MTCR_TOC, NSG_CATEGORIES } from './fidelity-regime-texts.table.ts';
import { latestVersions, readAllControlLists } from './load-control-lists.ts';

let lists: ControlList[];
beforeAll(async () => {
  if (!hasSharedData()) return;
  lists = latestVersions(await readAllControlLists(SHARED_DATA));
}, 60_000);

const entry = (id: string, code: string) =>
  lists.find((l) => l.id === id)?.entries.find((e) => e.code === code);

describe.skipIf(!hasSharedData())('regime lists against the regimes’ own texts (read 2026-12-04)', () => {
  it('holds the five Australia Group common control lists, no more', () => {
    const codes = lists.find((l) => l.id === 'AG')!.entries.map((e) => e.code);
    expect(codes.sort()).toEqual(AG_LISTS.map(([code]) => code).sort());
  });

  it.each(AG_LISTS)('AG:%s is %s, read at %s (%s)', (code, status, page, version, heading) => {
    const e = entry('AG', code)!;
    expect(e.citation.status).toBe(status);
    expect(e.citation.readFrom).toContain(page);
    expect(e.citation.readOn).toBe('2026-12-04');
    expect(e.citation.note).toContain(version);
    expect(e.heading).toContain(heading);
    expect(citationProblem(e)).toBeUndefined();
  });

  it.each(MTCR_TOC)(
    'MTCR:%s (Annex item %s) carries the heading of the 2022 Annex table of contents: %s',
    (code, item, heading) => {
      const e = entry('MTCR', code)!;
      expect(e.heading.startsWith(`MTCR item ${item}: `)).toBe(true);
      expect(e.heading).toContain(heading);
      expect(e.citation).toMatchObject({
        provision: `item ${item}`,
        status: 'verified',
        readOn: '2026-12-04',
      });
      expect(e.citation.readFrom).toContain('MTCR/TEM/2022/Annex');
    },
  );

  it('leaves the MTCR items the table of contents did not reach unverified, citing the LITE tree', () => {
    const e = entry('MTCR', 'M1A1')!;
    expect(e.heading).toBe('MTCR item 1.A.1');
    expect(e.citation.status).toBe('unverified');
    expect(e.citation.readFrom).toContain('MTCR_Cat_1_regimes.csv');
  });

  it('does not invent 3.A.9 and 3.A.10, which the 2022 table names but the LITE tree lacks', () => {
    expect(entry('MTCR', 'M3A8')).toBeDefined();
    expect(entry('MTCR', 'M3A9')).toBeUndefined();
    expect(entry('MTCR', 'M3A10')).toBeUndefined();
  });

  it.each(NSG_CATEGORIES)(
    'NSG:%s is headed %s, unverified (the NSG page does not number them)',
    (code, heading) => {
      const e = entry('NSG', code)!;
      expect(e.heading).toContain(heading);
      expect(e.citation.status).toBe('unverified');
      expect(e.citation.readFrom).toContain('nuclearsuppliersgroup.org');
      expect(e.citation.note).toMatch(/without numbers/);
    },
  );

  it('keeps EU001 unverified for the 16 entries added by Delegated Regulation (EU) 2025/2003, citing the commentaries read', async () => {
    const { eu } = await loadLicensingDatasets();
    const eu001 = eu.generalAuthorisations.find((g) => g.id === 'EU001')!;
    expect(eu001.unreadItems).toHaveLength(16);
    for (const u of eu001.unreadItems ?? []) {
      expect(u.source.status).toBe('unverified');
      expect(u.source.note).toContain('replaces Annex I alone');
    }
    expect(eu.annexIvSource.note).toContain('left Annex IV unchanged');
  });
});
