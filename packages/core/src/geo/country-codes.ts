/**
 * Country names and ISO 3166-1 alpha-2 codes. English names come from the
 * runtime's ICU data (Intl.DisplayNames); the alias table below adds the
 * spellings that sanctions and export-control publishers use.
 */

/** Codes ICU knows that are not countries (or are groupings). */
const NON_COUNTRIES = new Set([
  ...['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'],
  // Deprecated or exceptionally reserved codes that ICU still names.
  ...['SU', 'UK', 'TP', 'YU', 'ZR', 'BU', 'DD', 'FX', 'CS', 'DY', 'HV', 'NH', 'RH', 'VD', 'YD', 'AN', 'QU'],
  ...['EA', 'IC', 'CP', 'DG', 'TA', 'AC', 'CQ'],
]);

/** Publisher spellings that ICU's English names do not cover. Keys are normalised (see `countryKey`). */
const ALIASES: Record<string, string> = {
  'russian federation': 'RU',
  'iran islamic republic of': 'IR',
  'islamic republic of iran': 'IR',
  'korea north': 'KP',
  'north korea': 'KP',
  'democratic peoples republic of korea': 'KP',
  'korea democratic peoples republic of': 'KP',
  'korea dprk': 'KP',
  dprk: 'KP',
  'korea south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  burma: 'MM',
  'myanmar burma': 'MM',
  'syrian arab republic': 'SY',
  'lao peoples democratic republic': 'LA',
  laos: 'LA',
  'viet nam': 'VN',
  'ivory coast': 'CI',
  'cote divoire': 'CI',
  'congo democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  'congo democratic republic': 'CD',
  'congo kinshasa': 'CD',
  'congo republic of the': 'CG',
  'republic of the congo': 'CG',
  'congo brazzaville': 'CG',
  'bahamas the': 'BS',
  'the bahamas': 'BS',
  'gambia the': 'GM',
  'the gambia': 'GM',
  'macedonia the former yugoslav republic of': 'MK',
  macedonia: 'MK',
  'north macedonia the republic of': 'MK',
  'moldova republic of': 'MD',
  'republic of moldova': 'MD',
  'tanzania united republic of': 'TZ',
  'united republic of tanzania': 'TZ',
  'venezuela bolivarian republic of': 'VE',
  'bolivia plurinational state of': 'BO',
  'micronesia federated states of': 'FM',
  'palestinian territory occupied': 'PS',
  'occupied palestinian territory': 'PS',
  'palestinian territories': 'PS',
  palestine: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'gaza strip': 'PS',
  'state of palestine': 'PS',
  'holy see': 'VA',
  'vatican city': 'VA',
  'united states of america': 'US',
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  'united kingdom of great britain and northern ireland': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  uae: 'AE',
  'u a e': 'AE',
  'taiwan province of china': 'TW',
  'china taiwan': 'TW',
  'republic of china': 'TW',
  'hong kong': 'HK',
  'hong kong sar': 'HK',
  'hong kong sar china': 'HK',
  'hong kong special administrative region': 'HK',
  'china hong kong': 'HK',
  'macao sar': 'MO',
  macau: 'MO',
  macao: 'MO',
  'peoples republic of china': 'CN',
  prc: 'CN',
  'china peoples republic of': 'CN',
  'czech republic': 'CZ',
  turkey: 'TR',
  turkiye: 'TR',
  swaziland: 'SZ',
  'cape verde': 'CV',
  'east timor': 'TL',
  kosovo: 'XK',
  'bosnia herzegovina': 'BA',
  'bosnia and herzegovina': 'BA',
  'trinidad and tobago': 'TT',
  myanmar: 'MM',
  'slovak republic': 'SK',
  'united kingdom of great britain': 'GB',
  'china hong kong special administrative region': 'HK',
  'china macao special administrative region': 'MO',
  'hong kong special administrative region of china': 'HK',
  'saint kitts and nevis': 'KN',
  'st kitts and nevis': 'KN',
  'saint lucia': 'LC',
  'st lucia': 'LC',
  'saint vincent and the grenadines': 'VC',
  'st vincent and the grenadines': 'VC',
  'antigua barbuda': 'AG',
  'trinidad tobago': 'TT',
  'sao tome principe': 'ST',
  'brunei darussalam': 'BN',
  'falkland islands malvinas': 'FK',
  'virgin islands british': 'VG',
  'british virgin islands': 'VG',
  'virgin islands u s': 'VI',
  'us virgin islands': 'VI',
  'cayman islands': 'KY',
  'netherlands antilles': 'CW',
  curacao: 'CW',
  'sint maarten': 'SX',
  crimea: 'UA',
  'region of crimea': 'UA',
  'soviet union': 'RU',
  ussr: 'RU',
  yugoslavia: 'RS',
  'serbia and montenegro': 'RS',
};

/** Lower-case ASCII key: accents stripped, punctuation and "the" kept out of the way. */
export function countryKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let byKey: Map<string, string> | undefined;
let byCode: Map<string, string> | undefined;

function tables(): { byKey: Map<string, string>; byCode: Map<string, string> } {
  if (!byKey || !byCode) {
    byKey = new Map();
    byCode = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (NON_COUNTRIES.has(code)) continue;
        const name = names.of(code);
        if (!name || name === code) continue;
        byCode.set(code, name);
        byKey.set(countryKey(name), code);
      }
    }
    for (const [k, code] of Object.entries(ALIASES)) byKey.set(countryKey(k), code);
  }
  return { byKey, byCode };
}

/** True for an ISO 3166-1 alpha-2 code of a country or territory (plus `XK`, Kosovo). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && tables().byCode.has(code);
}

/** The English name of a country code, or undefined. */
export function countryName(code: string): string | undefined {
  return tables().byCode.get(code.toUpperCase());
}

/** Every known country code, sorted. */
export function allCountryCodes(): string[] {
  return [...tables().byCode.keys()].sort();
}

/**
 * The ISO-2 code for a country name or code as publishers write it
 * ("Russian Federation", "Korea, North", "Iran (Islamic Republic of)", "DE"),
 * or undefined when it is not recognised.
 *
 * @example
 * countryCodeFromName('Korea, North') // 'KP'
 */
export function countryCodeFromName(name: string): string | undefined {
  const trimmed = name.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const { byKey } = tables();
  const key = countryKey(trimmed);
  const direct = byKey.get(key);
  if (direct) return direct;
  // "Iran (Islamic Republic of)" and "Korea, Republic of" forms: drop the bracket, then swap the comma.
  const noBracket = countryKey(trimmed.replace(/\(.*?\)/g, ' '));
  const viaBracket = byKey.get(noBracket);
  if (viaBracket) return viaBracket;
  const comma = trimmed.split(',');
  if (comma.length === 2) {
    const swapped = byKey.get(countryKey(`${comma[1]} ${comma[0]}`));
    if (swapped) return swapped;
  }
  return undefined;
}
