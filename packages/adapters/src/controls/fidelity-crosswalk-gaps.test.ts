import { beforeAll, describe, expect, it } from 'vitest';
import {
  deriveCorrespondences,
  determine,
  traceGaps,
  traceCounterpart,
  linkIndex,
  type ControlEntry,
  type ControlList,
  type Correspondence,
  type ControlGap,
  type GapCleared,
} from '@entente/core';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { loadDeterminationData } from '../licensing-data/load-determination-data.ts';
import { latestVersions, readAllControlLists } from './load-control-lists.ts';

let lists: ControlList[];
let links: Correspondence[];
let gaps: ControlGap[];
let cleared: GapCleared[];

beforeAll(async () => {
  if (!hasSharedData()) return;
  lists = latestVersions(await readAllControlLists(SHARED_DATA));
  links = deriveCorrespondences(lists);
  ({ gaps, cleared } = traceGaps(lists, links));
}, 120_000);

const entry = (id: string): ControlEntry | undefined =>
  lists.find((l) => l.id === id.split(':')[0])?.entries.find((e) => `${e.list}:${e.code}` === id);
const link = (from: string, to: string) =>
  links.find((c) => (c.from === from && c.to === to) || (c.from === to && c.to === from));
const pair = (id: string, other: string) =>
  cleared.find((c) => c.entry === id && c.other === other) ??
  gaps.find((g) => g.entry === id && g.lackingIn === other);

