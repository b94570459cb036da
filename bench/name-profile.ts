/**
 * The shape of the real lists' names, measured from the parsed mirror, for the
 * synthetic parties of `bench/scale-1m.ts`: the share of each schema, the
 * number of names per party, the script and quality of primary names and of
 * aliases, the number of words per name, how many organisation names carry a
 * legal form, how many parties have identifiers and birth dates, and the word
 * pools (per script, persons apart from organisations) the generator draws from.
 */
import type { NameQuality, NameReference, Party, PartySchema } from '@entente/core';

/** Scripts the profile tells apart (CJK: Han, kana and Hangul). */
export type ScriptGroup = 'Latin' | 'Cyrillic' | 'Arabic' | 'CJK' | 'other';

export const SCRIPT_GROUPS: ScriptGroup[] = ['Latin', 'Cyrillic', 'Arabic', 'CJK', 'other'];

/** Kinds of name the generator makes: persons apart from everything else (organisations, vessels, aircraft). */
export type NameKind = 'person' | 'entity';

/** A discrete distribution as value → count (sampled by `pick` in synthetic-parties.ts). */
export type Counts<T extends string | number> = Map<T, number>;

/** What the generator reproduces of the real lists. */
export interface NameProfile {
  parties: number;
  names: number;
  schemas: Counts<PartySchema>;
  /** Names per party (1 = no alias), per kind. */
  namesPerParty: Record<NameKind, Counts<number>>;
  primaryScript: Record<NameKind, Counts<ScriptGroup>>;
  aliasScript: Record<NameKind, Counts<ScriptGroup>>;
  aliasQuality: Counts<NameQuality>;
  /** Words per name, per kind and script. */
  words: Record<NameKind, Record<ScriptGroup, Counts<number>>>;
  /** Distinct words seen per kind and script, in first-seen order (deterministic for one mirror). */
  pools: Record<NameKind, Record<ScriptGroup, string[]>>;
  /** Share of entity names whose normalised form has a legal form (`LLC`, `OOO`…). */
  legalFormShare: number;
  /** Share of parties with at least one identifier, and of persons with a birth date. */
  identifierShare: number;
  birthDateShare: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;

/** The script most letters of a name are written in. */
export function scriptOf(text: string): ScriptGroup {
  const n: Record<ScriptGroup, number> = { Latin: 0, Cyrillic: 0, Arabic: 0, CJK: 0, other: 0 };
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    if (LATIN.test(ch)) n.Latin++;
    else if (CYRILLIC.test(ch)) n.Cyrillic++;
    else if (ARABIC.test(ch)) n.Arabic++;
    else if (CJK.test(ch)) n.CJK++;
    else n.other++;
  }
  return SCRIPT_GROUPS.reduce((best, s) => (n[s] > n[best] ? s : best), 'Latin' as ScriptGroup);
}

const add = <T extends string | number>(c: Counts<T>, k: T): void => {
  c.set(k, (c.get(k) ?? 0) + 1);
};
const perScript = <T>(make: () => T): Record<ScriptGroup, T> =>
  Object.fromEntries(SCRIPT_GROUPS.map((s) => [s, make()])) as Record<ScriptGroup, T>;
const perKind = <T>(make: () => T): Record<NameKind, T> => ({ person: make(), entity: make() });

