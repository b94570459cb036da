/**
 * What kinds of cases each split of set (a) (spelling test v3) holds, counted
 * by attributes of the case alone — never by the engine's result, so the
 * `report` split can be described without being read: person or
 * organisation, script, the authority that published the spelling, the UN
 * regime, words in the spelling, whether it adds distinctive words no UN name
 * of the subject holds, whether its distinctive words all spell words of one
 * UN name, and how the cases spread over subjects.
 *
 *   npx tsx bench/heldout/split-mix.ts [--outcomes bench/.out/tt.json [--report] [--floor-read]] [--set-a narrow]
 *
 * With `--outcomes` (the JSON of `eval-heldout.ts --json`, tune and threshold
 * only) it also prints recall@1 per attribute value on those splits, and the
 * standard error of recall@1 by subject (ratio estimator over subjects),
 * the design effect that the binomial ±√(p(1−p)/n) leaves out, projected
 * onto the report split's subject sizes; and the recall@1 the report split's
 * mix of each attribute would give at the tune + threshold rates per value.
 * `--report` reads the report split's outcomes too (aggregates only: per
 * attribute value and the misses of its largest subjects, as counts) — once,
 * at the end of a piece of work. A case counts as found when it is not among
 * the misses as screened at the default threshold (`missesAsScreened`: what
 * `screenParty` returns a user); `--floor-read` takes the misses read from the
 * screening at the floor instead (`misses`, the only ones in JSON written
 * before as-screened figures were added).
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_SCREENING_THRESHOLD, namePartsOf, type Party } from '@entente/core';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { buildDevSet, setAFromArgv } from './build-dev-set.ts';
import { foldWords, scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { closeWordsV3, distinctiveWords } from './set-un-spellings.ts';
import { SPLITS, type Split } from './split.ts';

const at = process.argv.indexOf('--outcomes');
const outcomesFile = at > 0 ? process.argv[at + 1] : undefined;
/** `--report`: the report split's outcomes in `--outcomes` are read too, as aggregates (once, at the end). */
const readReport = process.argv.includes('--report');
/** `--floor-read`: the misses read from the screening at the floor, not those as screened. */
const floorRead = process.argv.includes('--floor-read');

const lists = await loadMirrorLists(MIRROR, () => {});
const un = new Map<string, Party>();
for (const p of lists.flatMap((l) => l.parties))
  if (p.source === 'un-sc' && p.unReference) un.set(p.unReference, p);
const cases = (await buildDevSet(lists, MIRROR, setAFromArgv())).filter((c) => c.set === 'a' && c.spellingV3);

/** The UN reference of a set (a) case (its id is `a:<reference>:<key>`). */
const refOf = (c: HeldoutCase): string => c.id.split(':')[1]!;

/** The UN names (packed names split) of the case's subject in the spelling's script. */
function unParts(c: HeldoutCase): string[] {
  const names = (un.get(refOf(c))?.names ?? []).map((n) => n.full).filter((n) => scriptOf(n) === c.script);
  return names.flatMap((n) => {
    const parts = namePartsOf(n);
    return parts.length > 0 ? parts : [n];
  });
}

const bucket = (n: number, top: number): string => (n >= top ? `${top}+` : String(n));

/** Attribute → value of one case; none of them reads a screening result. */
const ATTRIBUTES: Record<string, (c: HeldoutCase) => string> = {
  kind: (c) => c.query.schema ?? '?',
  script: (c) => c.script,
  source: (c) => c.rule.replace(/-spelling$/, ''),
  regime: (c) => refOf(c).slice(0, 3),
  words: (c) => bucket(foldWords(c.query.name).length, 6),
  'distinctive words': (c) => bucket(distinctiveWords(c.query.name).length, 4),
  'adds a distinctive word': (c) => {
    if (c.script !== 'Latn') return 'not Latin';
    const listed = unParts(c).flatMap((n) => foldWords(n));
    return String(distinctiveWords(c.query.name).some((w) => !listed.some((u) => closeWordsV3(w, u))));
  },
  'distinctive words all in one UN name': (c) => {
    if (c.script !== 'Latn') return 'not Latin';
    const words = distinctiveWords(c.query.name);
    return String(
      unParts(c).some((n) => {
        const listed = foldWords(n);
        return words.every((w) => listed.some((u) => closeWordsV3(w, u)));
      }),
    );
  },
  'more words than the UN name closest in length': (c) => {
    const lengths = unParts(c).map((n) => foldWords(n).length);
    const n = foldWords(c.query.name).length;
    if (lengths.length === 0) return 'no UN name in its script';
    const closest = lengths.reduce((a, b) => (Math.abs(b - n) < Math.abs(a - n) ? b : a));
    return n > closest ? 'more' : n < closest ? 'fewer' : 'same';
  },
};

