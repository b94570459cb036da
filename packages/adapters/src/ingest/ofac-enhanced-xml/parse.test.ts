import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Party } from '@entente/core';
import { buildZip } from '../../test-support/build-zip.ts';
import { hasSharedData, sharedDataPath } from '../../test-support/shared-data.ts';
import { xxeDocument } from '../../test-support/xxe-document.ts';
import { summarizeList } from '../ofac-common/summarize-list.ts';
import { ofacEnhancedXmlFormat } from './source.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const zipFile = sharedDataPath('lists', 'us', 'ofac-enhanced-xml-2025-01', 'CONS_ENHANCED.ZIP');
const byId = (parties: Party[], id: string): Party => parties.find((p) => p.sourceId === id)!;

describe.skipIf(!hasSharedData())('ofac-enhanced-xml on CONS_ENHANCED.ZIP (2025-01-10)', () => {
  const parsing = hasSharedData() ? ofacEnhancedXmlFormat.parse([zipFile]) : Promise.resolve([]);

  it('puts all 443 Consolidated List entities, SDN-listed ones included, in us-ofac-cons', async () => {
    const lists = await parsing;
    expect(lists.map((l) => [l.source, l.publishedAt])).toEqual([['us-ofac-cons', '2025-01-10']]);
    expect(summarizeList(lists[0]!)).toEqual({
      parties: 443,
      aliases: 1180,
      weakAliases: 71,
      addresses: 531,
      birthDates: 105,
      identifiers: 1266,
      countries: 432,
    });
    // 77 of them are on the SDN List as well as on a non-SDN list.
    expect(lists[0]!.parties.filter((p) => p.subList?.includes('SDN List'))).toHaveLength(77);
  });

  it('reads names in their original scripts, identity documents with issuing country, legal authorities', async () => {
    const [list] = await parsing;
    const bank = byId(list!.parties, '17013');
    expect(bank.names.slice(0, 2)).toEqual([
      { full: 'VTB BANK PUBLIC JOINT STOCK COMPANY', quality: 'primary', script: 'Latn' },
      { full: 'БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО', quality: 'strong', script: 'Cyrl' },
    ]);
    expect(bank.identifiers).toContainEqual({
      type: 'tax-id',
      value: '7702070139',
      label: 'Tax ID No.',
      country: 'RU',
    });
    expect(bank.identifiers).toContainEqual({ type: 'swift-bic', value: 'VTBRRUMM', label: 'SWIFT/BIC' });
    expect(bank.addresses[0]).toEqual({
      full: '29, Bolshaya Morskaya str., St. Petersburg, 190000, Russia',
      street: '29, Bolshaya Morskaya str.',
      city: 'St. Petersburg',
      postalCode: '190000',
      country: 'RU',
    });
    expect(bank.birthDates).toEqual([{ value: '1990-10-17', precision: 'day' }]);
    expect(list!.parties.filter((p) => p.names.some((n) => n.script === 'Hans'))).toHaveLength(5);
  });

  it('reads a person with a year-only birth date, sub-list, listing date and legal basis', async () => {
    const [list] = await parsing;
    const person = byId(list!.parties, '9639');
    expect(person.names[0]!.parts).toEqual({ family: 'HANIYA', given: 'Ismail Abdul Salah' });
    expect(person.birthDates).toEqual([{ value: '1962', precision: 'year' }]);
    expect(person.subList).toBe('Non-SDN Palestinian Legislative Council List');
    expect(person.listedOn).toBe('2006-04-12');
    expect(person.legalBasis).toEqual(['General License 4 Under EO 13224 (Terrorism)']);
  });

  it('marks low-quality aliases weak', async () => {
    const [list] = await parsing;
    expect(
      byId(list!.parties, '9647')
        .names.filter((n) => n.quality === 'weak')
        .map((n) => n.full),
    ).toEqual(['ZAHAR, Mahmoud', 'AL-ZAHAR, Mahmoud']);
  });

  it('finds the zipped export in the mirror, one group per file', async () => {
    expect(await ofacEnhancedXmlFormat.findInMirror(sharedDataPath())).toEqual([[zipFile]]);
  });
});

