/**
 * A wider development set for issue 14's Han, Hangul and kana queries (class 7), built from the
 * mirror at run time (nothing of the data is copied into the repository). The held-out set's
 * class 7 samples at most 150 names a script, and its splits hold 10–30 of each: too few to tell a
 * rule from a fit. This set takes every person of the lists with a name in one of those scripts and
 * a Latin name, leaving out every subject any held-out set (a)–(e) holds in any split, and splits
 * the rest by subject into two halves: `tune` (where the misses are read) and `check` (figures
 * only). Should-match: the CJK name against the Latin-only index of the whole mirror; its truth is
 * the party, the parties of its subject cluster (subject-clusters.ts: same UN reference or a shared
 * spelling of two words or more, across lists) and the holders of its Latin spellings on its own
 * list. Should-not-match: the Hangul or kana name with one syllable changed (transform-spelling.ts,
 * as class 7 builds them), which must not reach the threshold on any truth party.
 *
 *   npx tsx bench/heldout/cjk-wider-set.ts [--misses tune] [--json out.json]
 *
 * prints recall@1 and the should-not-match pass rate as screened at the default threshold against
 * the Latin-only mirror, per half and script, the truth scores of the misses, and (with
 * `--misses tune`) the tune half's misses for reading. Never print the check half's misses.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildScreeningIndex, DEFAULT_SCREENING_THRESHOLD, partyEntityId, screenParty } from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR, type LoadedList } from '../eval-screening-lists.ts';
import { buildDevSet, spellingOnlyParties } from './build-dev-set.ts';
import { foldKey, scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { holdersOf, listContext, type ListContext } from './list-context.ts';
import type { Outcome } from './metrics.ts';
import { isMiss } from './print-report.ts';
import { latinOnly, outcomeOf } from './screen-cases.ts';
import { changeHangulSyllable, changeKanaSyllable } from './transform-spelling.ts';

/** The scripts of this set. */
export const CJK_SCRIPTS = ['Hani', 'Hang', 'Kana'] as const;

/** The two halves of the wider set. */
export type CjkHalf = 'tune' | 'check';

/** One case of the wider set: a held-out-shaped case with its half. */
export interface CjkCase extends Omit<HeldoutCase, 'split'> {
  half: CjkHalf;
}

/** The half a subject belongs to: a hash of the key alone, so every name of a subject lands in one half. */
export function halfOf(subject: string): CjkHalf {
  const bucket = createHash('sha256').update(`cjk:${subject}`, 'utf8').digest().readUInt32BE(0) % 2;
  return bucket === 0 ? 'tune' : 'check';
}

/**
 * Builds the wider set from the loaded lists, without the subjects in `heldoutSubjects`.
 * `ctx` must be built as build-dev-set.ts builds it, so that subjects are keyed alike.
 */
