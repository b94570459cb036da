/**
 * Screens every case of the development set with the current engine
 * (`screenParty` of @entente/core) and records its outcome: once at the floor
 * (read at every threshold of the precision–recall points), and once as a
 * user screening at a threshold gets it (the figures at that threshold). Three indexes:
 * `full`, the lists as published; `latin`, every non-Latin name removed
 * (for the cross-script cases, whose query spelling the lists also carry);
 * `pairs`, one index per candidate of the independent pairs (set e), holding
 * that candidate alone (so a pair is scored against its own candidate, never
 * outranked by another pair's candidate).
 */
import { deserialize, serialize } from 'node:v8';
import {
  buildParty,
  buildColumnIndex,
  buildScreeningIndex,
  DEFAULT_SCREENING_THRESHOLD,
  indexFromSnapshot,
  indexOverSnapshot,
  screenParty,
  shareSnapshot,
  snapshotOfIndex,
  type ScreeningIndexSnapshot,
  type NameReference,
  type Party,
  type ScreeningIndex,
  type ScreeningMatch,
} from '@entente/core';
import { scriptOf } from './fold-name.ts';
import { pairCandidates, PAIRS_SOURCE } from './set-independent-pairs.ts';
import type { HeldoutCase } from './heldout-case.ts';
import type { Outcome } from './metrics.ts';

/** Lowest threshold screened: the precision–recall points start here. */
export const FLOOR = 0.7;

/** Results kept per query: enough for top-5 and for a truth party further down. */
const LIMIT = 10;

/** The parties with only their Latin-script names; parties left without a name are dropped. */
export function latinOnly(parties: Party[]): Party[] {
  const out: Party[] = [];
  for (const party of parties) {
    const names = party.names.filter((n) => scriptOf(n.full) === 'Latn');
    if (names.length) out.push({ ...party, names });
  }
  return out;
}

/** The indexes the cases are screened on; `pairs` by the candidate's entity id. */
export interface CaseIndexes {
  full: ScreeningIndex;
  latin: ScreeningIndex | undefined;
  pairs: Map<string, ScreeningIndex>;
}

/** The index case `c` is screened on (for set e: its candidate's own index). */
export function indexFor(indexes: CaseIndexes, c: HeldoutCase): ScreeningIndex {
  const index = c.index === 'pairs' ? indexes.pairs.get(c.truth[0]!) : indexes[c.index];
  if (!index) throw new Error(`no ${c.index} index for case ${c.id}`);
  return index;
}

/** Builds the indexes the cases need. */
export function buildIndexes(parties: Party[], reference: NameReference, cases: HeldoutCase[]): CaseIndexes {
  // EVAL_VIA_SNAPSHOT=columns: screen over indexes built straight into their columns (`buildColumnIndex`).
  const build = process.env.EVAL_VIA_SNAPSHOT === 'columns' ? buildColumnIndex : buildScreeningIndex;
  const full = build(
    parties.map((party) => ({ party })),
    reference,
  );
  const latin = cases.some((c) => c.index === 'latin')
    ? build(
        latinOnly(parties).map((party) => ({ party })),
        reference,
      )
    : undefined;
  const pairs = new Map<string, ScreeningIndex>();
  for (const { sourceId, name, schema } of pairCandidates()) {
    const party = buildParty({
      source: PAIRS_SOURCE,
      sourceId,
      schema,
      names: [{ full: name, quality: 'primary' }],
    });
    pairs.set(`${PAIRS_SOURCE}:${sourceId}`, build([{ party }], reference));
  }
  const each = (f: (index: ScreeningIndex) => ScreeningIndex) =>
    new Map([...pairs].map(([id, index]) => [id, f(index)]));
  // EVAL_VIA_SNAPSHOT=1: screen over the indexes as restored from their snapshots; =shared: over
  // read-only indexes on their snapshots' columns in shared memory, as workers do (the figures must not move).
  if (process.env.EVAL_VIA_SNAPSHOT === 'shared') {
    const over = (index: ScreeningIndex) =>
      indexOverSnapshot(shareSnapshot(snapshotOfIndex(index)), reference);
    return { full: over(full), latin: latin && over(latin), pairs: each(over) };
  }
  if (process.env.EVAL_VIA_SNAPSHOT === '1') {
    const restore = (index: ScreeningIndex) =>
      indexFromSnapshot(deserialize(serialize(snapshotOfIndex(index))) as ScreeningIndexSnapshot, reference);
    return { full: restore(full), latin: latin && restore(latin), pairs: each(restore) };
  }
  return { full, latin, pairs };
}

/** The outcome of case `c` from the results one screening returned for it. */
export function outcomeOf(c: HeldoutCase, results: readonly ScreeningMatch[]): Outcome {
  const truth = new Set(c.truth);
  const rank = results.findIndex((r) => truth.has(r.entityId));
  const top = results[0]?.score ?? 0;
  // Equal scores are ordered by entity id, which says nothing: a truth party tied with rank 1 is at rank 1.
  const truthRank = rank < 0 ? 0 : 1 + results.filter((r) => r.score > results[rank]!.score).length;
  return {
    case: c,
    top,
    topIsTruth: truthRank === 1,
    truthRank,
    truthScore: rank >= 0 ? results[rank]!.score : 0,
    ...(results[0] ? { got: `${results[0].matchedName} (${results[0].entityId})` } : {}),
  };
}

/**
 * Screens one case at `threshold` (default FLOOR), to be read at any threshold at or above it
 * (the precision–recall points). A screening at a higher threshold can return fewer matches
 * (the candidate search asks more of a name as the threshold rises): `screenCaseAsUser` gives
 * what a user screening at that threshold gets.
 */
export function screenCase(index: ScreeningIndex, c: HeldoutCase, threshold = FLOOR): Outcome {
  return outcomeOf(c, screenParty(index, c.query, { limit: LIMIT, threshold }));
}

/**
 * Screens one case as the CLI and the API do: `screenParty` with the default options (limit 10,
 * default candidate cap) at `threshold` (default: the default threshold). Its figures hold at
 * that threshold only.
 */
export function screenCaseAsUser(
  index: ScreeningIndex,
  c: HeldoutCase,
  threshold = DEFAULT_SCREENING_THRESHOLD,
): Outcome {
  return outcomeOf(c, screenParty(index, c.query, { threshold }));
}

/** Screens every case on its index at the floor (`screenCase`). */
export function screenCases(indexes: CaseIndexes, cases: HeldoutCase[], threshold = FLOOR): Outcome[] {
  return cases.map((c) => screenCase(indexFor(indexes, c), c, threshold));
}

/** Screens every case on its index as a user screening at `threshold` does (`screenCaseAsUser`). */
export function screenCasesAsUser(indexes: CaseIndexes, cases: HeldoutCase[], threshold: number): Outcome[] {
  return cases.map((c) => screenCaseAsUser(indexFor(indexes, c), c, threshold));
}