describe.skipIf(!hasSharedData())('crosswalk and gaps, read against the headings and acts', () => {
  // [row, source paragraph or heading, entry, other jurisdiction, expected status, text in the evidence]
  it.each([
    [
      '600 series → UK ML10',
      'ECCN 9A610 "Military aircraft…"; UK ML10',
      'US:9A610',
      'UK',
      'counterpart',
      'UK:ML10',
    ],
    [
      'firearms 0A501 → UK ML1',
      'ECCN 0A501 "Firearms…"; UK ML1 "Smooth-bore weapons…"',
      'US:0A501',
      'UK',
      'counterpart',
      'WA:ML1',
    ],
    [
      '0A505 ammunition → UK ML3',
      'ECCN 0A505 "Ammunition…"; UK ML3',
      'US:0A505',
      'UK',
      'counterpart',
      'UK:ML3',
    ],
    [
      '0A501 vs EU: EU Common Military List not loaded',
      'ECCN 0A501',
      'US:0A501',
      'EU',
      'not-compared',
      'Common Military List',
    ],
    ['9A610 vs EU: not compared, not unilateral', 'ECCN 9A610', 'US:9A610', 'EU', 'not-compared', 'WA:ML10'],
    [
      'EU 0A001 reactors ↔ 10 CFR 110.8(a)',
      'EU 0A001; 10 CFR 110.8(a), Appendix A',
      'EU:0A001',
      'US',
      'implemented',
      '110.8(a)',
    ],
    [
      'EU 0B001 isotope separation ↔ 110.8(b)',
      'EU 0B001; 10 CFR 110.8(b)',
      'EU:0B001',
      'US',
      'implemented',
      '110.8(b)',
    ],
    [
      'UK 0B006 reprocessing ↔ 110.8(d)',
      'UK 0B006; 10 CFR 110.8(b)–(g)',
      'UK:0B006',
      'US',
      'implemented',
      'Part 110',
    ],
    [
      'EU 0C002 special fissile ↔ 110.9(a)',
      'EU 0C002; 10 CFR 110.9(a) "Special Nuclear Material"',
      'EU:0C002',
      'US',
      'implemented',
      '110.9(a)',
    ],
    [
      'EU 0C004 graphite ↔ 110.9(e)',
      'EU 0C004; 10 CFR 110.9(e)',
      'EU:0C004',
      'US',
      'implemented',
      '110.9(e)',
    ],
    [
      'EU 0C005 barrier powders ↔ App. C §1.1(b)',
      'EU 0C005; 10 CFR 110 Appendix C §1.1(b)',
      'EU:0C005',
      'US',
      'implemented',
      'Appendix C',
    ],
    [
      'EU 0D001 ↔ US 0D001 by shared code',
      'EU 0D001; ECCN 0D001',
      'EU:0D001',
      'US',
      'counterpart',
      'US:0D001',
    ],
    [
      'US 3A001 ↔ EU 3A001 by shared code',
      'ECCN 3A001; EU 3A001',
      'US:3A001',
      'EU',
      'counterpart',
      'EU:3A001',
    ],
    [
      'US 2B229 ↔ UK 2B219 renumbered',
      'ECCN 2B229; UK 2B219 "Centrifugal multiplane balancing machines"',
      'US:2B229',
      'UK',
      'counterpart',
      'UK:2B219 (same, curated-renumbered)',
    ],
    [
      'US 1A231 ↔ EU 1B235 renumbered',
      'ECCN 1A231; EU 1B235 "Target assemblies for tritium production"',
      'US:1A231',
      'EU',
      'counterpart',
      'EU:1B235 (same, curated-renumbered)',
    ],
    [
      'US 1C355 ↔ EU 1C450 (CWC schedules)',
      'ECCN 1C355; EU 1C450',
      'US:1C355',
      'EU',
      'counterpart',
      'EU:1C450 (overlaps, curated-renumbered)',
    ],
    [
      'US 2E903 ↔ EU 2E503 (coating systems technology)',
      'ECCN 2E903; EU 2E503',
      'US:2E903',
      'EU',
      'counterpart',
      'EU:2E503',
    ],
    [
      'US 3A090.a.1 (TPP ≥ 4800) holds EU 3A501.a.16 (TPP ≥ 6000)',
      'ECCN 3A090; EU 3A501.a.16',
      'US:3A090',
      'EU',
      'counterpart',
      'EU:3A501 (overlaps, curated-renumbered)',
    ],
    [
      'US 4A090.a (computers with 3A090.a ICs) ↔ EU 4A507 (computers with 3A501.a.16 ICs)',
      'ECCN 4A090; EU 4A507',
      'US:4A090',
      'EU',
      'counterpart',
      'EU:4A507 (overlaps, curated-renumbered)',
    ],
    [
      'EU 3B501 within US 3B001',
      'EU 3B501; ECCN 3B001',
      'EU:3B501',
      'US',
      'counterpart',
      'US:3B001 (narrower, curated-renumbered)',
    ],
    [
      'US 0E502 shotgun technology → UK ML22',
      'ECCN 0E502 "Technology … for 0A502"; UK ML22',
      'US:0E502',
      'UK',
      'counterpart',
      'UK:ML22',
    ],
    [
      'EU 0E001 ↔ US 0E001 (Nuclear Technology Note)',
      'EU 0E001; ECCN 0E001',
      'EU:0E001',
      'US',
      'counterpart',
      'US:0E001',
    ],
  ])('%s (%s)', (_row, _source, id, other, status, evidence) => {
    const p = pair(id, other);
    expect(p && ('status' in p ? p.status : 'gap')).toBe(status);
    expect(p?.evidence.join(' | ')).toContain(evidence);
  });

  it.each([
    [
      'US 3A090: controlled by the US and (as 3A501.a.16) the EU, not the UK',
      'ECCN 3A090; EU 3A501.a.16',
      'US:3A090',
      'UK',
      'plurilateral',
      'no UK entry linked to US:3A090',
    ],
    [
      'US 9A120 UAVs: the only EU link is flagged',
      'ECCN 9A120; EU 9A120',
      'US:9A120',
      'EU',
      'regime-not-implemented',
      'ignored: headings describe different items',
    ],
  ])('gap: %s (%s)', (_row, _source, id, other, category, evidence) => {
    const g = gaps.find((x) => x.entry === id && x.lackingIn === other);
    expect(g?.category).toBe(category);
    expect(g?.evidence.join(' | ')).toContain(evidence);
  });

  it.each([
    [
      'US 1C355 is CWC: heading "Chemical Weapons Convention (CWC) Schedule 2 and 3", reason CW',
      'US:1C355',
      ['CWC'],
    ],
    [
      'US 1E355 is CWC: "Technology for the production of CWC Schedule 2 and 3", reason CW',
      'US:1E355',
      ['CWC'],
    ],
    ['US 1C350 stays AG: reasons CB, CW (precursors, §742.2)', 'US:1C350', ['AG']],
    ['EU 1C450 is CWC: "Toxic chemicals and precursors scheduled under the CWC"', 'EU:1C450', ['CWC']],
    ['EU 2E503 (x5xx EU national entry) is not Wassenaar', 'EU:2E503', []],
    ['EU 3B501 (x5xx EU national entry) is not Wassenaar', 'EU:3B501', []],
    ['US 2E903 (x9xx US national entry) is not Wassenaar', 'US:2E903', []],
    ['US 3A090 (x09x US national entry) is not Wassenaar', 'US:3A090', []],
    ['US 0A501 (0x5zz firearms) is not tagged as a dual-use regime entry', 'US:0A501', []],
  ])('%s', (_row, id, regimes) => {
    expect(entry(id)?.regimeRefs).toEqual(regimes);
  });

  it('no US 600-series or 0x5zz entry is a US-unilateral gap towards the UK (the UK ML implements the WA ML)', () => {
    const munitions = gaps.filter((g) => /^US:\d[A-E](6\d\d|50\d)$/.test(g.entry) && g.lackingIn === 'UK');
    expect(munitions.map((g) => g.entry)).toEqual([]);
  });

  it('no EU/UK Category 0 goods entry (0A–0C) is "not implemented" in the US', () => {
    const cat0 = gaps.filter((g) => /^(EU|UK):0[ABC]/.test(g.entry) && g.lackingIn === 'US');
    expect(cat0.map((g) => g.entry)).toEqual([]);
  });

  it('flags US 9A120 (complete UAVs) ↔ EU/UK 9A120 (propellant tanks) and does not follow it', () => {
    expect(entry('US:9A120')?.heading).toMatch(/unmanned aerial vehicles/);
    expect(entry('EU:9A120')?.heading).toMatch(/propellant tanks/);
    expect(link('US:9A120', 'EU:9A120')?.warning).toMatch(/different items/);
    expect(link('US:9A120', 'UK:9A120')?.warning).toMatch(/different items/);
    expect(link('EU:9A120', 'UK:9A120')?.warning).toBeUndefined();
    expect(gaps.find((g) => g.entry === 'US:9A120' && g.lackingIn === 'EU')?.evidence.join(' | ')).toMatch(
      /ignored: headings describe different items/,
    );
  });

  it('does not flag shared codes whose headings agree (3A001, 2B001)', () => {
    // UK has no 2B229 (its counterpart is 2B219, a curated link), so the UK pair is 2B001.
    expect(link('US:3A001', 'EU:3A001')).toMatchObject({ basis: 'shared-regime-code', type: 'same' });
    expect(link('US:3A001', 'EU:3A001')?.warning).toBeUndefined();
    expect(link('US:2B001', 'UK:2B001')).toMatchObject({ basis: 'shared-regime-code', type: 'same' });
    expect(link('US:2B001', 'UK:2B001')?.warning).toBeUndefined();
  });

  // [row, provisions compared, from, to, type, verified?, text in the note]
  it.each([
    [
      'US 3E901 within EU 3E001',
      'ECCN 3E901; EU 3E001 "for … 3A, 3B or 3C"',
      'US:3E901',
      'EU:3E001',
      'narrower',
      true,
      '3A, 3B or 3C',
    ],
    [
      'US 3D901 overlaps EU 3D001',
      'ECCN 3D901; EU 3D001 "3A501.b.13. or 3B"',
      'US:3D901',
      'EU:3D001',
      'overlaps',
      true,
      '3A501.b.13',
    ],
    [
      'US 2E903 ↔ EU 2E503.g',
      'ECCN 2E903; EU 2E503.g coating systems',
      'US:2E903',
      'EU:2E503',
      'overlaps',
      true,
      '2E503.g',
    ],
    ['US 3B903 = EU 3B503 (SEM)', 'ECCN 3B903; EU 3B503', 'US:3B903', 'EU:3B503', 'same', true, 'SEM'],
    ['US 3C909 = EU 3C509', 'ECCN 3C909; EU 3C509', 'US:3C909', 'EU:3C509', 'same', true, 'isotopically'],
    [
      'US 2B229 = UK 2B219 (UK entry derived)',
      'ECCN 2B229; UK 2B219',
      'US:2B229',
      'UK:2B219',
      'same',
      true,
      'balancing',
    ],
    [
      'UK PL9014 ~ EU 4A506: summary only',
      'ECO 2008 Sch. 3 PL9014 (not read); EU 4A506',
      'UK:PL9014',
      'EU:4A506',
      'overlaps',
      false,
      'not read',
    ],
    [
      'UK PL9015 ~ EU 2B510: summary only',
      'ECO 2008 Sch. 3 PL9015 (not read); EU 2B510',
      'UK:PL9015',
      'EU:2B510',
      'overlaps',
      false,
      'not read',
    ],
    [
      'UK PL9013 ~ EU 3B504: summary only',
      'ECO 2008 Sch. 3 PL9013 (not read); EU 3B504',
      'UK:PL9013',
      'EU:3B504',
      'overlaps',
      false,
      'not read',
    ],
  ])('link %s (%s)', (_row, _source, from, to, type, verified, note) => {
    const c = link(from, to);
    expect(c?.type).toBe(type);
    expect(c?.note).toContain(note);
    expect(c?.source?.status).toBe(verified ? 'verified' : 'unverified');
    if (verified) expect(c?.warning).toBeUndefined();
    else expect(c?.warning).toMatch(/^unverified: /);
  });

  it('follows the verified renumbered links in the gaps and leaves the unverified ones out', () => {
    expect(pair('US:3E901', 'EU')).toMatchObject({ status: 'counterpart' });
    expect(pair('US:3D901', 'EU')?.evidence.join(' | ')).toContain('EU:3D001 (overlaps, curated-renumbered)');
    const pl9014 = traceCounterpart(entry('UK:PL9014')!, 'EU', linkIndex(links));
    expect(pl9014.status).toBe('none');
    expect(pl9014.evidence.join(' | ')).toContain('ignored: unverified:');
  });

  it('every curated renumbered link cites the provisions compared, and where it was read when verified', () => {
    const curated = links.filter((c) => c.basis === 'curated-renumbered');
    expect(curated.length).toBeGreaterThanOrEqual(16);
    for (const c of curated) {
      expect(c.source?.citation, `${c.from} → ${c.to}`).toMatch(/\S/);
      if (c.source?.status === 'verified') {
        expect(c.source.readIn, `${c.from} → ${c.to}`).toMatch(/\S/);
        expect(c.source.readOn, `${c.from} → ${c.to}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else expect(c.source?.note, `${c.from} → ${c.to}`).toMatch(/\S/);
    }
  });

  it('no link lacks a citation: each names both provisions, where they were read when verified, or why not (property over all links)', () => {
    expect(links.length).toBeGreaterThan(1700);
    for (const c of links) {
      const at = `${c.from} → ${c.to} (${c.basis})`;
      expect(c.source?.citation, at).toMatch(/\S/);
      if (c.source?.status === 'verified') {
        expect(c.source.readIn, at).toMatch(/\S/);
        expect(c.source.readOn, at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else {
        expect(c.source?.status, at).toBe('unverified');
        expect(c.source?.note, at).toMatch(/\S/);
      }
    }
  });

  // [row, provisions, from, to, status, text in the citation or note]
  it.each([
    [
      'US 3A001 = EU 3A001: both entries read, headings agree',
      '15 CFR 774 Supp. 1 ECCN 3A001; Reg. 2021/821 Annex I 3A001',
      'US:3A001',
      'EU:3A001',
      'verified',
      'dual-use-v1',
    ],
    [
      'US 1C351 = UK 1C351: shared code, both read',
      'ECCN 1C351; Reg. 428/2009 Annex I 1C351',
      'US:1C351',
      'UK:1C351',
      'verified',
      '428/2009',
    ],
    [
      'US 9A120 vs EU 9A120: headings disagree',
      'ECCN 9A120; Annex I 9A120',
      'US:9A120',
      'EU:9A120',
      'unverified',
      'different items',
    ],
    [
      'EU 3B001 → WA 3.B.1: the Wassenaar list was not read',
      'Annex I 3B001; WA 3.B.1',
      'EU:3B001',
      'WA:3.B.1',
      'unverified',
      'WA:3.B.1 was not read',
    ],
    [
      'US 0A501 → WA ML1: munitions table, WA list not read',
      'ECCN 0A501; WA ML1',
      'US:0A501',
      'WA:ML1',
      'unverified',
      'WA:ML1 was not read',
    ],
    [
      'JP row 7 → WA category 3: row read, Wassenaar not',
      'Export Trade Control Order Appended Table 1 row 7; WA 3',
      'JP:7',
      'WA:3',
      'unverified',
      'not read',
    ],
    [
      'EU 1C351 → AG human and animal pathogens: both lists read, the link only from a curated table',
      'Annex I 1C351; AG list of human and animal pathogens and toxins (21 November 2023)',
      'EU:1C351',
      'AG:HUMAN-ANIMAL-PATHOGENS',
      'unverified',
      'derived from numbering or a curated table, not read in a text',
    ],
  ])('link source: %s (%s)', (_row, _provisions, from, to, status, text) => {
    const c = link(from, to);
    expect(c?.source?.status).toBe(status);
    expect(`${c?.source?.citation} | ${c?.source?.readIn ?? ''} | ${c?.source?.note ?? ''}`).toContain(text);
  });

  it('accepts Kosovo (XK), a Commerce Country Chart destination, in determine --to', async () => {
    const data = await loadDeterminationData(SHARED_DATA, { lookup: () => undefined });
    const r = determine(data, { jurisdiction: 'US', item: '3A001.a.1.b', to: 'XK' });
    expect(r.outcome).not.toBe(undefined);
  });
});
