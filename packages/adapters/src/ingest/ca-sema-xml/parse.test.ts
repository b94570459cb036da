import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@entente/core';
import type { Party } from '@entente/core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { xxeDocument } from '../../test-support/xxe-document.ts';
import { hasSharedData, SHARED_DATA, sharedDataPath } from '../../test-support/shared-data.ts';
import type { ParsedList } from '../list-format.ts';
import { caSemaXmlFormat } from './source.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, 'fixtures', name);

describe.skipIf(!hasSharedData())('ca-sema-xml on the 2020-04 list', () => {
  const file = sharedDataPath('lists/ca/sema-2020-04/sema-lmes.xml');
  let list: ParsedList;
  let byId: Map<string, Party>;
  beforeAll(async () => {
    [list] = (await caSemaXmlFormat.parse([file])) as [ParsedList];
    byId = new Map(list.parties.map((p) => [p.sourceId, p]));
  });

  it('reads 1,369 records, dated by the folder name, without warnings', () => {
    expect(list.source).toBe('ca-sema');
    expect(list.publishedAt).toBe('2020-04-01');
    expect(list.parties).toHaveLength(1369);
    expect(list.parties.filter((p) => p.schema === 'person')).toHaveLength(985);
    expect(list.parties.filter((p) => p.schema === 'organization')).toHaveLength(384);
    expect(list.warnings).toEqual([]);
  });

  it('maps regime, schedule and item to programme, legal basis and citation', () => {
    const air = byId.get('burma/1/1');
    expect(air?.names.map((n) => n.full)).toEqual([
      'Air Bagan',
      'Air Bagan Holdings Pte. Ltd.',
      'Air Bagan Limited',
    ]);
    expect(air?.programs).toEqual(['Burma']);
    expect(air?.legalBasis).toEqual(['Special Economic Measures (Burma) Regulations']);
    expect(air?.countries).toEqual([{ code: 'MM', role: 'other' }]);
    expect(air?.citation).toBe('Schedule 1, item 1');
  });

  it('reads people with name parts and alternative birth dates', () => {
    const abahussain = byId.get('jvcfor/1/54');
    expect(abahussain?.names[0]).toMatchObject({
      full: 'Mansour Othman ABAHUSSAIN',
      parts: { given: 'Mansour Othman', family: 'ABAHUSSAIN' },
    });
    expect(abahussain?.birthDates).toEqual([
      { value: '1972-08-10', precision: 'day' },
      { value: '1972-08-11', precision: 'day' },
    ]);
    expect(abahussain?.countries).toEqual([]);
    expect(byId.get('russia/1/96')?.names.map((n) => n.full)).toContain('Aleksei DYUMIN');
  });

  it('finds the list in the mirror', async () => {
    expect(await caSemaXmlFormat.findInMirror(SHARED_DATA)).toEqual([[file]]);
  });
});

describe('ca-sema-xml on small fixtures', () => {
  it('completes one-word aliases and warns per record', async () => {
    const [list] = (await caSemaXmlFormat.parse([fixture('small.xml')])) as [ParsedList];
    expect(list.parties.map((p) => p.sourceId)).toEqual(['ruritania/na/1', 'russia/1/1']);
    expect(list.parties[1]?.names.map((n) => n.full)).toEqual([
      'Ivan PETROV',
      'Vanya PETROV',
      'Ivan PETROFF',
    ]);
    expect(list.parties[1]?.birthDates).toEqual([{ value: '1960', precision: 'year' }]);
    expect(list.warnings.map((w) => [w.kind, w.row])).toEqual([
      ['missing-name', 2],
      ['unknown-program', 3],
      ['bad-date', 3],
    ]);
  });

  it('rejects a truncated file, naming it', async () => {
    const err = await caSemaXmlFormat.parse([fixture('truncated.xml')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file: fixture('truncated.xml') } });
    expect((err as Error).message).toContain('truncated.xml');
  });

  it('rejects a UN list given as SEMA', async () => {
    const err = await caSemaXmlFormat
      .parse([path.join(here, '../un-sc-xml/fixtures/small.xml')])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file-rejected' });
  });

  it('rejects a DOCTYPE declaring an external entity, naming the file and line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sema-xxe-'));
    const file = path.join(dir, 'sema-lmes.xml');
    await writeFile(file, xxeDocument('data-set', 'SYSTEM "file:///etc/passwd"'));
    const err = await caSemaXmlFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file, row: 3 } });
    expect((err as Error).message).toContain(file);
  });
});
