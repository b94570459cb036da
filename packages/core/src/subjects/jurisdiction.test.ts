import { describe, expect, it } from 'vitest';
import { jurisdictionOfSource, parseListingJurisdictions } from './jurisdiction.ts';

describe('listing jurisdictions', () => {
  it.each([
    ['us-ofac-sdn', 'US'],
    ['us-csl', 'US'],
    ['un-sc', 'UN'],
    ['eu-sanctions', 'EU'],
    ['ch-seco-fiaa', 'CH'],
    ['custom-watchlist', undefined],
    ['denials', undefined],
  ])('the list %s is a list of %s', (source, j) => {
    expect(jurisdictionOfSource(source)).toBe(j);
  });

  it('reads a comma-separated list, upper-casing, and refuses an unknown one naming the accepted', () => {
    expect(parseListingJurisdictions('un, eu,AU,')).toEqual(['UN', 'EU', 'AU']);
    expect(() => parseListingJurisdictions('UN,XX')).toThrow(/Unknown jurisdiction "XX"/);
  });
});
