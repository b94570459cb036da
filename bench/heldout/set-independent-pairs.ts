/**
 * Set (e): an independent collection of labelled name pairs, reproduced by
 * hand (not copied as code) from OpenSanctions' nomenklatura (MIT,
 * github.com/opensanctions/nomenklatura), read through the session's code
 * search:
 *
 * 1. the first 44 pairs (`INDEPENDENT_PAIRS`, rule `nomenklatura-checks`,
 *    read 2026-12-03): the name-matching checks of
 *    `contrib/name_benchmark/checks.yml`, kept as they were (ids e:1-e:44);
 * 2. from 2026-12-06 (docs/decisions/2026-12-06-set-e-widened.md): every row
 *    of the groups `nk_checks`, `nk_unit_tests` and `cust_cases` of
 *    `contrib/name_bench/cases.csv` (name-bench-pairs.ts, rule
 *    `name-bench <group>`), less, by the rules of `nameBenchSelection`
 *    decided before any pair was screened: vessels (not a person or an
 *    organisation), rows that repeat a pair already in the set (same query,
 *    candidate and schema, same label), and rows that repeat one with the
 *    other label (the first label is kept; the row is reported).
 *
 * Each pair's candidate is indexed alone as a listed party (`index:
 * 'pairs'`, one index per candidate, screen-cases.ts); a match pair must find
 * it at rank 1 at the threshold, a no-match pair must leave it below. The
 * class (1-8) is our reading of the pair. The candidate names are test data,
 * not rules: the engine names nobody.
 */
