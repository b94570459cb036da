import { countryCodeFor } from '../../ingest/common/country-spellings.ts';

/**
 * EAR destination names the general country-name table does not read, as the
 * Country Chart and the Country Groups of the eCFR text write them (spellings
 * of the text kept: "Seycheles", "Cote d'lvoire" with a lower-case L).
 */
const EAR_SPELLINGS: Record<string, string> = {
  Seycheles: 'SC',
  'South Sudan, Republic of': 'SS',
  "Cote d'lvoire": 'CI',
  // Without this the bracket is dropped and "Congo" reads as the Republic of the Congo.
  'Congo (Democratic Republic of)': 'CD',
  'Congo (Democratic Republic of the)': 'CD',
  'Congo (Republic of the)': 'CG',
  Kosovo: 'XK',
};

/** The ISO-2 code of a destination as the EAR's tables name it; undefined when it reads as no country. */
export function earCountryCode(name: string, known?: Readonly<Record<string, string>>): string | undefined {
  const trimmed = name.trim();
  return known?.[trimmed] ?? EAR_SPELLINGS[trimmed] ?? countryCodeFor(trimmed);
}
