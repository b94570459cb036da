import { buildParty, type NewListVersion, type Party } from '@entente/core';

/** A listed person of `source` with one primary name. */
export const person = (source: string, sourceId: string, name: string, extra: Partial<Party> = {}): Party =>
  buildParty({ source, sourceId, schema: 'person', names: [{ full: name, quality: 'primary' }], ...extra });

/** A version of `source`'s list, published 2026-01-01, holding `parties`. */
export const version = (source: string, parties: Party[]): NewListVersion => ({
  source,
  publishedAt: '2026-01-01',
  format: 'custom-csv',
  files: [`${source}.csv`],
  parties,
  warnings: [],
});

/** Born on Qasem Soleimani's listed birth date. */
export const dob = { birthDates: [{ value: '1957-03-11', precision: 'day' as const }] };
