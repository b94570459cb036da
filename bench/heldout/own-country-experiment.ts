/**
 * Experiment (issue 14, part 14), measured and not an engine feature: what set (a), (b) and (d)
 * would read if an organisation query's words naming a country that is one of the listed
 * party's own countries (its address or nationality) were let go, as a generic word is
 * ("KOREA Namhung Trading Corporation", "Department of Space Technology of NORTH KOREA"),
 * while a country that is not the party's (a branch elsewhere: "… Bosnia Branch" beside a
 * foundation of another country) is kept. Emulated with two screenings: the query as it is,
 * and the query without the country words, whose results count (less `extraGenericWord` per
 * word left out) only for parties listed in that country.
 *
 *   npx tsx bench/heldout/own-country-experiment.ts [--split tune,threshold] [--no-short-forms]
 *   npx tsx bench/heldout/own-country-experiment.ts --register adversarial|realistic [--companies 8000]
 *
 * Reads tune and threshold case by case; never run it on report. `--register`: the register's
 * organisations instead, every new flag at the default threshold printed (baseline: the same
 * screening without the country words let go, in the same process).
 * `--any-part`: the country words let go whatever part of the listed name the rest of the query
 * spells (without it, the listed name's distinctive words, its own country words aside, must
 * all be spelled by the rest of the query).
 * `--no-short-forms`: country names only as `countryCodeFromName` reads them ("North Korea",
 * "DPRK"), not "Korea" or "Bosnia".
 */
import {
  countryCodeFromName,
  DEFAULT_SCREENING_THRESHOLD,
  FEATURE_WEIGHTS,
  partyEntityId,
  screenParty,
  type ScreeningIndex,
} from '@entente/core';
import { loadNameReference } from '../../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from '../eval-screening-lists.ts';
import { buildDevSet } from './build-dev-set.ts';
import { foldWords } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import { figures, type Outcome } from './metrics.ts';
import { buildIndexes, FLOOR, indexFor } from './screen-cases.ts';
import { closeWordsV3, distinctiveWords } from './set-un-spellings.ts';
import type { Split } from './split.ts';
import { registerKindArg, syntheticRegister } from '../synthetic-register.ts';

const at = process.argv.indexOf('--split');
const splits = (at > 0 ? process.argv[at + 1]! : 'tune,threshold').split(',') as Split[];
if (splits.includes('report')) throw new Error('the experiment reads tune and threshold only');
const t = DEFAULT_SCREENING_THRESHOLD;

/** Short forms publishers write for a country that the ISO names leave out. */
const SHORT_FORMS: Record<string, string[]> = process.argv.includes('--no-short-forms')
  ? {}
  : { korea: ['KP', 'KR'], korean: ['KP', 'KR'], bosnia: ['BA'] };

/** The country words of a name: spans of up to three words naming a country (codes of two letters aside). */
function countrySpans(words: string[]): { from: number; to: number; codes: string[] }[] {
  const out: { from: number; to: number; codes: string[] }[] = [];
  for (let i = 0; i < words.length; i++)
    for (let n = Math.min(3, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n).join(' ');
      if (span.length < 4) continue;
      const code = countryCodeFromName(span);
      const codes = code ? [code] : n === 1 ? SHORT_FORMS[span] : undefined;
      if (codes) {
        out.push({ from: i, to: i + n, codes });
        i += n - 1;
        break;
      }
    }
  return out;
}

const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const parties = lists.flatMap((l) => l.parties);
const countries = new Map(
  parties.map((p) => [partyEntityId(p), new Set(p.countries.map((c) => c.code.toUpperCase()))]),
);
const cases = (await buildDevSet(lists, MIRROR)).filter((c) => splits.includes(c.split));
const indexes = buildIndexes(parties, reference, cases);

function outcome(
  c: HeldoutCase,
  results: { entityId: string; score: number; matchedName: string }[],
): Outcome {
  const truth = new Set(c.truth);
  const rank = results.findIndex((r) => truth.has(r.entityId));
  const truthRank = rank < 0 ? 0 : 1 + results.filter((r) => r.score > results[rank]!.score).length;
  return {
    case: c,
    top: results[0]?.score ?? 0,
    topIsTruth: truthRank === 1,
    truthRank,
    truthScore: rank >= 0 ? results[rank]!.score : 0,
    ...(results[0] ? { got: `${results[0].matchedName} (${results[0].entityId})` } : {}),
  };
}

/** `--any-part`: without the whole-listed-name guard (the first measurement). */
const WHOLE = !process.argv.includes('--any-part');

type Hit = { entityId: string; score: number; matchedName: string };

