import { countryKey } from '@entente/core';
import { countryCodeFor } from './country-spellings.ts';

/**
 * Nationality adjectives the EU annexes (and DFAT) print instead of country
 * names (cleaning rule as data; keys are `countryKey` forms). "Congolese" is
 * read as the DRC, which is what the EU annexes mean by it.
 */
export const NATIONALITY_ADJECTIVES: Record<string, string> = {
  russian: 'RU',
  iranian: 'IR',
  belarusian: 'BY',
  belarussian: 'BY',
  afghan: 'AF',
  afgan: 'AF',
  syrian: 'SY',
  tunisian: 'TN',
  iraqi: 'IQ',
  ukrainian: 'UA',
  algerian: 'DZ',
  indonesian: 'ID',
  venezuelan: 'VE',
  nicaraguan: 'NI',
  filipino: 'PH',
  pakistani: 'PK',
  israeli: 'IL',
  haitian: 'HT',
  sudanese: 'SD',
  egyptian: 'EG',
  british: 'GB',
  french: 'FR',
  chinese: 'CN',
  saudi: 'SA',
  'saudi arabian': 'SA',
  german: 'DE',
  palestinian: 'PS',
  moroccan: 'MA',
  drc: 'CD',
  libyan: 'LY',
  malian: 'ML',
  guatemalan: 'GT',
  yemeni: 'YE',
  jordanian: 'JO',
  congolese: 'CD',
  kuwaiti: 'KW',
  rwandan: 'RW',
  canadian: 'CA',
  mauritanian: 'MR',
  qatari: 'QA',
  lebanese: 'LB',
  'north korean': 'KP',
  'south sudanese': 'SS',
  turkish: 'TR',
  georgian: 'GE',
  azerbaijani: 'AZ',
  moldovan: 'MD',
  american: 'US',
  somali: 'SO',
  italian: 'IT',
  indian: 'IN',
  uzbek: 'UZ',
  uzbekistani: 'UZ',
  ugandan: 'UG',
  armenian: 'AM',
  finnish: 'FI',
  australian: 'AU',
  malaysian: 'MY',
  nigerian: 'NG',
  norwegian: 'NO',
  senegalese: 'SN',
  belgian: 'BE',
  serbian: 'RS',
  ethiopian: 'ET',
  kenyan: 'KE',
  cypriot: 'CY',
  croatian: 'HR',
  swiss: 'CH',
  latvian: 'LV',
  burkinabe: 'BF',
  tanzanian: 'TZ',
  romanian: 'RO',
  ivorian: 'CI',
  estonian: 'EE',
  togolese: 'TG',
  cameroonian: 'CM',
  montenegrin: 'ME',
  honduran: 'HN',
  lithuanian: 'LT',
  kazakh: 'KZ',
  kyrgyz: 'KG',
  tajik: 'TJ',
  emirati: 'AE',
  bahraini: 'BH',
  omani: 'OM',
  eritrean: 'ER',
  chadian: 'TD',
  nigerien: 'NE',
  burmese: 'MM',
  vietnamese: 'VN',
  cuban: 'CU',
  bosnian: 'BA',
  dutch: 'NL',
  spanish: 'ES',
  polish: 'PL',
  greek: 'GR',
  austrian: 'AT',
  danish: 'DK',
  swedish: 'SE',
  czech: 'CZ',
  hungarian: 'HU',
  bulgarian: 'BG',
  japanese: 'JP',
  brazilian: 'BR',
  mexican: 'MX',
  colombian: 'CO',
  zimbabwean: 'ZW',
  guinean: 'GN',
  'bissau guinean': 'GW',
  'central african': 'CF',
  'sierra leonean': 'SL',
  liberian: 'LR',
  bangladeshi: 'BD',
  'sri lankan': 'LK',
  nepalese: 'NP',
  kosovar: 'XK',
  albanian: 'AL',
  macedonian: 'MK',
  slovenian: 'SI',
  irish: 'IE',
  portuguese: 'PT',
  singaporean: 'SG',
  thai: 'TH',
  turkmen: 'TM',
  mongolian: 'MN',
  gambian: 'GM',
  ghanaian: 'GH',
  beninese: 'BJ',
  djiboutian: 'DJ',
  'south african': 'ZA',
};

// Qualifiers printed around a nationality that do not change which country it is.
const QUALIFIERS =
  /\b(possibly|probably|presumably|presumed|assumed|allegedly|reportedly|by birth|since \d{4}|passport)\b|^\s*of the\b/gi;

function codeOf(text: string): string | undefined {
  const t = text
    .replace(QUALIFIERS, ' ')
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return undefined;
  return countryCodeFor(t) ?? NATIONALITY_ADJECTIVES[countryKey(t)];
}

/** The countries a country cell names, and the pieces that name none. */
export interface CountryTextResult {
  codes: string[];
  unknown: string[];
}

/**
 * Reads a country or nationality cell as the EU annexes word it: a country
 * name ("Russian Federation"), an adjective ("Russian"), several of them
 * ("Ukrainian, Russian", "Syrian/Lebanese", "Russian and Ukrainian"), with
 * printed qualifiers ("Pakistani (presumed)") and trailing prose
 * ("Iraqi. National Identification No.: …") set aside.
 */
export function countriesFromText(value: string): CountryTextResult {
  const text = value.split(/\.\s|,\s*passport\b/i)[0]?.trim() ?? '';
  const whole = codeOf(text);
  if (whole) return { codes: [whole], unknown: [] };
  const codes: string[] = [];
  const unknown: string[] = [];
  // Commas and slashes separate countries first; "and" only when the piece is no country itself ("Trinidad and Tobago").
  for (const piece of text.split(/,|\/|;/)) {
    const trimmed = piece.trim();
    if (!trimmed) continue;
    const code = codeOf(trimmed);
    if (code) {
      codes.push(code);
      continue;
    }
    for (const part of trimmed.split(/\band\/or\b|\band\b/i)) {
      const p = part.trim();
      if (!p) continue;
      const c = codeOf(p);
      if (c) codes.push(c);
      else unknown.push(p);
    }
  }
  return { codes, unknown };
}
