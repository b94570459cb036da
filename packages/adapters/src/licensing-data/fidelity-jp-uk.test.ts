import { beforeAll, describe, expect, it } from 'vitest';
import { determine, type ControlList, type DeterminationData } from '@entente/core';
import { latestVersions, readAllControlLists } from '../controls/load-control-lists.ts';
import { readCountryFactsDataset } from './read-country-facts-dataset.ts';
import { mirrorDeterminationData } from '../test-support/mirror-determination-data.ts';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { JP_DELETED, JP_ITEM_TEXT, JP_ITEMS_PER_ROW, JP_UK_ROWS } from './fidelity-jp-uk.table.ts';

let data: DeterminationData;
let lists: ControlList[];
beforeAll(async () => {
  if (!hasSharedData()) return;
  data = await mirrorDeterminationData();
  lists = latestVersions(await readAllControlLists(SHARED_DATA));
}, 60_000);

const list = (id: string) => lists.find((l) => l.id === id) as ControlList;
const entry = (id: string, code: string) => list(id).entries.find((e) => e.code === code);
const ORDER_TEXT = 'xyna-bpinelab/law-as-code-fefta';

describe.skipIf(!hasSharedData())('Japanese list and UK national entries against the texts read', () => {
  it.each(
    JP_UK_ROWS.map((r) => [
      `${r.jurisdiction} ${r.item}${r.endUse ? ` (${r.endUse})` : ''} → ${r.to} (${r.provision})`,
      r,
    ]),
  )('%s', (_name, row) => {
    const d = determine(data, {
      jurisdiction: row.jurisdiction,
      item: row.item,
      to: row.to,
      ...(row.endUse ? { endUse: row.endUse } : {}),
    });
    expect(d.outcome).toBe(row.outcome);
    const found = Object.fromEntries(d.authorisations.map((a) => [a.id, a.result]));
    if (row.authorisations) expect(found).toMatchObject(row.authorisations);
    if (row.because) {
      const [id, text] = row.because;
      const a = d.authorisations.find((x) => x.id === id);
      expect([a?.why, ...(a?.citations ?? [])].join(' | ')).toContain(text);
    }
  });

  it.each(Object.entries(JP_ITEMS_PER_ROW))(
    'holds the numbered items of Appended Table 1 row %s as read (%i, deleted ones left out)',
    (row, n) => {
      const items = list('JP').entries.filter((e) => e.code.startsWith(`${row}.`));
      expect(items).toHaveLength(n);
    },
  );

  it.each(JP_DELETED)('leaves out item %s, which the Order marks deleted (削除)', (code) => {
    expect(entry('JP', code)).toBeUndefined();
    expect(() => determine(data, { jurisdiction: 'JP', item: code, to: 'US' })).toThrow(
      /Unknown JP control entry/,
    );
  });

  it.each(JP_ITEM_TEXT)('carries the Order text of item %s (Appended Table 1)', (code, text) => {
    expect(entry('JP', code)?.heading).toContain(text);
  });

  it('cites every Japanese row and item as verified, read in the e-Gov text of the Order', () => {
    for (const e of list('JP').entries) {
      expect(e.citation).toMatchObject({ status: 'verified', readOn: '2026-12-04' });
      expect(e.citation.readFrom).toContain(ORDER_TEXT);
      expect(e.citation.provision).toMatch(/^row /);
    }
  });

  it('scopes row 16 as the Order does: all regions except Appended Table 3 (not every destination)', () => {
    expect(entry('JP', '16')?.citation.note).toContain('別表第三に掲げる地域を除く');
    const d = determine(data, { jurisdiction: 'JP', item: '16', to: 'US' });
    expect(d.citations.join(' ')).toContain('row 16 (destination column)');
    expect(d.reasons).not.toContain('Appended Table 1 16');
  });

  it.each(['PL9013', 'PL9014', 'PL9015'])(
    'shows UK %s with a heading from the summary read, unverified, in force from 2024-04-01',
    (code) => {
      const e = entry('UK', code);
      expect(e?.heading).not.toContain('heading not read');
      expect(e?.heading).toContain('UNVERIFIED');
      expect(e?.validFrom).toBe('2024-04-01');
      expect(e?.citation).toMatchObject({ status: 'unverified' });
      expect(e?.citation.note).toContain('jdsupra.com');
      const d = determine(data, { jurisdiction: 'UK', item: code, to: 'CA' });
      expect(d.questions.join(' ')).toContain(`UK ${code} could not be read (UNVERIFIED)`);
    },
  );

  it('takes Group A from Appended Table 3 of the Order as read (27 destinations), as the general bulk licence does', async () => {
    const { japanGroupA } = await readCountryFactsDataset();
    const table3 = [
      'AR',
      'AU',
      'AT',
      'BE',
      'BG',
      'CA',
      'CZ',
      'DK',
      'FI',
      'FR',
      'DE',
      'GR',
      'HU',
      'IE',
      'IT',
      'KR',
      'LU',
      'NL',
      'NZ',
      'NO',
      'PL',
      'PT',
      'ES',
      'SE',
      'CH',
      'GB',
      'US',
    ];
    expect([...japanGroupA.countries].sort()).toEqual([...table3].sort());
    expect(japanGroupA.source).toMatchObject({
      status: 'verified',
      readIn: expect.stringContaining(ORDER_TEXT),
    });
    const bulk = data.jp.bulkLicences.find((g) => g.id === 'JP-GENERAL-BULK');
    expect([...(bulk?.destinations ?? [])].sort()).toEqual([...table3].sort());
    expect(bulk?.destinationsSource.readIn).toContain(ORDER_TEXT);
  });

  it('reads EU001 Parts 1 and 2 in the text of Annex II Section A itself (German edition)', () => {
    const eu001 = data.eu.generalAuthorisations.find((g) => g.id === 'EU001');
    expect([...(eu001?.destinations ?? [])].sort()).toEqual([
      'AU',
      'CA',
      'CH',
      'GB',
      'IS',
      'JP',
      'LI',
      'NO',
      'NZ',
      'US',
    ]);
    for (const source of [eu001?.destinationsSource, eu001?.itemScopeSource])
      expect(source).toMatchObject({
        status: 'verified',
        readOn: '2026-12-04',
        readIn: expect.stringContaining('gesetze.legal'),
      });
  });

  it('cites the UK end-use control to the assimilated Regulation (EC) No 428/2009, not 2021/821', () => {
    const d = determine(data, { jurisdiction: 'UK', item: '5A001.c', to: 'CN', endUse: 'wmd' });
    expect(d.citations).toContain('Council Regulation (EC) No 428/2009 (assimilated), Art. 4');
    expect(d.citations.join(' ')).not.toContain('2021/821');
  });
});
