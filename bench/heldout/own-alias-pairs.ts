/**
 * Leave-one-out over a listed person's own names: for each name of a listed person, its best
 * `compareNames` score against the person's other names (names whose normalised words differ),
 * as if the list had not carried that spelling. A name whose best is under 0.86 is a "miss": a
 * spelling of one person that the engine would not find through the others. Each person's split
 * is its subject's (`subject-clusters.ts`, `splitOf`), so the tune persons' misses are
 * development data to read case by case and the other splits' are counted only.
 *
 *   npx tsx bench/heldout/own-alias-pairs.ts [--list tune] [--json out.json]
 *
 * Prints the counts per split, the number of names each feature term appears in among the
 * misses, and (with `--list tune`) each tune miss: query, best other name, score, terms.
 */
import { writeFileSync } from 'node:fs';
import {
  compareNames,
  compileNameReference,
  normalizeName,
  partyEntityId,
} from '../../packages/core/src/index.ts';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { splitOf, type Split } from './split.ts';
import { subjectClusters } from './subject-clusters.ts';

const THRESHOLD = 0.86;
const args = process.argv.slice(2);
const listSplit = args.includes('--list') ? args[args.indexOf('--list') + 1] : undefined;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

const reference = await loadNameReference(MIRROR);
const compiled = compileNameReference(reference);
const lists = await loadMirrorLists(MIRROR, () => {});
const parties = lists.flatMap((l) => l.parties);
const subject = subjectClusters(parties);

const counts: Record<Split, { names: number; misses: number }> = {
  tune: { names: 0, misses: 0 },
  threshold: { names: 0, misses: 0 },
  report: { names: 0, misses: 0 },
};
const missTerms: Record<Split, Record<string, number>> = { tune: {}, threshold: {}, report: {} };
const scores: Record<string, number> = {};
const splitByKey = new Map<string, Split>();
for (const party of parties) {
  if (party.schema !== 'person') continue;
  const split = splitOf(subject.get(partyEntityId(party))!);
  const names = party.names.map((n) => normalizeName(n.full, reference, 'person'));
  const keys = names.map((n) => n.tokens.join(' '));
  const distinct = [...new Set(keys)].filter((k) => k !== '');
  if (distinct.length < 2) continue;
  for (const k of distinct) {
    const i = keys.indexOf(k);
    let best = -1;
    let bestJ = -1;
    let bestTerms: string[] = [];
    for (let j = 0; j < names.length; j++) {
      if (keys[j] === k || keys[j] === '' || keys.indexOf(keys[j]!) !== j) continue;
      const r = compareNames(names[i]!, names[j]!, compiled);
      if (r.score > best) {
        best = r.score;
        bestJ = j;
        bestTerms = r.terms.map((t) => `${t.feature} ${t.value.toFixed(2)}`);
      }
    }
    counts[split].names++;
    const key = `${party.source}|${party.sourceId}|${k}`;
    scores[key] = Math.round(best * 1000) / 1000;
    splitByKey.set(key, split);
    if (best >= THRESHOLD) continue;
    counts[split].misses++;
    for (const t of new Set(bestTerms.map((t) => t.split(' ')[0]!)))
      missTerms[split][t] = (missTerms[split][t] ?? 0) + 1;
    if (split === listSplit)
      console.log(
        `${party.source} ${party.sourceId}\t${k}\t${keys[bestJ]}\t${best.toFixed(3)}\t${bestTerms.join(', ')}`,
      );
  }
}
// The report split's persons are counted (for the JSON) but not printed: read once, at the end.
for (const s of ['tune', 'threshold'] as const) {
  const c = counts[s];
  console.log(
    `${s}: ${c.names} names, ${c.misses} under ${THRESHOLD} (${((100 * (c.names - c.misses)) / c.names).toFixed(2)} % found)`,
  );
  const top = Object.entries(missTerms[s])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25);
  console.log(`  terms among the misses: ${top.map(([t, n]) => `${t} ${n}`).join(', ')}`);
}
if (jsonOut) {
  // Only the tune and threshold persons' scores: the report split stays unread until the end.
  const kept = Object.fromEntries(Object.entries(scores).filter(([k]) => splitByKey.get(k) !== 'report'));
  writeFileSync(
    jsonOut,
    JSON.stringify({ counts: { tune: counts.tune, threshold: counts.threshold }, scores: kept }),
  );
}
