/**
 * Screens the wider Arabic-script → Latin set (set-arabic-latin.ts) with the
 * current engine, as a user screens (default options) at the default
 * threshold, against the Latin names of every list of the mirror.
 *
 *   npx tsx bench/heldout/eval-arabic-latin.ts [--list tune] [--json bench/.out/arabic.json]
 *
 * Prints per half (tune / check): cases, subjects, recall@1, recall@1 by the
 * list that carries the spelling, the truth's score among the misses (read
 * from a screening at the floor, 0.70) and the cause of each miss
 * (`arabicMissCause`: scored-low, pruned, not-proposed, outranked, over
 * every reading of the query, as screenParty screens it). `--list tune` prints the tune half's misses; the check half's
 * are counted only (read it to check a rule, not to find one).
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  buildScreeningIndex,
  CANDIDATE_FLOOR,
  DEFAULT_CANDIDATE_CAP,
  DEFAULT_SCREENING_THRESHOLD,
  findCandidateNames,
  indexTokenWeight,
  normalizeName,
  prepareQuery,
  queryVariants,
  scoreIndexedName,
  screenParty,
  type ScreeningIndex,
  type ScreeningMatch,
} from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { FLOOR, latinOnly } from './screen-cases.ts';
import { buildArabicLatinSet, type ArabicHalf, type ArabicLatinCase } from './set-arabic-latin.ts';

/** One case's outcome. */
interface Row {
  id: string;
  half: ArabicHalf;
  subject: string;
  source: string;
  query: string;
  found: boolean;
  /** The truth's best score at the floor (0 when not among the ten returned). */
  truthScore: number;
  cause?: string;
  detail?: string;
}

/** Rank of the best truth party in `results` (ties with rank 1 count as rank 1), and its score; rank 0 when absent. */
function truthRank(c: ArabicLatinCase, results: readonly ScreeningMatch[]): { rank: number; score: number } {
  const truth = new Set(c.truth);
  const at = results.findIndex((r) => truth.has(r.entityId));
  if (at < 0) return { rank: 0, score: 0 };
  const score = results[at]!.score;
  return { rank: 1 + results.filter((r) => r.score > score).length, score };
}

/** Screens one case as a user does and, when missed, at the floor and for its cause. */
export function screenArabicCase(index: ScreeningIndex, c: ArabicLatinCase): Row {
  const t = DEFAULT_SCREENING_THRESHOLD;
  const asUser = screenParty(index, c.query, { threshold: t });
  const { rank } = truthRank(c, asUser);
  const row: Row = {
    id: c.id,
    half: c.half,
    subject: c.subject,
    source: c.source,
    query: c.query.name,
    found: rank === 1,
    truthScore: 0,
  };
  if (row.found) return { ...row, truthScore: truthRank(c, asUser).score };
  const floor = screenParty(index, c.query, { limit: 10, threshold: FLOOR });
  const { score } = truthRank(c, floor);
  const top = floor[0];
  const got = `got ${score ? score.toFixed(3) : '—'}; top ${top ? `${top.matchedName} ${top.score.toFixed(3)}` : '—'}`;
  const { cause, detail } = arabicMissCause(index, c, score, t);
  return { ...row, truthScore: score, cause, detail: `${detail} | ${got}` };
}

/**
 * Why a case is missed, over every reading of the query (`queryVariants`: the letters, the
 * Arabic reading, the query's parts): `outranked` (the truth reaches `t` at the floor, another
 * party is higher, or the screening at `t` did not keep it), `pruned` (a truth name would score
 * `t` directly but the capped, bounded retrieval never proposes it; the open one does),
 * `not-proposed` (not even the open retrieval does), `scored-low` (no reading's best truth name
 * reaches `t`).
 */
