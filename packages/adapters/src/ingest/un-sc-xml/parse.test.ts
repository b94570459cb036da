import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@entente/core';
import type { Party } from '@entente/core';
import type { ParsedList } from '../list-format.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { xxeDocument } from '../../test-support/xxe-document.ts';
import { hasSharedData, SHARED_DATA, sharedDataPath } from '../../test-support/shared-data.ts';
import { unScXmlFormat } from './source.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, 'fixtures', name);

function countKinds(list: ParsedList): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of list.warnings) out[w.kind] = (out[w.kind] ?? 0) + 1;
  return out;
}

describe.skipIf(!hasSharedData())('un-sc-xml on the 2026-02-27 consolidated list', () => {
  const file = sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml');
  let list: ParsedList;
  let byId: Map<string, Party>;
  beforeAll(async () => {
    [list] = (await unScXmlFormat.parse([file])) as [ParsedList];
    byId = new Map(list.parties.map((p) => [p.sourceId, p]));
  });

  it('reads 730 individuals and 273 entities dated by dateGenerated', () => {
    expect(list.source).toBe('un-sc');
    expect(list.publishedAt).toBe('2026-02-27');
    expect(list.parties).toHaveLength(1003);
    expect(list.parties.filter((p) => p.schema === 'person')).toHaveLength(730);
    expect(list.parties.filter((p) => p.schema === 'organization')).toHaveLength(273);
  });

  it('uses the UN reference number as sourceId and unReference', () => {
    expect(list.parties.every((p) => p.unReference === p.sourceId)).toBe(true);
    expect(byId.get('CDi.001')?.names[0]?.full).toBe('ERIC BADEGE');
  });

  it('keeps the original-script name with its script and a year-only birth date', () => {
    const qusay = byId.get('IQi.002');
    expect(qusay?.names[0]).toMatchObject({
      full: 'QUSAY SADDAM HUSSEIN AL-TIKRITI',
      parts: { given: 'QUSAY', family: 'AL-TIKRITI' },
    });
    expect(qusay?.names).toContainEqual({
      full: 'قصي صدام حسين التكريتي',
      script: 'Arab',
      quality: 'strong',
    });
    expect(qusay?.birthDates).toEqual([
      { value: '1965', precision: 'year' },
      { value: '1966', precision: 'year' },
    ]);
    expect(qusay?.programs).toEqual(['Iraq']);
    expect(qusay?.listedOn).toBe('2003-06-27');
  });

  it('reads APPROXIMATELY as circa and BETWEEN as a range', () => {
    expect(byId.get('IQi.004')?.birthDates).toEqual([{ value: '1957', precision: 'year', circa: true }]);
    expect(byId.get('CDi.030')?.birthDates).toEqual([{ value: '1973', precision: 'year', to: '1974' }]);
  });

  it('maps alias quality Low to weak and Good to strong', () => {
    const names = byId.get('CDi.003')?.names ?? [];
    expect(names.find((n) => n.full === 'Rumuli')?.quality).toBe('weak');
    expect(names.find((n) => n.full === 'Victor Rumuri')?.quality).toBe('strong');
    expect(list.parties.reduce((n, p) => n + p.names.filter((m) => m.quality === 'weak').length, 0)).toBe(
      615,
    );
  });

  it('reads documents, addresses and birth dates', () => {
    const count = (f: (p: Party) => number) => list.parties.reduce((n, p) => n + f(p), 0);
    expect(count((p) => p.identifiers.filter((i) => i.type === 'passport').length)).toBe(310);
    expect(count((p) => p.identifiers.filter((i) => i.type === 'national-id').length)).toBe(144);
    expect(count((p) => p.addresses.length)).toBe(743);
    expect(count((p) => p.birthDates.length)).toBe(892);
    expect(list.parties.filter((p) => p.names.some((n) => n.script !== 'Latn'))).toHaveLength(382);
  });

  it('warns about unreadable dates and unknown countries', () => {
    expect(countKinds(list)).toEqual({ 'bad-date': 3, 'unknown-country': 1 });
    expect(list.warnings).toContainEqual(
      expect.objectContaining({ kind: 'bad-date', file, row: 418, field: 'INDIVIDUAL_DATE_OF_BIRTH' }),
    );
  });

  it('finds the list in the mirror', async () => {
    expect(await unScXmlFormat.findInMirror(SHARED_DATA)).toEqual([[file]]);
  });
});

describe('un-sc-xml on small fixtures', () => {
  it('drops a record without a name and merges a repeated reference', async () => {
    const [list] = (await unScXmlFormat.parse([fixture('small.xml')])) as [ParsedList];
    expect(list.publishedAt).toBe('2026-01-15');
    expect(list.parties.map((p) => p.sourceId)).toEqual(['KPi.900']);
    const party = list.parties[0];
    expect(party?.names.map((n) => [n.full, n.quality, n.script])).toEqual([
      ['IVAN PETROV', 'primary', 'Latn'],
      ['Иван Петров', 'strong', 'Cyrl'],
      ['Vanya', 'weak', 'Latn'],
      ['EXAMPLE TRADING CO', 'primary', 'Latn'],
      ['ETC', 'strong', 'Latn'],
    ]);
    expect(party?.birthDates).toEqual([{ value: '1960', precision: 'year', to: '1962' }]);
    expect(party?.identifiers).toEqual([
      { type: 'passport', value: 'P123', country: 'RU', label: 'Passport' },
    ]);
    expect(list.warnings.map((w) => [w.kind, w.row])).toEqual([
      ['bad-date', 1],
      ['unknown-country', 1],
      ['missing-name', 2],
      ['duplicate-id', 3],
    ]);
  });

  it.each([
    ['truncated.xml', /not well-formed XML/],
    ['not-un.xml', /not a UN consolidated list/],
  ])('rejects %s as a whole', async (name, message) => {
    const err = await unScXmlFormat.parse([fixture(name)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file: fixture(name) } });
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(name);
  });

  it.each([
    ['an external', 'SYSTEM "file:///etc/passwd"'],
    ['an internal', '"lol"'],
  ])('rejects a DOCTYPE declaring %s entity, naming the file and line', async (_, definition) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'un-xxe-'));
    const file = path.join(dir, 'consolidated.xml');
    await writeFile(file, xxeDocument('CONSOLIDATED_LIST', definition));
    const err = await unScXmlFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file, row: 3 } });
    expect((err as Error).message).toContain(`${file}: line 3: the DOCTYPE declares entities`);
  });
});
