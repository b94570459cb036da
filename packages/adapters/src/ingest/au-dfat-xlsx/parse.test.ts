import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@entente/core';
import type { Party } from '@entente/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../test-support/build-zip.ts';
import { hasSharedData, SHARED_DATA, sharedDataPath } from '../../test-support/shared-data.ts';
import type { ParsedList } from '../list-format.ts';
import { dfatBaseReference } from './parse-au-dfat-xlsx.ts';
import { auDfatXlsxFormat } from './source.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe.skipIf(!hasSharedData())('au-dfat-xlsx on the 2026-02-24 consolidated list', () => {
  const file = sharedDataPath('lists/au/dfat-2026-02-24/Australian_Sanctions_Consolidated_List.xlsx');
  let list: ParsedList;
  let byId: Map<string, Party>;
  beforeAll(async () => {
    [list] = (await auDfatXlsxFormat.parse([path.dirname(file)])) as [ParsedList];
    byId = new Map(list.parties.map((p) => [p.sourceId, p]));
  });

  it('groups the 10,976 name rows into 3,811 references, dated by the folder name', () => {
    expect(list.source).toBe('au-dfat');
    expect(list.publishedAt).toBe('2026-02-24');
    expect(list.parties).toHaveLength(3811);
    const schemas: Record<string, number> = {};
    for (const p of list.parties) schemas[p.schema] = (schemas[p.schema] ?? 0) + 1;
    expect(schemas).toEqual({ person: 2518, organization: 1031, vessel: 262 });
    expect(list.parties.reduce((n, p) => n + p.names.length, 0)).toBeLessThanOrEqual(10976);
  });

  it('strips alias suffixes from references', () => {
    expect(dfatBaseReference('2a')).toBe('2');
    expect(dfatBaseReference('3621ag')).toBe('3621');
    expect(dfatBaseReference(' 17 ')).toBe('17');
  });

  it('keeps the original-script row as a strong name with its script', () => {
    const akhund = byId.get('2');
    expect(akhund?.names).toEqual([
      { full: 'MOHAMMAD HASSAN AKHUND', script: 'Latn', quality: 'primary' },
      { full: 'محمد حسن أخوند', script: 'Arab', quality: 'strong' },
    ]);
    expect(akhund?.birthDates).toHaveLength(10);
    expect(akhund?.birthDates[0]).toEqual({ value: '1945', precision: 'year' });
    expect(akhund?.unReference).toBe('TAi.002');
    expect(akhund?.listedOn).toBe('2001-01-25');
    expect(akhund?.programs).toEqual(['1988 (Taliban)']);
    expect(akhund?.countries).toEqual([{ code: 'AF', role: 'citizenship' }]);
  });

  it('reads weak aliases, ranges and vessels', () => {
    expect(byId.get('5')?.names.find((n) => n.full === 'Haji Mudir')?.quality).toBe('weak');
    expect(list.parties.reduce((n, p) => n + p.names.filter((m) => m.quality === 'weak').length, 0)).toBe(
      435,
    );
    expect(byId.get('23')?.birthDates).toEqual([{ value: '1963', precision: 'year', to: '1968' }]);
    expect(byId.get('8227')?.identifiers).toEqual([{ type: 'imo', value: '9288693' }]);
    expect(list.parties.filter((p) => p.names.some((n) => n.script && n.script !== 'Latn'))).toHaveLength(
      419,
    );
  });

  it('takes the UN reference number that repeats a UN listing on 779 entries', () => {
    expect(list.parties.filter((p) => p.unReference)).toHaveLength(779);
  });

  it('warns about rows without a primary name, repeated primaries and bad dates', () => {
    const kinds: Record<string, number> = {};
    for (const w of list.warnings) kinds[w.kind] = (kinds[w.kind] ?? 0) + 1;
    expect(kinds).toEqual({ 'bad-date': 5, 'missing-primary-name': 2, 'duplicate-id': 1 });
    expect(byId.get('8495')?.names[0]).toMatchObject({ full: 'Yahya Husseini Panjaki', quality: 'primary' });
    expect(list.warnings).toContainEqual(expect.objectContaining({ kind: 'duplicate-id', row: 10729, file }));
  });

  it('finds the workbook in the mirror', async () => {
    expect(await auDfatXlsxFormat.findInMirror(SHARED_DATA)).toEqual([[file]]);
  });
});

describe('au-dfat-xlsx on wrong files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'entente-dfat-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects a file that is not a workbook, naming it', async () => {
    const file = path.join(here, 'fixtures', 'not-a-workbook.xlsx');
    const err = await auDfatXlsxFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file } });
    expect((err as Error).message).toContain(file);
  });

  it('rejects a workbook without the DFAT columns', async () => {
    const file = path.join(dir, 'other.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['Name', 'Country']);
    await workbook.xlsx.writeFile(file);
    const err = await auDfatXlsxFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file, row: 1 } });
    expect((err as Error).message).toMatch(/not a DFAT consolidated list/);
  });

  /** The parts of an xlsx package, with a first sheet that declares `sheetBytes` when unzipped. */
  const xlsxParts = (sheet: Uint8Array, declaredSize?: number) => [
    {
      name: 'xl/workbook.xml',
      data: Buffer.from('<workbook><sheets><sheet name="L" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(declaredSize ? { declaredSize } : {}) },
  ];

  it('refuses a workbook that would expand past the size limit, before reading it', async () => {
    const file = path.join(dir, 'oversize.xlsx');
    await writeFile(file, buildZip(xlsxParts(randomBytes(2 << 20), 100 << 20)));
    const err = await auDfatXlsxFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'file-rejected',
      details: { file, limit: 'size', maxBytes: 64 << 20 },
    });
    expect((err as Error).message).toContain(`${file}: its files would expand to over 64 MB`);
  });

  it('refuses a workbook that is a ZIP bomb', async () => {
    const file = path.join(dir, 'bomb.xlsx');
    await writeFile(file, buildZip(xlsxParts(new Uint8Array(48 << 20))));
    const err = await auDfatXlsxFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file, limit: 'ratio' } });
  });

  it('refuses a workbook whose first row, read from the sheet XML, lacks the DFAT columns', async () => {
    const file = path.join(dir, 'other-header.xlsx');
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row></sheetData></worksheet>';
    await writeFile(file, buildZip(xlsxParts(Buffer.from(sheet))));
    const err = await auDfatXlsxFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file, row: 1 } });
    expect((err as Error).message).toMatch(/not a DFAT consolidated list \(missing columns: Reference, /);
  });
});
