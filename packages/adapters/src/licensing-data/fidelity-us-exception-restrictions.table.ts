import type { Outcome } from '@entente/core';

/** One US determination fact that a paragraph of 15 CFR 740.2(a) decides, with the paragraph it comes from. */
export interface RestrictionFidelityRow {
  item: string;
  to: string;
  /** The country shipped from, when the paragraph turns on it ("shipped from … D:5"). */
  from?: string;
  value?: number;
  outcome: Outcome;
  /** The licence exceptions offered (exactly). */
  exceptions: string[];
  /** The licence exceptions left to check (exactly). */
  toCheck: string[];
  /** The paragraph cited by the determination ("15 CFR 740.2(a)(12)"). */
  paragraph: string;
  /** Text that must appear among the questions. */
  asks?: string;
}

const row = (
  item: string,
  to: string,
  outcome: Outcome,
  paragraph: number,
  exceptions: string[],
  toCheck: string[],
  extra: Partial<RestrictionFidelityRow> = {},
): RestrictionFidelityRow => ({
  item,
  to,
  outcome,
  exceptions,
  toCheck,
  paragraph: `15 CFR 740.2(a)(${paragraph})`,
  ...extra,
});

/** §740.2(a)(3): interception items, GOV only; 5E980 none. */
const interception = [
  row('5A980', 'CA', 'licence-required', 3, [], ['GOV']),
  row('5D980', 'JP', 'licence-required', 3, [], ['GOV']),
  row('5A001.f.1', 'DE', 'licence-required', 3, [], ['GOV']),
  row('5E980', 'NO', 'licence-required', 3, [], []),
];

/** §740.2(a)(8): 2A983, 2A984, 2D983, 2D984, 2E983, 2E984: RPL, GOV, TSU only (TMP withdrawn). */
const explosivesDetection = [
  row('2A983', 'CN', 'licence-required', 8, [], ['RPL', 'GOV']),
  row('2A984', 'CN', 'licence-required', 8, [], ['RPL', 'GOV']),
  row('2D983', 'CN', 'licence-required', 8, [], ['TSU', 'GOV']),
  row('2E984', 'CN', 'licence-required', 8, [], ['TSU', 'GOV']),
];

/** §740.2(a)(11): 0A919 military commodities, no exception but GOV for reexports (STA, TMP, RPL withdrawn). */
const militaryCommodities = [
  row('0A919', 'DE', 'licence-required', 11, [], ['GOV']),
  row('0A919', 'FR', 'licence-required', 11, [], ['GOV']),
];

/** §740.2(a)(12): 9x515 and "600 series" to, or shipped from, Country Group D:5: GOV only; 1A613.c/.d also TMP, BAG. */
const d5 = [
  row('9A515.x', 'CN', 'licence-required', 12, [], ['GOV']),
  row('9D515.x', 'CN', 'licence-required', 12, [], ['GOV']),
  row('3A611.x', 'CN', 'licence-required', 12, [], ['GOV']),
  row('0A606.x', 'CN', 'licence-required', 12, [], ['GOV']),
  row('9A610.a', 'CN', 'licence-required', 12, [], ['GOV']),
  row('1A613.a', 'CN', 'licence-required', 12, [], ['GOV']),
  row('1A613.c', 'CN', 'licence-required', 12, [], ['TMP', 'GOV']),
  row('1A613.d', 'CN', 'licence-required', 12, [], ['TMP', 'GOV']),
  row('3A611.x', 'DE', 'licence-required', 12, [], ['GOV'], { from: 'CN', value: 100 }),
  row('9A610.a', 'DE', 'licence-required', 12, [], ['GOV'], { from: 'CN' }),
];

/** §740.2(a)(13): GOV only for 9D610.b, 9D619.b, 9E610.b, 9E619.b/.c; outside D:5 only LVS, TMP, RPL, TSU, GOV, BAG, STA. */
const series600 = [
  row('9D619.b', 'FR', 'licence-required', 13, [], ['GOV']),
  row('9E619.c', 'DE', 'licence-required', 13, [], ['GOV']),
  row('9E619', 'DE', 'licence-required', 13, [], ['GOV'], { asks: 'classify to the paragraph level' }),
  row('9E619.a', 'FR', 'exception-available', 13, ['STA'], ['TSU', 'GOV']),
  row('3A611.x', 'JP', 'exception-available', 13, ['STA'], ['LVS', 'TMP', 'RPL', 'GOV']),
  row('3A611.x', 'DE', 'exception-available', 13, ['LVS', 'STA'], ['TMP', 'RPL', 'GOV'], { value: 100 }),
  row('0A606.x', 'FR', 'exception-available', 13, ['STA'], ['LVS', 'TMP', 'RPL', 'GOV']),
];

/** §740.2(a)(14): the 0Y521 series, GOV or an item-specific exception of Supplement No. 5 to part 774 only. */
const y521 = [
  row('0A521', 'DE', 'review-needed', 14, [], []),
  row('0D521', 'DE', 'review-needed', 14, [], []),
  row('0E521', 'CA', 'review-needed', 14, [], []),
];

/** §740.2(a)(7), (15), (16): conditions the data cannot check are asked. */
const asked = [
  row('6E001', 'DE', 'licence-required', 7, [], [], { asks: 'infrared focal plane arrays' }),
  row('6E002', 'FR', 'licence-required', 7, [], [], { asks: 'image intensifier tubes' }),
  row('3A611.x', 'IN', 'exception-available', 16, ['LVS', 'STA'], ['TMP', 'RPL', 'GOV'], {
    from: 'US',
    value: 100,
    asks: '$25,000,000',
  }),
  row('0A606.x', 'BR', 'licence-required', 15, [], ['LVS', 'TMP', 'RPL', 'GOV'], { asks: '$14,000,000' }),
];

/** Every row of the suite. */
export const RESTRICTION_ROWS: RestrictionFidelityRow[] = [
  ...interception,
  ...explosivesDetection,
  ...militaryCommodities,
  ...d5,
  ...series600,
  ...y521,
  ...asked,
];
