/**
 * Why set (a)'s misses are missed, and how its figures are made up.
 *
 *   npx tsx bench/heldout/diagnose-set-a.ts [--split tune[,threshold]] [--json bench/.out/a.json] [--quiet]
 *     [--set-a-definition v1|v2|v3]
 *
 * `--set-a-definition`: v3 (the default) reads the spellings by distinctive
 * words within one UN name (docs/decisions/2026-12-05-set-a-one-name.md), v2
 * by distinctive words of all the subject's names pooled, v1 every case of
 * the old spelling test (docs/decisions/2026-12-04-set-a-distinctive-words.md).
 *
 * For each split: how concentrated set (a) is (cases, subjects, spellings per
 * subject, the largest subjects), recall@1 per spelling (micro, the issue's
 * figure) beside recall@1 per subject (macro: each subject's share of its
 * spellings found, averaged over subjects), and recall by source list, kind
 * (person / organisation) and script of the query.
 *
 * For every missed case (not the truth at rank 1 at the default threshold):
 * whether the index proposes a name of the truth party at all (with the bound
 * screenParty uses, and without bound or limit), and the best name score any
 * of the truth party's names gets when scored directly. Causes: `not-proposed`
 * (a truth name would score at the threshold but the candidates never hold
 * it), `pruned` (proposed only without the bound or limit), `scored-low`
 * (proposed, best truth name under the threshold), `outranked` (truth at the
 * threshold, another party higher).
 *
 * Tune on `tune` only; `threshold` may be read to check that a rule
 * generalises; `report` is read once, at the end of a change.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_SCREENING_THRESHOLD,
  findCandidateNames,
  indexTokenWeight,
  normalizeName,
  prepareQuery,
  scoreIndexedName,
  type ScreeningIndex,
} from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { buildDevSet } from './build-dev-set.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { foundAt1, type Outcome } from './metrics.ts';
import { buildIndexes, screenCase } from './screen-cases.ts';
import { SPLITS, type Split } from './split.ts';

/** One set (a) case with its outcome and, when missed, its cause. */
export interface SetACase {
  id: string;
  split: Split;
  subject: string;
  source: string;
  schema: string;
  script: string;
  query: string;
  listed?: string;
  found: boolean;
  cause?: string;
  detail?: string;
}

