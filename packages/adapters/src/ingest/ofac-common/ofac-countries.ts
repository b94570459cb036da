import { countryCodeFromName, countryKey } from '@entente/core';

/**
 * OFAC country spellings the core table does not know. Keys are normalised with
 * `countryKey`. OFAC names the Palestinian territories "Palestinian", sometimes writes a demonym, and uses
 * "X and Y" where ICU writes "X & Y".
 */
const OFAC_COUNTRY_ALIASES: Record<string, string> = {
  palestinian: 'PS',
  eritrean: 'ER',
  'bosnia and herzegovina': 'BA',
  'bosnia herzegovina': 'BA',
  'trinidad and tobago': 'TT',
  'antigua and barbuda': 'AG',
  'sao tome and principe': 'ST',
  'saint kitts and nevis': 'KN',
  'saint vincent and the grenadines': 'VC',
  'turks and caicos islands': 'TC',
  'heard island and mcdonald islands': 'HM',
  'saint pierre and miquelon': 'PM',
  'wallis and futuna': 'WF',
  'svalbard and jan mayen': 'SJ',
  'south georgia and the south sandwich islands': 'GS',
  'st helena ascension and tristan da cunha': 'SH',
  'cabo verde': 'CV',
  'cote d ivoire': 'CI',
  'northern mali': 'ML',
};

/** Values that say "no country" on purpose; they are not unknown countries. */
const NO_COUNTRY = new Set(['undetermined', 'none identified', 'unknown', 'stateless']);

/** Qualifiers OFAC puts before a country name ("possibly Palestinian", "Region: Gaza"). */
const QUALIFIERS = /^(?:possibly|probably|reportedly|region:)\s*/i;

/** The result of reading one country field. */
export interface OfacCountry {
  code?: string;
  /** True when the text names a country we do not recognise. */
  unknown: boolean;
}

/**
 * The ISO-2 code of a country as OFAC spells it, `{unknown: false}` for an
 * explicit "undetermined", `{unknown: true}` when the name is not recognised.
 *
 * @example
 * readOfacCountry('Palestinian') // { code: 'PS' }
 */
export function readOfacCountry(name: string): OfacCountry {
  const raw = name
    .trim()
    .replace(/\.$/, '')
    .replace(/\s+Previously\s+.*$/i, '');
  if (!raw || NO_COUNTRY.has(raw.toLowerCase())) return { unknown: false };
  const bare = raw.replace(QUALIFIERS, '').trim();
  const code =
    countryCodeFromName(bare) ??
    OFAC_COUNTRY_ALIASES[countryKey(bare)] ??
    countryCodeFromName(bare.replace(/\band\b/gi, '&'));
  return code ? { code, unknown: false } : { unknown: true };
}

/** The ISO-2 code of a country as OFAC spells it, or undefined. */
export function ofacCountryCode(name: string): string | undefined {
  return readOfacCountry(name).code;
}
