/**
 * Deterministic synthetic restricted parties shaped like the real lists (see
 * name-profile.ts): schema, names per party, scripts of primary names and
 * aliases, words per name and word frequencies are drawn from what the mirror
 * shows; legal forms come from the name reference's `orgTypes`. Aliases are
 * spelling variants or reorderings of the primary name, a Cyrillic rendering
 * of it, or names of their own in the alias's script. A share of words is
 * respelt (one seeded edit) so that the vocabulary grows with the size, as a
 * larger list's would, instead of staying the mirror's.
 */
import { buildParty, type NameQuality, type Party, type PartyName, type PartySchema } from '@entente/core';
import {
  SCRIPT_GROUPS,
  wordsOf,
  type Counts,
  type NameKind,
  type NameProfile,
  type ScriptGroup,
} from './name-profile.ts';

/** Share of drawn words respelt by one edit (grows the vocabulary about like Heaps' law with β ≈ 0.6 at 1M parties). */
export const RESPELL_SHARE = 0.07;

/** A seeded generator of floats in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples a value of a counted distribution. */
class Sampler<T extends string | number> {
  private readonly values: T[] = [];
  private readonly cumulative: number[] = [];
  constructor(counts: Counts<T>) {
    let total = 0;
    for (const [value, n] of [...counts.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])))) {
      total += n;
      this.values.push(value);
      this.cumulative.push(total);
    }
  }
  get empty(): boolean {
    return this.values.length === 0;
  }
  pick(random: () => number): T {
    const x = random() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

const VOWELS = 'aeiou';
const CONSONANTS = 'bcdfghklmnprstvz';

/** One seeded edit of a word (substitution, deletion, doubling or transposition), keeping its script. */
export function respell(word: string, random: () => number): string {
  const chars = [...word];
  if (chars.length < 4) return word;
  const at = 1 + Math.floor(random() * (chars.length - 2));
  const op = Math.floor(random() * 4);
  const c = chars[at]!;
  if (op === 0 && /[a-z]/.test(c)) {
    const set = VOWELS.includes(c) ? VOWELS : CONSONANTS;
    chars[at] = set[Math.floor(random() * set.length)]!;
  } else if (op === 1) chars.splice(at, 1);
  else if (op === 2) chars.splice(at, 0, c);
  else [chars[at], chars[at + 1]] = [chars[at + 1] ?? c, c];
  return chars.join('');
}

const TO_CYRILLIC: [string, string][] = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'ё'],
  ...[...'abvgdezijklmnoprstufhcwxqy'].map((ch, i): [string, string] => [
    ch,
    'абвгдезиджклмнопрстуфхквкскы'[i]!,
  ]),
];

/** A rough Latin → Cyrillic rendering, like the Russian spellings EU and UK lists give beside the Latin. */
export function cyrillicOf(name: string): string {
  return name
    .split(' ')
    .map((word) => {
      let out = '';
      const lower = word.toLowerCase();
      for (let i = 0; i < lower.length;) {
        const hit = TO_CYRILLIC.find(([lat]) => lower.startsWith(lat, i));
        out += hit ? hit[1] : lower[i]!;
        i += hit ? hit[0].length : 1;
      }
      return out.charAt(0).toUpperCase() + out.slice(1);
    })
    .join(' ');
}

/** Generates parties shaped like the profile; the same seed gives the same parties. */
export class SyntheticParties {
  private readonly schemas: Sampler<PartySchema>;
  private readonly namesPerParty: Record<NameKind, Sampler<number>>;
  private readonly primaryScript: Record<NameKind, Sampler<ScriptGroup>>;
  private readonly aliasScript: Record<NameKind, Sampler<ScriptGroup>>;
  private readonly quality: Sampler<NameQuality>;
  private readonly words: Record<NameKind, Record<ScriptGroup, Sampler<number>>>;
  /** Word occurrences per kind and script (repeats kept: frequent words stay frequent). */
  private readonly occurrences: Record<NameKind, Record<ScriptGroup, string[]>>;

