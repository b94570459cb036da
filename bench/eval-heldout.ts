/**
 * Held-out screening evaluation of issue 14. Builds the development set from
 * the mirror (bench/heldout/build-dev-set.ts), screens every case with the
 * current engine over an index of the real lists, and prints per set (a)-(d),
 * per class 1-8 and per script: recall@1 and top-5 recall at the default
 * threshold, the should-not-match pass rate, precision–recall points over
 * 0.70…0.99; then chooses a threshold on the `threshold` split
 * (heldout/metrics.ts `chooseThreshold`) and reports the `report` split at it.
 *
 *   npx tsx bench/eval-heldout.ts [--split tune|threshold|report[,…]] [--json out.json] [--misses N] [--set-a narrow]
 *
 * `--set-a narrow`: set (a) without the publications of heldout/set-a-sources.ts
 * (as up to Part 14). Tune on `tune` only; `threshold` is for choosing the threshold, `report` for
 * the figures a change claims. ENTENTE_SHARED_DATA overrides the mirror.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SCREENING_THRESHOLD } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { buildDevSet, setAFromArgv } from './heldout/build-dev-set.ts';
import { chooseThreshold, figures, type Outcome } from './heldout/metrics.ts';
import {
  curves,
  curveTable,
  figuresTable,
  groups,
  groupTitle,
  misses,
  ruleGroups,
} from './heldout/print-report.ts';
import { buildIndexes, FLOOR, screenCases } from './heldout/screen-cases.ts';
import { SPLITS, type Split } from './heldout/split.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const only = option('split')?.split(',') as Split[] | undefined;
  if (only?.some((s) => !SPLITS.includes(s)))
    throw new Error(`--split must be one or more (comma-separated) of ${SPLITS.join(', ')}`);
  const jsonOut = option('json');
  const showMisses = Number(option('misses') ?? 0);
  const t0 = performance.now();
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const parties = lists.flatMap((l) => l.parties);
  const all = await buildDevSet(lists, MIRROR, setAFromArgv());
  const cases = only ? all.filter((c) => only.includes(c.split)) : all;
  const t1 = performance.now();
  const indexes = buildIndexes(parties, reference, cases);
  const t2 = performance.now();
  const outcomes = screenCases(indexes, cases);
  const t3 = performance.now();
  const dt = DEFAULT_SCREENING_THRESHOLD;
  console.log(`# Held-out screening evaluation (issue 14)\n`);
  console.log(
    `mirror ${MIRROR}; ${parties.length} parties from ${lists.map((l) => l.source).join(', ')}; ` +
      `${all.length} cases (${SPLITS.map((s) => `${s} ${all.filter((c) => c.split === s).length}`).join(', ')}); ` +
      `screened ${cases.length} at floor ${FLOOR}, limit 10, default threshold ${dt}`,
  );
  console.log(
    `times: load + build set ${((t1 - t0) / 1000).toFixed(1)} s, indexes ${((t2 - t1) / 1000).toFixed(1)} s, screening ${((t3 - t2) / 1000).toFixed(1)} s (${((t3 - t2) / cases.length).toFixed(2)} ms per case)\n`,
  );
  const bySplit = new Map<Split, Outcome[]>(
    SPLITS.map((s) => [s, outcomes.filter((o) => o.case.split === s)] as [Split, Outcome[]]).filter(
      ([, o]) => o.length,
    ),
  );
  for (const [split, out] of bySplit) {
    console.log(`## split ${split}, default threshold ${dt}\n\n${figuresTable(out, dt)}\n`);
    console.log(
      `precision–recall points, split ${split} (recall@1 % / precision % / should-not-match flagged %):\n\n${curveTable(out)}\n`,
    );
  }
  const groupsLegend = groups(outcomes)
    .map(([label]) => `${label}: ${groupTitle(label)}`)
    .filter((l) => !l.endsWith(': '));
  console.log(groupsLegend.join('\n') + '\n');
  const tuned = bySplit.get('threshold');
  const choice = tuned ? chooseThreshold(tuned) : undefined;
  if (choice) {
    console.log(`## threshold chosen on the threshold split: ${choice.threshold} (${choice.reason})\n`);
    const report = bySplit.get('report');
    if (report)
      console.log(`report split at ${choice.threshold}:\n\n${figuresTable(report, choice.threshold)}\n`);
  }
  if (showMisses) console.log(misses(outcomes, dt, showMisses).join('\n'));
  if (jsonOut) {
    const json = {
      defaultThreshold: dt,
      floor: FLOOR,
      cases: { total: all.length, screened: cases.length },
      splits: Object.fromEntries(
        [...bySplit].map(([s, out]) => [
          s,
          {
            atDefault: Object.fromEntries(groups(out).map(([l, g]) => [l, figures(g, dt)])),
            rulesAtDefault: Object.fromEntries(ruleGroups(out).map(([l, g]) => [l, figures(g, dt)])),
            curves: curves(out),
          },
        ]),
      ),
      threshold: choice,
      misses: outcomes
        .filter((o) =>
          o.case.expect === 'match'
            ? !(o.topIsTruth && o.top >= dt)
            : (o.case.truth.length ? o.truthScore : o.top) >= dt,
        )
        .map((o) => ({
          id: o.case.id,
          split: o.case.split,
          query: o.case.query,
          listed: o.case.listed,
          got: o.got,
          top: o.top,
          truthRank: o.truthRank,
          truthScore: o.truthScore,
        })),
    };
    mkdirSync(path.dirname(path.resolve(jsonOut)), { recursive: true });
    writeFileSync(jsonOut, JSON.stringify(json, null, 1));
    console.log(`JSON written to ${jsonOut}`);
  }
}

await main();
