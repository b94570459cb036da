import type { Outcome } from '@entente/core';

/** One US determination fact of an ECCN whose requirement is off the Country Chart, with the paragraph it comes from. */
export interface OffChartFidelityRow {
  item: string;
  to: string;
  outcome: Outcome;
  /** Text that must appear among the reasons. */
  reason?: string;
  /** The licence exceptions left to check (exactly). */
  toCheck?: string[];
  /** Text that must appear among the questions (what to read). */
  read?: string;
  /** The provision the fact comes from, and where it was read. */
  provision: string;
}

const A1 = '15 CFR 738.3(a)(1), read in the text "current through October 31, 2024"';
const HEAD = 'the ECCN heading in 15 CFR 774 Supp. 1 (mirror ccl.json, eCFR 2026-07-23)';

const row = (
  item: string,
  to: string,
  outcome: Outcome,
  provision: string,
  extra: Partial<OffChartFidelityRow> = {},
): OffChartFidelityRow => ({ item, to, outcome, provision, ...extra });

/** §738.3(a)(1): a licence to every destination; no exception, or GOV only. */
const worldwide: OffChartFidelityRow[] = [
  ...['CA', 'GB', 'DE', 'JP', 'AU', 'XK'].map((to) =>
    row('0A983', to, 'licence-required', `${A1}: 0A983, no licence exception`, { toCheck: [], reason: 'CC' }),
  ),
  ...['CA', 'GB', 'FR'].map((to) =>
    row('5A980', to, 'licence-required', `${A1}: 5A980, GOV only`, { toCheck: ['GOV'], reason: 'SL' }),
  ),
  ...['CA', 'JP'].map((to) =>
    row('5D980', to, 'licence-required', `${A1}: 5D980, GOV only`, { toCheck: ['GOV'], reason: 'SL' }),
  ),
  ...['CA', 'NO'].map((to) =>
    row('5E980', to, 'licence-required', `${A1}: 5E980, no licence exception`, { toCheck: [], reason: 'SL' }),
  ),
  row('5A001.f.1', 'DE', 'licence-required', `${A1}: 5A001.f.1, GOV only`, { toCheck: ['GOV'] }),
  row('0A983', 'CN', 'licence-required', `${A1}: 0A983 (a China destination changes nothing)`, {
    toCheck: [],
  }),
];

/** "Subject to the ITAR": not subject to the EAR (§738.3(a), the headings). */
const itar: OffChartFidelityRow[] = [
  '0A002',
  '1A102',
  '4A102',
  '7A117',
  '9A005',
  '9A006',
  '9A007',
  '9A008',
  '9A009',
  '9A011',
  '9A103',
  '9A104',
  '9A119',
  '9D105',
].flatMap((item) =>
  ['CA', 'CN'].map((to) =>
    row(item, to, 'governed-elsewhere', `15 CFR 738.3(a); ${HEAD} ("subject to the ITAR")`, {
      reason: '22 CFR parts 120–130',
      read: '22 CFR parts 120–130',
    }),
  ),
);

/** Short supply: part 754 (§754.1(b), §754.3(a), §754.5(a)). */
const shortSupply: OffChartFidelityRow[] = [
  row(
    '0A980',
    'CA',
    'licence-required',
    '15 CFR 754.5(a): horses by sea, every destination, Canada included',
    {
      reason: 'SS',
    },
  ),
  row('0A980', 'AU', 'licence-required', '15 CFR 754.5(a): Australia included', { reason: 'SS' }),
  row('0A980', 'GB', 'licence-required', '15 CFR 754.5(a): the United Kingdom included', { reason: 'SS' }),
  // §754.3(a): NPR petroleum products of 1C980, 1C982, 1C983, 1C984 need a licence to every destination,
  // Australia, Canada and the United Kingdom included; part 754 names no exception for them.
  ...['1C980', '1C982', '1C983', '1C984'].flatMap((item) =>
    ['AU', 'CA', 'GB', 'MX'].map((to) =>
      row(item, to, 'licence-required', `15 CFR 754.3(a): ${item}, every destination (AU, CA, GB named)`, {
        reason: 'SS',
        toCheck: [],
      }),
    ),
  ),
  row('1C988', 'JP', 'review-needed', '15 CFR 754.1(b)(1)(iii): see §754.4', { read: '15 CFR 754.4' }),
];

/** Requirements the data cannot settle: review needed, naming what to read. */
const review: OffChartFidelityRow[] = [
  row('0A521', 'DE', 'review-needed', '15 CFR 738.1(a)(3): the 0Y521 series, §742.6(a)(8)', {
    read: 'Supplement No. 5 to part 774',
  }),
  row('0E521', 'CA', 'review-needed', '15 CFR 738.1(a)(3): the 0Y521 series', { read: '742.6(a)(8)' }),
  row('2A994', 'CN', 'review-needed', '§738.3(a)(2)(ii) of the 2002 text (unverified now)', {
    read: 'ECCN 2A994, License Requirements',
  }),
  row('1C355', 'CA', 'review-needed', 'ECCN 1C355 License Requirements (CW to States not Party)', {
    read: 'Supplement No. 2 to part 745',
  }),
  row('1C395', 'BR', 'review-needed', 'ECCN 1C395 License Requirements (CW to States not Party)', {
    read: 'Supplement No. 2 to part 745',
  }),
  row('1C018', 'DE', 'review-needed', 'ECCN 1C018 List of Items Controlled: no items currently', {
    read: 'the ECCNs the entry points to',
  }),
  row('9D005', 'DE', 'review-needed', `${HEAD}: controlled by ECCN 9D515`, { read: 'ECCN' }),
  row('4A611', 'DE', 'review-needed', `${HEAD}: controlled by ECCN 3A611`, { read: 'ECCN' }),
  row('9A010', 'DE', 'review-needed', 'ECCN 9A010 Related Controls: USML IV / 9A604, XV / 9A515', {
    read: 'USML',
  }),
  row('0E001', 'CA', 'review-needed', '15 CFR 738.3(a): requirement not read (unverified)', {
    read: 'ECCN 0E001, License Requirements',
  }),
  row('8A018', 'DE', 'review-needed', '15 CFR 738.3(a): requirement not read (unverified)', {
    read: 'ECCN 8A018, License Requirements',
  }),
];

/** Under a Part 746 embargo its outcome stands; an ITAR item stays outside the EAR. */
const embargoed: OffChartFidelityRow[] = [
  row('0A983', 'IR', 'prohibited', '15 CFR 746.7 with §738.3(a)(1)'),
  row('9A005', 'IR', 'governed-elsewhere', `${HEAD}: Part 746 does not reach an item not subject to the EAR`),
];

/** Every row of the suite. */
export const OFF_CHART_ROWS: OffChartFidelityRow[] = [
  ...worldwide,
  ...itar,
  ...shortSupply,
  ...review,
  ...embargoed,
];
