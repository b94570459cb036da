import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, type Party } from '@entente/core';
import { hasSharedData, sharedDataPath, SHARED_DATA } from '../../test-support/shared-data.ts';
import { xxeDocument } from '../../test-support/xxe-document.ts';
import type { ParsedList } from '../list-format.ts';
import { ecfr744Format } from './source.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const kinds = (l: ParsedList): Record<string, number> =>
  l.warnings.reduce<Record<string, number>>((acc, w) => ({ ...acc, [w.kind]: (acc[w.kind] ?? 0) + 1 }), {});

describe.skipIf(!hasSharedData())('ecfr-744 on the real eCFR XML of 15 CFR 744', () => {
  let entityList: ParsedList;
  let meu: ParsedList;
  const byId = (l: ParsedList, id: string): Party => l.parties.find((p) => p.sourceId === id)!;

  beforeAll(async () => {
    [entityList, meu] = await ecfr744Format.parse([sharedDataPath('controls/us/ecfr/title-15_part-744.xml')]);
  });

  it('reads 3,427 Entity List and 70 MEU parties, dated by the latest amendment', () => {
    expect(entityList.source).toBe('us-bis-entity-list');
    expect(entityList.parties).toHaveLength(3427);
    expect(meu.source).toBe('us-bis-meu');
    expect(meu.parties).toHaveLength(70);
    expect(entityList.publishedAt).toBe('2026-01-15');
    expect(kinds(entityList)).toEqual({ 'duplicate-id': 8 });
    expect(kinds(meu)).toEqual({});
  });

  it('gives every party a unique source id', () => {
    for (const l of [entityList, meu])
      expect(new Set(l.parties.map((p) => p.sourceId)).size).toBe(l.parties.length);
  });

  it('keeps an entry’s licence requirement, review policy and Federal Register citation', () => {
    expect(byId(entityList, 'AF-abdul-satar-ghoura')).toMatchObject({
      names: [{ full: 'Abdul Satar Ghoura', quality: 'primary' }],
      countries: [{ code: 'AF', role: 'address' }],
      licenceRequirement: 'For all items subject to the EAR. (See § 744.11 of the EAR)',
      licencePolicy: 'Presumption of denial',
      citation: '76 FR 71869, 11/21/11.',
      listedOn: '2011-11-21',
    });
  });

  it('reads aliases as strong names and addresses with their own country', () => {
    const p = byId(entityList, 'CN-speed-business-trading-hk-ltd');
    expect(p.addresses[0]).toMatchObject({ country: 'HK' });
    expect(p.countries.map((c) => c.code)).toEqual(['CN', 'HK']);
    const emal = byId(entityList, 'AF-emal-bilal-mangal');
    expect(emal.names.map((n) => [n.full, n.quality])).toEqual([
      ['Emal Bilal Mangal', 'primary'],
      ['Imal Bilal', 'strong'],
      ['Aimal Balal', 'strong'],
      ['Bellal Mangal', 'strong'],
    ]);
  });

  it('lists subordinate institutions as their own parties', () => {
    const sub = byId(
      entityList,
      'CN-china-aerospace-science-and-industry-corporation-second-academy--201-research-institute',
    );
    expect(sub.remarks).toBe(
      'Subordinate institution of China Aerospace Science and Industry Corporation Second Academy',
    );
    expect(sub.addresses.length).toBeGreaterThan(0);
    const aecc = meu.parties.filter((p) => p.sourceId.startsWith('CN-aero-engine-company-of-china--'));
    expect(aecc.map((p) => p.names[0]!.full)).toContain('AECC Aviation Power Co. Ltd.');
    expect(aecc).toHaveLength(8);
  });

  it('finds the XML in a mirror laid out like the shared data', async () => {
    expect(await ecfr744Format.findInMirror(SHARED_DATA)).toEqual([
      [sharedDataPath('controls/us/ecfr/title-15_part-744.xml')],
    ]);
  });
});

describe('ecfr-744 rejects wrong files', () => {
  it.each(['not-part-744.xml', 'truncated-744.xml', 'no-meu-744.xml', 'empty.xml'])(
    'rejects %s naming the file',
    async (name) => {
      const file = path.join(FIXTURES, name);
      const err = await ecfr744Format.parse([file]).catch((e: unknown) => e);
      expect(isDomainError(err) && err.code).toBe('file-rejected');
      expect((err as Error).message).toContain(file);
    },
  );

  it('rejects a DOCTYPE declaring an external entity, naming the file and line', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'ecfr-xxe-')), 'title-15_part-744.xml');
    await writeFile(file, xxeDocument('DIV5', 'SYSTEM "file:///etc/passwd"'));
    const err = await ecfr744Format.parse([file]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file, row: 3 } });
    expect((err as Error).message).toContain(file);
  });

  it('finds nothing in a mirror without the file', async () => {
    expect(await ecfr744Format.findInMirror(FIXTURES)).toEqual([]);
  });
});
