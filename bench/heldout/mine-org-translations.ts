/**
 * Mines word-for-word translations of organisation-name words from the UN
 * list alone: for every UN entity, every two of its names (primary, aliases,
 * and the parts an alias packs in brackets or after semicolons) that differ
 * in exactly one word on each side once the words they share are set aside
 * (shared: equal, or spellings of one another — Jaro-Winkler 0.9 or more, or
 * one consonant skeleton), the two differing words are a candidate
 * translation pair, printed with the UN reference it was read from.
 *
 *   npx tsx bench/heldout/mine-org-translations.ts [--all-lists [--content]]
 *
 * Only the UN list is read (`ENTENTE_BENCH_FORMATS` is forced to the UN
 * format): the spellings other authorities publish are set (a) of the
 * held-out evaluation and must not shape the engine. The pairs kept in the
 * engine's table (`packages/core/src/screening/organisation-translations.ts`)
 * were chosen from this output by the rule written in
 * `docs/decisions/2026-12-04-organisation-translations.md`.
 */
import { jaroWinkler, namePartsOf, tokenizeName, type Party } from '@entente/core';
import { ORGANISATION_WORD_GROUPS } from '../../packages/core/src/screening/organisation-words.ts';
import { CONNECTORS } from '../../packages/core/src/screening/generic-words-lift.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { foldKey } from './fold-name.ts';
import { skeleton, tieToUn } from './set-un-spellings.ts';

/**
 * `--all-lists`: every list of the mirror, less every party tied to a UN
 * entry (`tieToUn`, the parties whose spellings make set (a)), printing only
 * pairs where one word belongs to a generic-word group
 * (`ORGANISATION_WORD_GROUPS`) and the other to none: romanised equivalents
 * of generic words that the lists pair within one party.
 */
const allLists = process.argv.includes('--all-lists');
/**
 * `--all-lists --content`: the pairs where neither word belongs to a
 * generic-word group — candidate translations of content words ("army" /
 * "jaish") that the other lists pair within one party.
 */
const content = allLists && process.argv.includes('--content');
if (!allLists) process.env.ENTENTE_BENCH_FORMATS = 'un-sc-xml';

/** Words that tell no meaning of their own: articles, connectors, particles of Arabic and French names. */
const SKIP = new Set([
  ...CONNECTORS,
  'al',
  'el',
  'ash',
  'as',
  'an',
  'ad',
  'ar',
  'at',
  'in',
  'fi',
  'wa',
  'pour',
  'li',
  'min',
  'bi',
  'ul',
  'ud',
  'e',
  'i',
  'a',
]);

/** Whether two words are spellings of one another rather than two words. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 4 && jaroWinkler(a, b) >= 0.9) return true;
  const sa = skeleton(a);
  return sa.length >= 2 && sa === skeleton(b);
}

function words(name: string): string[] {
  return tokenizeName(name).filter((t) => t.length >= 3 && !SKIP.has(t) && !/\d/.test(t));
}

/** The words of `a` left once each word shared with `b` is paired off (greedy, in order). */
function leftOver(a: string[], b: string[]): [string[], string[]] {
  const usedB = new Array<boolean>(b.length).fill(false);
  const restA: string[] = [];
  for (const w of a) {
    const j = b.findIndex((v, k) => !usedB[k] && sameWord(w, v));
    if (j >= 0) usedB[j] = true;
    else restA.push(w);
  }
  return [restA, b.filter((_, k) => !usedB[k])];
}

const lists = await loadMirrorLists(MIRROR, () => {});
const un = lists.filter((l) => l.source === 'un-sc').flatMap((l) => l.parties);
const unByKey = new Map<string, Party[]>();
for (const u of un)
  for (const key of new Set(u.names.map((n) => foldKey(n.full))))
    unByKey.set(key, [...(unByKey.get(key) ?? []), u]);
const read = allLists
  ? lists.flatMap((l) => l.parties).filter((p) => p.source !== 'un-sc' && !tieToUn(p, un, unByKey))
  : un;
const grouped = new Map(
  Object.entries(ORGANISATION_WORD_GROUPS).flatMap(([g, ws]) => ws.map((w): [string, string] => [w, g])),
);
const pairs = new Map<string, Set<string>>();
for (const party of read) {
  if (party.schema !== 'organization') continue;
  const names = new Set<string>();
  for (const n of party.names) {
    names.add(n.full);
    for (const part of namePartsOf(n.full)) names.add(part);
  }
  const tokenised = [...names].map(words).filter((w) => w.length >= 2);
  for (let x = 0; x < tokenised.length; x++) {
    for (let y = x + 1; y < tokenised.length; y++) {
      const [ra, rb] = leftOver(tokenised[x]!, tokenised[y]!);
      // Exactly one word each differs, and the names share at least one word besides.
      if (ra.length !== 1 || rb.length !== 1 || tokenised[x]!.length < 2) continue;
      const generic = [grouped.has(ra[0]!), grouped.has(rb[0]!)];
      if (content ? generic[0] || generic[1] : allLists && generic[0] === generic[1]) continue;
      const key = [ra[0]!, rb[0]!].sort().join(' = ');
      const refs = pairs.get(key) ?? new Set<string>();
      refs.add(
        `${party.unReference ?? party.sourceId} (${tokenised[x]!.join(' ')} / ${tokenised[y]!.join(' ')})`,
      );
      pairs.set(key, refs);
    }
  }
}
for (const [key, refs] of [...pairs].sort()) console.log(`${key}\t${[...refs].join('; ')}`);
console.log(
  `\n${pairs.size} pairs from ${read.length} ${allLists ? 'parties of other lists not tied to the UN list' : 'UN parties'}`,
);
