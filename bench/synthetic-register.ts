/**
 * The synthetic counterparty register the monitoring benches screen: deterministic, so every
 * run and every bench screens the same register.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Counterparty, Party, ScreeningIndex } from '@entente/core';
import type { RegisterEntry } from '../packages/adapters/src/monitoring/register-store.ts';
import { MIRROR } from './eval-screening-lists.ts';

/**
 * A deterministic pseudo-random generator, so every run screens the same register: the C library's
 * linear congruence modulo 2^31, multiplied in 32-bit integers. (Multiplied as doubles, as it was
 * until 2026-12-04, the product passed 2^53, lost its low bits and fell into a short cycle: a
 * register of 100,000 held only 3,056 distinct names.)
 */
export function rng(seed: number) {
  return () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fff_ffff) / 2 ** 31;
}

/**
 * Which register a bench screens (`--register adversarial|realistic`; adversarial unless told):
 * `adversarial` builds its companies from words of listed organisation names, so nearly every
 * company is a hit (the stress case: 1.8 new alerts per counterparty at 100,000); `realistic`
 * builds them as a real book's look (surnames, given names, trade words, legal forms), so that
 * only the 1 % respelled listed names and chance resemblances hit
 * (docs/decisions/2026-12-04-monitoring-overlapped-write.md).
 */
export type RegisterKind = 'adversarial' | 'realistic';

/** The `--register` argument of a bench (adversarial when absent). */
export function registerKindArg(argv: readonly string[] = process.argv): RegisterKind {
  const i = argv.indexOf('--register');
  const kind = i > 0 ? argv[i + 1] : 'adversarial';
  if (kind !== 'adversarial' && kind !== 'realistic')
    throw new Error(`--register ${kind}: adversarial or realistic`);
  return kind;
}

/**
 * Ordinary trade and industry words of company names (a fixed list, written for the realistic
 * register; none is a legal form).
 */
const TRADE_WORDS = [
  'Precision',
  'Logistics',
  'Maschinenbau',
  'Trading',
  'Engineering',
  'Systems',
  'Solutions',
  'Components',
  'Electronics',
  'Automotive',
  'Plastics',
  'Metallbau',
  'Werkzeugbau',
  'Foods',
  'Packaging',
  'Textiles',
  'Consulting',
  'Software',
  'Instruments',
  'Hydraulics',
  'Pumps',
  'Valves',
  'Bearings',
  'Fasteners',
  'Optics',
  'Coatings',
  'Chemicals',
  'Pharma',
  'Medical',
  'Dental',
  'Furniture',
  'Timber',
  'Steelworks',
  'Castings',
  'Forgings',
  'Tooling',
  'Robotics',
  'Sensors',
  'Cables',
  'Wire',
  'Lighting',
  'Energy',
  'Solar',
  'Water',
  'Filtration',
  'Freight',
  'Shipping',
  'Transport',
  'Spedition',
  'Handel',
  'Elektrotechnik',
  'Kunststofftechnik',
  'Antriebe',
  'Industries',
  'Manufacturing',
  'Supplies',
  'Distribution',
  'Imports',
  'Exports',
  'Holdings',
  'Partners',
  'Brothers',
  'Sons',
  'Design',
  'Print',
  'Media',
  'Labs',
  'Analytics',
  'Aerospace',
  'Marine',
  'Agri',
  'Seeds',
  'Dairy',
  'Bakery',
  'Wines',
  'Garden',
  'Building',
  'Construction',
  'Roofing',
  'Glass',
  'Ceramics',
  'Paper',
  'Rubber',
  'Springs',
  'Gears',
  'Motors',
  'Controls',
  'Automation',
  'Technik',
  'Service',
  'Services',
  'Repair',
  'Rental',
  'Security',
  'Cleaning',
];
/** Legal forms of the realistic register's companies. */
const REALISTIC_FORMS = [
  'GmbH',
  'GmbH & Co. KG',
  'KG',
  'AG',
  'Ltd',
  'Limited',
  'LLC',
  'Inc.',
  'S.A.',
  'S.r.l.',
  'SAS',
  'B.V.',
  'Sp. z o.o.',
  's.r.o.',
  'AB',
  'Oy',
  'ApS',
  'Pty Ltd',
  'K.K.',
  'e.K.',
];

/**
 * `n` counterparties (100,000 in the benches): persons recombined from the invented names of `eval/negatives_*`,
 * companies from words of listed organisation names with a legal form (`adversarial`) or from
 * surnames, given names and trade words (`realistic`), and 1 % listed names respelled (so that
 * the register has hits, as real ones do). Both kinds draw the same persons and the same listed
 * names for the same counterparties: only the other companies' names differ.
 */