  constructor(
    private readonly profile: NameProfile,
    occurrences: Record<NameKind, Record<ScriptGroup, string[]>>,
    private readonly legalForms: string[],
  ) {
    const kinds = (f: (k: NameKind) => unknown) => ({ person: f('person'), entity: f('entity') });
    this.schemas = new Sampler(profile.schemas);
    this.namesPerParty = kinds((k) => new Sampler(profile.namesPerParty[k])) as Record<
      NameKind,
      Sampler<number>
    >;
    this.primaryScript = kinds((k) => new Sampler(profile.primaryScript[k])) as Record<
      NameKind,
      Sampler<ScriptGroup>
    >;
    this.aliasScript = kinds((k) => new Sampler(profile.aliasScript[k])) as Record<
      NameKind,
      Sampler<ScriptGroup>
    >;
    this.quality = new Sampler(profile.aliasQuality);
    this.words = kinds((k) =>
      Object.fromEntries(SCRIPT_GROUPS.map((s) => [s, new Sampler(profile.words[k][s])])),
    ) as Record<NameKind, Record<ScriptGroup, Sampler<number>>>;
    this.occurrences = occurrences;
  }

  /** `count` parties of source `synthetic`, from the seed. */
  generate(count: number, seed: number): Party[] {
    return [...this.stream(count, seed)];
  }

  /** The parties `generate` gives, one at a time (a large index is built without holding them all). */
  *stream(count: number, seed: number): Generator<Party> {
    const random = seededRandom(seed);
    for (let i = 0; i < count; i++) yield this.party(i, random);
  }

  private party(i: number, random: () => number): Party {
    const schema = this.schemas.pick(random);
    const kind: NameKind = schema === 'person' ? 'person' : 'entity';
    const primaryScript = this.primaryScript[kind].pick(random);
    const primary = this.freshName(kind, primaryScript, random);
    const names: PartyName[] = [{ full: primary, quality: 'primary' }];
    const count = this.namesPerParty[kind].pick(random);
    for (let a = 1; a < count; a++) {
      const script = this.aliasScript[kind].pick(random);
      let full: string;
      if (script === primaryScript && random() < 0.8) full = this.variantOf(primary, random);
      else if (script === 'Cyrillic' && primaryScript === 'Latin' && random() < 0.7)
        full = cyrillicOf(primary);
      else full = this.freshName(kind, script, random);
      names.push({ full, quality: this.quality.pick(random) });
    }
    const party = buildParty({ source: 'synthetic', sourceId: String(i + 1), schema, names });
    if (random() < this.profile.identifierShare)
      party.identifiers.push({
        type: kind === 'person' ? 'passport' : 'registration',
        value: Math.floor(random() * 1e10)
          .toString(36)
          .toUpperCase(),
      });
    if (kind === 'person' && random() < this.profile.birthDateShare)
      party.birthDates.push({ value: String(1940 + Math.floor(random() * 60)), precision: 'year' });
    return party;
  }

  private freshName(kind: NameKind, script: ScriptGroup, random: () => number): string {
    const pool = this.occurrences[kind][script].length > 0 ? script : 'Latin';
    const words = this.occurrences[kind][pool];
    const sampler = this.words[kind][pool];
    const n = sampler.empty ? 2 : sampler.pick(random);
    const out: string[] = [];
    for (let w = 0; w < n; w++) {
      const word = words[Math.floor(random() * words.length)]!;
      out.push(random() < RESPELL_SHARE ? respell(word, random) : word);
    }
    if (kind === 'entity' && pool === 'Latin' && random() < this.profile.legalFormShare)
      out.push(this.legalForms[Math.floor(random() * this.legalForms.length)]!);
    return out.join(' ');
  }

  /** An alias in the primary name's script: respelt, reordered or shortened. */
  private variantOf(name: string, random: () => number): string {
    const words = wordsOf(name);
    if (words.length === 0) return name;
    const r = random();
    if (r < 0.45) {
      const at = Math.floor(random() * words.length);
      words[at] = respell(words[at]!, random);
    } else if (r < 0.75 && words.length > 1) words.unshift(words.pop()!);
    else if (words.length > 2) words.splice(1 + Math.floor(random() * (words.length - 2)), 1);
    else words[0] = respell(words[0]!, random);
    return words.join(' ');
  }
}

/** Word occurrences of the mirror's names per kind and script (the generator's word frequencies). */
export function wordOccurrences(
  parties: Party[],
  scriptOf: (t: string) => ScriptGroup,
): Record<NameKind, Record<ScriptGroup, string[]>> {
  const make = () =>
    Object.fromEntries(SCRIPT_GROUPS.map((s) => [s, [] as string[]])) as Record<ScriptGroup, string[]>;
  const out: Record<NameKind, Record<ScriptGroup, string[]>> = { person: make(), entity: make() };
  for (const party of parties) {
    const kind: NameKind = party.schema === 'person' ? 'person' : 'entity';
    for (const name of party.names) if (name.full) out[kind][scriptOf(name.full)].push(...wordsOf(name.full));
  }
  return out;
}
