import { DENIAL_CSV_COLUMNS } from '../sharing/parse-denial-csv.ts';

/** Words company names are made of (invented; no real party is meant). */
const WORDS = [
  'Amber',
  'Baltic',
  'Cedar',
  'Delta',
  'Eastern',
  'Falcon',
  'Granite',
  'Harbour',
  'Iron',
  'Juniper',
  'Kestrel',
  'Linden',
  'Meridian',
  'Northern',
  'Orion',
  'Pioneer',
  'Quartz',
  'Riverside',
  'Summit',
  'Tundra',
  'Union',
  'Vector',
  'Western',
  'Zenith',
  'Aurora',
  'Beacon',
  'Crescent',
  'Dynamo',
  'Ember',
  'Frontier',
  'Glacier',
  'Horizon',
  'Insight',
  'Jasper',
  'Keystone',
  'Lumen',
  'Monarch',
  'Nimbus',
  'Onyx',
  'Polar',
  'Quantum',
  'Radiant',
  'Sterling',
  'Titan',
  'Vertex',
  'Willow',
];
const TRADES = [
  'Trading',
  'Instruments',
  'Machinery',
  'Electronics',
  'Logistics',
  'Optics',
  'Systems',
  'Metals',
];
const FORMS = ['LLC', 'JSC', 'Ltd', 'GmbH', 'Co', 'FZE'];
const COUNTRIES = ['RU', 'BY', 'IR', 'KP', 'SY', 'AE', 'TR', 'CN'];

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/** An invented word for `n` (distinct for n below 14·5·14·5·14 = 68,600). */
function inventedWord(n: number): string {
  let word = '';
  for (let k = 0; k < 5; k++) {
    const letters = k % 2 ? VOWELS : CONSONANTS;
    word += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  }
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * The invented party name of synthetic denial `i`: two invented words (a
 * vocabulary of thousands, as real party names have), a common word and a legal form.
 */
export function syntheticPartyName(i: number): string {
  return [
    inventedWord((i * 7_919) % 68_600),
    i % 3 ? inventedWord((i * 104_729 + 13) % 68_600) : WORDS[i % WORDS.length],
    TRADES[i % TRADES.length],
    FORMS[i % FORMS.length],
  ].join(' ');
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A LITE-format denial CSV of `count` invented denials, one end-user row each
 * (short rows: 10,000 fit the 1 MB import body; for tests and `bench/denial-screen.ts`).
 */
export function syntheticDenialCsv(count: number, prefix = 'SYN'): string {
  const lines = [DENIAL_CSV_COLUMNS.join(',')];
  for (let i = 0; i < count; i++) {
    const row: Record<(typeof DENIAL_CSV_COLUMNS)[number], string> = {
      reference: `${prefix}${i}`,
      regime_reg_ref: '',
      name: syntheticPartyName(i),
      address: '',
      notifying_government: '',
      country: COUNTRIES[i % COUNTRIES.length]!,
      denial_cle: `3A00${i % 3}`,
      item_description: 'ICs',
      end_use: 'Radar',
      reason_for_refusal: 'C7',
      entity_type: 'end_user',
    };
    lines.push(DENIAL_CSV_COLUMNS.map((c) => cell(row[c])).join(','));
  }
  return lines.join('\n') + '\n';
}
