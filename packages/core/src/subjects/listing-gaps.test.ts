import { describe, expect, it } from 'vitest';
import { listingGaps } from './listing-gaps.ts';
import { resolveSubjects } from './resolve-subjects.ts';
import { listingOf } from './subjects-test-world.ts';

const subjects = resolveSubjects([
  // Listed by the UN, the EU and the US; not by the UK.
  listingOf('un-sc', 'A', 'Alpha', { unReference: 'A', listedOn: '2020-01-01' }),
  listingOf('eu-sanctions', 'A', 'Alpha', { unReference: 'A', listedOn: '2020-01-31' }),
  listingOf('us-ofac-sdn', '1', 'Alpha', { unReference: 'A' }),
  // The EU alone.
  listingOf('eu-sanctions', 'B', 'Bravo'),
  // The EU and the UK, not the US.
  listingOf('eu-sanctions', 'C', 'Charlie', { unReference: 'X-C' }),
  listingOf('uk-ofsi', 'C', 'Charlie', { unReference: 'X-C' }),
  // The US still, the UK no longer.
  listingOf('us-ofac-sdn', '4', 'Delta', { unReference: 'X-D' }),
  listingOf('uk-ofsi', 'D', 'Delta', { unReference: 'X-D', current: false }),
  // Everyone compared.
  listingOf('us-ofac-sdn', '5', 'Echo', { unReference: 'X-E' }),
  listingOf('eu-sanctions', 'E', 'Echo', { unReference: 'X-E' }),
  listingOf('uk-ofsi', 'E', 'Echo', { unReference: 'X-E' }),
]).subjects;

describe('listingGaps', () => {
  const report = listingGaps(subjects, ['US', 'EU', 'UK']);
  const gapOf = (name: string) => report.gaps.find((g) => g.name === name);

  it('classifies each gap', () => {
    expect(gapOf('Bravo')).toMatchObject({
      class: 'autonomous-single',
      listedBy: ['EU'],
      missing: ['UK', 'US'],
    });
    expect(gapOf('Charlie')).toMatchObject({
      class: 'several-not-all',
      listedBy: ['EU', 'UK'],
      missing: ['US'],
    });
    expect(gapOf('Delta')).toMatchObject({ class: 'delisted-by-one', delistedBy: ['UK'] });
    expect(gapOf('Echo')).toBeUndefined();
    expect(gapOf('Alpha')).toMatchObject({ class: 'several-not-all', missing: ['UK'] });
  });

  it('calls a UN listing missing from an ally "not implemented", with the delay of those that did', () => {
    const withUn = listingGaps(subjects, ['UN', 'EU', 'UK']);
    expect(withUn.gaps.find((g) => g.name === 'Alpha')).toMatchObject({
      class: 'un-not-implemented',
      missing: ['UK'],
    });
    expect(withUn.delays).toEqual([{ jurisdiction: 'EU', subjects: 1, medianDays: 30, before: 0 }]);
  });

  it('counts the ally pairs both ways and explains each gap with its sources', () => {
    expect(report.matrix.EU!.US).toBe(2); // Bravo, Charlie
    expect(report.matrix.US!.UK).toBe(2); // Alpha, Delta
    expect(report.byClass).toEqual({
      'un-not-implemented': 0,
      'delisted-by-one': 1,
      'autonomous-single': 1,
      'several-not-all': 2,
    });
    expect(gapOf('Delta')!.reasons.join('; ')).toMatch(/no longer listed by UK \(uk-ofsi D/);
  });

  it('refuses fewer than two jurisdictions', () => {
    expect(() => listingGaps(subjects, ['US'])).toThrow(/at least two/);
  });
});
