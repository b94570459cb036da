/**
 * Which legal forms the lists themselves give one organisation (issue 14, class 5): for every
 * organisation subject of the indexed lists whose split is `tune` (`splitOf` of its cluster key),
 * the legal-form classes `normalizeName` pulls out of each of its names (the mirror's full name
 * reference: `OOO`, `LLC` and "Obshchestvo s ogranichennoy otvetstvennostyu" are all `LLC`), and
 * for each pair of its names that both carry a legal form, whether the classes agree. Counted by
 * class pair: a pair of classes the lists' own aliases join often is a re-registration or a
 * translation, not two kinds of body.
 *
 * With `--cost <file>` (the JSON `org-alias-pairs.ts --json` writes), it also counts the tune
 * spellings that score 0.86 or more against their subject's other spellings, whose legal-form
 * classes differ, and that a larger legal-form fall (`--fall`, 0.13 by default: what "ANO X" /
 * "LLC X" at 0.980 needs to fall under 0.86) would lose: all differing classes, and a non-profit
 * body (NGO) against a company (LLC, JSC, LP, LLP, GP) alone.
 *
 *   npx tsx bench/heldout/legal-form-classes.ts [--examples 3] [--cost pairs.json] [--fall 0.13]
 */
import { readFileSync } from 'node:fs';
import { partyEntityId, type Party } from '@entente/core';
import { normalizeName } from '../../packages/core/src/screening/normalize-name.ts';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { spellingOnlyParties } from './build-dev-set.ts';
import { listContext } from './list-context.ts';
import { splitOf } from './split.ts';

const argValue = (flag: string): string | undefined => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const examples = Number(argValue('--examples') ?? 3);
const costFile = argValue('--cost');
const fall = Number(argValue('--fall') ?? 0.13);

const lists = await loadMirrorLists(MIRROR, () => {});
const indexed = lists.flatMap((l) => l.parties);
const extra = await spellingOnlyParties(MIRROR);
const ctx = listContext(indexed, [...indexed, ...extra]);
const reference = await loadNameReference(MIRROR);
const bySubject = new Map<string, Party[]>();
for (const party of indexed) {
  if (party.schema !== 'organization') continue;
  const subject = ctx.subject.get(partyEntityId(party)) ?? '';
  if (!subject || splitOf(subject) !== 'tune') continue;
  const list = bySubject.get(subject);
  if (list) list.push(party);
  else bySubject.set(subject, [party]);
}
const pairCount = new Map<string, number>();
const pairSubjects = new Map<string, Set<string>>();
const pairExamples = new Map<string, string[]>();
const classNames = new Map<string, number>();
let names = 0;
let withForm = 0;
let subjectsWithTwo = 0;
for (const [subject, parties] of bySubject) {
  const forms: { text: string; classes: string[] }[] = [];
  const seen = new Set<string>();
  for (const p of parties)
    for (const n of p.names) {
      if (seen.has(n.full)) continue;
      seen.add(n.full);
      names++;
      const classes = [...new Set(normalizeName(n.full, reference, 'organization').legalForms)].sort();
      if (!classes.length) continue;
      withForm++;
      for (const c of classes) classNames.set(c, (classNames.get(c) ?? 0) + 1);
      forms.push({ text: n.full, classes });
    }
  if (new Set(forms.map((f) => f.classes.join('+'))).size > 1) subjectsWithTwo++;
  for (let i = 0; i < forms.length; i++)
    for (let j = i + 1; j < forms.length; j++) {
      const a = forms[i]!;
      const b = forms[j]!;
      const same = a.classes.some((c) => b.classes.includes(c));
      const key = same ? 'same' : [a.classes.join('+'), b.classes.join('+')].sort().join(' / ');
      pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
      const subs = pairSubjects.get(key) ?? new Set<string>();
      subs.add(subject);
      pairSubjects.set(key, subs);
      const ex = pairExamples.get(key) ?? [];
      if (ex.length < examples && !same) ex.push(`${a.text}  ~  ${b.text}`);
      pairExamples.set(key, ex);
    }
}
console.log(
  `tune organisation subjects: ${bySubject.size}; names ${names}, with a legal form ${withForm}; ` +
    `subjects whose names carry more than one set of classes: ${subjectsWithTwo}`,
);
console.log(
  'classes (names):',
  [...classNames]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', '),
);
console.log('\nname pairs of one subject, both with a legal form, by class pair (pairs / subjects):');
for (const [key, n] of [...pairCount].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${key.padEnd(24)} ${String(n).padStart(6)} / ${pairSubjects.get(key)!.size}`);
  for (const e of pairExamples.get(key) ?? []) console.log(`      ${e}`);
}

if (costFile) {
  const pairs = JSON.parse(readFileSync(costFile, 'utf8')) as {
    query: string;
    best: string;
    score: number;
  }[];
  const COMMERCIAL = new Set(['LLC', 'JSC', 'LP', 'LLP', 'GP']);
  const classesOf = (n: string) => [...new Set(normalizeName(n, reference, 'organization').legalForms)];
  const lost = (score: number) => score >= 0.86 && score - fall < 0.86;
  let both = 0;
  let differ = 0;
  let differLost = 0;
  let kind = 0;
  let kindLost = 0;
  const shown: string[] = [];
  for (const p of pairs) {
    const a = classesOf(p.query);
    const b = classesOf(p.best);
    if (!a.length || !b.length) continue;
    both++;
    if (a.some((c) => b.includes(c))) continue;
    differ++;
    if (lost(p.score)) differLost++;
    const nonProfitVsCompany =
      (a.includes('NGO') && b.some((c) => COMMERCIAL.has(c))) ||
      (b.includes('NGO') && a.some((c) => COMMERCIAL.has(c)));
    if (!nonProfitVsCompany) continue;
    kind++;
    if (!lost(p.score)) continue;
    kindLost++;
    if (shown.length < 3 * examples) shown.push(`${p.score.toFixed(3)} ${a}/${b}  ${p.query}  ~  ${p.best}`);
  }
  console.log(
    `\nown spellings (${costFile}): ${pairs.length} pairs; both with a legal form ${both}; classes differ ${differ}, ` +
      `of which ${differLost} score 0.86 or more and would fall under it with a fall of ${fall}`,
  );
  console.log(`a non-profit body against a company: ${kind} pairs; ${kindLost} would fall under 0.86`);
  for (const e of shown) console.log(`  ${e}`);
}
