import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataPath, SHARED_DATA } from '../../test-support/shared-data.ts';
import { parseOpenSanctionsCsv } from './parse-opensanctions-csv.ts';
import { openSanctionsCsvFormat } from './source.ts';

const TODAY = '2026-11-26';

describe('opensanctions-csv', () => {
  it('reads the BIS military-intelligence end users', async () => {
    const list = await parseOpenSanctionsCsv(sharedDataPath('lists/us/bis-mieu/mieu.csv'), TODAY);
    expect(list.source).toBe('us-bis-mieu');
    expect(list.parties).toHaveLength(13);
    const dim = list.parties.find((p) => p.names[0]?.full === 'Directorate of Military Intelligence')!;
    expect(dim.names.map((n) => n.full)).toContain('DIM');
    expect(dim.countries).toEqual([{ code: 'CU', role: 'jurisdiction' }]);
    expect(dim.listedOn).toBe('2021-03-16');
  });

  it('reads the DoD 1260H list with the clean name as primary and the listed form as alias', async () => {
    const list = await parseOpenSanctionsCsv(sharedDataPath('lists/us/dod-1260h/sanctions.csv'), TODAY);
    expect(list.source).toBe('us-dod-1260h');
    expect(list.parties.length + list.warnings.filter((w) => w.kind === 'delisted').length).toBe(397);
    const amec = list.parties.find(
      (p) => p.names[0]?.full === 'Advanced Micro-Fabrication Equipment Inc. China',
    )!;
    expect(amec.names.map((n) => n.full)).toEqual([
      'Advanced Micro-Fabrication Equipment Inc. China',
      'AMEC',
      'Advanced Micro-Fabrication Equipment Inc. China (AMEC)',
    ]);
  });

  it('reads the Swiss freezes, leaving delisted persons out with a warning', async () => {
    const list = await parseOpenSanctionsCsv(sharedDataPath('lists/ch/fiaa-freezes/freezes.csv'), TODAY);
    expect(list.source).toBe('ch-seco-fiaa');
    const delisted = list.warnings.filter((w) => w.kind === 'delisted').length;
    expect(list.parties.length + delisted).toBe(158);
    expect(delisted).toBeGreaterThan(100);
    expect(list.parties.every((p) => p.schema === 'person' || p.schema === 'organization')).toBe(true);
  });

  it('finds exactly its three files in the mirror', async () => {
    const groups = await openSanctionsCsvFormat.findInMirror(SHARED_DATA);
    expect(groups.map((g) => path.basename(path.dirname(g[0]!))).sort()).toEqual([
      'bis-mieu',
      'dod-1260h',
      'fiaa-freezes',
    ]);
  });

  it('refuses a CSV it does not know', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'os-csv-'));
    writeFileSync(path.join(dir, 'x.csv'), 'a,b,c\n1,2,3\n');
    await expect(parseOpenSanctionsCsv(path.join(dir, 'x.csv'), TODAY)).rejects.toMatchObject({
      code: 'file-rejected',
    });
  });
});
