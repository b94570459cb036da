/**
 * Set (a): spellings of UN-listed subjects that other authorities publish and
 * the UN list itself does not carry, screened against the UN list alone.
 *
 * A party of another list is tied to a UN entry when it carries the UN
 * reference (AU, UK; in any letter case), or otherwise (EU, OFAC SDN, CSL, CA,
 * JP, CH: set-a-sources.ts) when exactly one UN
 * entry of the same schema shares one of its spellings (fold key) and, for a
 * person, a birth year; for an organisation, when the shared spelling is the
 * primary name of either side or two spellings are shared. Each of the tied
 * party's spellings whose fold key no UN name has becomes a case, once per UN
 * reference. A spelling is first cleaned of what publishers add around a name
 * (a bracketed remark such as "(Call sign)", an "original script:" label).
 *
 * Only spellings count, not other aliases: a Latin spelling must share a word
 * (consonant skeleton, `relatedWords`) other than a particle with some UN name
 * of the subject, a spelling in another script a word with a UN name in that
 * script. A different alias ("Army of the Pure" for a group the UN lists under
 * its Urdu name) cannot be tied to the subject by any name matcher. Left out
 * too: spellings another UN entry carries (ambiguous by name), one-word
 * spellings of four letters or fewer (bare acronyms), and cells holding a
 * comma-separated list of several names (transcription artefacts).
 *
 * Three spelling tests (docs/decisions/2026-12-04-set-a-distinctive-words.md,
 * docs/decisions/2026-12-05-set-a-one-name.md): v1 (`relatedWords`) counts
 * every word; v2 (`relatedDistinctiveWords`) also asks that most of the
 * *distinctive* words share a skeleton with a UN name's distinctive words —
 * generic organisation words, connectors and legal forms name no one (the
 * set's own lists, frozen at b67b935's engine: set-a-words.ts); v3
 * (`relatedDistinctiveWordsV3`) asks that of one UN name, not of all the
 * subject's names pooled. Every case passes v1; `spellingV2` and
 * `spellingV3` say whether it passes v2 and v3 (v3 ⊆ v2).
 */