/** The words of a name as published, split on spaces and punctuation (CJK names without spaces stay one word). */
export function wordsOf(text: string): string[] {
  return text.split(/[\s,;()/"]+/u).filter((w) => /\p{L}/u.test(w));
}

/** Measures the profile of parsed parties; `hasLegalForm` says whether an entity name carries a legal form. */
export function measureNameProfile(parties: Party[], hasLegalForm: (name: string) => boolean): NameProfile {
  const p: NameProfile = {
    parties: parties.length,
    names: 0,
    schemas: new Map(),
    namesPerParty: perKind(() => new Map()),
    primaryScript: perKind(() => new Map()),
    aliasScript: perKind(() => new Map()),
    aliasQuality: new Map(),
    words: perKind(() => perScript(() => new Map())),
    pools: perKind(() => perScript(() => [])),
    legalFormShare: 0,
    identifierShare: 0,
    birthDateShare: 0,
  };
  const seen = perKind(() => perScript(() => new Set<string>()));
  let entityNames = 0;
  let withLegalForm = 0;
  let withIds = 0;
  let persons = 0;
  let withBirth = 0;
  for (const party of parties) {
    const names = party.names.filter((n) => n.full);
    if (names.length === 0) continue;
    const kind: NameKind = party.schema === 'person' ? 'person' : 'entity';
    add(p.schemas, party.schema);
    add(p.namesPerParty[kind], Math.min(names.length, 30));
    if (party.identifiers.length > 0) withIds++;
    if (kind === 'person') {
      persons++;
      if (party.birthDates.length > 0) withBirth++;
    }
    names.forEach((name, i) => {
      p.names++;
      const script = scriptOf(name.full);
      add(i === 0 ? p.primaryScript[kind] : p.aliasScript[kind], script);
      if (i > 0) add(p.aliasQuality, name.quality);
      const words = wordsOf(name.full);
      add(p.words[kind][script], Math.max(1, Math.min(words.length, 12)));
      for (const w of words) {
        const lower = w.toLowerCase();
        if (seen[kind][script].has(lower)) continue;
        seen[kind][script].add(lower);
        p.pools[kind][script].push(w);
      }
      if (kind === 'entity') {
        entityNames++;
        if (hasLegalForm(name.full)) withLegalForm++;
      }
    });
  }
  p.legalFormShare = withLegalForm / Math.max(1, entityNames);
  p.identifierShare = withIds / Math.max(1, p.parties);
  p.birthDateShare = withBirth / Math.max(1, persons);
  return p;
}

/** Legal-form spellings of the name reference (`LLC`, `OOO`, `Limited Liability Company`…), for entity names. */
export function legalFormsOf(reference: NameReference): string[] {
  return reference.orgTypes.flatMap((t) => t.aliases).filter((a) => a.length > 1);
}

const pct = (n: number, total: number): string => `${((100 * n) / Math.max(1, total)).toFixed(1)} %`;

/** One line per distribution, for the benchmark's output and docs/benchmarks.md. */
export function describeNameProfile(p: NameProfile): string[] {
  const share = <T extends string | number>(c: Counts<T>): string => {
    const total = [...c.values()].reduce((a, b) => a + b, 0);
    return [...c.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, n]) => `${k} ${pct(n, total)}`)
      .join(', ');
  };
  const mean = (c: Counts<number>): string => {
    let n = 0;
    let s = 0;
    for (const [k, v] of c) {
      n += v;
      s += k * v;
    }
    return (s / Math.max(1, n)).toFixed(2);
  };
  return [
    `parties ${p.parties}, names ${p.names} (${(p.names / p.parties).toFixed(2)} per party)`,
    `schemas: ${share(p.schemas)}`,
    ...(['person', 'entity'] as const).flatMap((k) => [
      `${k}: names per party mean ${mean(p.namesPerParty[k])} (${share(p.namesPerParty[k])})`,
      `${k}: primary-name scripts ${share(p.primaryScript[k])}`,
      `${k}: alias scripts ${share(p.aliasScript[k])}`,
      `${k}: word pools ${SCRIPT_GROUPS.map((s) => `${s} ${p.pools[k][s].length}`).join(', ')}`,
    ]),
    `alias quality: ${share(p.aliasQuality)}`,
    `entity names with a legal form ${pct(p.legalFormShare, 1)}, parties with an identifier ${pct(p.identifierShare, 1)}, persons with a birth date ${pct(p.birthDateShare, 1)}`,
  ];
}
