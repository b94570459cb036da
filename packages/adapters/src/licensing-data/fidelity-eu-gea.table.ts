import type { FidelityRow } from './fidelity-eu-jp.table.ts';

/**
 * Determination facts of the EU general authorisations EU003, EU005 and EU007
 * (Regulation (EU) 2021/821 Annex II Sections C, E and G), each row naming the
 * paragraph it comes from and where that was read; see
 * docs/decisions/2026-12-03-eu-gea-sections-c-h.md.
 */
const DK_C =
  'Reg. 2021/821 Annex II Section C Part 1, items excluded, as the Danish guidance on EU003 gives it';
const IIC =
  'Section C Part 1 read only in the predecessor, retained Reg. 428/2009 Annex IIc para 2(c) (unverified)';
const IIE =
  'Section E Part 1 read only in the predecessor, retained Reg. 428/2009 Annex IIe Part 1 (unverified)';
const G = 'Reg. 2021/821 Annex II Section G as a commentary reads it (unverified)';

function row(
  item: string,
  to: string,
  id: string,
  result: string,
  provision: string,
  because?: string,
): FidelityRow {
  return {
    jurisdiction: 'EU',
    item,
    to,
    outcome: 'licence-required',
    authorisations: { [id]: result },
    ...(because ? { because: [id, because] as [string, string] } : {}),
    provision,
  };
}

/** EU003 refused on exclusions read in the 2021/821 guidance (verified). */
const eu003Read: FidelityRow[] = [
  row('1A002.a', 'CN', 'EU003', 'not-available', `${DK_C}: 1A002.a`, '1A002.a is excluded'),
  row('1C012.a', 'IN', 'EU003', 'not-available', `${DK_C}: 1C012.a`, '1C012.a is excluded'),
  row('3D001', 'CN', 'EU003', 'not-available', `${DK_C}: all of Section D`, 'Sections D and E'),
  row('3E001', 'IN', 'EU003', 'not-available', `${DK_C}: all of Section E`, 'Sections D and E'),
  row('5E001.b', 'CN', 'EU003', 'not-available', `${DK_C}: all of Section E`, 'read in eksportkontrol'),
  row('1C351', 'CN', 'EU003', 'not-available', `${DK_C}: the Section I list ('bilag IIg')`, 'Art. 12(6)(a)'),
  row('9A117', 'BR', 'EU003', 'not-available', `${DK_C}: the Section I list`, '9A117 is excluded'),
  row('1C450.a.1', 'CN', 'EU003', 'not-available', `${DK_C}: the Section I list`, 'Section I point 2'),
  row('1C012.b', 'CN', 'EU003', 'not-available', `${DK_C}: Annex IV (bilag IV)`, 'Annex IV'),
];

/** EU003 at paragraph precision: an exclusion of one paragraph leaves its siblings. */
const eu003Paragraphs: FidelityRow[] = [
  row('1A002.b', 'CN', 'EU003', 'to-check', `${DK_C}: 1A002.a does not reach 1A002.b`),
  row(
    '1A002',
    'CN',
    'EU003',
    'to-check',
    `${DK_C}: 1A002 is broader than 1A002.a`,
    'classify to the paragraph',
  ),
  row('6A002.a.1.b', 'CN', 'EU003', 'to-check', `${IIC}: 6A002.a.1.c does not reach 6A002.a.1.b`),
  row('3A001.a.1', 'CN', 'EU003', 'to-check', `${DK_C}: 3A001 is not excluded`),
];

/** EU003 refused on paragraphs read only in the predecessor text: shown unverified. */
const eu003Predecessor: FidelityRow[] = [
  ['1C227', 'CN'],
  ['1C240', 'IN'],
  ['5A002.c', 'CN'],
  ['5A001.b.5', 'CN'],
  ['6A002.a.1.c', 'CN'],
  ['9A011', 'CN'],
  ['1C450.b', 'CN'],
].map(([item, to]) => row(item as string, to as string, 'EU003', 'not-available', IIC, '(unverified)'));

/** EU005: the telecommunications paragraphs of Category 5 Part 1 only. */
const eu005: FidelityRow[] = [
  row('5A001.b.2', 'CN', 'EU005', 'to-check', `${IIE} (a)(i) 5A001.b.2`),
  row('5A001.c', 'IN', 'EU005', 'to-check', `${IIE} (a)(i) 5A001.c`),
  row('5A001.d', 'ZA', 'EU005', 'to-check', `${IIE} (a)(i) 5A001.d`),
  row('5B001', 'CN', 'EU005', 'to-check', `${IIE} (a)(ii) 5B001`),
  row('5E001.a', 'CN', 'EU005', 'to-check', `${IIE} (b) 5E001.a`),
  row('5A001.f', 'CN', 'EU005', 'not-available', `${IIE}: 5A001.f is not listed`, 'outside its scope'),
  row('5A001.j', 'IN', 'EU005', 'not-available', `${IIE}: 5A001.j is not listed`, 'outside its scope'),
  row('5A001.b.5', 'CN', 'EU005', 'not-available', `${IIE}: 5A001.b.5 is not listed`, 'outside its scope'),
  row('5E001.b', 'CN', 'EU005', 'not-available', `${IIE}: only 5E001.a`, 'outside its scope'),
  row('5A001', 'CN', 'EU005', 'to-check', `${IIE}: some paragraphs of 5A001`, 'only some paragraphs'),
  row('3A001.a.1', 'CN', 'EU005', 'not-available', `${IIE}: Category 5 Part 1 only`, 'outside its scope'),
];

/** EU007: software and technology, to the destinations a commentary names. */
const eu007: FidelityRow[] = [
  row('3D001', 'IN', 'EU007', 'to-check', `${G}: Part 1 software, Part 2 India`),
  row('3E001', 'BR', 'EU007', 'to-check', `${G}: Part 1 technology, Part 2 Brazil`),
  row('4E001', 'SG', 'EU007', 'to-check', `${G}: Part 1 technology, Part 2 Singapore`),
  row('3D001', 'CN', 'EU007', 'not-available', `${G}: Part 2 does not name China`, 'destination CN'),
  row(
    '3A001',
    'IN',
    'EU007',
    'not-available',
    `${G}: Part 1 software and technology only`,
    'outside its scope',
  ),
];

/** UK retained GEA 003: Sections D and E excluded (retained Annex IIc Part 1 para 2(b)), read. */
const ukGea003: FidelityRow[] = [
  ['3D001', 'US'],
  ['5E001.a', 'CN'],
  ['9E003', 'IN'],
].map(([item, to]) => ({
  jurisdiction: 'UK' as const,
  item: item as string,
  to: to as string,
  outcome: 'licence-required',
  authorisations: { 'UK-GEA-003': 'not-available' },
  because: ['UK-GEA-003', 'Annex IIc Part 1 para 2(b)'] as [string, string],
  provision: 'retained Reg. 428/2009 Annex IIc Part 1 para 2(b): all of Sections D and E',
}));

/** Every EU003/EU005/EU007 (and UK GEA 003 section) determination row. */
export const EU_GEA_ROWS: readonly FidelityRow[] = [
  ...eu003Read,
  ...eu003Paragraphs,
  ...eu003Predecessor,
  ...eu005,
  ...eu007,
  ...ukGea003,
];
