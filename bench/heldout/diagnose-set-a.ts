/**
 * Why set (a)'s misses are missed: for every should-match case of set (a) on
 * one split that the engine does not find at rank 1 at the default threshold,
 * whether the index proposes a name of the truth party at all (with the
 * bound screenParty uses, and without bound or limit), and the best name score
 * any of the truth party's names gets when scored directly.
 *
 *   npx tsx bench/heldout/diagnose-set-a.ts [--split tune]
 *
 * Causes: `not-proposed` (a truth name would score at the threshold but the
 * candidates never hold it), `pruned` (proposed only without the bound or
 * limit), `scored-low` (proposed, best truth name under the threshold),
 * `outranked` (truth at the threshold, another party higher). Tune on `tune` only.
 */
import {
  DEFAULT_SCREENING_THRESHOLD,
  findCandidateNames,
  indexTokenWeight,
  normalizeName,
  prepareQuery,
  scoreIndexedName,
  screenParty,
} from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { buildDevSet } from './build-dev-set.ts';
import { buildIndexes } from './screen-cases.ts';

const at = process.argv.indexOf('--split');
const split = at > 0 ? process.argv[at + 1] : 'tune';
const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const parties = lists.flatMap((l) => l.parties);
const cases = (await buildDevSet(lists, MIRROR)).filter(
  (c) => c.set === 'a' && c.split === split && c.expect === 'match',
);
const index = buildIndexes(parties, reference, cases).full!;
const weight = indexTokenWeight(index);
const t = DEFAULT_SCREENING_THRESHOLD;
const counts = new Map<string, number>();
const lines: string[] = [];
for (const c of cases) {
  const results = screenParty(index, c.query, { limit: 10, threshold: 0.7 });
  const truth = new Set(c.truth);
  const top = results[0];
  const hit = results.find((r) => truth.has(r.entityId));
  if (top && hit && hit.score >= t && hit.score === top.score) continue;
  const q = normalizeName(c.query.name, index.reference, c.query.schema);
  const prepared = prepareQuery(index, q, weight);
  const truthNames = c.truth.flatMap((id) => index.get(id)?.names ?? []);
  let direct = 0;
  let directName = '';
  for (const id of truthNames) {
    const s = scoreIndexedName(index, prepared, index.names[id]!);
    if (s > direct) {
      direct = s;
      directName = index.names[id]!.text;
    }
  }
  const bounded = new Set(findCandidateNames(index, q, weight, 150, 0.2, t - 0.1 - 0.03));
  const open = new Set(findCandidateNames(index, q, weight, 1_000_000, 0, 0));
  const proposed = truthNames.some((id) => bounded.has(id));
  const reached = truthNames.some((id) => open.has(id));
  const cause =
    hit && hit.score >= t
      ? 'outranked'
      : direct >= t && !proposed
        ? reached
          ? 'pruned'
          : 'not-proposed'
        : 'scored-low';
  counts.set(cause, (counts.get(cause) ?? 0) + 1);
  lines.push(
    `${cause}\t${c.query.name}\t| listed ${c.listed}\t| direct ${direct.toFixed(3)} via "${directName}"\t| got ${hit?.score.toFixed(3) ?? '—'}; top ${top ? `${top.matchedName} ${top.score.toFixed(3)}` : '—'}\t| proposed ${proposed} reached ${reached}`,
  );
}
console.log(lines.sort().join('\n'));
console.log(
  `\n${cases.length} set (a) should-match cases on ${split}; misses by cause:`,
  Object.fromEntries(counts),
);
