import * as core from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
const index = core.buildScreeningIndex(inputs, reference);
for (const n of ['Aisha Muammar el Qaddafi', 'Muhammad', 'Ali Hassan', 'Kim Jong']) {
  const q = { name: n, schema: 'Person' as const };
  const o = core.screenPartyOutcome(index, q);
  const weight = core.indexTokenWeight(index);
  const name = core.normalizeName(q.name, index.reference, q.schema);
  const { maxBonus, margin } = core.CANDIDATE_FLOOR;
  const threshold = core.DEFAULT_SCREENING_THRESHOLD;
  const cut: core.CandidateCut = { unscored: 0, atLeast: false, beyond: [] };
  core.findCandidateNames(index, name, weight, core.DEFAULT_CANDIDATE_CAP, 0.2, threshold - maxBonus - margin, cut);
  const prepared = core.prepareQuery(index, name, weight);
  const floor = core.nameScoreFloor(q, threshold);
  let exact = 0;
  for (const id of cut.beyond ?? []) {
    const listed = index.name(id);
    if (listed && core.nameScoreBound(index, prepared, listed, floor) >= floor) exact++;
  }
  const big = core.screenPartyOutcome(index, q, { candidateCap: 10000 });
  console.log(n, 'note', o.unscored, o.unscoredAtLeast, 'beyond', cut.beyond?.length, 'cutUnscored', cut.unscored, cut.atLeast, 'exact', exact, 'matches', o.matches.length, big.matches.length, 'variants', core.normalizeName(q.name, index.reference, q.schema).tokens);
}
