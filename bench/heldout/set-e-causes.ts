/**
 * Why set (e)'s pairs fail, counted by cause per split: counts only, so that the threshold and
 * report splits can be read without reading their pairs (issue 14; tune on `tune` only).
 *
 *   npx tsx bench/heldout/set-e-causes.ts [--show-tune] [--json bench/.out/e-causes.json]
 *
 * Each pair is screened as the held-out eval screens it (its candidate alone in its index, a
 * user screening at the default threshold), and once at threshold 0 for its score. A failing
 * pair gets one cause, read from the comparison of the two names (`compareNames`, its aligned
 * words and the words left unpaired on each side), the first that applies in the order below.
 *
 * Should-match misses: `cross-script` (the query's script is not the candidate's);
 * `not-proposed` (scored at the threshold directly, but the user screening returns nothing);
 * `nothing-in-common`; `joined/split word` (a word of one side is two of the other);
 * `initial` (an unpaired single letter); `form/generic word` (an unpaired organisation
 * generic word or legal form); `near spelling` (an unpaired word on each side within two edits
 * (one for a word of up to four letters); `same start, other ending` (its first three letters
 * alike, the rest not); `other word` (unpaired words on both sides, unlike);
 * `extra query word` / `listed word missing` (unpaired words on one side only); `weak pair`
 * (every word paired, score below the threshold).
 *
 * Should-not-match false matches: `cross-script`; `name contained` (unpaired words on one side
 * only); `same words, other order`; `legal form differs` / `title differs` (the same words,
 * the difference only in what the normaliser removes); `shared generic word` (organisations:
 * the paired words are generic); `sound-alike word`, `near spelling`, `initial`, `symbol or
 * nickname` (the weakest pair's kind); `same words`.
 *
 * `--show-tune` prints the tune split's failing pairs with their cause (never another split's).
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  compareNames,
  DEFAULT_SCREENING_THRESHOLD,
  indexTokenWeight,
  normalizeName,
  osaDistance,
  screenParty,
  type NameComparison,
  type PartySchema,
  type ScreeningIndex,
} from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import {
  GENERIC_ORGANISATION_WORDS,
  ORGANISATION_WORD_GROUPS,
} from '../../packages/core/src/screening/organisation-words.ts';
import { MIRROR } from '../eval-screening-lists.ts';
import { scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { flagged, foundAt1 } from './metrics.ts';
import { buildIndexes, indexFor, screenCaseAsUser } from './screen-cases.ts';
import { independentPairCases } from './set-independent-pairs.ts';
import { SPLITS } from './split.ts';

/** Organisation words that say little: the engine's generic groups and further generic words. */
const GENERIC = new Set([...Object.values(ORGANISATION_WORD_GROUPS).flat(), ...GENERIC_ORGANISATION_WORDS]);

/** Within one edit for a word of up to four letters, two for a longer one. */
const isNear = (a: string, b: string): boolean =>
  osaDistance(a, b) <= (Math.min(a.length, b.length) <= 4 ? 1 : 2);

/** The same first three letters, the rest unlike (a short form, or another name of the same start). */
const sameStart = (a: string, b: string): boolean =>
  a.length >= 3 && b.length >= 3 && a.slice(0, 3) === b.slice(0, 3);

/** Whether some words of `a`, run together, are some words of `b` run together (a joined or split word). */
function joinsOrSplits(a: readonly string[], b: readonly string[]): boolean {
  const runs = (w: readonly string[]): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i < w.length; i++)
      for (let j = i + 2; j <= w.length; j++) out.add(w.slice(i, j).join(''));
    return out;
  };
  const ra = runs(a);
  const rb = runs(b);
  return b.some((w) => ra.has(w)) || a.some((w) => rb.has(w));
}

/** Where the unpaired words sit in their name: first, middle, last, or several places. */
function placeOf(unpaired: readonly string[], tokens: readonly string[]): string {
  const places = new Set(
    unpaired.map((w) => {
      const i = tokens.indexOf(w);
      return i === 0 ? 'first' : i === tokens.length - 1 ? 'last' : 'middle';
    }),
  );
  return [...places].join('+');
}

/** One failing pair's cause: see the module comment for the order the causes are tried in. */
export function pairCause(
  index: ScreeningIndex,
  c: HeldoutCase,
  score: number,
  returned: boolean,
  t = DEFAULT_SCREENING_THRESHOLD,
): string {
  const schema = c.query.schema as PartySchema | undefined;
  const cross = scriptOf(c.query.name) !== scriptOf(c.listed ?? '');
  const q = normalizeName(c.query.name, index.reference, schema);
  const l = normalizeName(c.listed ?? '', index.reference, schema);
  const cmp: NameComparison = compareNames(q, l, index.compiled, indexTokenWeight(index));
  const uq = cmp.unmatchedQuery;
  const ul = cmp.unmatchedCandidate;
  const org = schema !== 'person';
  const generic = (w: string): boolean => org && GENERIC.has(w);
  if (c.expect === 'match') {
    if (cross) return 'cross-script';
    if (score >= t && !returned) return 'not-proposed';
    if (score === 0 || (cmp.pairs.length === 0 && cmp.method === 'tokens')) return 'nothing-in-common';
    if (cmp.method === 'joined' || joinsOrSplits(q.tokens, l.tokens)) return 'joined/split word';
    if ([...uq, ...ul].some((w) => w.length === 1)) return 'initial';
    if (
      [...uq, ...ul].some(generic) ||
      q.legalForms.join() !== l.legalForms.join() ||
      (org && (uq.length === 0) !== (ul.length === 0))
    )
      return 'form/generic word';
    if (uq.length && ul.length) {
      if (uq.some((a) => ul.some((b) => isNear(a, b)))) return 'near spelling';
      return uq.some((a) => ul.some((b) => sameStart(a, b))) ? 'same start, other ending' : 'other word';
    }
    if (uq.length) return `extra query word (${placeOf(uq, q.tokens)})`;
    if (ul.length) {
      const weak = cmp.pairs.some((p) => p.kind !== 'exact') ? ', a pair inexact' : '';
      return `listed word missing (${placeOf(ul, l.tokens)}${weak})`;
    }
    return 'weak pair';
  }
  if (cross) return 'cross-script';
  if (uq.length || ul.length) return 'name contained';
  const kinds = new Set(cmp.pairs.map((p) => p.kind));
  if ([...kinds].every((k) => k === 'exact')) {
    if (
      q.tokens.join(' ') !== l.tokens.join(' ') &&
      [...q.tokens].sort().join() === [...l.tokens].sort().join()
    )
      return 'same words, other order';
    if (q.legalForms.join() !== l.legalForms.join()) return 'legal form differs';
    if (q.titles.join() !== l.titles.join()) return 'title differs';
    return 'same words';
  }
  if (org && cmp.pairs.every((p) => p.kind === 'exact' || GENERIC.has(p.query) || GENERIC.has(p.candidate)))
    return 'shared generic word';
  if (kinds.has('phonetic')) return 'sound-alike word';
  if (kinds.has('fuzzy')) return 'near spelling';
  if (kinds.has('initial')) return 'initial';
  return 'symbol or nickname';
}

