/**
 * Set (d), person classes: 1 extra name parts, 2 particles and surname
 * first, 3 initials, 6 romanisation variants, 8 common names with
 * contradicting birth date and nationality. Each class has should-match and
 * should-not-match rules; every rule works on words, never on a named person.
 */
import type { Party } from '@entente/core';
import { classCase, arabicOrigin, latinNames, sample, type ListedName } from './class-case.ts';
import { foldWords } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import type { ListContext } from './list-context.ts';
import type { NameTables } from './name-tables.ts';
import { birthYears } from './set-un-spellings.ts';
import {
  contradictingInitial,
  hyphenateParticle,
  initialMiddleNames,
  insertMiddleName,
  insertPatronymic,
  joinParticle,
  PARTICLES,
  splitParticle,
  surnameFirst,
  withTitle,
  words,
} from './transform-names.ts';
import { otherGivenName, romanisationVariant } from './transform-spelling.ts';

/** Honorifics the title table does not hold but listed names carry. */
const HONORIFICS = [
  'haji',
  'hajji',
  'mullah',
  'mawlawi',
  'maulawi',
  'maulavi',
  'mufti',
  'qari',
  'sheikh',
  'shaykh',
  'major',
  'lieutenant',
  'captain',
];
const PATRONYMIC = /(vich|vitch|vych|vna|ovna|evna|ichna|ogly|oglu|kyzy)$/i;
const SLAVIC = new Set(['RU', 'BY', 'UA', 'KZ', 'RS', 'BG', 'MD', 'KG', 'TJ', 'UZ', 'AM', 'AZ', 'GE']);
const slavic = (p: Party): boolean =>
  p.names.some((n) => /\p{Script=Cyrillic}/u.test(n.full)) || p.countries.some((c) => SLAVIC.has(c.code));
const pick = <T>(pool: T[], seed: number): T => pool[(seed * 7919) % pool.length]!;
const name = (from: ListedName, text: string | undefined) =>
  text ? { name: text, schema: 'person' as const } : undefined;

/** Builds the person classes 1, 2, 3, 6 and 8 of set (d). */
export function personClassCases(ctx: ListContext, tables: NameTables): HeldoutCase[] {
  const persons = latinNames(ctx, 'person', 2, 4);
  const honorifics = new Set([...tables.titles.map((t) => t.toLowerCase()), ...HONORIFICS]);
  // Names in given-name-first order without titles: where "first word" and "middle words" mean what the rules assume.
  const plain = persons.filter(
    (f) => !f.name.includes(',') && !foldWords(f.name).some((w) => honorifics.has(w)),
  );
  const three = plain.filter((f) => words(f.name).length >= 3);
  const arabic = plain.filter((f) => arabicOrigin(f.party));
  const firstWords = (pool: ListedName[]): string[] =>
    [...new Set(pool.map((f) => words(f.name)[0]!).filter((w) => /^[A-Z][a-z]{2,}$/.test(w)))].sort();
  const slavicGiven = firstWords(persons.filter((f) => slavic(f.party)));
  const arabicGiven = firstWords(arabic);
  const surnames = [
    ...new Set(persons.map((f) => words(f.name).at(-1)!).filter((w) => /^[A-Z][a-z]{3,}$/.test(w))),
  ].sort();
  const out: HeldoutCase[] = [];
  const rule = (
    cls: number,
    id: string,
    pool: ListedName[],
    expect: 'match' | 'no-match',
    make: (f: ListedName, seed: number) => string | undefined,
  ): void => {
    out.push(
      ...sample(pool, `${cls}:${id}`, (f, seed) => {
        const q = name(f, make(f, seed));
        return q && classCase(ctx, f, q, cls, id, expect);
      }),
    );
  };
  // Class 1: the whole listed name plus a given name, patronymic, "bin <father>" or title.
  rule(1, 'middle-name', plain, 'match', (f, s) => insertMiddleName(f.name, pick(tables.givenNames, s)));
  rule(
    1,
    'patronymic',
    plain.filter((f) => slavic(f.party) && !f.name.split(/\s+/).some((w) => PATRONYMIC.test(w))),
    'match',
    (f, s) => insertPatronymic(f.name, pick(slavicGiven, s)),
  );
  rule(1, 'bin-father', arabic, 'match', (f, s) => insertMiddleName(f.name, `bin ${pick(arabicGiven, s)}`));
  rule(1, 'title', plain, 'match', (f, s) => withTitle(f.name, pick(tables.titles, s)));
  // …and its counterpart: the listed given name with an extra name and another listed surname.
  rule(1, 'other-surname', plain, 'no-match', (f, s) => {
    const w = words(f.name);
    const other = pick(surnames, s);
    if (other[0]!.toLowerCase() === w.at(-1)![0]!.toLowerCase()) return undefined;
    return [w[0], pick(tables.givenNames, s + 1), other].join(' ');
  });
  // Class 2: particles joined, hyphenated, split; surname first with a comma.
  const withParticle = persons.filter((f) => foldWords(f.name).some((w) => PARTICLES.includes(w)));
  rule(2, 'join-particle', withParticle, 'match', (f) => joinParticle(f.name));
  rule(2, 'hyphen-particle', withParticle, 'match', (f) => hyphenateParticle(f.name));
  rule(2, 'split-particle', arabic, 'match', (f) => splitParticle(f.name));
  rule(
    2,
    'surname-first',
    plain.filter((f) => !arabicOrigin(f.party)),
    'match',
    (f) => surnameFirst(f.name),
  );
  // …and a different word after the same particle ("Abdul Rahman X" → "Abdul Karim X").
  const afterParticle = new Map<string, string[]>();
  for (const f of withParticle) {
    const w = words(f.name);
    w.forEach((x, i) => {
      if (i < w.length - 1 && PARTICLES.includes(x.toLowerCase()) && /^[A-Z][a-z]{3,}$/.test(w[i + 1]!))
        afterParticle.set(x.toLowerCase(), [...(afterParticle.get(x.toLowerCase()) ?? []), w[i + 1]!]);
    });
  }
  rule(2, 'other-after-particle', withParticle, 'no-match', (f, s) => {
    const w = words(f.name);
    const i = w.findIndex((x, k) => k < w.length - 1 && afterParticle.has(x.toLowerCase()));
    if (i < 0) return undefined;
    const pool = [...new Set(afterParticle.get(w[i]!.toLowerCase()))].sort();
    const other = pick(pool, s);
    if (other[0]!.toLowerCase() === w[i + 1]![0]!.toLowerCase()) return undefined;
    return [...w.slice(0, i + 1), other, ...w.slice(i + 2)].join(' ');
  });
  // Class 3: agreeing initials of middle names; a contradicting initial for the first name.
  rule(3, 'initial-agrees', three, 'match', (f) => initialMiddleNames(f.name));
  rule(3, 'initial-contradicts', plain, 'no-match', (f) => contradictingInitial(f.name));
  // Class 6: romanisation variants of Arabic/Persian names; another given name.
  rule(6, 'romanisation', arabic, 'match', (f, s) => romanisationVariant(f.name, s)?.name);
  rule(6, 'other-given-name', arabic, 'no-match', (f, s) => otherGivenName(f.name, arabicGiven, s));
  out.push(...commonNameCases(ctx, persons));
  return out;
}

