import { beforeAll, describe, expect, it } from 'vitest';
import { determine, type DeterminationData, type GeneralAuthorisation } from '@entente/core';
import { mirrorDeterminationData } from '../test-support/mirror-determination-data.ts';
import { hasSharedData } from '../test-support/shared-data.ts';
import { EU_GEA_ROWS } from './fidelity-eu-gea.table.ts';

let data: DeterminationData;
beforeAll(async () => {
  if (!hasSharedData()) return;
  data = await mirrorDeterminationData();
}, 60_000);

const ga = (id: string) => data.eu.generalAuthorisations.find((g) => g.id === id) as GeneralAuthorisation;
const codes = (g: GeneralAuthorisation, status: string) =>
  g.excludedItems.filter((c) => c.source.status === status).map((c) => c.code);
const SECTIONS_D_E = [...'0123456789'].flatMap((c) => [`${c}D`, `${c}E`]);

describe.skipIf(!hasSharedData())('EU003, EU005, EU007 and UK GEA 003 against the texts read', () => {
  it.each(EU_GEA_ROWS.map((r) => [`${r.item} → ${r.to} (${r.provision})`, r]))('%s', (_name, row) => {
    const d = determine(data, { jurisdiction: row.jurisdiction, item: row.item, to: row.to });
    expect(d.outcome).toBe(row.outcome);
    const found = Object.fromEntries(d.authorisations.map((a) => [a.id, a.result]));
    expect(found).toMatchObject(row.authorisations ?? {});
    if (row.because) {
      const [id, text] = row.because;
      const a = d.authorisations.find((x) => x.id === id);
      expect([a?.why, ...(a?.citations ?? [])].join(' | ')).toContain(text);
    }
    for (const a of d.authorisations) expect(a.result === 'available' && a.status !== 'verified').toBe(false);
  });

  it('records the EU003 exclusions read in the Danish guidance as verified: Section I, Sections D and E, 1A002.a, 1C012.a', () => {
    const eu001 = ga('EU001').excludedItems.map((c) => c.code);
    expect(codes(ga('EU003'), 'verified')).toEqual([...eu001, ...SECTIONS_D_E, '1A002.a', '1C012.a']);
    expect(
      ga('EU003')
        .excludedItems.filter((c) => c.wholeCategory)
        .map((c) => c.code),
    ).toEqual(SECTIONS_D_E);
    expect(ga('EU003').excludeAnnexIv).toBe(true);
    expect(ga('EU003').excludedItems.find((c) => c.code === '1A002.a')?.source.readIn).toContain(
      'erhvervsstyrelsen.dk/udfoerselstilladelse-eu003',
    );
  });

  it('records the 22 further EU003 paragraphs of the predecessor Annex IIc para 2(c) as unverified, not as bare entries', () => {
    const rest = codes(ga('EU003'), 'unverified');
    expect(rest).toHaveLength(22);
    expect(rest).toEqual(
      expect.arrayContaining(['1C227', '1C240', '5A002.c', '6A001.a.2.a.1', '8A001.c.1', '9A011']),
    );
    expect(rest).not.toContain('1C241');
    expect(rest).not.toContain('9C110');
    for (const c of ga('EU003').excludedItems.filter((x) => x.source.status === 'unverified'))
      expect(c.source.note).toContain('legislation.gov.uk/eur/2009/428/annex/IIc');
    expect(ga('EU003').exclusionsSource.status).toBe('unverified');
  });

  it('gives EU003 its five-year re-export condition with where it was read', () => {
    expect(ga('EU003').conditions.join(' ')).toMatch(/within five years .*read 2026-12-03/);
    expect(ga('EU003').destinations).toBeNull();
  });

  it('narrows EU005 to the six paragraphs of the predecessor Annex IIe Part 1, unverified for 2021/821', () => {
    expect(ga('EU005').itemScope).toEqual(['5A001.b.2', '5A001.c', '5A001.d', '5B001', '5D001', '5E001.a']);
    expect(ga('EU005').itemScopeSource).toMatchObject({ status: 'unverified' });
    expect(ga('EU005').itemScopeSource.note).toContain('legislation.gov.uk/eur/2009/428/annex/IIe');
    expect(ga('EU005').destinations).toBeNull();
  });

  it('records the sixteen EU007 destinations and its software-and-technology scope from a commentary, unverified', () => {
    expect([...(ga('EU007').destinations ?? [])].sort()).toEqual(
      ['AR', 'BR', 'CL', 'ID', 'IL', 'IN', 'JO', 'KR', 'MA', 'MX', 'MY', 'PH', 'SG', 'TH', 'TN', 'ZA'].sort(),
    );
    expect(ga('EU007').itemScope).toEqual(SECTIONS_D_E);
    expect([ga('EU007').destinationsSource.status, ga('EU007').itemScopeSource.status]).toEqual([
      'unverified',
      'unverified',
    ]);
    expect(ga('EU007').destinationsSource.note).toContain('ra-moellenhoff.de');
  });

  it('names the two commentaries that give EU008 its subject, still unverified', () => {
    expect(ga('EU008').source.status).toBe('unverified');
    expect(ga('EU008').source.note).toMatch(/nicola-bernard\.de.*essedi\.com/);
  });
});