export function cjkWiderCases(ctx: ListContext, heldoutSubjects: Set<string>): CjkCase[] {
  const members = new Map<string, string[]>();
  for (const party of ctx.parties) {
    const subject = ctx.subject.get(partyEntityId(party))!;
    const list = members.get(subject);
    if (list) list.push(partyEntityId(party));
    else members.set(subject, [partyEntityId(party)]);
  }
  const hasLatin = (id: string): boolean =>
    ctx.byId.get(id)?.names.some((n) => scriptOf(n.full) === 'Latn') ?? false;
  const cases = new Map<string, CjkCase>();
  for (const party of ctx.parties) {
    if (party.schema !== 'person' && party.schema !== 'organization') continue;
    const latin = party.names.filter((n) => scriptOf(n.full) === 'Latn').map((n) => n.full);
    if (!latin.length) continue;
    const id = partyEntityId(party);
    const subject = ctx.subject.get(id)!;
    if (heldoutSubjects.has(subject)) continue;
    const sameList = (h: string): boolean => ctx.byId.get(h)?.source === party.source;
    const truth = [
      ...new Set([
        id,
        ...(members.get(subject) ?? []).filter(hasLatin),
        ...latin.flatMap((n) => holdersOf(ctx, n)).filter(sameList),
      ]),
    ].sort();
    for (const name of party.names) {
      const script = scriptOf(name.full);
      if (!(CJK_SCRIPTS as readonly string[]).includes(script)) continue;
      const base = {
        set: 'd' as const,
        cls: 7,
        script,
        subject,
        half: halfOf(subject),
        truth,
        index: 'latin' as const,
        listed: latin[0]!,
      };
      const key = `cjk:${subject}:${foldKey(name.full)}`;
      if (!cases.has(key))
        cases.set(key, {
          ...base,
          id: key,
          rule: `${script.toLowerCase()}-${party.schema === 'person' ? 'person' : 'org'}-to-latin`,
          expect: 'match',
          query: { name: name.full, schema: party.schema },
        });
      if (script === 'Hani') continue;
      const seed = createHash('sha256').update(key).digest().readUInt32BE(0);
      const changed =
        script === 'Hang' ? changeHangulSyllable(name.full, seed) : changeKanaSyllable(name.full, seed);
      if (!changed || foldKey(changed) === foldKey(name.full)) continue;
      const changedKey = `cjk-changed:${subject}:${foldKey(changed)}`;
      // A changed name the lists carry for some party is no invented "other" name.
      if (cases.has(changedKey) || holdersOf(ctx, changed).length) continue;
      cases.set(changedKey, {
        ...base,
        id: changedKey,
        rule: `${script.toLowerCase()}-${party.schema === 'person' ? 'person' : 'org'}-syllable-changed`,
        expect: 'no-match',
        query: { name: changed, schema: party.schema },
      });
    }
  }
  return [...cases.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Loads the lists and builds the wider set as the held-out set keys its subjects. */
export async function loadCjkWiderCases(lists: LoadedList[], mirror = MIRROR): Promise<CjkCase[]> {
  const indexed = lists.flatMap((l) => l.parties);
  const ctx = listContext(indexed, [...indexed, ...(await spellingOnlyParties(mirror))]);
  const heldout = new Set((await buildDevSet(lists, mirror)).map((c) => c.subject));
  return cjkWiderCases(ctx, heldout);
}

/** Lowest threshold the misses are screened again at, to see how far they are. */
const LOW = 0.5;

const KANA = /[\u30a1-\u30fa\u30fc]/u;
const GLUED_KANA =
  /[\u30a1-\u30fa\u30fc][^\s\u30a1-\u30fa\u30fc・]|[^\s\u30a1-\u30fa\u30fc・][\u30a1-\u30fa\u30fc]/u;
const HAN = /\p{Script=Han}/u;
/** Legal forms and the 社 of a company, written in kanji or hanzi: the reference reads them. */
const HAN_FORMS = /株式会社|有限会社|有限責任会社|公開株式会社|公共株式会社|股份有限公司|有限公司|社|「|」/gu;

/**
 * A rough label of what a missed query is made of (the causes of the misses are read from these):
 * katakana run into other letters (a legal form too) without a space, Han words besides a legal form (translated
 * generic words: 工場 "plant", 研究所 "institute", 科技 "technology"), or neither.
 */
function causeOf(c: HeldoutCase): string {
  const name = c.query.name;
  const han = HAN.test(name.replace(HAN_FORMS, ''));
  if (GLUED_KANA.test(name)) return han ? 'katakana glued + Han words' : 'katakana glued';
  if (han) return KANA.test(name) ? 'katakana + Han words' : 'Han words only';
  return KANA.test(name) ? 'katakana (and Latin) only' : 'other';
}

const pct = (n: number, d: number): string => (d ? ((100 * n) / d).toFixed(1) : '-');

async function main(): Promise<void> {
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const lists = await loadMirrorLists(MIRROR, () => {});
  const cases = await loadCjkWiderCases(lists);
  const reference = await loadNameReference(MIRROR);
  const index = buildScreeningIndex(
    latinOnly(lists.flatMap((l) => l.parties)).map((party) => ({ party })),
    reference,
  );
  const t = DEFAULT_SCREENING_THRESHOLD;
  const outcomes = cases.map((c) => ({
    half: c.half,
    o: outcomeOf({ ...c, split: 'tune' }, screenParty(index, c.query, { threshold: t })),
  }));
  // A miss's truth score below the threshold: the same query screened again at LOW.
  const low = new Map(
    outcomes
      .filter((x) => x.o.case.expect === 'match' && isMiss(x.o, t))
      .map((x) => [x.o.case.id, outcomeOf(x.o.case, screenParty(index, x.o.case.query, { threshold: LOW }))]),
  );
  console.log(`# Han/Hangul/kana → Latin wider set: ${cases.length} cases, as screened at ${t}\n`);
  const kindOf = (c: HeldoutCase): string =>
    `${c.script} ${c.query.schema === 'person' ? 'persons' : 'organisations'}`;
  const kinds = [...new Set(outcomes.map((x) => kindOf(x.o.case)))].sort();
  console.log('| half | script, schema | should-match recall@1 | should-not-match passed |');
  console.log('|---|---|---|---|');
  for (const half of ['tune', 'check'] as const)
    for (const kind of [...kinds, 'all']) {
      const of = outcomes.filter((x) => x.half === half && (kind === 'all' || kindOf(x.o.case) === kind));
      const m = of.filter((x) => x.o.case.expect === 'match');
      const n = of.filter((x) => x.o.case.expect === 'no-match');
      const ok = (xs: typeof of): number => xs.filter((x) => !isMiss(x.o, t)).length;
      console.log(
        `| ${half} | ${kind} | ${ok(m)}/${m.length} (${pct(ok(m), m.length)} %) | ${ok(n)}/${n.length} (${pct(ok(n), n.length)} %) |`,
      );
    }
  const bands = [0, LOW, 0.6, 0.7, 0.8, t];
  console.log(`\nshould-match misses by truth score screened at ${LOW} (not found at ${LOW}: 0):`);
  for (const half of ['tune', 'check'] as const) {
    const miss = outcomes.filter((x) => x.half === half && x.o.case.expect === 'match' && isMiss(x.o, t));
    const score = (x: (typeof miss)[number]): number => low.get(x.o.case.id)?.truthScore ?? 0;
    const counts = bands.map((lo, i) => {
      const hi = bands[i + 1] ?? 1.01;
      return `[${lo}, ${hi === 1.01 ? '1' : hi}) ${miss.filter((x) => score(x) >= lo && score(x) < hi).length}`;
    });
    console.log(`  ${half}: ${miss.length} misses; ${counts.join(', ')} (at >= ${t}: outranked)`);
    const causes = new Map<string, number>();
    for (const x of miss) causes.set(causeOf(x.o.case), (causes.get(causeOf(x.o.case)) ?? 0) + 1);
    console.log(`    by what the query is made of: ${[...causes].map(([k, n]) => `${k} ${n}`).join('; ')}`);
  }
  if (option('misses') === 'tune') {
    console.log('\ntune misses (query → listed; truth score; rank 1):');
    for (const { o } of outcomes.filter((x) => x.half === 'tune' && isMiss(x.o, t)))
      console.log(
        `  ${o.case.expect} ${o.case.script} ${o.case.query.name} → ${o.case.listed}; truth ${o.truthScore.toFixed(3)} rank ${o.truthRank}; top ${o.top.toFixed(3)} ${o.got ?? ''}`,
      );
  }
  const json = option('json');
  if (json) {
    const rows = outcomes.map(({ half, o }: { half: CjkHalf; o: Outcome }) => ({
      id: o.case.id,
      half,
      expect: o.case.expect,
      miss: isMiss(o, t),
      truthScore: o.truthScore,
      top: o.top,
    }));
    mkdirSync(path.dirname(path.resolve(json)), { recursive: true });
    writeFileSync(json, JSON.stringify(rows, null, 1));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