describe('ofac-enhanced-xml on a hand-written unfiltered publication', () => {
  const parsing = ofacEnhancedXmlFormat.parse([path.join(FIXTURES, 'mini-enhanced.xml')]);

  it('splits entities by their own lists when the publication is not filtered', async () => {
    const lists = await parsing;
    expect(lists.map((l) => [l.source, l.publishedAt, l.parties.map((p) => p.sourceId)])).toEqual([
      ['us-ofac-cons', '2024-06-30', ['1002']],
      ['us-ofac-sdn', '2024-06-30', ['1001']],
    ]);
    expect(lists[0]!.warnings.map((w) => [w.kind, w.row, w.field])).toEqual([
      ['bad-date', 2, 'Birthdate'],
      ['unknown-country', 2, 'Nationality Country'],
      ['missing-name', 3, 'names'],
    ]);
  });

  it('reads a vessel: flag, IMO, MMSI, crypto address, programmes', async () => {
    const vessel = (await parsing)[1]!.parties[0]!;
    expect(vessel.schema).toBe('vessel');
    expect(vessel.countries).toEqual([{ code: 'PA', role: 'flag' }]);
    expect(vessel.identifiers).toEqual([
      { type: 'imo', value: '9123456', label: 'Vessel Registration Identification' },
      { type: 'mmsi', value: '352000001', label: 'MMSI' },
      { type: 'crypto-address', value: '1ABCxyz', label: 'Digital Currency Address - XBT' },
    ]);
    expect(vessel.programs).toEqual(['IRAN', 'SDGT']);
    expect(vessel.legalBasis).toEqual(['Executive Order 13224']);
    expect(vessel.listedOn).toBe('2019-09-04');
    expect(vessel.remarks).toBe('VESSEL TYPE: Crude Oil Tanker');
  });

  it('reads a person: name parts, original script, weak alias, circa range and month dates, passport', async () => {
    const person = (await parsing)[0]!.parties[0]!;
    expect(person.names).toEqual([
      {
        full: 'HADDAD, Omar Khalil',
        quality: 'primary',
        script: 'Latn',
        parts: { family: 'HADDAD', given: 'Omar', middle: 'Khalil' },
      },
      { full: 'عمر خليل حداد', quality: 'strong', script: 'Arab' },
      { full: 'ABU KHALIL', quality: 'weak', script: 'Latn' },
    ]);
    expect(person.birthDates).toEqual([
      { value: '1960', precision: 'year', to: '1962', circa: true },
      { value: '1971-03', precision: 'month' },
    ]);
    expect(person.identifiers).toEqual([
      { type: 'passport', value: 'P123456', label: 'Passport', country: 'PS' },
    ]);
    expect(person.addresses).toEqual([{ full: 'Gaza, Palestinian', region: 'Gaza', country: 'PS' }]);
    expect(person.gender).toBe('male');
    expect(person.remarks).toBe('Test person');
  });
});

describe('ofac-enhanced-xml on wrong input', () => {
  it('rejects another XML document, naming the file', async () => {
    await expect(
      ofacEnhancedXmlFormat.parse([path.join(FIXTURES, 'not-enhanced.xml')]),
    ).rejects.toMatchObject({
      code: 'file-rejected',
      message: expect.stringContaining('not-enhanced.xml'),
    });
  });

  it('rejects a ZIP archive without an XML file and an empty file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ofac-xml-'));
    await writeFile(
      path.join(dir, 'SDN_ENHANCED.ZIP'),
      zipSync({ 'readme.txt': new TextEncoder().encode('hello') }),
    );
    await expect(ofacEnhancedXmlFormat.parse([path.join(dir, 'SDN_ENHANCED.ZIP')])).rejects.toMatchObject({
      code: 'file-rejected',
    });
    await writeFile(path.join(dir, 'empty.xml'), '');
    await expect(ofacEnhancedXmlFormat.parse([path.join(dir, 'empty.xml')])).rejects.toMatchObject({
      code: 'file-rejected',
    });
  });

  it('refuses a ZIP bomb before inflating it, naming the file and the limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ofac-bomb-'));
    const file = path.join(dir, 'SDN_ENHANCED.ZIP');
    await writeFile(file, buildZip([{ name: 'SDN_ENHANCED.XML', data: new Uint8Array(64 * 1024 * 1024) }]));
    const err = await ofacEnhancedXmlFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file, limit: 'ratio' } });
    expect((err as Error).message).toMatch(
      /SDN_ENHANCED\.ZIP: SDN_ENHANCED\.XML would expand \d+ times, over the limit of 200/,
    );
  });

  it('refuses a ZIP whose XML would expand past the size limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ofac-big-'));
    const file = path.join(dir, 'SDN_ENHANCED.ZIP');
    await writeFile(
      file,
      buildZip([{ name: 'SDN_ENHANCED.XML', data: randomBytes(4 << 20), declaredSize: 600 << 20 }]),
    );
    const err = await ofacEnhancedXmlFormat.parse([file]).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'file-rejected',
      details: { file, limit: 'size', maxBytes: 512 << 20 },
    });
    expect((err as Error).message).toContain('would expand to over 512 MB');
  });

  it('rejects a DOCTYPE declaring an external entity, naming the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ofac-xxe-'));
    const file = path.join(dir, 'SDN_ENHANCED.XML');
    await writeFile(file, xxeDocument('sanctionsData', 'SYSTEM "file:///etc/passwd"'));
    await expect(ofacEnhancedXmlFormat.parse([file])).rejects.toMatchObject({
      code: 'file-rejected',
      details: { file, row: 3 },
    });
  });
});
