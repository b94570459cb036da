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
 * `n` counterparties (100,000 in the benches): persons recombined from the invented names of `eval/negatives_*`,
 * companies from words of listed organisation names with a legal form, and 1 % listed
 * names respelled (so that the register has hits, as real ones do).
 */
export function syntheticRegister(parties: Party[], n: number): RegisterEntry[] {
  const rand = rng(17);
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
