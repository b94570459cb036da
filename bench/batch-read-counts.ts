/**
 * Counts, per engine, over an index read from shared snapshot columns (a pool worker's), for the
 * batch's 5,366 subjects: parties parsed from JSON (`JSON.parse` of a party's text) and NFKD
 * normalisations (`String.prototype.normalize`), both wrapped to count; and the matches.
 *
 *   OLD_CORE=/work/old-f69/packages/core/src/index.ts CURRENT_CORE=<copy of packages/core/src>/index.ts \
 *     NODE_OPTIONS=--expose-gc npx tsx bench/batch-read-counts.ts
 */
import path from 'node:path';
import type * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { speedSubjects } from './support/candidate-sets.ts';

type Core = typeof current;
const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
const subjects = speedSubjects();
const batch = [...subjects, ...subjects];
let parties = 0;
let nfkd = 0;
const parse = JSON.parse;
JSON.parse = ((text: string, r?: never) => {
  if (typeof text === 'string' && text.includes('"sourceId"')) parties++;
  return parse(text, r);
}) as typeof JSON.parse;
const normalize = String.prototype.normalize;
String.prototype.normalize = function (this: string, form?: string) {
  if (form === 'NFKD') nfkd++;
  return normalize.call(this, form);
};
for (const [label, file] of [
  ['old', process.env.OLD_CORE!],
  ['new', process.env.CURRENT_CORE!],
]) {
  const core = (await import(path.resolve(file!))) as Core;
  const shared = core.shareSnapshot(core.snapshotOfIndex(core.buildScreeningIndex(inputs, reference)));
  const index = core.indexOverSnapshot(shared, reference);
  core.shareExpansions(index, new core.SharedExpansions());
  parties = 0;
  nfkd = 0;
  let matches = 0;
  for (const q of batch) matches += core.screenParty(index, q, { limit: 10 }).length;
  console.log(
    `${label}: ${batch.length} subjects, ${matches} matches; parties parsed ${parties}, NFKD normalisations ${nfkd}`,
  );
}
