import { countryCodeFromName, countryKey } from '@entente/core';

/**
 * Country spellings and nationality adjectives seen in the UN, EU, DFAT and
 * SEMA lists that `countryCodeFromName` does not read (cleaning rule as data;
 * keys are `countryKey` forms). "Congo" alone is the Republic of the Congo in UN usage.
 */
export const COUNTRY_SPELLINGS: Record<string, string> = {
  myanmar: 'MM',
  congo: 'CG',
  'china hong kong special administrative region': 'HK',
  'china macao special administrative region': 'MO',
  'united kingdom of great britain': 'GB',
  'slovak republic': 'SK',
  'guinea bisau': 'GW',
};

/** The ISO-2 code of a country as a list writes it, trying "and" for "&" and the table above. */
export function countryCodeFor(name: string): string | undefined {
  const direct = countryCodeFromName(name);
  if (direct) return direct;
  const ampersand = countryCodeFromName(name.replace(/\band\b/gi, '&'));
  if (ampersand) return ampersand;
  return COUNTRY_SPELLINGS[countryKey(name)] ?? COUNTRY_SPELLINGS[countryKey(name.replace(/\(.*?\)/g, ' '))];
}