/** One pair's outcome: whether it passed, and when not, why. */
export interface SetEOutcome {
  id: string;
  split: string;
  expect: 'match' | 'no-match';
  schema: string;
  cls: string;
  /** The pair's score band (its score at threshold 0): below 0.7, 0.7-0.8, 0.8 up. */
  band: string;
  passed: boolean;
  cause?: string;
}

/** Screens every set (e) pair as the eval does and gives each failing one its cause. */
export function setEOutcomes(
  cases: HeldoutCase[],
  indexOf: (c: HeldoutCase) => ScreeningIndex,
  t = DEFAULT_SCREENING_THRESHOLD,
): SetEOutcome[] {
  return cases.map((c) => {
    const index = indexOf(c);
    const o = screenCaseAsUser(index, c, t);
    const passed = c.expect === 'match' ? foundAt1(o, t) : !flagged(o, t);
    const score = screenParty(index, c.query, { threshold: 0, limit: 1 })[0]?.score ?? 0;
    return {
      id: c.id,
      split: c.split,
      expect: c.expect,
      schema: c.query.schema ?? 'unknown',
      cls: c.cls ? String(c.cls) : '-',
      band: score < 0.7 ? '<0.7' : score < 0.8 ? '0.7-0.8' : '0.8+',
      passed,
      ...(passed ? {} : { cause: pairCause(index, c, score, o.truthScore > 0, t) }),
    };
  });
}

/** The counts of one split as markdown: pairs and passes, then failures by cause × expectation × schema. */
export function causeTable(split: string, rows: SetEOutcome[]): string {
  const own = rows.filter((r) => r.split === split);
  const line = (expect: string): string => {
    const g = own.filter((r) => r.expect === expect);
    const p = g.filter((r) => r.passed).length;
    return `${expect} ${p}/${g.length} (${g.length ? ((100 * p) / g.length).toFixed(1) : '—'} %)`;
  };
  const cols = [
    'match person',
    'match organization',
    'match unknown',
    'no-match person',
    'no-match organization',
    'no-match unknown',
  ];
  const failed = own.filter((r) => !r.passed);
  const byCause = new Map<string, SetEOutcome[]>();
  for (const r of failed) byCause.set(r.cause!, [...(byCause.get(r.cause!) ?? []), r]);
  const body = [...byCause]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([cause, g]) => {
      const cells = cols.map((k) => g.filter((r) => `${r.expect} ${r.schema}` === k).length || '');
      const classes = new Map<string, number>();
      for (const r of g) classes.set(r.cls, (classes.get(r.cls) ?? 0) + 1);
      const cls = [...classes]
        .sort()
        .map(([k, n]) => `${k}:${n}`)
        .join(' ');
      const bands = ['<0.7', '0.7-0.8', '0.8+'].map((b) => g.filter((r) => r.band === b).length).join(' / ');
      return `| ${cause} | ${g.length} | ${cells.join(' | ')} | ${cls} | ${bands} |`;
    });
  return [
    `### split ${split}: ${line('match')}, ${line('no-match')}`,
    '',
    `| cause | failures | ${cols.join(' | ')} | issue class:count | score <0.7 / 0.7-0.8 / 0.8+ |`,
    `|---|---|${cols.map(() => '---|').join('')}---|---|`,
    ...body,
  ].join('\n');
}

async function main(): Promise<void> {
  const reference = await loadNameReference(MIRROR);
  const cases = independentPairCases();
  const indexes = buildIndexes([], reference, cases);
  const rows = setEOutcomes(cases, (c) => indexFor(indexes, c));
  for (const s of SPLITS) console.log(causeTable(s, rows) + '\n');
  const all = rows.filter((r) => r.split !== 'tune');
  console.log(
    causeTable(
      'threshold+report',
      all.map((r) => ({ ...r, split: 'threshold+report' })),
    ),
  );
  if (process.argv.includes('--show-tune')) {
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const r of rows.filter((x) => x.split === 'tune' && !x.passed)) {
      const c = byId.get(r.id)!;
      console.log(`${r.cause}\t${r.expect}\t${r.schema}\t${c.query.name} | ${c.listed}`);
    }
  }
  const at = process.argv.indexOf('--json');
  if (at > 0) writeFileSync(process.argv[at + 1]!, JSON.stringify(rows, null, 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
