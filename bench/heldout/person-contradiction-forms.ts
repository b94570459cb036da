/**
 * How often a listed person's own names show the two forms issue 14 asks to read as contradictions
 * (class 3, initials; word order): for every person subject of the indexed lists whose split is
 * `tune` (`splitOf` of its cluster key), each pair of its Latin names (normalised as persons with
 * the mirror's full name reference) is counted when
 *
 * - `initials`: the full words (two letters or more) are the same set and each name has a single
 *   letter the other lacks ("William G Frost" / "William W Frost");
 * - `order`: both are the same two words in the other order, neither written with a comma
 *   ("Hans Friedrich" / "Friedrich Hans"); `order-given`: and both words are in a nickname or
 *   spelling group of the reference (a given name by the reference).
 *
 * These are one person's names: each pair counted is a should-match pair a contradiction rule on
 * that form would lower.
 *
 *   npx tsx bench/heldout/person-contradiction-forms.ts [--examples 10]
 */
import { partyEntityId, type Party } from '@entente/core';
import { normalizeName } from '../../packages/core/src/screening/normalize-name.ts';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { spellingOnlyParties } from './build-dev-set.ts';
import { scriptOf } from './fold-name.ts';
import { listContext } from './list-context.ts';
import { splitOf } from './split.ts';

const at = process.argv.indexOf('--examples');
const examples = at > 0 ? Number(process.argv[at + 1]) : 10;

const lists = await loadMirrorLists(MIRROR, () => {});
const indexed = lists.flatMap((l) => l.parties);
const extra = await spellingOnlyParties(MIRROR);
const ctx = listContext(indexed, [...indexed, ...extra]);
const reference = await loadNameReference(MIRROR);
const given = new Set<string>(
  Object.values(reference.nicknames)
    .flat()
    .map((w) => w.toLowerCase()),
);
const known = (w: string): boolean => given.has(w);
const bySubject = new Map<string, Party[]>();
for (const party of indexed) {
  if (party.schema !== 'person') continue;
  const subject = ctx.subject.get(partyEntityId(party)) ?? '';
  if (!subject || splitOf(subject) !== 'tune') continue;
  const list = bySubject.get(subject);
  if (list) list.push(party);
  else bySubject.set(subject, [party]);
}
const counts = { pairs: 0, initials: 0, order: 0, orderGiven: 0 };
const shown: Record<string, string[]> = { initials: [], order: [], orderGiven: [] };
for (const parties of bySubject.values()) {
  const names = [...new Set(parties.flatMap((p) => p.names.map((n) => n.full)))].filter(
    (n) => scriptOf(n) === 'Latn',
  );
  const norm = names.map((n) => ({ text: n, tokens: normalizeName(n, reference, 'person').tokens }));
  for (let i = 0; i < norm.length; i++)
    for (let j = i + 1; j < norm.length; j++) {
      const a = norm[i]!;
      const b = norm[j]!;
      counts.pairs++;
      const fa = a.tokens
        .filter((t) => t.length > 1)
        .sort()
        .join(' ');
      const fb = b.tokens
        .filter((t) => t.length > 1)
        .sort()
        .join(' ');
      const ia = a.tokens.filter((t) => t.length === 1);
      const ib = b.tokens.filter((t) => t.length === 1);
      if (fa === fb && fa && ia.some((x) => !ib.includes(x)) && ib.some((x) => !ia.includes(x))) {
        counts.initials++;
        if (shown.initials!.length < examples) shown.initials!.push(`${a.text}  ~  ${b.text}`);
      }
      if (
        a.tokens.length === 2 &&
        b.tokens.length === 2 &&
        !a.text.includes(',') &&
        !b.text.includes(',') &&
        a.tokens[0] === b.tokens[1] &&
        a.tokens[1] === b.tokens[0] &&
        a.tokens[0] !== a.tokens[1]
      ) {
        counts.order++;
        if (shown.order!.length < examples) shown.order!.push(`${a.text}  ~  ${b.text}`);
        if (known(a.tokens[0]!) && known(a.tokens[1]!)) {
          counts.orderGiven++;
          if (shown.orderGiven!.length < examples) shown.orderGiven!.push(`${a.text}  ~  ${b.text}`);
        }
      }
    }
}
console.log(`tune person subjects: ${bySubject.size}; Latin name pairs of one subject: ${counts.pairs}`);
console.log(`initials contradicting (same full words, a different initial on each side): ${counts.initials}`);
for (const e of shown.initials!) console.log(`    ${e}`);
console.log(`two words swapped, no comma: ${counts.order}`);
for (const e of shown.order!) console.log(`    ${e}`);
console.log(`… both words given names by the reference (nickname groups): ${counts.orderGiven}`);
for (const e of shown.orderGiven!) console.log(`    ${e}`);