const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '—');

/** Ids of the misses at the default threshold in `--outcomes` (every other case of its splits was found). */
const missed = new Set<string>();
const screened = new Set<Split>();
if (outcomesFile) {
  const json = JSON.parse(readFileSync(outcomesFile, 'utf8')) as {
    splits: Record<string, unknown>;
    misses: { id: string; split: Split }[];
    missesAsScreened?: { id: string; split: Split }[];
  };
  for (const s of Object.keys(json.splits) as Split[]) if (s !== 'report' || readReport) screened.add(s);
  const read = floorRead ? json.misses : json.missesAsScreened;
  if (!read)
    throw new Error(`${outcomesFile} has no misses as screened: write it again, or read --floor-read`);
  for (const m of read) missed.add(m.id);
}
const t = DEFAULT_SCREENING_THRESHOLD;
const found = (c: HeldoutCase): boolean | undefined =>
  screened.has(c.split) ? !missed.has(c.id) : undefined;

const bySplit = new Map(SPLITS.map((s) => [s, cases.filter((c) => c.split === s)]));
console.log(`# Set (a) (spelling test v3) by split: ${cases.length} cases\n`);
if (outcomesFile)
  console.log(
    `found: ${floorRead ? 'read from the screening at the floor' : 'as screened (screenParty at the default threshold)'}\n`,
  );
console.log(`| attribute | value | ${SPLITS.map((s) => `${s} n (%)`).join(' | ')} |`);
console.log(`|---|---|${SPLITS.map(() => '---').join('|')}|`);
for (const [name, of] of Object.entries(ATTRIBUTES)) {
  const values = [...new Set(cases.map(of))].sort();
  for (const v of values) {
    const cells = SPLITS.map((s) => {
      const all = bySplit.get(s)!;
      const these = all.filter((c) => of(c) === v);
      const read = screened.has(s) ? these.map(found).filter((f) => f !== undefined) : [];
      const recall = read.length ? `; found ${pct(read.filter(Boolean).length, read.length)} %` : '';
      return `${these.length} (${pct(these.length, all.length)})${recall}`;
    });
    console.log(`| ${name} | ${v} | ${cells.join(' | ')} |`);
  }
}

console.log(`\n## Subjects\n`);
for (const s of SPLITS) {
  const all = bySplit.get(s)!;
  const per = new Map<string, number>();
  for (const c of all) per.set(c.subject, (per.get(c.subject) ?? 0) + 1);
  const sizes = [...per.values()].sort((a, b) => b - a);
  const top = [...per].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const largest = top.map(([subject, n]) => {
    const missedHere = screened.has(s)
      ? all.filter((c) => c.subject === subject && !found(c)).length
      : undefined;
    return `${n} (${pct(n, all.length)} %${missedHere === undefined ? '' : `, ${missedHere} missed`})`;
  });
  const p = 0.75;
  console.log(
    `${s}: ${all.length} cases, ${per.size} subjects, cases per subject median ${sizes[Math.floor(sizes.length / 2)]}, ` +
      `largest three ${largest.join(', ')}; binomial ±${(100 * Math.sqrt((p * (1 - p)) / all.length)).toFixed(1)} % at p = ${p}`,
  );
}

/** Standard error of a share by subject (ratio estimator over subjects: y hits of m cases each). */
function clusterSe(groups: { y: number; m: number }[]): number {
  const k = groups.length;
  const n = groups.reduce((a, g) => a + g.m, 0);
  const p = groups.reduce((a, g) => a + g.y, 0) / n;
  const ss = groups.reduce((a, g) => a + (g.y - p * g.m) ** 2, 0);
  return Math.sqrt((k / (k - 1)) * ss) / n;
}

/** Σm² / Σm over subjects: the mean number of cases per subject that a case sees. */
const weightedSize = (sizes: number[]): number =>
  sizes.reduce((a, m) => a + m * m, 0) / sizes.reduce((a, m) => a + m, 0);

