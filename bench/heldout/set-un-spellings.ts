/**
 * Set (a): spellings of UN-listed subjects that other authorities publish and
 * the UN list itself does not carry, screened against the UN list alone.
 *
 * A party of another list is tied to a UN entry when it carries the UN
 * reference (AU, UK), or otherwise (EU, OFAC SDN, CSL, CA) when exactly one UN
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
 */
import { partyEntityId, type Party } from '@entente/core';
import { foldKey, foldWords, scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import type { ListContext } from './list-context.ts';
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

const PARTICLES = new Set([
  'al',
  'el',
  'abu',
  'abd',
  'abdul',
  'bin',
  'ibn',
  'ben',
  'bint',
  'ould',
  'ul',
  'ud',
  'ur',
  'of',
  'the',
  'and',
  'de',
  'la',
]);

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
  if (party.unReference) return un.find((u) => u.unReference === party.unReference);
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
      if (!relatedWords(sameScript.join(' '), name.full)) continue;
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
      });
    }
  }
  return [...cases.values()];
}
