/**
 * Where two engines' unscored counts differ (the names beyond the candidate cap whose name-score
 * bound reaches the floor: a tighter bound counts fewer), whether the names no longer counted
 * could have matched: the subjects whose counts differ at the default cap are screened again
 * by both engines with every candidate scored (`candidateCap: CANDIDATE_CAP`), and their matches
 * (entity, matched name, score, features) compared. The speed subjects (2,683), in one process.
 *
 *   OLD_CORE=/work/old-3c8/packages/core/src/index.ts NODE_OPTIONS=--expose-gc npx tsx bench/unscored-at-cap.ts
 */
import path from 'node:path';
import * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { speedSubjects } from './support/candidate-sets.ts';

type Core = typeof current;

const reference = await loadNameReference(MIRROR);
const inputs = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) =>
  l.parties.map((party) => ({ party })),
);
const old = (await import(path.resolve(process.env.OLD_CORE ?? ''))) as Core;
const engines = [old, current].map((core) => ({ core, index: core.buildScreeningIndex(inputs, reference) }));
const queries = speedSubjects();
const shown = (
  core: Core,
  index: ReturnType<Core['buildScreeningIndex']>,
  q: (typeof queries)[number],
  cap: number,
) =>
  core
    .screenPartyOutcome(index, q, { limit: 10, candidateCap: cap })
    .matches.map((m) => `${m.entityId}|${m.matchedName}|${m.score}|${JSON.stringify(m.features)}`)
    .join('\t');
let differ = 0;
let fewer = 0;
let same = 0;
for (const q of queries) {
  const [a, b] = engines.map(({ core, index }) => core.screenPartyOutcome(index, q, { limit: 10 }));
  if (a!.unscored === b!.unscored && a!.unscoredAtLeast === b!.unscoredAtLeast) continue;
  differ++;
  if (b!.unscored < a!.unscored) fewer++;
  const [x, y] = engines.map(({ core, index }) => shown(core, index, q, current.CANDIDATE_CAP));
  if (x === y) same++;
  else console.log(`matches differ with every candidate scored: ${q.name}\n  old ${x}\n  new ${y}`);
  console.log(
    `${q.name}: unscored ${a!.unscored}${a!.unscoredAtLeast ? '+' : ''} → ${b!.unscored}${b!.unscoredAtLeast ? '+' : ''}`,
  );
}
console.log(
  `${queries.length} subjects: unscored counts differ on ${differ} (${fewer} fewer in the current engine); with every candidate scored, the same matches on ${same} of them`,
);
