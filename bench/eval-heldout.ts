/**
 * Held-out screening evaluation of issue 14. Builds the development set from
 * the mirror (bench/heldout/build-dev-set.ts), screens every case with the
 * current engine over an index of the real lists, and prints per set (a)-(e),
 * per class 1-8 and per script: recall@1 and top-5 recall at the default
 * threshold, the should-not-match pass rate, precision–recall points over
 * 0.70…0.99; then chooses a threshold on the `threshold` split
 * (heldout/metrics.ts `chooseThreshold`) and reports the `report` split at it.
 *
 * Every case is screened at the floor (0.70), and the precision–recall points
 * are read from those results ("floor-read"). A user screening at a higher
 * threshold can get fewer matches (the candidate search asks more of a name as
 * the threshold rises), so every case is screened again as the CLI and the API
 * screen it (`screenParty` with the default options) at the default threshold,
 * and at the chosen one when it differs ("as screened"). The tables at a
 * threshold give both, "floor-read / as screened"; the figures of the product
 * are the as-screened ones.
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
  isMiss,
  misses,
  ruleGroups,
} from './heldout/print-report.ts';
import { buildIndexes, FLOOR, screenCases, screenCasesAsUser } from './heldout/screen-cases.ts';
import { cpuMs } from './support/cpu.ts';
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
  const c2 = cpuMs();
  const outcomes = screenCases(indexes, cases);
  const t3 = performance.now();
  const c3 = cpuMs();
  const dt = DEFAULT_SCREENING_THRESHOLD;
  const screened = screenCasesAsUser(indexes, cases, dt);
  const t4 = performance.now();
  const c4 = cpuMs();
  console.log(`# Held-out screening evaluation (issue 14)\n`);
  console.log(
    `mirror ${MIRROR}; ${parties.length} parties from ${lists.map((l) => l.source).join(', ')}; ` +
      `${all.length} cases (${SPLITS.map((s) => `${s} ${all.filter((c) => c.split === s).length}`).join(', ')}); ` +
      `screened ${cases.length} at floor ${FLOOR}, limit 10, and as a user screens them (default options) at the default threshold ${dt}`,
  );
  console.log(
    `times: load + build set ${((t1 - t0) / 1000).toFixed(1)} s, indexes ${((t2 - t1) / 1000).toFixed(1)} s, screening at the floor ${((t3 - t2) / 1000).toFixed(1)} s (CPU ${((c3 - c2) / 1000).toFixed(1)} s, ${((c3 - c2) / cases.length).toFixed(2)} ms per case), ` +
      `as screened at ${dt} ${((t4 - t3) / 1000).toFixed(1)} s (CPU ${((c4 - c3) / 1000).toFixed(1)} s, ${((c4 - c3) / cases.length).toFixed(2)} ms per case)\n`,
  );
  console.log(
    `Tables at a threshold: each cell "floor-read / as screened" (read from the screening at the floor; ` +
      `what screenParty at that threshold with the default options returns, the product's figure). ` +
      `The precision–recall points are floor-read.\n`,
  );
  const splitsOf = (all: Outcome[]): Map<Split, Outcome[]> =>
    new Map<Split, Outcome[]>(
      SPLITS.map((s) => [s, all.filter((o) => o.case.split === s)] as [Split, Outcome[]]).filter(
        ([, o]) => o.length,
      ),
    );
  const bySplit = splitsOf(outcomes);
  const screenedBySplit = splitsOf(screened);
  for (const [split, out] of bySplit) {
    console.log(
      `## split ${split}, default threshold ${dt} (floor-read / as screened)\n\n${figuresTable(out, dt, screenedBySplit.get(split))}\n`,
    );
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
  // The report split as screened at the chosen threshold (the same screening when it is the default).
  const report = bySplit.get('report');
  const screenedAtChoice =
    choice && report
      ? choice.threshold === dt
        ? screenedBySplit.get('report')!
        : screenCasesAsUser(
            indexes,
            report.map((o) => o.case),
            choice.threshold,
          )
      : undefined;
  if (choice) {
    console.log(`## threshold chosen on the threshold split: ${choice.threshold} (${choice.reason})\n`);
    if (report)
      console.log(
        `report split at ${choice.threshold} (floor-read / as screened):\n\n${figuresTable(report, choice.threshold, screenedAtChoice)}\n`,
      );
  }
  const lost = outcomes.filter((o, i) => !isMiss(o, dt) && isMiss(screened[i]!, dt)).length;
  const gained = outcomes.filter((o, i) => isMiss(o, dt) && !isMiss(screened[i]!, dt)).length;
  console.log(
    `as screened at ${dt} against floor-read: ${lost} cases more missed, ${gained} fewer (of ${cases.length})\n`,
  );
  if (showMisses)
    console.log(`misses as screened at ${dt}:\n${misses(screened, dt, showMisses, outcomes).join('\n')}`);
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
            asScreened: {
              atDefault: Object.fromEntries(
                groups(screenedBySplit.get(s)!).map(([l, g]) => [l, figures(g, dt)]),
              ),
              rulesAtDefault: Object.fromEntries(
                ruleGroups(screenedBySplit.get(s)!).map(([l, g]) => [l, figures(g, dt)]),
              ),
            },
          },
        ]),
      ),
      threshold: choice,
      reportAtThreshold:
        choice && report && screenedAtChoice
          ? {
              floorRead: Object.fromEntries(
                groups(report).map(([l, g]) => [l, figures(g, choice.threshold)]),
              ),
              asScreened: Object.fromEntries(
                groups(screenedAtChoice).map(([l, g]) => [l, figures(g, choice.threshold)]),
              ),
            }
          : undefined,
      misses: missList(outcomes),
      missesAsScreened: missList(screened),
    };
    mkdirSync(path.dirname(path.resolve(jsonOut)), { recursive: true });
    writeFileSync(jsonOut, JSON.stringify(json, null, 1));
    console.log(`JSON written to ${jsonOut}`);
  }
}

/** The misses at the default threshold, for the JSON (split-mix.ts reads their ids). */
function missList(outcomes: Outcome[]): object[] {
  return outcomes
    .filter((o) => isMiss(o, DEFAULT_SCREENING_THRESHOLD))
    .map((o) => ({
      id: o.case.id,
      split: o.case.split,
      query: o.case.query,
      listed: o.case.listed,
      got: o.got,
      top: o.top,
      truthRank: o.truthRank,
      truthScore: o.truthScore,
    }));
}

await main();
