/**
 * Which legal forms the lists themselves give one organisation (issue 14, class 5): for every
 * organisation subject of the indexed lists whose split is `tune` (`splitOf` of its cluster key),
 * the legal-form classes `normalizeName` pulls out of each of its names (the mirror's full name
 * reference: `OOO`, `LLC` and "Obshchestvo s ogranichennoy otvetstvennostyu" are all `LLC`), and
 * for each pair of its names that both carry a legal form, whether the classes agree. Counted by
 * class pair: a pair of classes the lists' own aliases join often is a re-registration or a
 * translation, not two kinds of body.
 *
 *   npx tsx bench/heldout/legal-form-classes.ts [--examples 3]
 */
import { partyEntityId, type Party } from '@entente/core';
import { normalizeName } from '../../packages/core/src/screening/normalize-name.ts';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { spellingOnlyParties } from './build-dev-set.ts';
import { listContext } from './list-context.ts';
import { splitOf } from './split.ts';

const at = process.argv.indexOf('--examples');
const examples = at > 0 ? Number(process.argv[at + 1]) : 3;

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
console.log('classes (names):', [...classNames].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', '));
console.log('\nname pairs of one subject, both with a legal form, by class pair (pairs / subjects):');
for (const [key, n] of [...pairCount].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${key.padEnd(24)} ${String(n).padStart(6)} / ${pairSubjects.get(key)!.size}`);
  for (const e of pairExamples.get(key) ?? []) console.log(`      ${e}`);
}
