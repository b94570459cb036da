/**
 * Shared by the class builders (set d): turning a transformed listed name
 * into a case with its truth, and the pools of listed names they start from.
 */
import { partyEntityId, type Party, type ScreeningQuery } from '@entente/core';
import { foldKey, foldWords, scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { holdersOf, type ListContext } from './list-context.ts';
import { hashOrder, splitOf } from './split.ts';

/** Most cases per class, rule and expectation. */
export const PER_RULE = 150;

/** One listed name of one party: where every class case starts. */
export interface ListedName {
  party: Party;
  name: string;
}

/** Countries whose persons' names are mostly Arabic or Persian in origin. */
export const ARABIC_PERSIAN = new Set([
  'AF',
  'IR',
  'IQ',
  'SY',
  'YE',
  'SA',
  'LY',
  'SD',
  'SO',
  'PK',
  'LB',
  'JO',
  'EG',
  'DZ',
  'TN',
  'MA',
  'KW',
  'QA',
  'AE',
  'BH',
  'OM',
  'PS',
  'ML',
  'MR',
]);

/** True when the party has an Arabic-script name or an Arabic/Persian-speaking country. */
export const arabicOrigin = (p: Party): boolean =>
  p.names.some((n) => scriptOf(n.full) === 'Arab') || p.countries.some((c) => ARABIC_PERSIAN.has(c.code));

/** Latin-script, non-weak names of the indexed parties of one schema with `min`-`max` words of letters. */
export function latinNames(
  ctx: ListContext,
  schema: Party['schema'],
  min: number,
  max: number,
): ListedName[] {
  const out: ListedName[] = [];
  for (const party of ctx.parties) {
    if (party.schema !== schema) continue;
    for (const n of party.names) {
      if (n.quality === 'weak' || scriptOf(n.full) !== 'Latn') continue;
      const w = n.full.trim().split(/\s+/);
      if (w.length < min || w.length > max) continue;
      if (schema === 'person' && !w.every((x) => /^\p{L}[\p{L}'.-]*,?$/u.test(x))) continue;
      out.push({ party, name: n.full.trim() });
    }
  }
  return out;
}

/** How a class case is screened and what counts as its truth. */
export interface CaseOptions {
  /** Index to screen on (default `full`). */
  index?: 'full' | 'latin';
  /** Spellings whose holders are the truth (default: the listed name). */
  truthNames?: string[];
  /** Only birth date and country differ from the listed name (class 8). */
  detailsOnly?: boolean;
  /** Screen against the party's own list only; the truth is then that list's holders. */
  sameList?: boolean;
}

/** Fold words of every name of the parties. */
const wordsOf = (ctx: ListContext, ids: string[]): Set<string> =>
  new Set(ids.flatMap((id) => ctx.byId.get(id)?.names.flatMap((n) => foldWords(n.full)) ?? []));

/**
 * Builds a case from a listed name and its transformed query; undefined when
 * the truth would be ambiguous: a should-match query that another party lists,
 * or a should-not-match query whose new words (or new initial) some name of
 * the truth parties carries, so that the "other" name may be the same subject's.
 */
export function classCase(
  ctx: ListContext,
  from: ListedName,
  query: ScreeningQuery,
  cls: number,
  rule: string,
  expect: 'match' | 'no-match',
  options: CaseOptions = {},
): HeldoutCase | undefined {
  const { index = 'full', truthNames = [from.name], detailsOnly = false, sameList = false } = options;
  const id = partyEntityId(from.party);
  const inScope = (h: string): boolean => !sameList || ctx.byId.get(h)?.source === from.party.source;
  const truth = [...new Set([id, ...truthNames.flatMap((n) => holdersOf(ctx, n)).filter(inScope)])].sort();
  const queryHolders = holdersOf(ctx, query.name);
  if (expect === 'no-match' && !detailsOnly) {
    const listed = new Set(foldWords(from.name));
    const known = wordsOf(ctx, truth);
    const initials = new Set([...known].map((w) => w[0]));
    const added = foldWords(query.name).filter((w) => !listed.has(w));
    if (added.some((w) => (w.length === 1 ? initials.has(w) : known.has(w)))) return undefined;
  }
  // Only the cross-script rules (their spelling is removed from the index) and the class-8 rules
  // (`detailsOnly`: the listed name with other birth date and country) may query a listed spelling.
  const check = !detailsOnly && index === 'full';
  if (check && expect === 'match' && query.name.trim().toLowerCase() === from.name.toLowerCase())
    return undefined;
  if (check && expect === 'match' && queryHolders.some((h) => !truth.includes(h))) return undefined;
  if (!detailsOnly && expect === 'no-match' && queryHolders.some((h) => truth.includes(h))) return undefined;
  if (!foldWords(query.name).length) return undefined;
  const subject = ctx.subject.get(id)!;
  return {
    id: `d${cls}:${rule}:${id}:${foldKey(from.name)}`,
    set: 'd',
    cls,
    rule,
    script: scriptOf(query.name),
    subject,
    split: splitOf(subject),
    expect,
    query: sameList ? { ...query, sources: [from.party.source] } : query,
    truth,
    index,
    listed: from.name,
  };
}

/**
 * Applies `make` to the pool in a deterministic hashed order and keeps the
 * first `PER_RULE` cases it returns (one per subject and listed spelling).
 */
export function sample(
  pool: ListedName[],
  key: string,
  make: (from: ListedName, seed: number) => HeldoutCase | undefined,
): HeldoutCase[] {
  const out: HeldoutCase[] = [];
  const seen = new Set<string>();
  let seed = 0;
  for (const from of hashOrder(pool, (f) => `${key}:${partyEntityId(f.party)}:${f.name}`)) {
    if (out.length >= PER_RULE) break;
    const c = make(from, seed++);
    if (!c || seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(c);
  }
  return out;
}