import type { PartySchema } from '@entente/core';
import { scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
import {
  NAME_BENCH_QUALITY,
  NAME_BENCH_ROWS,
  type FtmSchema,
  type NameBenchGroup,
} from './name-bench-pairs.ts';
import { splitOf } from './split.ts';

/** One labelled pair: query, candidate, whether they should match, schema, our class. */
type Pair = [string, string, boolean, PartySchema, number?];

const P: PartySchema = 'person';
const O: PartySchema = 'organization';

/** The pairs, in the order they appear in checks.yml. */
export const INDEPENDENT_PAIRS: Pair[] = [
  ['Olaf Scholze', 'Olaf Scholz', true, P, 6],
  ['Olaf Schulze', 'Olaf Scholz', false, P, 6],
  ['Octavian Scholz', 'Olaf Scholz', false, P, 3],
  ['Angela Merkur', 'Angela Merkel', false, P],
  ['Siemens Aktiengesellschaft', 'Siemens AG', true, O, 5],
  ['SiemensAG', 'Siemens AG', true, O, 2],
  ['Volkswagen Aktiengesellschaft', 'Siemens Aktiengesellschaft', false, O, 5],
  ['Isa Bin Tarif Al Bin Ali', 'Shaikh Isa Bin Tarif Al Bin Ali', true, P, 1],
  ['AL BEN ALI, Isa Ben Tarif', 'Shaikh Isa Bin Tarif Al Bin Ali', true, P, 2],
  ['AL BEN MAHMOUD, Isa Ben Tarif', 'Shaikh Isa Bin Tarif Al Bin Ali', false, P, 2],
  ['Olga Barynova', 'Oleg BARANOV', false, P],
  ['Deutsche Bank AG', 'Deutsche Bank', true, O, 5],
  ['Deutsche Bank AG', 'Deutsche Bank GmbH', false, O, 5],
  ['Deutsche Bank Trust Company', 'Deutsche Bank', false, O, 5],
  ['OAO Gazprom', 'Open Joint Stock Company Gazprom', true, O, 5],
  ['Fridrich Lindenberg', 'Friedrich Lindenberg', true, P],
  ['FridrichLindenberg', 'Friedrich Lindenberg', true, P, 2],
  ['Frederick Lindenberg', 'Friedrich Lindenberg', false, P],
  ['Lars Friedrich Lindemann', 'Friedrich Lindenberg', false, P, 1],
  ['Frank Richter', 'Frederik Richter', false, P],
  ['Фрэнк Рихтер', 'Frederik Richter', false, P, 7],
  ['A. Khamenei', 'Ali Khamenei', true, P, 3],
  ['Brigade Forty-Four', 'Brigade 44', true, O, 4],
  ['3 Percenters', 'Three Percenters', true, O, 4],
  ['1st International Bank', 'First International Bank', true, O, 4],
  ['AlisherUsmanov', 'Alisher Usmanov', true, P, 2],
  ['bin Salman Mohammed', 'Mohammed bin Salman', true, P, 2],
  ['Shi Jinping', 'Xi Jinping', true, P, 7],
  ['N. Nazarbayev', 'Nursultan Nazarbayev', true, P, 3],
  ['A. Nazarbayev', 'Nursultan Nazarbayev', false, P, 3],
  ['Dr. Rami Makhlouf', 'Rami Makhlouf', true, P, 1],
  ['Ihab Makhlouf', 'Rami Makhlouf', false, P],
  ['Boris Netanyahu', 'Benjamin Netanyahu', false, P],
  ['Emanuel Macron', 'Emmanuel Macron', true, P],
  ['Pot Pouv', 'Pol Pot', false, P],
  ['Paul Murphy', 'Pol Pot', false, P],
  ['ماري تيريز أدينا أوندوا', 'Marie-Therese Abena Ondoa', true, P, 7],
  ['Barack Obama', 'George Hussein Onyango Obama', false, P, 1],
  ['Barack Obama', 'Барак Хусеин Обама', true, P, 7],
  ['Michel Obama', 'Michelle Obama', false, P],
  ['Sergejs Lavrovs', 'Sergey Viktorovich LAVROV', true, P],
  ['Sergey Ivanevich Lavrov', 'Sergey Viktorovich LAVROV', false, P, 1],
  ['Margarita-Simonyan', 'Margarita Simonyan', true, P, 2],
  ['Mr. Recep Tayyip Erdoğan', 'Recep Tayyip Erdoğan', true, P, 1],
];

/** One pair of set (e) as it is screened: the table it came from is its rule. */
export interface SetEPair {
  query: string;
  candidate: string;
  match: boolean;
  schema: PartySchema;
  cls?: number;
  rule: string;
  /**
   * cases.csv's quality of the pair where it is not MEDIUM (also for a first-44
   * pair the file repeats with the same label): an attribute for reports only.
   */
  quality?: 'strong' | 'weak';
}

/** A row of cases.csv that is not a case, and why. */
export interface DroppedRow {
  group: NameBenchGroup;
  row: number;
  query: string;
  candidate: string;
  reason: 'vessel' | 'duplicate' | 'label conflict';
}

/** Our schema for the file's: persons, organisations (Company, Organization), and LegalEntity as unknown. */
export function schemaOf(ftm: FtmSchema): PartySchema | undefined {
  if (ftm === 'Person') return 'person';
  if (ftm === 'Company' || ftm === 'Organization') return 'organization';
  if (ftm === 'LegalEntity') return 'unknown';
  return undefined;
}

const keyOf = (query: string, candidate: string, schema: PartySchema): string =>
  `${query}\u0000${candidate}\u0000${schema}`;

/**
 * The pairs of set (e), the 44 first, then cases.csv's groups in the file's
 * order, and the rows left out: a vessel; a duplicate (query, candidate and
 * schema of a pair already taken, same label); a label conflict (the same,
 * other label: the first one taken stands).
 */
export function nameBenchSelection(): { pairs: SetEPair[]; dropped: DroppedRow[] } {
  const pairs: SetEPair[] = INDEPENDENT_PAIRS.map(([query, candidate, match, schema, cls]) => ({
    query,
    candidate,
    match,
    schema,
    ...(cls ? { cls } : {}),
    rule: 'nomenklatura-checks',
  }));
  const seen = new Map(pairs.map((p) => [keyOf(p.query, p.candidate, p.schema), p.match]));
  const dropped: DroppedRow[] = [];
  for (const [group, rows] of Object.entries(NAME_BENCH_ROWS) as [
    NameBenchGroup,
    typeof NAME_BENCH_ROWS.nk_checks,
  ][])
    rows.forEach(([query, candidate, match, ftm, cls], i) => {
      const schema = schemaOf(ftm);
      const at = { group, row: i + 1, query, candidate };
      if (!schema) return void dropped.push({ ...at, reason: 'vessel' });
      const key = keyOf(query, candidate, schema);
      const before = seen.get(key);
      if (before !== undefined)
        return void dropped.push({ ...at, reason: before === match ? 'duplicate' : 'label conflict' });
      seen.set(key, match);
      pairs.push({ query, candidate, match, schema, ...(cls ? { cls } : {}), rule: `name-bench ${group}` });
    });
  const quality = new Map<string, 'strong' | 'weak'>();
  for (const q of ['strong', 'weak'] as const)
    for (const [query, candidate] of NAME_BENCH_QUALITY[q]) quality.set(`${query}\u0000${candidate}`, q);
  const labelled = new Map(
    Object.values(NAME_BENCH_ROWS)
      .flat()
      .map(([query, candidate, match]) => [`${query}\u0000${candidate}`, match]),
  );
  for (const p of pairs) {
    const key = `${p.query}\u0000${p.candidate}`;
    const q = quality.get(key);
    if (q && labelled.get(key) === p.match) p.quality = q;
  }
  return { pairs, dropped };
}

/** Source name of the parties the candidates become. */
export const PAIRS_SOURCE = 'heldout-pairs';

const candidateKey = (name: string, schema: PartySchema): string => `${name}\u0000${schema}`;

/**
 * The distinct candidates (name and schema), each to be indexed as one party
 * with this sourceId; the 44 first pairs' candidates keep their first ids.
 */
export function pairCandidates(): { sourceId: string; name: string; schema: PartySchema }[] {
  const seen = new Map<string, { sourceId: string; name: string; schema: PartySchema }>();
  for (const { candidate, schema } of nameBenchSelection().pairs) {
    const key = candidateKey(candidate, schema);
    if (!seen.has(key)) seen.set(key, { sourceId: String(seen.size + 1), name: candidate, schema });
  }
  return [...seen.values()];
}

/** Builds set (e); the subject is the candidate's name, so all its pairs land in one split. */
export function independentPairCases(): HeldoutCase[] {
  const ids = new Map(
    pairCandidates().map((c) => [candidateKey(c.name, c.schema), `${PAIRS_SOURCE}:${c.sourceId}`]),
  );
  return nameBenchSelection().pairs.map(({ query, candidate, match, schema, cls, rule }, i) => {
    const subject = `pair:${candidate}`;
    return {
      id: `e:${i + 1}`,
      set: 'e' as const,
      ...(cls ? { cls } : {}),
      rule,
      script: scriptOf(query),
      subject,
      split: splitOf(subject),
      expect: match ? ('match' as const) : ('no-match' as const),
      query: { name: query, schema },
      truth: [ids.get(candidateKey(candidate, schema))!],
      index: 'pairs' as const,
      listed: candidate,
    };
  });
}