const shiftDate = (date: string, years: number): string =>
  `${Number(date.slice(0, 4)) + years}${date.length >= 10 ? date.slice(4, 10) : '-06-15'}`;
const OTHER_COUNTRIES = ['BR', 'NO', 'NZ', 'CL', 'IS', 'PT', 'FI', 'UY'];

/**
 * Class 8: names whose every word is common among listed persons (≥ 20 names
 * hold it). Should match: the name with the listed birth date and country.
 * Should not match: the name with a birth date 20 years off every date of every
 * party that lists it, and a country none of them has.
 */
function commonNameCases(ctx: ListContext, persons: ListedName[]): HeldoutCase[] {
  const freq = new Map<string, number>();
  for (const f of persons) for (const w of new Set(foldWords(f.name))) freq.set(w, (freq.get(w) ?? 0) + 1);
  const common = persons.filter(
    (f) => f.party.birthDates.length > 0 && foldWords(f.name).every((w) => (freq.get(w) ?? 0) >= 20),
  );
  const match = sample(common, '8:same-details', (f) => {
    const date = f.party.birthDates[0]!.value;
    const country = f.party.countries[0]?.code;
    return classCase(
      ctx,
      f,
      { name: f.name, schema: 'person', birthDate: date, ...(country ? { country } : {}) },
      8,
      'same-details',
      'match',
      { detailsOnly: true },
    );
  });
  const noMatch = sample(common, '8:contradicting-details', (f, s) => {
    const c = classCase(ctx, f, { name: f.name, schema: 'person' }, 8, 'contradicting-details', 'no-match', {
      detailsOnly: true,
    });
    if (!c) return undefined;
    const holders = c.truth.map((id) => ctx.byId.get(id)!).filter(Boolean);
    const years = holders.map(birthYears);
    if (years.some((y) => y.size === 0)) return undefined;
    const date = shiftDate(f.party.birthDates[0]!.value, s % 2 ? 20 : -20);
    const y = Number(date.slice(0, 4));
    if (years.some((set) => [...set].some((x) => Math.abs(x - y) < 10))) return undefined;
    const used = new Set(holders.flatMap((p) => p.countries.map((k) => k.code)));
    const country =
      OTHER_COUNTRIES.find((k, i) => !used.has(k) && i >= s % 4) ?? OTHER_COUNTRIES.find((k) => !used.has(k));
    if (!country) return undefined;
    return { ...c, query: { ...c.query, birthDate: date, country } };
  });
  return [...match, ...noMatch];
}
