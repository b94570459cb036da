import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { describeFeatures } from './feature-table.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';

/** The best match of `query` against one listed organisation named `listed`, at threshold 0. */
function matchOf(query: string, listed: string) {
  const party = buildParty({
    source: 'test',
    sourceId: '1',
    schema: 'organization',
    names: [{ full: listed, quality: 'primary' }],
  });
  const index = buildScreeningIndex([{ party }], DEFAULT_NAME_REFERENCE);
  return screenParty(index, { name: query, schema: 'organization' }, { threshold: 0 })[0]!;
}

describe('the terms a match lists beside its reasons', () => {
  // A term that did not move the score is not listed under its label: "Legal form differs +0.00"
  // beside the reason "same legal form (LLC)" said the opposite of the reason. Its reason stays.
  it.each([
    {
      query: 'Tarnholm Logistics LLC',
      listed: 'TARNHOLM LOGISTICS LLC',
      reason: 'same legal form (LLC)',
      listed_term: undefined,
    },
    {
      query: 'Tarnholm Logistics LLC',
      listed: 'TARNHOLM LOGISTICS JSC',
      reason: 'legal forms differ (LLC vs JSC)',
      listed_term: 'Legal form differs -0.02',
    },
  ])('$query against $listed: the reason "$reason", the term $listed_term', (row) => {
    const m = matchOf(row.query, row.listed);
    expect(m.explanation.some((e) => e.startsWith(row.reason))).toBe(true);
    const described = describeFeatures(m.features);
    if (row.listed_term) {
      expect(described).toContain(row.listed_term);
      expect(m.features.legalFormConflict).toBe(-0.02);
    } else {
      expect(described).not.toContain('Legal form differs');
      expect(m.features).not.toHaveProperty('legalFormConflict');
    }
  });

  it('lists no zero adjustment, even from a match stored before the rule (its name similarity always)', () => {
    expect(describeFeatures({ nameSimilarity: 1, legalFormConflict: 0, countryMatch: 0.03 })).toBe(
      'Name similarity 1.00, Country agrees +0.03',
    );
    expect(describeFeatures({ nameSimilarity: 0 })).toBe('Name similarity 0.00');
  });
});