export function syntheticRegister(
  parties: Party[],
  n: number,
  kind: RegisterKind = 'adversarial',
): RegisterEntry[] {
  const rand = rng(17);
  // The realistic companies' words come from a stream of their own, so that the main stream (and
  // with it every person and listed name) is the adversarial register's.
  const rand2 = rng(29);
  const pick2 = <T>(xs: T[]) => xs[Math.floor(rand2() * xs.length)]!;
  const realisticCompany = (): string => {
    const r = rand2();
    if (r < 0.35) return `${pick2(lasts)} ${pick2(TRADE_WORDS)} ${pick2(REALISTIC_FORMS)}`;
    if (r < 0.55) return `${pick2(lasts)} & ${pick2(lasts)} ${pick2(REALISTIC_FORMS)}`;
    if (r < 0.75) return `${pick2(TRADE_WORDS)} ${pick2(TRADE_WORDS)} ${pick2(REALISTIC_FORMS)}`;
    if (r < 0.9) return `${pick2(firsts)} ${pick2(lasts)} ${pick2(TRADE_WORDS)} ${pick2(REALISTIC_FORMS)}`;
    return `${pick2(lasts)} ${pick2(REALISTIC_FORMS)}`;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const people = ['negatives_us_1k.csv', 'negatives_global_1k.csv'].flatMap(
    (f) =>
      parse(readFileSync(path.join(MIRROR, 'eval', f), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[],
  );
  const firsts = people.map((p) => p.first_name!).filter(Boolean);
  const lasts = people.map((p) => p.last_name!).filter(Boolean);
  const orgWords = parties
    .filter((p) => p.schema === 'organization')
    .flatMap((p) => (p.names[0]?.full ?? '').split(/\s+/))
    .filter((w) => /^[A-Za-z]{4,}$/.test(w));
  const forms = ['GmbH', 'Ltd', 'LLC', 'S.A.', 'Trading Co.', 'AG', 'Pte Ltd', 'Sp. z o.o.', 'Inc.'];
  const countries = ['DE', 'FR', 'GB', 'US', 'JP', 'CN', 'TR', 'AE', 'IN', 'BR', 'PL', 'IT', 'RU', 'SG'];
  const listed = parties.filter((p) => p.names[0]?.full);
  const out: RegisterEntry[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    let c: Counterparty;
    if (r < 0.01) {
      const p = pick(listed);
      const name = p.names[0]!.full.replace(/,/g, '')
        .replace(/\bLIMITED\b/i, 'Ltd')
        .toLowerCase();
      c = {
        id: `C${i}`,
        type: p.schema === 'unknown' ? 'organization' : p.schema,
        names: [name],
        countries: [],
        addresses: [],
        identifiers: [],
        owners: [],
      };
    } else if (r < 0.5) {
      c = {
        id: `C${i}`,
        type: 'person',
        names: [`${pick(firsts)} ${pick(lasts)}`],
        countries: [pick(countries)],
        addresses: [],
        identifiers: [],
        owners: [],
      };
    } else {
      const names = [`${pick(orgWords)} ${pick(orgWords)} ${pick(forms)}`];
      if (rand() < 0.2) names.push(`${pick(orgWords)} ${pick(forms)}`);
      if (kind === 'realistic') names.splice(0, names.length, ...names.map(() => realisticCompany()));
      c = {
        id: `C${i}`,
        type: 'organization',
        names,
        countries: [pick(countries)],
        addresses: [],
        identifiers: [],
        owners: [],
      };
    }
    out.push({ ...c, orgId: 'bench', version: 1, updatedAt: '2026-12-03T00:00:00Z', changeSeq: i + 1 });
  }
  return out;
}

/** The benches' weekly update of `parties` (seeded): 200 appear, 50 change, 50 disappear. */
export function weeklyUpdate(parties: Party[]): { added: Party[]; changed: Party[]; removed: Party[] } {
  const rand = rng(5);
  const shuffled = [...parties].sort(() => rand() - 0.5);
  return {
    added: shuffled.slice(0, 200),
    changed: shuffled.slice(200, 250),
    removed: shuffled.slice(250, 300),
  };
}

/**
 * The benches' list update, patched into `index` as the screening service does: `removed`
 * taken out, `added` put in, and each of `changed` given one more strong name.
 */
export function applyUpdate(
  index: ScreeningIndex,
  update: { added: Party[]; changed: Party[]; removed: Party[] },
): void {
  for (const p of update.removed) index.remove(`${p.source}:${p.sourceId}`);
  for (const p of update.added) index.add(p);
  for (const p of update.changed)
    index.add({
      ...p,
      names: [...p.names, { full: `${p.names[0]?.full ?? 'x'} Trading`, quality: 'strong' }],
    });
  index.prepare();
}
