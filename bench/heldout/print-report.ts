/** Text tables of the held-out evaluation (what `bench/eval-heldout.ts` prints). */
import { CLASS_TITLES, SET_TITLES, type SetId } from './heldout-case.ts';
import { figures, groupBy, THRESHOLDS, type GroupFigures, type Outcome } from './metrics.ts';

const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(100 * x).toFixed(1)} %`);

/** The groups every report shows: each set, each class of set d (the rule-made pairs), each script of the queries. */
export function groups(outcomes: Outcome[]): [string, Outcome[]][] {
  // Set (a) three times, the old definitions first: every case (`set a (v1)`), the spellings by
  // distinctive words (`set a (v2)`), then those found within one UN name (`set a`, v3).
  const v1 = outcomes.filter((o) => o.case.set === 'a');
  const v2 = v1.filter((o) => o.case.spellingV2);
  return [
    ...(v1.length ? [['set a (v1)', v1] as [string, Outcome[]]] : []),
    ...(v2.length ? [['set a (v2)', v2] as [string, Outcome[]]] : []),
    ...[...groupBy(outcomes, (o) => (o.case.set === 'a' && !o.case.spellingV3 ? undefined : o.case.set))].map(
      ([k, v]): [string, Outcome[]] => [`set ${k}`, v],
    ),
    ...[...groupBy(outcomes, (o) => (o.case.set === 'd' && o.case.cls ? String(o.case.cls) : undefined))].map(
      ([k, v]): [string, Outcome[]] => [`class ${k}`, v],
    ),
    ...[...groupBy(outcomes, (o) => o.case.script)].map(([k, v]): [string, Outcome[]] => [`script ${k}`, v]),
  ];
}

/** One group per rule (`d3 initial-contradicts`, `a au-dfat-spelling`…), for the JSON output. */
export function ruleGroups(outcomes: Outcome[]): [string, Outcome[]][] {
  return [...groupBy(outcomes, (o) => `${o.case.set}${o.case.cls ?? ''} ${o.case.rule}`)];
}

/** Title of a group label ("set a", "class 3", "script Cyrl"). */
export function groupTitle(label: string): string {
  const [kind, key] = label.split(' ');
  if (label === 'set a (v1)') return `${SET_TITLES.a} (spelling test v1: every word counts)`;
  if (label === 'set a (v2)')
    return `${SET_TITLES.a} (spelling test v2: distinctive words, all names pooled)`;
  if (kind === 'set')
    return (
      SET_TITLES[key as SetId] + (key === 'a' ? ' (spelling test v3: distinctive words within one name)' : '')
    );
  if (kind === 'class') return CLASS_TITLES[Number(key)] ?? '';
  return '';
}

/**
 * One markdown table row per group at threshold t. With `screened` (the same cases screened as
 * a user does at t, `screenCaseAsUser`) each cell gives both: read from the floor screening /
 * as screened.
 */
export function figuresTable(outcomes: Outcome[], t: number, screened?: Outcome[]): string {
  const both = screened ? new Map(groups(screened).map(([l, g]) => [l, figures(g, t)])) : undefined;
  const cell = (f: GroupFigures, s: GroupFigures | undefined, k: keyof GroupFigures): string =>
    s ? `${pct(f[k])} / ${pct(s[k])}` : pct(f[k]);
  const lines = [
    `| group | should match | recall@1 | top-5 | should not match | passed | flagged (FP) | precision |`,
    `|---|---|---|---|---|---|---|---|`,
  ];
  for (const [label, group] of groups(outcomes)) {
    const f: GroupFigures = figures(group, t);
    const s = both?.get(label);
    if (both && !s) throw new Error(`group ${label} has no cases screened as a user`);
    lines.push(
      `| ${label} | ${f.match} | ${cell(f, s, 'recallAt1')} | ${cell(f, s, 'top5')} | ${f.noMatch} | ${cell(f, s, 'passNoMatch')} | ${cell(f, s, 'falsePositiveRate')} | ${cell(f, s, 'precision')} |`,
    );
  }
  return lines.join('\n');
}

/** Thresholds shown in the printed precision–recall table (the JSON holds all of THRESHOLDS). */
export const SHOWN = [0.7, 0.75, 0.8, 0.83, 0.86, 0.88, 0.9, 0.93, 0.95, 0.99];

/** Precision–recall points per group: "recall@1 / precision / should-not-match flagged" per threshold. */
export function curveTable(outcomes: Outcome[], shown = SHOWN): string {
  const lines = [
    `| group | ${shown.map((t) => t.toFixed(2)).join(' | ')} |`,
    `|---|${shown.map(() => '---').join('|')}|`,
  ];
  const cell = (f: GroupFigures): string =>
    [
      f.match ? (100 * f.recallAt1).toFixed(0) : '',
      f.match ? (100 * f.precision).toFixed(0) : '',
      f.noMatch ? (100 * f.falsePositiveRate).toFixed(1) : '',
    ]
      .map((x) => x || '·')
      .join('/');
  for (const [label, group] of groups(outcomes))
    lines.push(`| ${label} | ${shown.map((t) => cell(figures(group, t))).join(' | ')} |`);
  return lines.join('\n');
}

/** Every group's figures at every threshold, for the JSON output. */
export function curves(outcomes: Outcome[]): Record<string, GroupFigures[]> {
  const out: Record<string, GroupFigures[]> = {};
  for (const [label, group] of groups(outcomes)) out[label] = THRESHOLDS.map((t) => figures(group, t));
  return out;
}

/** True when case o is a miss at threshold t: should-match not found at rank 1, should-not-match flagged. */
export const isMiss = (o: Outcome, t: number): boolean =>
  o.case.expect === 'match'
    ? !(o.topIsTruth && o.top >= t)
    : o.case.truth.length
      ? o.truthScore >= t
      : o.top >= t;

/**
 * Misses at threshold t, for reading. With `floorRead` (the same cases read from the floor
 * screening), the misses that reading does not have are marked "(not a miss in the floor read)".
 */
export function misses(outcomes: Outcome[], t: number, perGroup: number, floorRead?: Outcome[]): string[] {
  const readMiss = floorRead && new Map(floorRead.map((o) => [o.case.id, isMiss(o, t)]));
  const lines: string[] = [];
  for (const [label, group] of ruleGroups(outcomes)) {
    const wrong = group.filter((o) => isMiss(o, t));
    for (const o of wrong.slice(0, perGroup))
      lines.push(
        `  ${label} ${o.case.expect}: "${o.case.query.name}"${o.case.query.birthDate ? ` b. ${o.case.query.birthDate}` : ''} (listed "${o.case.listed ?? ''}") → ${o.got ?? 'nothing'} ${o.top.toFixed(3)}; truth rank ${o.truthRank || '—'} ${o.truthScore.toFixed(3)}${readMiss?.get(o.case.id) === false ? ' (not a miss in the floor read)' : ''}`,
      );
  }
  return lines;
}
