/** A kind of US-origin content that the de minimis rule never allows to be discounted. */
export interface DeMinimisExclusion {
  id: string;
  /** Which US classifications (ECCN with paragraphs) the rule concerns. */
  code: RegExp;
  /** Destinations concerned: every one, or US Country Groups and countries. */
  destinations: 'all' | { groups: string[]; countries: string[] };
  citation: string;
  text: string;
}

/**
 * Items for which there is no de minimis level (15 CFR 734.4(a)), as rules on
 * the ECCN of the US-origin content and the destination of the foreign-made
 * product. Only the rules a BOM line can be tested against are listed; the
 * computer, QRS11-sensor and military-camera rules need facts a BOM lacks.
 */
export const DE_MINIMIS_EXCLUSIONS: readonly DeMinimisExclusion[] = Object.freeze([
  {
    id: '600-series-d5',
    code: /^\d[A-E](6\d\d|515)(?!\.y)/i,
    destinations: { groups: ['D:5'], countries: [] },
    citation: '15 CFR 734.4(a)(6)(i)',
    text: 'US-origin "600 series" or 9x515 content (other than .y) in a foreign-made item destined for Country Group D:5',
  },
  {
    id: '600-series-y-china-e',
    code: /^\d[A-E](6\d\d|515)\.y/i,
    destinations: { groups: ['E:1', 'E:2'], countries: ['CN'] },
    citation: '15 CFR 734.4(a)(6)(ii)',
    text: 'US-origin "600 series" or 9x515 .y content in a foreign-made item destined for China or Country Group E:1/E:2',
  },
  {
    id: 'encryption-technology-5e002',
    code: /^5E002/i,
    destinations: 'all',
    citation: '15 CFR 734.4(a)(2)',
    text: 'foreign encryption technology incorporating US-origin 5E002 technology is subject to the EAR whatever the US share',
  },
  {
    id: 'engine-technology-9e003',
    code: /^9E003\.(a\.([1-8]|10)|h|i)(\.|$)/i,
    destinations: 'all',
    citation: '15 CFR 734.4(a)(4)',
    text: 'US-origin 9E003.a.1-a.8, a.10, .h or .i technology commingled abroad',
  },
]);

/** The exclusion rule that makes US content with `eccn` ineligible for de minimis towards `destination`, if any. */
export function findDeMinimisExclusion(
  eccn: string,
  destination: string,
  destinationGroups: readonly string[],
): DeMinimisExclusion | undefined {
  return DE_MINIMIS_EXCLUSIONS.find(
    (rule) =>
      rule.code.test(eccn) &&
      (rule.destinations === 'all' ||
        rule.destinations.countries.includes(destination) ||
        rule.destinations.groups.some((g) => destinationGroups.includes(g))),
  );
}
