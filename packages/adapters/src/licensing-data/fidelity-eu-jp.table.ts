/**
 * Determination facts of the EU and Japanese licensing datasets, each row
 * naming the provision it comes from. Read by fidelity-eu-jp.test.ts against
 * the real loaders; see docs/decisions/2026-12-03-eu-jp-authorisation-facts.md
 * for where each provision was read.
 */
export interface FidelityRow {
  jurisdiction: 'EU' | 'JP' | 'UK';
  item: string;
  to: string;
  from?: string;
  endUse?: string;
  outcome: string;
  /** Authorisation id → expected result ('available', 'to-check', 'not-available'), and optionally its status. */
  authorisations?: Record<string, string>;
  /** A text the named authorisation's reason or citations must contain. */
  because?: [id: string, text: string];
  provision: string;
}

const SECTION_I = 'Reg. 2021/821 Annex II Section I point 2';
const ANNEX_IV = 'Reg. 2021/821 Annex II Section I point 1 (all Annex IV items)';
const EU001_DEST = 'Reg. 2021/821 Annex II Section A Part 2';
const ART_11 = 'Reg. 2021/821 Art. 11(1) and Annex IV';
const BULK = '包括許可取扱要領 I-III';
const IIC = 'retained Reg. 428/2009 Annex IIc Part 1 para 2(c)';
const IIE = 'retained Reg. 428/2009 Annex IIe';

/** EU001 refused for the 13 codes of Section I point 2, at paragraph precision. */
const sectionI: FidelityRow[] = [
  ['0C001', 'US'],
  ['0C002', 'CA'],
  ['0D001', 'NO'],
  ['0E001', 'AU'],
  ['1A102', 'AU'],
  ['1C351', 'US'],
  ['1C353', 'CA'],
  ['1C354', 'JP'],
  ['1C450.a.1', 'JP'],
  ['1C450.a.2', 'NZ'],
  ['7E104', 'GB'],
  ['9A009.a', 'US'],
  ['9A117', 'CH'],
].map(([item, to]) => ({
  jurisdiction: 'EU' as const,
  item: item as string,
  to: to as string,
  outcome: 'licence-required',
  authorisations: { EU001: 'not-available' },
  because: ['EU001', 'Annex II Section I'] as [string, string],
  provision: SECTION_I,
}));

/** EU001 refused for Annex IV entries (Section I point 1). */
const annexIv: FidelityRow[] = [
  ['7A117', 'US'],
  ['9A005', 'CA'],
  ['9A004', 'US'],
  ['9A007.a', 'JP'],
  ['9A106.c', 'US'],
  ['5A004.a', 'US'],
  ['1C001', 'JP'],
  ['6B108', 'AU'],
  ['3A228', 'US'],
  ['1C351.d.4', 'GB'],
  ['0B001', 'NO'],
  ['8A002.o.3', 'CA'],
].map(([item, to]) => ({
  jurisdiction: 'EU' as const,
  item: item as string,
  to: to as string,
  outcome: 'licence-required',
  authorisations: { EU001: 'not-available' },
  because: ['EU001', 'Annex IV'] as [string, string],
  provision: ANNEX_IV,
}));

/** EU001 available where neither Section I nor Annex IV reaches the paragraph. */
const available: FidelityRow[] = [
  ['1C450.b', 'JP', 'Section I names 1C450.a.1 and .a.2 only'],
  ['9A009.b', 'US', 'Section I names 9A009.a only'],
  ['9A106.b', 'US', 'Annex IV names 9A106.c only'],
  ['1C012.a', 'US', 'Annex IV names 1C012.b only'],
  ['1C227', 'US', 'not in Section I (an EU003 exclusion, no longer over-blocked)'],
  ['9C110', 'CA', 'not in Section I (an EU003 exclusion, no longer over-blocked)'],
  ['1C350', 'US', 'not in Section I'],
  ['3A001.a.1', 'IS', 'Iceland is an EU001 destination'],
  ['3A001.a.1', 'LI', 'Liechtenstein with Switzerland'],
  ['3A001.a.1', 'GB', 'the United Kingdom is an EU001 destination'],
].map(([item, to, why]) => ({
  jurisdiction: 'EU' as const,
  item: item as string,
  to: to as string,
  outcome: 'general-authorisation-available',
  authorisations: { EU001: 'available' },
  provision: `${EU001_DEST} and Section I: ${why as string}`,
}));

/** A code broader than an excluded paragraph: classify further, never "available". */
const broader: FidelityRow[] = [
  ['1C450', 'JP', '1C450.a.1'],
  ['9A106', 'US', '9A106.c'],
  ['9A009', 'US', '9A009.a'],
  ['1C012', 'US', '1C012.b'],
].map(([item, to, paragraph]) => ({
  jurisdiction: 'EU' as const,
  item: item as string,
  to: to as string,
  outcome: 'licence-required',
  authorisations: { EU001: 'to-check' },
  because: ['EU001', paragraph as string] as [string, string],
  provision: `${SECTION_I} or Annex IV (paragraph ${paragraph as string})`,
}));

