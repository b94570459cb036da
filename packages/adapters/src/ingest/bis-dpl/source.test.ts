import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, type Party } from '@entente/core';
import { hasSharedData, sharedDataPath, SHARED_DATA } from '../../test-support/shared-data.ts';
import type { ParsedList } from '../list-format.ts';
import { bisDplFormat } from './source.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const DPL = sharedDataPath('lists', 'us', 'bis-dpl-2023-11', 'dpl.txt');

describe.skipIf(!hasSharedData())('bis-dpl on the 2023-11 Denied Persons List', () => {
  let list: ParsedList;
  const byId = (id: string): Party => list.parties.find((p) => p.sourceId === id)!;
  beforeAll(async () => {
    [list] = await bisDplFormat.parse([DPL]);
  });

  it('reads 665 rows into 544 denied persons, merging repeated addresses', () => {
    expect(list.source).toBe('us-bis-dpl');
    expect(list.parties).toHaveLength(544);
    const kinds: Record<string, number> = {};
    for (const w of list.warnings) kinds[w.kind] = (kinds[w.kind] ?? 0) + 1;
    expect(kinds).toEqual({ 'duplicate-id': 121, 'unknown-country': 1, 'bad-date': 1 });
  });

  it('dates the list by its latest plausible update, ignoring the "3033-09-30" typo', () => {
    expect(list.publishedAt).toBe('2023-11-28');
    expect(list.warnings.find((w) => w.kind === 'bad-date')).toMatchObject({
      row: 316,
      field: 'Last_Update',
    });
  });

  it('reads name, address, effective date, FR citation and action', () => {
    expect(byId('aaron-abraham-villa')).toMatchObject({
      names: [{ full: 'AARON ABRAHAM VILLA', quality: 'primary' }],
      addresses: [{ full: '3415 RIVERA AVENUE, EL PASO, TX, 79905, US', country: 'US' }],
      countries: [{ code: 'US', role: 'address' }],
      listedOn: '2022-08-24',
      citation: '87 F.R. 52741 8/29/2022',
      remarks: 'F.R. NOTICE ADDED; expires 2026-01-14; standard order',
    });
    expect(byId('i-ash').names[0]!.full).toBe('I. ASH');
  });

  it('finds dpl.txt in the mirror by its header', async () => {
    expect(await bisDplFormat.findInMirror(SHARED_DATA)).toEqual([[DPL]]);
  });
});

describe('bis-dpl rejects wrong files', () => {
  it('rejects a tab-separated file without the DPL columns', async () => {
    const file = path.join(FIXTURES, 'not-dpl.txt');
    const err = await bisDplFormat.parse([file]).catch((e: unknown) => e);
    expect(isDomainError(err) && err.code).toBe('file-rejected');
    expect((err as Error).message).toContain(file);
  });
});