/** The cause of one miss (see the module comment) and a line to read. */
export function missCause(
  index: ScreeningIndex,
  c: HeldoutCase,
  o: Outcome,
  t = DEFAULT_SCREENING_THRESHOLD,
): { cause: string; detail: string } {
  const weight = indexTokenWeight(index);
  const q = normalizeName(c.query.name, index.reference, c.query.schema);
  const prepared = prepareQuery(index, q, weight);
  const truthNames = c.truth.flatMap((id) => index.get(id)?.names ?? []);
  let direct = 0;
  let directName = '';
  for (const id of truthNames) {
    const s = scoreIndexedName(index, prepared, index.names[id]!);
    if (s > direct) [direct, directName] = [s, index.names[id]!.text];
  }
  const bounded = new Set(findCandidateNames(index, q, weight, 150, 0.2, t - 0.1 - 0.03));
  const open = new Set(findCandidateNames(index, q, weight, 1_000_000, 0, 0));
  const proposed = truthNames.some((id) => bounded.has(id));
  const reached = truthNames.some((id) => open.has(id));
  const cause =
    o.truthScore >= t
      ? 'outranked'
      : direct >= t && !proposed
        ? reached
          ? 'pruned'
          : 'not-proposed'
        : 'scored-low';
  const detail = `direct ${direct.toFixed(3)} via "${directName}" | got ${o.truthScore ? o.truthScore.toFixed(3) : '—'}; top ${o.got ?? '—'} ${o.top.toFixed(3)} | proposed ${proposed} reached ${reached}`;
  return { cause, detail };
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');

/** Per-spelling and per-subject recall of a group of cases. */
export function microMacro(cases: SetACase[]): { n: number; subjects: number; micro: string; macro: string } {
  const bySubject = new Map<string, SetACase[]>();
  for (const c of cases) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  const shares = [...bySubject.values()].map((g) => g.filter((c) => c.found).length / g.length);
  const macro = shares.reduce((a, b) => a + b, 0);
  return {
    n: cases.length,
    subjects: bySubject.size,
    micro: pct(cases.filter((c) => c.found).length, cases.length),
    macro: pct(macro, shares.length),
  };
}

function table(title: string, cases: SetACase[], key: (c: SetACase) => string): string {
  const groups = new Map<string, SetACase[]>();
  for (const c of cases) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  const rows = [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([k, g]) => {
      const m = microMacro(g);
      return `| ${k} | ${m.n} | ${m.subjects} | ${m.micro} | ${m.macro} | ${g.filter((c) => !c.found).length} |`;
    });
  return [
    `| ${title} | spellings | subjects | recall@1 per spelling | per subject | misses |`,
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The analysis of one split as markdown. */
export function analyse(split: string, cases: SetACase[]): string {
  const out: string[] = [`## set (a), split ${split}`];
  const m = microMacro(cases);
  out.push(
    `${m.n} spellings of ${m.subjects} subjects; recall@1 at ${DEFAULT_SCREENING_THRESHOLD}: per spelling ${m.micro}, per subject ${m.macro}`,
  );
  const bySubject = new Map<string, SetACase[]>();
  for (const c of cases) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  const sizes = [...bySubject.values()].map((g) => g.length);
  const bucket = (n: number): string =>
    n === 1 ? '1' : n === 2 ? '2' : n <= 5 ? '3-5' : n <= 10 ? '6-10' : '11+';
  out.push(table('spellings per subject', cases, (c) => bucket(bySubject.get(c.subject)!.length)));
  const ordered = [...bySubject].sort((a, b) => b[1].length - a[1].length);
  const largest = ordered.slice(0, 10);
  out.push(
    `largest subjects (${largest.reduce((n, [, g]) => n + g.length, 0)} of ${cases.length} spellings in the 10 largest; median ${sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)]} per subject):`,
    ...largest.map(
      ([s, g]) =>
        `  ${s} (${g[0]!.schema}, "${g[0]!.listed}"): ${g.filter((c) => c.found).length}/${g.length} found; sources ${[...new Set(g.map((c) => c.source))].join(',')}`,
    ),
  );
  for (const k of [5, 10]) {
    const rest = ordered.slice(k).flatMap(([, g]) => g);
    out.push(
      `without the ${k} largest subjects: ${microMacro(rest).n} spellings, per spelling ${microMacro(rest).micro}`,
    );
  }
  out.push(table('source list', cases, (c) => c.source));
  out.push(table('kind', cases, (c) => c.schema));
  out.push(table('script', cases, (c) => c.script));
  out.push(
    table(
      'cause of the miss',
      cases.filter((c) => !c.found),
      (c) => c.cause ?? '',
    ),
  );
  return out.join('\n\n');
}

async function main(): Promise<void> {
  const option = (name: string): string | undefined => {
    const joined = process.argv.find((a) => a.startsWith(`--${name}=`));
    if (joined) return joined.slice(name.length + 3);
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const splits = (option('split') ?? 'tune').split(',') as Split[];
  for (const s of splits) if (!SPLITS.includes(s)) throw new Error(`unknown split ${s}`);
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const parties = lists.flatMap((l) => l.parties);
  const definition = option('set-a-definition') ?? 'v3';
  if (!['v1', 'v2', 'v3'].includes(definition)) throw new Error('--set-a-definition must be v1, v2 or v3');
  const cases = (await buildDevSet(lists, MIRROR)).filter(
    (c) =>
      c.set === 'a' &&
      splits.includes(c.split) &&
      c.expect === 'match' &&
      (definition === 'v1' || (definition === 'v2' ? c.spellingV2 : c.spellingV3)),
  );
  const index = buildIndexes(parties, reference, cases).full!;
  const t = DEFAULT_SCREENING_THRESHOLD;
  const rows: SetACase[] = cases.map((c) => {
    const o = screenCase(index, c);
    const row: SetACase = {
      id: c.id,
      split: c.split,
      subject: c.subject,
      source: c.rule.replace(/-spelling$/, ''),
      schema: c.query.schema ?? '',
      script: c.script,
      query: c.query.name,
      ...(c.listed ? { listed: c.listed } : {}),
      found: foundAt1(o, t),
    };
    return row.found ? row : { ...row, ...missCause(index, c, o, t) };
  });
  for (const s of splits) {
    const own = rows.filter((r) => r.split === s);
    console.log(analyse(s, own) + '\n');
    if (!process.argv.includes('--quiet'))
      console.log(
        own
          .filter((r) => !r.found)
          .map((r) => `${r.cause}\t${r.source}\t${r.query}\t| listed ${r.listed}\t| ${r.detail}`)
          .sort()
          .join('\n') + '\n',
      );
  }
  const json = option('json');
  if (json) writeFileSync(json, JSON.stringify(rows, null, 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
