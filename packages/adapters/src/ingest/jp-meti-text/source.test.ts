import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainError, type Party } from '@entente/core';
import { hasSharedData, sharedDataPath } from '../../test-support/shared-data.ts';
import { jpMetiTextFormat } from './source.ts';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);
const METI = sharedDataPath('lists/jp/meti-2025-09');

describe.skipIf(!hasSharedData())('jpMetiTextFormat on the September 2025 lists', async () => {
  const [list] = hasSharedData() ? await jpMetiTextFormat.parse([METI]) : [];
  const byId = (id: string): Party => list!.parties.find((p) => p.sourceId === id)!;
  const count = (prefix: string) => list!.parties.filter((p) => p.sourceId.startsWith(`${prefix}-`)).length;

  it('reads all 644 numbered entries with unique ids and no warnings', () => {
    expect(list!.source).toBe('jp-meti');
    expect(list!.publishedAt).toBe('2025-09-12');
    expect(list!.files).toHaveLength(3);
    expect(list!.parties).toHaveLength(644);
    expect([count('RU'), count('BY'), count('TC')]).toEqual([561, 27, 56]);
    expect(new Set(list!.parties.map((p) => p.sourceId)).size).toBe(644);
    expect(list!.warnings).toEqual([]);
  });

  it('counts names, addresses and the two listed individuals', () => {
    expect(list!.parties.reduce((n, p) => n + p.names.length, 0)).toBe(3641);
    expect(list!.parties.reduce((n, p) => n + p.addresses.length, 0)).toBe(846);
    expect(list!.parties.filter((p) => p.schema === 'person').map((p) => p.sourceId)).toEqual([
      'RU-69',
      'RU-125',
    ]);
    expect(
      list!.parties.every((p) => p.names[0]!.script === 'Latn' && p.names.some((n) => n.lang === 'ja')),
    ).toBe(true);
    expect(list!.parties.every((p) => p.addresses.every((a) => a.country))).toBe(true);
  });

  it('keeps the Japanese name and aliases as aliases in Japanese script', () => {
    const p = byId('RU-12');
    expect(p.names).toEqual([
      {
        full: 'International Center for Quantum Optics and Quantum Technologies LLS',
        quality: 'primary',
        script: 'Latn',
      },
      { full: 'Russian Quantum Center', quality: 'strong', script: 'Latn' },
      { full: 'RQC', quality: 'strong', script: 'Latn' },
      { full: '国際量子光学・量子技術センター', quality: 'strong', script: 'Jpan', lang: 'ja' },
      { full: 'ロシア量子センター', quality: 'strong', script: 'Jpan', lang: 'ja' },
    ]);
    expect(p.addresses).toHaveLength(3);
    expect(p.legalBasis).toEqual(['令和四年外務省告示第八十二号']);
    expect(p.programs).toEqual(['JP-EXPORT-BAN-RUSSIA']);
    expect(p.subList).toBe('Russia');
  });

  it('reads the 別称: layout with Chinese names and Hong Kong addresses', () => {
    const p = byId('TC-53');
    expect(p.names.map((n) => [n.full, n.script])).toEqual([
      ['Hong Kong Qisu Electronic Technology Co Ltd', 'Latn'],
      ['ホンコン・チースー・エレクトロニック・テクノロジー・カンパニー・リミテッド', 'Jpan'],
      ['香港旗速電子有限公司', 'Hani'],
      ['香港旗速電子科技有限公司', 'Hani'],
    ]);
    expect(p.countries).toEqual([
      { code: 'CN', role: 'address' },
      { code: 'HK', role: 'address' },
    ]);
  });

  it('separates entries that the PDF extraction glued together', () => {
    expect(byId('RU-90').names[0]!.full).toBe('Production Association Strela');
    expect(byId('RU-90').addresses).toEqual([
      { full: '26 Shevchenko Street, Orenburg, Russia, 460005', country: 'RU' },
    ]);
    expect(byId('RU-10').names[0]!.full).toBe('Foreign Intelligence Service (SVR)');
    expect(byId('BY-7').names[0]!.full).toBe('AGAT-Electromechanical Plant OJSC');
  });

  it('reads a listed individual, a bracketed English name and a description', () => {
    expect(byId('RU-125').names.map((n) => n.full)).toEqual([
      'Vladislav Vladimirovich Fedorenko',
      'ウラジスラフ・ウラジーミロヴィチ・フェドレンコ',
    ]);
    expect(byId('RU-354').names[0]!.full).toBe('(OOO) Microelectronic Production Complex (MPK) Milandr');
    const mod = byId('BY-1');
    expect(mod.names.map((n) => n.full)).toEqual([
      'The Ministry of Defence of the Republic of Belarus',
      '国防省',
    ]);
    expect(mod.remarks).toContain('including the Armed Forces of Belarus');
  });

  it('finds the three files in the mirror as one group', async () => {
    const groups = await jpMetiTextFormat.findInMirror(sharedDataPath());
    expect(groups.map((g) => g.map((f) => path.basename(f)))).toEqual([
      [
        '250912_list_daisangoku_tokutei.pdf.txt',
        '250912_list_russia_tokutei.pdf.txt',
        'list_belarus_tokutei.pdf.txt',
      ],
    ]);
  });
});

describe('jpMetiTextFormat on bad files', () => {
  it.each([
    ['not-meti.txt', /not a METI end-user list/],
    ['no-entries.txt', /not a METI list/],
  ])('rejects %s, naming the file', async (name, message) => {
    const err = await jpMetiTextFormat.parse([fixture(name)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'file-rejected', details: { file: fixture(name) } });
    expect((err as Error).message).toMatch(message);
  });
});