const other: FidelityRow[] = [
  {
    jurisdiction: 'EU',
    item: '3A001.a.1',
    to: 'CN',
    outcome: 'licence-required',
    authorisations: { EU001: 'not-available' },
    because: ['EU001', 'destination CN'],
    provision: EU001_DEST,
  },
  {
    jurisdiction: 'EU',
    item: '3A001.a.1',
    to: 'KR',
    outcome: 'licence-required',
    authorisations: { EU001: 'not-available', EU002: 'to-check' },
    because: ['EU002', 'unverified'],
    provision: 'Reg. 2021/821 Annex II Section B Part 2 (unverified)',
  },
  {
    jurisdiction: 'EU',
    item: '5A001.b',
    to: 'CN',
    outcome: 'licence-required',
    authorisations: { EU001: 'not-available', EU005: 'to-check' },
    because: ['EU005', 'unverified'],
    provision: 'Reg. 2021/821 Annex II Section E Part 1 (unverified)',
  },
  {
    jurisdiction: 'EU',
    item: '1C450.b',
    to: 'JP',
    endUse: 'chemical weapon',
    outcome: 'licence-required',
    authorisations: { EU001: 'not-available' },
    provision: 'Reg. 2021/821 Art. 4(1)(a); Annex II Section A Part 3',
  },
  ...[
    ['7A117', 'DE', 'FR'],
    ['9A005', 'FR', 'DE'],
    ['1C351.d.4', 'FR', 'IT'],
    ['0B001', 'DE', 'NL'],
    ['9A106', 'DE', 'FR'],
  ].map(([item, from, to]) => ({
    jurisdiction: 'EU' as const,
    item: item as string,
    to: to as string,
    from: from as string,
    outcome: 'licence-required',
    provision: ART_11,
  })),
  ...[
    ['3A001.a.1', 'FR', 'DE'],
    ['9A106.b', 'DE', 'FR'],
    ['0C001', 'DE', 'FR'],
    ['1C351.a', 'FR', 'ES'],
  ].map(([item, from, to]) => ({
    jurisdiction: 'EU' as const,
    item: item as string,
    to: to as string,
    from: from as string,
    outcome: 'no-licence-required',
    provision: `${ART_11}: not an Annex IV paragraph`,
  })),
];

/** Japanese bulk licences: held by the exporter granted them; row 1 (arms) outside them. */
const japan: FidelityRow[] = [
  {
    jurisdiction: 'JP',
    item: '1',
    to: 'US',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'not-available', 'JP-SPECIAL-GENERAL-BULK': 'not-available' },
    because: ['JP-GENERAL-BULK', '1 is excluded'],
    provision: `${BULK}: goods covered (row 1 excluded, unverified)`,
  },
  {
    jurisdiction: 'JP',
    item: '1',
    to: 'CN',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'not-available', 'JP-SPECIAL-GENERAL-BULK': 'not-available' },
    provision: `${BULK}: goods covered (row 1 excluded, unverified)`,
  },
  ...['DE', 'KR', 'US', 'AU'].map((to) => ({
    jurisdiction: 'JP' as const,
    item: '3A001.a.1',
    to,
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'to-check', 'JP-SPECIAL-GENERAL-BULK': 'to-check' },
    because: ['JP-GENERAL-BULK', 'requires that the exporter holds this licence'] as [string, string],
    provision: `${BULK} I.2 (who may apply) and Appended Table 3`,
  })),
  {
    jurisdiction: 'JP',
    item: '7',
    to: 'CN',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'not-available', 'JP-SPECIAL-GENERAL-BULK': 'to-check' },
    because: ['JP-GENERAL-BULK', 'destination CN'],
    provision: `${BULK} I (Appended Table 3 only) and II (other destinations as licensed)`,
  },
  {
    jurisdiction: 'JP',
    item: '2',
    to: 'DE',
    outcome: 'licence-required',
    authorisations: { 'JP-GENERAL-BULK': 'to-check' },
    provision: `${BULK} I.2`,
  },
  {
    jurisdiction: 'JP',
    item: '7',
    to: 'RU',
    outcome: 'licence-required',
    authorisations: {},
    provision: 'Japanese sanctions: no licences for RU',
  },
];

/** UK retained general export authorisations 003 (after repair) and 005 (telecommunications), as read. */
const ukRetained: FidelityRow[] = [
  ...[
    ['1C350', 'CN'],
    ['1C227', 'US'],
    ['1C240', 'IN'],
    ['9A011', 'AU'],
  ].map(([item, to]) => ({
    jurisdiction: 'UK' as const,
    item: item as string,
    to: to as string,
    outcome: 'licence-required',
    authorisations: { 'UK-GEA-003': 'not-available' },
    because: ['UK-GEA-003', 'Annex IIc Part 1 para 2(c)'] as [string, string],
    provision: IIC,
  })),
  {
    jurisdiction: 'UK',
    item: '5A001.c',
    to: 'BR',
    outcome: 'licence-required',
    authorisations: { 'UK-GEA-005': 'not-available' },
    because: ['UK-GEA-005', 'destination BR'],
    provision: `${IIE} Part 2 (Brazil is not listed)`,
  },
  {
    jurisdiction: 'UK',
    item: '5A001.c',
    to: 'CN',
    outcome: 'licence-required',
    authorisations: { 'UK-GEA-005': 'to-check' },
    provision: `${IIE} Part 1 (a)(i) and Part 2 (China listed)`,
  },
  {
    jurisdiction: 'UK',
    item: '3A001.a.1',
    to: 'KR',
    outcome: 'licence-required',
    authorisations: { 'UK-GEA-005': 'not-available' },
    because: ['UK-GEA-005', 'outside its scope'],
    provision: `${IIE} Part 1 (Category 5 Part 1 items only)`,
  },
];

/** Every determination row of the fidelity suite. */
export const FIDELITY_ROWS: readonly FidelityRow[] = [
  ...sectionI,
  ...annexIv,
  ...available,
  ...broader,
  ...other,
  ...japan,
  ...ukRetained,
];
