/**
 * Set (e): a small independent collection of labelled name pairs, reproduced
 * by hand (not copied as code) from the public name-matching checks of
 * OpenSanctions' nomenklatura, `contrib/name_benchmark/checks.yml` (MIT,
 * github.com/opensanctions/nomenklatura, read 2026-12-03 through the session's
 * code search). Each pair's candidate is indexed alone as a listed party
 * (`index: 'pairs'`); a match pair must find it at rank 1, a no-match pair
 * must leave it below the threshold. The class (1-8) is our reading of the
 * pair. The candidate names are test data, not rules: the engine names nobody.
 */
import type { PartySchema } from '@entente/core';
import { scriptOf } from './fold-name.ts';
import type { HeldoutCase } from './heldout-case.ts';
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

/** Source name of the parties the candidates become. */
export const PAIRS_SOURCE = 'heldout-pairs';

/** The distinct candidates, each to be indexed as one party with this sourceId. */
export function pairCandidates(): { sourceId: string; name: string; schema: PartySchema }[] {
  const seen = new Map<string, { sourceId: string; name: string; schema: PartySchema }>();
  for (const [, candidate, , schema] of INDEPENDENT_PAIRS)
    if (!seen.has(candidate))
      seen.set(candidate, { sourceId: String(seen.size + 1), name: candidate, schema });
  return [...seen.values()];
}

/** Builds set (e); the subject is the candidate, so all its pairs land in one split. */
export function independentPairCases(): HeldoutCase[] {
  const ids = new Map(pairCandidates().map((c) => [c.name, `${PAIRS_SOURCE}:${c.sourceId}`]));
  return INDEPENDENT_PAIRS.map(([query, candidate, match, schema, cls], i) => {
    const subject = `pair:${candidate}`;
    return {
      id: `e:${i + 1}`,
      set: 'e' as const,
      ...(cls ? { cls } : {}),
      rule: 'nomenklatura-checks',
      script: scriptOf(query),
      subject,
      split: splitOf(subject),
      expect: match ? ('match' as const) : ('no-match' as const),
      query: { name: query, schema },
      truth: [ids.get(candidate)!],
      index: 'pairs' as const,
      listed: candidate,
    };
  });
}
