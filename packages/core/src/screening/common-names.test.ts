import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';

// Class 8 of issue 14: a name's rarity weighs. 600 listed parties share one
// (invented) name, as the commonest Korean, Chinese and Hispanic names are
// shared on real lists; one party has a rare name.
const common: Party[] = Array.from({ length: 600 }, (_, i) =>
  buildParty({
    source: 'test',
    sourceId: `c${i}`,
    schema: 'person',
    names: [{ full: 'Pak Yong Chol', quality: 'primary' }],
    birthDates: [{ value: String(1940 + (i % 40)), precision: 'year' }],
    countries: [{ code: 'KP', role: 'nationality' }],
  }),
);
const rare = buildParty({
  source: 'test',
  sourceId: 'r',
  schema: 'person',
  names: [{ full: 'Velimir Tarkovsky', quality: 'primary' }],
  countries: [{ code: 'RU', role: 'nationality' }],
});
const index = buildScreeningIndex(
  [...common, rare].map((party) => ({ party })),
  DEFAULT_NAME_REFERENCE,
);
const top = (name: string, country?: string): number =>
  screenParty(index, { name, schema: 'person', country }, { threshold: 0, limit: 1 })[0]?.score ?? 0;

describe('common names (class 8)', () => {
  it('matches a common name whose nationality agrees', () => {
    expect(top('Pak Yong Chol', 'KP')).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });

  it('puts a common name whose nationality contradicts below the threshold, and says why', () => {
    expect(top('Pak Yong Chol', 'CN')).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
    const [hit] = screenParty(index, { name: 'Pak Yong Chol', country: 'CN' }, { threshold: 0, limit: 1 });
    expect(hit!.features.commonNameConflict).toBeLessThan(0);
    expect(hit!.explanation.join('\n')).toContain('is a common name');
  });

  it('keeps a rare name whose nationality contradicts above the threshold', () => {
    expect(top('Velimir Tarkovsky', 'CN')).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });
});
