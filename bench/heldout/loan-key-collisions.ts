/**
 * The should-not-match side of the loan-word keys (`loanWordKey`, issue 14 class 5, h118): every
 * word of every listed organisation name of the mirror, and every pair of them the loan-word rule
 * joins (`loanWordPair`) that the engine's spelling fold (`foldSpelling`) keeps apart. Prints how
 * many, and the pairs with their counts of organisations, the most frequent first.
 *
 *   npx tsx bench/heldout/loan-key-collisions.ts [--show 200]
 */
import { DEFAULT_NAME_REFERENCE, normalizeName } from '@entente/core';
import { foldSpelling } from '../../packages/core/src/screening/spelling-fold.ts';
import { loanWordKeys, loanWordPair } from '../../packages/core/src/screening/loan-words.ts';
import { loadMirrorLists } from '../eval-screening-lists.ts';

const at = process.argv.indexOf('--show');
const show = at > 0 ? Number(process.argv[at + 1]) : 200;
const lists = await loadMirrorLists(undefined, () => {});
const count = new Map<string, number>();
for (const list of lists)
  for (const party of list.parties) {
    if (party.schema === 'person') continue;
    const seen = new Set<string>();
    for (const name of party.names)
      for (const t of normalizeName(name.full, DEFAULT_NAME_REFERENCE, party.schema).tokens) seen.add(t);
    for (const t of seen) count.set(t, (count.get(t) ?? 0) + 1);
  }
const byRomanised = new Map<string, string[]>();
for (const t of count.keys()) {
  const k = loanWordKeys(t).romanised;
  if (k === '') continue;
  const g = byRomanised.get(k);
  if (g) g.push(t);
  else byRomanised.set(k, [t]);
}
const pairs: [string, string][] = [];
for (const t of count.keys()) {
  const k = loanWordKeys(t).english;
  if (k === '') continue;
  for (const r of byRomanised.get(k) ?? [])
    if (loanWordPair(t, r) && foldSpelling(t) !== foldSpelling(r)) pairs.push([t, r]);
}
const weight = (p: [string, string]): number => Math.min(count.get(p[0])!, count.get(p[1])!);
pairs.sort((a, b) => weight(b) - weight(a));
console.log(
  `organisation words ${count.size}; pairs the loan-word rule joins that the spelling fold keeps apart ${pairs.length}`,
);
for (const p of pairs.slice(0, show))
  console.log(`${p[0]}(${count.get(p[0])}) ~ ${p[1]}(${count.get(p[1])})`);
