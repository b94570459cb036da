import { DomainError } from '../errors.ts';

/** The allies (and the UN) whose restricted-party lists Entente compares. */
export const LISTING_JURISDICTIONS = ['UN', 'US', 'EU', 'UK', 'AU', 'CA', 'JP', 'CH'] as const;

/** One of `LISTING_JURISDICTIONS`. */
export type ListingJurisdiction = (typeof LISTING_JURISDICTIONS)[number];

const PREFIXES: Record<string, ListingJurisdiction> = {
  un: 'UN',
  us: 'US',
  eu: 'EU',
  uk: 'UK',
  au: 'AU',
  ca: 'CA',
  jp: 'JP',
  ch: 'CH',
};

/**
 * The jurisdiction whose list a source is (`us-ofac-sdn` → `US`, `un-sc` →
 * `UN`), from the source id's prefix; undefined for sources of no one
 * jurisdiction (a custom list, a denial file).
 */
export function jurisdictionOfSource(source: string): ListingJurisdiction | undefined {
  return PREFIXES[source.split('-')[0] ?? ''];
}

/** Whether a string names one of `LISTING_JURISDICTIONS`. */
export function isListingJurisdiction(value: string): value is ListingJurisdiction {
  return (LISTING_JURISDICTIONS as readonly string[]).includes(value);
}

/**
 * The jurisdictions of a comma-separated list (`"UN,eu, AU"`), upper-cased;
 * an unknown one is refused with `invalid-input` naming the accepted ones.
 */
export function parseListingJurisdictions(value: string): ListingJurisdiction[] {
  const list = value
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  for (const j of list)
    if (!isListingJurisdiction(j))
      throw new DomainError('invalid-input', `Unknown jurisdiction "${j}"`, {
        field: 'jurisdictions',
        accepted: [...LISTING_JURISDICTIONS],
      });
  return list as ListingJurisdiction[];
}
