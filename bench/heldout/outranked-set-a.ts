/**
 * Set (a)'s misses where another party is ranked above the truth at the default
 * threshold: by whom, and whether that party is the same subject as the truth (the
 * dev set's own subject clusters, `subject-clusters.ts`: one UN reference, or a
 * shared spelling of two words or more) — a user sees listings of one subject grouped
 * (`groupBySubject`) — or a different one.
 *
 *   npx tsx bench/heldout/outranked-set-a.ts [--split tune,threshold] [--quiet]
 *
 * `--quiet` prints the counts only (for `report`, read as aggregates).
 */
import { DEFAULT_SCREENING_THRESHOLD, partyEntityId, screenParty } from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { buildDevSet } from './build-dev-set.ts';
import { buildIndexes } from './screen-cases.ts';
import { subjectClusters } from './subject-clusters.ts';
import { SPLITS, type Split } from './split.ts';

const at = process.argv.indexOf('--split');
const splits = (at > 0 ? process.argv[at + 1]! : 'tune,threshold').split(',') as Split[];
for (const s of splits) if (!SPLITS.includes(s)) throw new Error(`unknown split ${s}`);
const quiet = process.argv.includes('--quiet');
const t = DEFAULT_SCREENING_THRESHOLD;

const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const parties = lists.flatMap((l) => l.parties);
const subject = subjectClusters(parties);
const byId = new Map(parties.map((p) => [partyEntityId(p), p]));
const cases = (await buildDevSet(lists, MIRROR)).filter(
  (c) => c.set === 'a' && c.expect === 'match' && c.spellingV3 && splits.includes(c.split),
);
const index = buildIndexes(parties, reference, cases).full!;
const counts = new Map<string, number>();
for (const c of cases) {
  const results = screenParty(index, c.query, { limit: 10, threshold: t });
  const truth = new Set(c.truth);
  const top = results[0];
  if (!top || truth.has(top.entityId)) continue;
  const found = results.find((r) => truth.has(r.entityId));
  if (found && found.score >= top.score) continue; // tied at rank 1: found
  const truthSubject = subject.get(c.truth[0]!);
  const same = subject.get(top.entityId) === truthSubject;
  const kind = `${c.split}: ${same ? 'same subject' : 'different subject'}${found ? '' : ' (truth under the threshold)'}`;
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
  if (quiet) continue;
  const name = (id: string) => byId.get(id)?.names[0]?.full ?? id;
  console.log(
    `${c.split}\t${same ? 'SAME' : 'OTHER'}\t"${c.query.name}"\ttruth ${c.truth[0]} "${name(c.truth[0]!)}" ` +
      `${found ? found.score.toFixed(3) : '<' + t}\t| top ${top.entityId} "${name(top.entityId)}" via "${top.matchedName}" ${top.score.toFixed(3)}`,
  );
}
console.log(`\noutranked at ${t} (${cases.length} set (a) cases of ${splits.join(', ')}):`);
for (const [k, n] of [...counts].sort()) console.log(`  ${k}: ${n}`);
