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

/** The invented party name of synthetic denial `i` (distinct for each i below 46³·8). */
export function syntheticPartyName(i: number): string {
  const w = WORDS.length;
  return [
    WORDS[i % w],
    WORDS[Math.floor(i / w) % w],
    WORDS[Math.floor(i / (w * w)) % w],
    TRADES[Math.floor(i / (w * w * w)) % TRADES.length],
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
