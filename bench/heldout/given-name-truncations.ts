/**
 * Reach of a candidate rule for set (e)'s tune nickname misses (`2026-12-07-set-e-tune-failures-by-cause.md`):
 * a short given name that is the start of a longer one, either with an English/German
 * diminutive ending (-y, -ie, -i, after an undoubled consonant: "Barry" → "bar-", "Michi" →
 * "mich-") or, with `--plain`, also as it stands ("Alex" / "Alexander"). Counts how many of the
 * reference's nickname pairs (`person_nick`) the rule derives, how many pairs of distinct given
 * names of listed persons (first word, seen 5 times or more) it would join, and which set (e)
 * person pairs it reaches: tune listed, threshold counted, report not read.
 *
 *   npx tsx bench/heldout/given-name-truncations.ts [--plain]
 */
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { independentPairCases } from './set-independent-pairs.ts';

const plain = process.argv.includes('--plain');
const ENDINGS = ['ie', 'y', 'i'];
const VOWEL = /[aeiou]/;

/** The stems a short name may be the start of: without its diminutive ending (and doubled consonant). */
function stems(short: string): string[] {
  const out = plain ? [short] : [];
  for (const ending of ENDINGS) {
    if (!short.endsWith(ending)) continue;
    let stem = short.slice(0, -ending.length);
    if (stem.length >= 2 && stem.at(-1) === stem.at(-2) && !VOWEL.test(stem.at(-1)!))
      stem = stem.slice(0, -1);
    out.push(stem);
  }
  return out.filter((s) => s.length >= 3);
}

/** Whether the rule lets two different given names agree. */
function isTruncation(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return stems(short).some((s) => long.startsWith(s) && long.length > s.length);
}

const reference = await loadNameReference(MIRROR);
const nicknamePairs: [string, string][] = [];
for (const group of Object.values(reference.nicknames)) {
  const names = group.map((n) => n.toLowerCase());
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) nicknamePairs.push([names[i]!, names[j]!]);
}
const derived = nicknamePairs.filter(([a, b]) => isTruncation(a, b)).length;
console.log(`rule: ${plain ? 'plain truncation or ' : ''}truncation with a diminutive ending`);
console.log(`reference nickname pairs derived: ${derived} of ${nicknamePairs.length}`);

const lists = await loadMirrorLists(MIRROR, () => {});
const seen = new Map<string, number>();
for (const list of lists)
  for (const party of list.parties) {
    if (party.schema !== 'person') continue;
    for (const name of party.names) {
      // The name's first word as written (the figures in the decision note were measured so;
      // `parts.given` is left unread to keep them reproducible).
      const first = (name.full.split(/[\s,]+/)[0] ?? '').toLowerCase();
      if (/^[a-z]{3,}$/.test(first)) seen.set(first, (seen.get(first) ?? 0) + 1);
    }
  }
const given = [...seen].filter(([, n]) => n >= 5).map(([g]) => g);
const joined: string[] = [];
for (let i = 0; i < given.length; i++)
  for (let j = i + 1; j < given.length; j++)
    if (isTruncation(given[i]!, given[j]!)) joined.push(`${given[i]}/${given[j]}`);
console.log(
  `distinct listed given names seen 5+ times: ${given.length}; pairs of them joined: ${joined.length}`,
);
console.log(`  e.g. ${joined.slice(0, 30).join(', ')}`);

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\s-]/gu, '')
    .split(/[\s-]+/)
    .filter(Boolean);
const reached = independentPairCases().filter((c) => {
  if (c.split === 'report' || c.query.schema !== 'person') return false;
  const q = words(c.query.name);
  const l = words(c.listed ?? '');
  const qOnly = q.filter((w) => !l.includes(w));
  const lOnly = l.filter((w) => !q.includes(w));
  return qOnly.some((x) => lOnly.some((y) => isTruncation(x, y)));
});
for (const split of ['tune', 'threshold'] as const) {
  const hits = reached.filter((c) => c.split === split);
  const noMatch = hits.filter((c) => c.expect === 'no-match').length;
  console.log(`set (e) ${split}: ${hits.length} person pairs reached, ${noMatch} of them should not match`);
  if (split === 'tune') for (const c of hits) console.log(`  ${c.expect} "${c.query.name}" / "${c.listed}"`);
}
