/**
 * What a listed-side coverage in the retrieval's posting loop would rule out (issues 14, 18;
 * 2026-12-05, h37): the lever named in `docs/decisions/2026-12-04-name-score-bound.md`
 * ("Left"). For each query's main reading, the names `findCandidateNames` retrieves at
 * CANDIDATE_CAP are tested as the loop could test them from what it reads (each query word's
 * and each listed word's best similarity through the query's token expansions, the index's
 * token weights, initials as the retrieval counts them, the contained-name and generic-word
 * lifts): 0.82 · query share + 0.18 · listed share against (T1) the retrieval's own floor
 * (threshold − 0.08 − 0.03) and (T2) the name floor the name-score bound uses. A name a test
 * drops is counted, and so are those of them whose `nameScoreBound` passes (names the engine
 * scores today) and whose name score reaches the floor (names that can match): a test that
 * drops any of the last is not a true bound and would lose matches.
 *
 *   ENTENTE_SHARED_DATA=/work/shared/data [EXAMPLES=20] npx tsx bench/listed-side-bound.ts [--sets speed,register]
 *
 * EXAMPLES=n prints the first n names T1 drops that can match.
 */
import { loadavg } from 'node:os';
import * as core from '@entente/core';
import type { ScreeningQuery } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { registerQueries, retrievedAtCap, speedSubjects } from './support/candidate-sets.ts';

const QUERY_SHARE = 0.82;
const INITIAL = 0.9;

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};

async function main(): Promise<void> {
  const sets = (option('sets') ?? 'speed,register').split(',');
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const parties = lists.flatMap((l) => l.parties);
  const index = core.buildScreeningIndex(
    parties.map((party) => ({ party })),
    reference,
  );
  const weight = core.indexTokenWeight(index);
  const threshold = core.DEFAULT_SCREENING_THRESHOLD;
  const { maxBonus, margin } = core.CANDIDATE_FLOOR;
  const generic = index.compiled.genericOrgWords;
  const querySets: { label: string; queries: ScreeningQuery[] }[] = [];
  if (sets.includes('speed')) querySets.push({ label: 'speed subjects', queries: speedSubjects() });
  if (sets.includes('register'))
    querySets.push({ label: 'synthetic register 5,000', queries: registerQueries(parties) });
  console.log(`${parties.length} parties, load ${loadavg()[0]!.toFixed(1)}`);
  console.log(
    '| query set | names retrieved | name bound passes | T1 drops / of them bound passes / score ≥ floor | T2 drops / bound passes / score ≥ floor |',
  );
  console.log('|---|---|---|---|---|');
  for (const set of querySets) {
    let retrieved = 0;
    let bounded = 0;
    const examples: string[] = [];
    const t = [
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (const q of set.queries) {
      const name = core.normalizeName(q.name, index.reference, q.schema);
      if (name.tokens.length === 0 || name.originalTokens) continue; // original script: kept whole
      const prepared = core.prepareQuery(index, name, weight);
      const floor = core.nameScoreFloor(q, threshold);
      const ids = retrievedAtCap(core, index, name, weight);
      // Each query word's expansion: token id → similarity (what the posting loop reads).
      const expansions = name.tokens.map((token) => {
        const e = core.expandToken(index, token);
        const m = new Map<number, number>();
        for (let k = 0; k < e.ids.length; k++) m.set(e.ids[k]!, e.similarities[k]!);
        return m;
      });
      const joinedId = index.vocabulary.get(name.tokens.join(''));
      const qw = name.tokens.map((x) => weight(x));
      for (const id of ids) {
        const listed = index.name(id);
        if (!listed) continue;
        retrieved++;
        const passes = core.nameScoreBound(index, prepared, listed, floor) >= floor;
        if (passes) bounded++;
        const cids = listed.tokenIds;
        const ct = listed.normalized.tokens;
        const organisation = core.isOrganisationPair(name, listed.normalized);
        let keep = joinedId !== undefined && listed.keyIds.includes(joinedId);
        // Query share and listed share from the expansions, initials counted as the retrieval does.
        const cBest = cids.map((c, j) => {
          let b = 0;
          for (let i = 0; i < expansions.length; i++) {
            const s = expansions[i]!.get(c) ?? 0;
            if (s > b) b = s;
            if (ct[j]!.length === 1 && name.tokens[i]![0] === ct[j]) b = Math.max(b, INITIAL);
          }
          return b;
        });
        const cw = cids.map((c) => core.tokenIdWeight(index, c));
        let qNum = 0;
        let qDen = 0;
        let qDrop = 0;
        for (let i = 0; i < expansions.length; i++) {
          let b = name.tokens[i]!.length === 1 ? INITIAL : 0;
          for (let j = 0; j < cids.length; j++) {
            const s = expansions[i]!.get(cids[j]!) ?? 0;
            if (s > b) b = s;
            if (ct[j]!.length === 1 && name.tokens[i]![0] === ct[j]) b = Math.max(b, INITIAL);
          }
          qNum += qw[i]! * b;
          qDen += qw[i]!;
          if (organisation && generic.has(name.tokens[i]!) && b === 0) qDrop += qw[i]!;
        }
        let cNum = 0;
        let cDen = 0;
        let cDrop = 0;
        for (let j = 0; j < cids.length; j++) {
          cNum += cw[j]! * cBest[j]!;
          cDen += cw[j]!;
          if ((organisation && generic.has(ct[j]!)) || ct[j] === 'al' || ct[j] === 'el')
            if (cBest[j] === 0) cDrop += cw[j]!;
        }
        const qShare = Math.min(1, qDen - qDrop > 0 ? qNum / (qDen - qDrop) : 1);
        const cShare = Math.min(1, cDen - cDrop > 0 ? cNum / (cDen - cDrop) : 1);
        const reach = QUERY_SHARE * qShare + (1 - QUERY_SHARE) * cShare;
        // A listed name shorter than the query scores at most its own coverage.
        const contained = cids.length < name.tokens.length ? cShare : 0;
        const score = passes ? core.scoreIndexedName(index, prepared, listed) : 0;
        [threshold - maxBonus - margin, floor].forEach((f, k) => {
          if (keep || reach >= f || contained >= f) return;
          t[k]![0]!++;
          if (passes) t[k]![1]!++;
          if (score >= floor) {
            t[k]![2]!++;
            if (k === 0 && examples.length < Number(process.env.EXAMPLES ?? 0))
              examples.push(
                `"${name.tokens.join(' ')}" vs "${ct.join(' ')}": score ${score.toFixed(3)}, query share ${qShare.toFixed(2)}, listed share ${cShare.toFixed(2)}`,
              );
          }
        });
        keep = false;
      }
    }
    console.log(`| ${set.label} | ${retrieved} | ${bounded} | ${t[0]!.join(' / ')} | ${t[1]!.join(' / ')} |`);
    for (const e of examples) console.log(`  dropped by T1, can match: ${e}`);
  }
  console.log(`(load ${loadavg()[0]!.toFixed(1)})`);
}

await main();