/** Screens an organisation query, its own-country words let go for parties listed in that country. */
function screenOwnCountry(index: ScreeningIndex, query: { name: string; schema?: 'organization' }): Hit[] {
  const base = screenParty(index, query, { limit: 10, threshold: FLOOR });
  const words = foldWords(query.name);
  const spans = countrySpans(words);
  if (!spans.length) return base;
  const byId = new Map(
    base.map((r) => [r.entityId, { entityId: r.entityId, score: r.score, matchedName: r.matchedName }]),
  );
  for (const s of spans) {
    const rest = [...words.slice(0, s.from), ...words.slice(s.to)];
    if (rest.length === 0) continue;
    const stripped = screenParty(index, { ...query, name: rest.join(' ') }, { limit: 10, threshold: FLOOR });
    const restWords = distinctiveWords(rest.join(' '));
    for (const r of stripped) {
      const own = countries.get(r.entityId);
      if (!own || !s.codes.some((code) => own.has(code))) continue;
      // The whole listed name (its own country words aside) must be in the query: the country
      // word is added to the name, not standing in for a word of it ("Future Iran Inc." is not
      // "Future Age Shipping Limited").
      if (WHOLE) {
        const listed = foldWords(r.matchedName);
        const listedSpans = countrySpans(listed);
        const keep = listed.filter((_, i) => !listedSpans.some((x) => i >= x.from && i < x.to));
        if (!distinctiveWords(keep.join(' ')).every((u) => restWords.some((w) => closeWordsV3(w, u))))
          continue;
      }
      const score = r.score + FEATURE_WEIGHTS.extraGenericWord * (s.to - s.from);
      const was = byId.get(r.entityId);
      if (!was || score > was.score)
        byId.set(r.entityId, { entityId: r.entityId, score, matchedName: `${r.matchedName} (own country)` });
    }
  }
  return [...byId.values()].filter((r) => r.score >= FLOOR).sort((a, b) => b.score - a.score);
}

function screen(index: ScreeningIndex, c: HeldoutCase, own: boolean): Outcome {
  if (!own || c.query.schema !== 'organization')
    return outcome(c, screenParty(index, c.query, { limit: 10, threshold: FLOOR }));
  return outcome(c, screenOwnCountry(index, { ...c.query, schema: 'organization' }));
}

if (process.argv.includes('--register')) {
  const kind = registerKindArg();
  const n = Number(process.argv[process.argv.indexOf('--companies') + 1] || 8000);
  const companies = syntheticRegister(parties, n * 4, kind)
    .filter((c) => c.type === 'organization')
    .slice(0, n);
  let before = 0;
  let after = 0;
  const cpu0 = process.cpuUsage();
  for (const c of companies) {
    let old = 0;
    let now: Hit | undefined;
    for (const name of c.names) {
      const q = { name, schema: 'organization' as const };
      const b = screenParty(indexes.full!, q, { limit: 10, threshold: FLOOR })[0]?.score ?? 0;
      const a = screenOwnCountry(indexes.full!, q)[0];
      if (b > old) old = b;
      if (a && (!now || a.score > now.score)) now = a;
      if (a && a.score >= t && b < t)
        console.log(
          `  new flag: "${name}" → ${a.matchedName} (${a.entityId}) ${b.toFixed(3)} → ${a.score.toFixed(3)}`,
        );
    }
    if (old >= t) before++;
    if ((now?.score ?? 0) >= t) after++;
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${kind} register, ${companies.length} organisations: flagged ${before} → ${after}; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
  );
  process.exit(0);
}

const before = cases.map((c) => screen(indexFor(indexes, c), c, false));
const after = cases.map((c) => screen(indexFor(indexes, c), c, true));
const groups: [string, (c: HeldoutCase) => boolean][] = [
  ['set a (v3)', (c) => c.set === 'a' && !!c.spellingV3],
  ['set b', (c) => c.set === 'b'],
  ['set d', (c) => c.set === 'd'],
  ['set d longer-listed-name', (c) => c.rule === 'longer-listed-name'],
];
for (const split of splits)
  for (const [label, of] of groups) {
    const pick = (o: Outcome[]) => o.filter((x) => x.case.split === split && of(x.case));
    const b = figures(pick(before), t);
    const a = figures(pick(after), t);
    const f = (g: typeof a) =>
      `${g.match ? `recall@1 ${(100 * g.recallAt1).toFixed(1)} %` : ''}${g.noMatch ? ` should-not-match passed ${(100 * g.passNoMatch).toFixed(1)} %` : ''}`;
    console.log(`${split} ${label}: before ${f(b)}; after ${f(a)}`);
  }
console.log('\nOutcomes that changed at the default threshold:');
for (let i = 0; i < cases.length; i++) {
  const b = before[i]!;
  const a = after[i]!;
  const key = (o: Outcome) => `${o.topIsTruth && o.top >= t}|${o.truthScore >= t}|${o.top >= t}`;
  if (key(a) !== key(b) || Math.abs(a.truthScore - b.truthScore) > 1e-9)
    console.log(
      `  ${a.case.split} ${a.case.set} ${a.case.rule} ${a.case.expect}: "${a.case.query.name}" truth ${b.truthScore.toFixed(3)}@${b.truthRank} → ${a.truthScore.toFixed(3)}@${a.truthRank}; top ${b.top.toFixed(3)} → ${a.top.toFixed(3)} ${a.got ?? ''}`,
    );
}