import { namePartsOf, partyEntityId, type Party } from '@entente/core';
import { foldKey, foldWords, scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import type { ListContext } from './list-context.ts';
import { SET_A_NOT_DISTINCTIVE as NOT_DISTINCTIVE, SET_A_PARTICLES } from './set-a-words.ts';
import { splitOf } from './split.ts';

/** Every birth year a party's dates cover. */
export function birthYears(party: Party): Set<number> {
  const years = new Set<number>();
  for (const d of party.birthDates) {
    const from = Number(d.value.slice(0, 4));
    const to = d.to ? Number(d.to.slice(0, 4)) : from;
    for (let y = from; y <= to && y - from < 30; y++) if (y > 0) years.add(y);
  }
  return years;
}

const overlaps = (a: Set<number>, b: Set<number>): boolean => [...a].some((y) => b.has(y));

/** A published name without the remarks publishers put around it. */
export function cleanSpelling(name: string): string {
  return name
    .replace(/^\s*original script:\s*/i, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PARTICLES: ReadonlySet<string> = new Set(SET_A_PARTICLES);

/** A word's consonant skeleton: folded, vowels and h/w/y dropped, q/c/k alike, doubled letters single. */
export function skeleton(word: string): string {
  return word
    .replace(/[aeiouhwy]/g, '')
    .replace(/[qc]/g, 'k')
    .replace(/(.)\1+/g, '$1');
}

const wordKeys = (w: string): string[] => {
  const s = skeleton(w);
  return s.length >= 2 && /^\p{Script=Latin}+$/u.test(w) ? [w, `~${s}`] : [w];
};

/**
 * True when `spelling` is a spelling of `name`: at least half of its words
 * (other than particles and words under three letters) equal a word of
 * `name` or share its consonant skeleton of two letters or more.
 */
export function relatedWords(name: string, spelling: string): boolean {
  const known = new Set(foldWords(name).flatMap(wordKeys));
  const own = foldWords(spelling).filter((w) => !PARTICLES.has(w) && w.length >= 3);
  const shared = own.filter((w) => wordKeys(w).some((k) => known.has(k))).length;
  return own.length > 0 && shared * 2 >= own.length;
}

/** Apostrophes and ayn/hamza signs inside a word ("Mas'ud"): the word is one word. */
const APOSTROPHES = /['’‘ʻʼʿʾ`]/g;

/** Numbers and ordinals written as words: they tell a series, not the subject (digits likewise). */
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** The distinctive words of a name: three letters or more, no digit, not in `NOT_DISTINCTIVE` or a number word. */
export function distinctiveWords(name: string): string[] {
  return foldWords(name.replace(APOSTROPHES, '')).filter(
    (w) =>
      w.length >= 3 &&
      !/\d/.test(w) &&
      !NOT_DISTINCTIVE.has(w) &&
      !NUMBER_WORDS.includes(w) &&
      !ORDINAL_WORDS.includes(w),
  );
}

/** True when two skeletons differ by at most one inserted, deleted or changed letter. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/**
 * True when two Latin words spell one word by their consonant skeletons:
 * equal, one a prefix of the other ("combat" / "combatant", "korea" /
 * "korean", "sifawi" / "safavi") when the shorter skeleton has three letters
 * or more or its word five, or one letter apart in four or more ("metalogy" /
 * "metallurgy").
 */
export function closeWords(a: string, b: string): boolean {
  const [ka, kb] = [skeleton(a), skeleton(b)];
  if (ka === kb) return ka.length > 0 || a === b;
  if (ka.length < 2 || kb.length < 2) return false;
  const [short, long, word] = ka.length <= kb.length ? [ka, kb, a] : [kb, ka, b];
  if ((short.length >= 3 || word.length >= 5) && long.startsWith(short)) return true;
  return short.length >= 4 && withinOneEdit(short, long);
}

/**
 * `closeWords` for test v3: a skeleton of one consonant says almost nothing
 * ("wilayah", "hawala" and "al" are all "l"; "habib" and "abu" are both "b"),
 * so two words whose skeleton is one consonant spell one word only when they
 * are the same length give or take a letter ("ali" / "aly").
 */
export function closeWordsV3(a: string, b: string): boolean {
  if (a === b) return true;
  const ka = skeleton(a);
  if (ka.length <= 1 && ka === skeleton(b)) return Math.abs(a.length - b.length) <= 1;
  return closeWords(a, b);
}

const latinWord = (w: string): boolean => /^\p{Script=Latin}+$/u.test(w);

/**
 * Spelling test v2: `relatedWords`, and, for a Latin spelling, most (more
 * than half) of its distinctive words spell a word of `name`: equal, close
 * consonant skeletons (`closeWords`), written joined or apart
 * ("Mohammadreza" / "Mohammad Reza", "Imen Sazan" / "Imensazan"), or the
 * initials of its distinctive words ("ISIL" for "Islamic State in Iraq and
 * the Levant"). A spelling
 * without a distinctive word is none. Spellings in other scripts keep v1:
 * the generic words are Latin ones.
 */
export function relatedDistinctiveWords(name: string, spelling: string): boolean {
  if (!relatedWords(name, spelling)) return false;
  if (!foldWords(spelling).every(latinWord)) return true;
  return distinctiveMajority(name, spelling, false);
}

/**
 * Whether more than half of the spelling's distinctive words spell a word of
 * `name` (test v2's word match; `v3`: `closeWordsV3`, and two words read as
 * one only when each adds a consonant to the joined skeleton — "wilayah
 * libya" joined is "libya"'s skeleton, "wilayah" adding only a doubled "l").
 */
function distinctiveMajority(name: string, spelling: string, v3: boolean): boolean {
  const close = v3 ? closeWordsV3 : closeWords;
  const words = foldWords(name.replace(APOSTROPHES, '')).filter(latinWord);
  const known = [...words, ...words.slice(1).map((w, i) => words[i]! + w)];
  const initials = distinctiveWords(name)
    .map((w) => w[0])
    .join('');
  const spells = (w: string): boolean =>
    known.some((u) => close(w, u)) || (w.length >= 3 && initials.includes(w));
  const own = distinctiveWords(spelling);
  const matched = own.map(spells);
  for (let i = 0; i + 1 < own.length; i++)
    if (
      (!matched[i] || !matched[i + 1]) &&
      words.some((u) => skeleton(own[i]! + own[i + 1]!) === skeleton(u)) &&
      (!v3 || bothAdd(own[i]!, own[i + 1]!))
    )
      matched[i] = matched[i + 1] = true;
  const shared = matched.filter(Boolean).length;
  return own.length > 0 && shared * 2 > own.length;
}

/** Whether the joined skeleton of two words is longer than either word's own. */
function bothAdd(a: string, b: string): boolean {
  const joined = skeleton(a + b).length;
  return joined > skeleton(a).length && joined > skeleton(b).length;
}

/**
 * Spelling test v3 (docs/decisions/2026-12-05-set-a-one-name.md): v2, with
 * the majority of distinctive words found in **one** name of the subject
 * (`names`: its UN names in the spelling's script, each split into the names
 * it packs, `namePartsOf`), not in the words of all its names pooled — a
 * name made of one alias's given name and another's nickname ("Akhmed" of
 * the primary name, "Odnorukiy" of an alias), or two aliases packed in one
 * cell, is another name, not a spelling. Also: a number among the words does
 * not make a spelling non-Latin (v2 kept v1 for any spelling holding a
 * digit), and a one-consonant skeleton matches only words of about the same
 * length (`closeWordsV3`). Spellings in other scripts keep v1.
 */
export function relatedDistinctiveWordsV3(names: readonly string[], spelling: string): boolean {
  if (!relatedWords(names.join(' '), spelling)) return false;
  if (!foldWords(spelling).every((w) => latinWord(w) || /^\d+$/.test(w))) return true;
  return names.some((n) => distinctiveMajority(n, spelling, true));
}

/** True for spellings that are not a fair query on their own (see the module comment). */
export function unfairSpelling(name: string): boolean {
  const words = foldWords(name);
  if (words.length === 0) return true;
  if (words.length === 1 && words[0]!.length <= 4) return true;
  if (/\binitials\b/i.test(name)) return true;
  return (name.match(/,/g)?.length ?? 0) >= 2;
}

/** The UN entry a party of another list stands for, or undefined. */
export function tieToUn(party: Party, un: Party[], unByKey: Map<string, Party[]>): Party | undefined {
  if (party.unReference) {
    // Publishers write the reference in any case ("QDI.282" for "QDi.282").
    const ref = party.unReference.toLowerCase();
    return un.find((u) => u.unReference?.toLowerCase() === ref);
  }
  const shared = new Map<Party, number>();
  for (const key of new Set(party.names.map((n) => foldKey(n.full)))) {
    for (const u of unByKey.get(key) ?? [])
      if (u.schema === party.schema) shared.set(u, (shared.get(u) ?? 0) + 1);
  }
  if (shared.size !== 1) return undefined;
  const [u, count] = [...shared][0]!;
  if (party.schema === 'person') {
    const a = birthYears(party);
    const b = birthYears(u);
    return a.size && b.size && overlaps(a, b) ? u : undefined;
  }
  const primary = (p: Party): string => foldKey(p.names[0]?.full ?? '');
  const unKeys = new Set(u.names.map((n) => foldKey(n.full)));
  const theirs = new Set(party.names.map((n) => foldKey(n.full)));
  return count >= 2 || unKeys.has(primary(party)) || theirs.has(primary(u)) ? u : undefined;
}

/** Builds set (a) from the UN list and the other authorities' parties. */
export function unSpellingCases(ctx: ListContext, others: Party[]): HeldoutCase[] {
  const un = ctx.parties.filter((p) => p.source === 'un-sc' && p.unReference);
  const unByKey = new Map<string, Party[]>();
  for (const u of un)
    for (const key of new Set(u.names.map((n) => foldKey(n.full)))) {
      const list = unByKey.get(key);
      if (list) list.push(u);
      else unByKey.set(key, [u]);
    }
  const cases = new Map<string, HeldoutCase>();
  for (const party of others) {
    const u = tieToUn(party, un, unByKey);
    if (!u) continue;
    const unKeys = new Set(u.names.map((n) => foldKey(n.full)));
    const unId = partyEntityId(u);
    for (const published of party.names) {
      const name = { full: cleanSpelling(published.full) };
      const key = foldKey(name.full);
      if (unKeys.has(key) || unfairSpelling(published.full) || unfairSpelling(name.full)) continue;
      if ((unByKey.get(key) ?? []).some((other) => other !== u)) continue;
      const script = scriptOf(name.full);
      const sameScript = u.names.filter((n) => scriptOf(n.full) === script).map((n) => n.full);
      const unNames = sameScript.join(' ');
      const unParts = sameScript.flatMap((n) => {
        const parts = namePartsOf(n);
        return parts.length > 0 ? parts : [n];
      });
      if (!relatedWords(unNames, name.full)) continue;
      const v2 = relatedDistinctiveWords(unNames, name.full);
      const id = `a:${u.unReference}:${key}`;
      if (cases.has(id)) continue;
      const subject = ctx.subject.get(unId) ?? `un:${u.unReference}`;
      cases.set(id, {
        id,
        set: 'a',
        rule: `${party.source}-spelling`,
        script,
        subject,
        split: splitOf(subject),
        expect: 'match',
        query: { name: name.full, schema: u.schema, sources: ['un-sc'] },
        truth: [unId],
        index: 'full',
        listed: u.names[0]?.full,
        spellingV2: v2,
        spellingV3: v2 && relatedDistinctiveWordsV3(unParts, name.full),
      });
    }
  }
  return [...cases.values()];
}