export function arabicMissCause(
  index: ScreeningIndex,
  c: ArabicLatinCase,
  truthScore: number,
  t = DEFAULT_SCREENING_THRESHOLD,
): { cause: string; detail: string } {
  const weight = indexTokenWeight(index);
  const q = normalizeName(c.query.name, index.reference, c.query.schema);
  const truthNames = c.truth.flatMap((id) => index.get(id)?.names ?? []);
  const need = t - CANDIDATE_FLOOR.maxBonus - CANDIDATE_FLOOR.margin;
  let direct = 0;
  let via = '';
  let proposed = false;
  let reached = false;
  for (const v of queryVariants(index, c.query, q)) {
    const prepared = prepareQuery(index, v, weight);
    for (const id of truthNames) {
      const s = scoreIndexedName(index, prepared, index.names[id]!);
      if (s > direct) [direct, via] = [s, `"${v.tokens.join(' ')}" / "${index.names[id]!.text}"`];
    }
    const bounded = new Set(findCandidateNames(index, v, weight, DEFAULT_CANDIDATE_CAP, 0.2, need));
    const open = new Set(findCandidateNames(index, v, weight, 1_000_000, 0, 0));
    proposed ||= truthNames.some((id) => bounded.has(id));
    reached ||= truthNames.some((id) => open.has(id));
  }
  const cause =
    truthScore >= t
      ? 'outranked'
      : direct >= t && !proposed
        ? reached
          ? 'pruned'
          : 'not-proposed'
        : 'scored-low';
  return { cause, detail: `direct ${direct.toFixed(3)} ${via} | proposed ${proposed} reached ${reached}` };
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');

function countBy(rows: Row[], key: (r: Row) => string): string {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(
      ([k, g]) =>
        `${k} ${g.filter((r) => r.found).length}/${g.length} (${pct(g.filter((r) => r.found).length, g.length)})`,
    )
    .join(', ');
}

const BUCKETS = [0, 0.7, 0.75, 0.8, 0.84, 0.86];
const bucketOf = (s: number): string => {
  if (s < 0.7) return '< 0.70 (not returned at the floor)';
  const i = BUCKETS.findLastIndex((b) => s >= b);
  return `${BUCKETS[i]!.toFixed(2)}–${(BUCKETS[i + 1] ?? 1).toFixed(2)}`;
};

/** The figures of one half as lines of text. */
export function summarise(half: ArabicHalf, rows: Row[]): string {
  const misses = rows.filter((r) => !r.found);
  const subjects = new Set(rows.map((r) => r.subject)).size;
  const scores = new Map<string, number>();
  for (const r of misses) scores.set(bucketOf(r.truthScore), (scores.get(bucketOf(r.truthScore)) ?? 0) + 1);
  const causes = new Map<string, number>();
  for (const r of misses) causes.set(r.cause ?? '', (causes.get(r.cause ?? '') ?? 0) + 1);
  return [
    `## half ${half}: ${rows.length} spellings of ${subjects} subjects; recall@1 as screened at ${DEFAULT_SCREENING_THRESHOLD}: ` +
      `${rows.length - misses.length}/${rows.length} (${pct(rows.length - misses.length, rows.length)})`,
    `by list: ${countBy(rows, (r) => r.source)}`,
    `misses by the truth's score at the floor: ${[...scores]
      .sort()
      .map(([k, n]) => `${k}: ${n}`)
      .join('; ')}`,
    `misses by cause: ${[...causes]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const parties = lists.flatMap((l) => l.parties);
  const { cases, excluded } = await buildArabicLatinSet(lists, MIRROR);
  const index = buildScreeningIndex(
    latinOnly(parties).map((party) => ({ party })),
    reference,
  );
  const byCase = new Map(cases.map((c) => [c.id, c]));
  const rows = cases.map((c) => screenArabicCase(index, c));
  console.log(
    `# Arabic-script → Latin, wider set: ${cases.length} spellings, ${excluded.size} held-out subjects left out\n`,
  );
  for (const half of ['tune', 'check'] as const)
    console.log(
      summarise(
        half,
        rows.filter((r) => r.half === half),
      ) + '\n',
    );
  const list = option('list');
  if (list === 'tune')
    for (const r of rows
      .filter((r) => r.half === 'tune' && !r.found)
      .sort((a, b) => b.truthScore - a.truthScore))
      console.log(
        `${r.cause}\t${r.source}\t${r.query}\t| ${byCase.get(r.id)!.latin.slice(0, 4).join(' / ')}\t| ${r.detail}`,
      );
  const json = option('json');
  if (json) writeFileSync(json, JSON.stringify(rows, null, 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