if (screened.size) {
  const readable = SPLITS.filter((x) => screened.has(x) && x !== 'report');
  const read = cases.filter((c) => c.split !== 'report' && found(c) !== undefined);
  console.log(`\n## Standard error of recall@1 at ${t}: by case (binomial) and by subject\n`);
  let rho = 0;
  for (const label of [...readable, readable.join(' + '), ...(screened.has('report') ? ['report'] : [])]) {
    const these = label.includes(' + ')
      ? read
      : cases.filter((c) => c.split === label && found(c) !== undefined);
    const bySubject = new Map<string, { y: number; m: number }>();
    for (const c of these) {
      const g = bySubject.get(c.subject) ?? { y: 0, m: 0 };
      g.m++;
      if (found(c)) g.y++;
      bySubject.set(c.subject, g);
    }
    const groups = [...bySubject.values()];
    const p = groups.reduce((a, g) => a + g.y, 0) / these.length;
    const binomial = Math.sqrt((p * (1 - p)) / these.length);
    const se = clusterSe(groups);
    const deff = (se / binomial) ** 2;
    const mw = weightedSize(groups.map((g) => g.m));
    if (label !== 'report') rho = Math.max(0, (deff - 1) / (mw - 1));
    console.log(
      `${label}: ${these.length} cases, ${groups.length} subjects, recall@1 ${pct(p * these.length, these.length)} %; ` +
        `binomial ±${(100 * binomial).toFixed(1)} %, by subject ±${(100 * se).toFixed(1)} % ` +
        `(design effect ${deff.toFixed(2)}, cases per subject as a case sees them ${mw.toFixed(1)}, intra-subject correlation ${rho.toFixed(2)})`,
    );
  }
  const report = bySplit.get('report')!;
  const sizes = new Map<string, number>();
  for (const c of report) sizes.set(c.subject, (sizes.get(c.subject) ?? 0) + 1);
  const mw = weightedSize([...sizes.values()]);
  for (const p of [0.75, 0.85]) {
    const binomial = Math.sqrt((p * (1 - p)) / report.length);
    const deff = 1 + (mw - 1) * rho;
    console.log(
      `report (projected from its subject sizes and the correlation of tune + threshold): ${report.length} cases, ` +
        `cases per subject as a case sees them ${mw.toFixed(1)}; at p = ${p} binomial ±${(100 * binomial).toFixed(1)} %, ` +
        `by subject ±${(100 * binomial * Math.sqrt(deff)).toFixed(1)} % (design effect ${deff.toFixed(2)})`,
    );
  }

  console.log(
    `\n## Recall@1 at ${t} the report split's mix would give, at the rates of tune + threshold per value (post-stratified)\n`,
  );
  const overall = read.filter((c) => found(c)).length / read.length;
  console.log(`tune + threshold as they are: ${pct(overall * read.length, read.length)} %`);
  const mixes: [string, (c: HeldoutCase) => string][] = [
    ...Object.entries(ATTRIBUTES),
    [
      'kind × adds a distinctive word × all in one UN name',
      (c) =>
        `${ATTRIBUTES.kind!(c)} ${ATTRIBUTES['adds a distinctive word']!(c)} ${ATTRIBUTES['distinctive words all in one UN name']!(c)}`,
    ],
  ];
  for (const [name, of] of mixes) {
    let expected = 0;
    for (const c of report) {
      const like = read.filter((r) => of(r) === of(c));
      expected += like.length ? like.filter((r) => found(r)).length / like.length : overall;
    }
    console.log(`by ${name}: ${pct(expected, report.length)} %`);
  }
}

/**
 * `--list-misses`: every tune and threshold miss of `--outcomes` (never report's), one a line,
 * with the attributes that sort it: person or organisation, whether it adds a distinctive word
 * no UN name of the subject holds, whether its distinctive words all spell words of one UN name.
 */
if (process.argv.includes('--list-misses')) {
  console.log(`\n## Tune and threshold misses at ${t}, by kind\n`);
  const rows = cases
    .filter((c) => c.split !== 'report' && found(c) === false)
    .map((c) => {
      const kind = `${ATTRIBUTES.kind!(c)} adds=${ATTRIBUTES['adds a distinctive word']!(c)} oneName=${ATTRIBUTES['distinctive words all in one UN name']!(c)}`;
      return `${kind} | ${c.split} | ${c.query.name} | UN: ${unParts(c).join(' / ')}`;
    })
    .sort();
  console.log(rows.join('\n'));
}
