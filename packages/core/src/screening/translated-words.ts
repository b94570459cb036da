import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { featureTerm, type ScoreTerm } from './feature-table.ts';
import { CONNECTORS } from './generic-words-lift.ts';
import { SECOND_RENDERINGS } from './organisation-translations.ts';

const SECOND: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(SECOND_RENDERINGS));

/** Whether two words of one translation group translate each other: a second English rendering (`SECOND_RENDERINGS`) only its own words. */
function translate(x: string, y: string): boolean {
  const xs = SECOND.get(x);
  if (xs) return xs.includes(y);
  const ys = SECOND.get(y);
  return ys ? ys.includes(x) : true;
}

/** Weakest pair of the words the names share besides the translation: spellings, not near misses ("Nadir" / "Qadir"). */
const MIN_PAIR_SIMILARITY = 0.85;

/** Fewest letters of a word the names share besides the translation: "al", "of" or a generic word say nothing. */
const MIN_SHARED_LETTERS = 3;

const isConnector = (t: string): boolean => CONNECTORS.has(t);

/**
 * Whether a paired query word is distinctive: of `MIN_SHARED_LETTERS` letters or more, not
 * generic and not `skip`ped (connectors here; the acronym lift also skips articles).
 */
export function sharesDistinctiveWord(
  q: readonly string[],
  usedQ: Uint8Array,
  generic: ReadonlySet<string>,
  skip: (t: string) => boolean = isConnector,
): boolean {
  for (let i = 0; i < q.length; i++) {
    const t = q[i]!;
    if (usedQ[i] && t.length >= MIN_SHARED_LETTERS && !generic.has(t) && !skip(t)) return true;
  }
  return false;
}

/**
 * What a word and its translation agree at: as much as an initial or a
 * reading that fits an abjad spelling (0.9), less than a symbol of the
 * reference (0.95). A translated word is evidence of the same name, but
 * weaker than the same word.
 */
export const TRANSLATION_SIMILARITY = 0.9;

/**
 * How much the name score of two organisation names rises when a word left
 * unpaired on one side is the translation of a word left unpaired on the
 * other (`translations`: token → group of `ORGANISATION_TRANSLATIONS`):
 * "Islamic State of Iraq and Syria" against "… Iraq and the Levant", "Jaish
 * Mohammed" against "Army of Mohammed". Each such pair counts as paired at
 * `TRANSLATION_SIMILARITY` in both coverages. Only when the names already
 * share another distinctive word (`generic`: the generic organisation words,
 * which do not count): a translated word beside "Trading Company" names
 * nothing ("Levant Trading Company" is not "Syria Trading Company"), and
 * every word they pair agrees at `MIN_PAIR_SIMILARITY` or better.
 *
 * Updates the alignment view `a` (the pairs, coverages and matched weights)
 * so that the features read after it (articles, generic words, containment)
 * see the translated words as paired. Pushes the explained term to `terms`
 * when given.
 */
export function translatedWordsLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  translations: ReadonlyMap<string, number>,
  generic: ReadonlySet<string>,
  terms?: ScoreTerm[],
): number {
  if (a.pairs === 0 || a.pairs === q.length || a.pairs === c.length) return 0;
  if (a.minPairSimilarity < MIN_PAIR_SIMILARITY) return 0;
  if (!sharesDistinctiveWord(q, a.usedQ, generic)) return 0;
  let qMatched = a.qMatched;
  let cMatched = a.cMatched;
  let found: string[] | undefined;
  for (let i = 0; i < q.length; i++) {
    if (a.usedQ[i]) continue;
    const group = translations.get(q[i]!);
    if (group === undefined) continue;
    for (let j = 0; j < c.length; j++) {
      if (a.usedC[j] || c[j] === q[i] || translations.get(c[j]!) !== group || !translate(q[i]!, c[j]!))
        continue;
      a.usedQ[i] = 1;
      a.usedC[j] = 1;
      a.pairs++;
      qMatched += TRANSLATION_SIMILARITY * a.weightQ[i]!;
      cMatched += TRANSLATION_SIMILARITY * a.weightC[j]!;
      (found ??= []).push(`${q[i]} = ${c[j]}`);
      break;
    }
  }
  if (!found) return 0;
  a.qMatched = qMatched;
  a.cMatched = cMatched;
  a.queryCoverage = a.qTotal > 0 ? qMatched / a.qTotal : 0;
  a.candidateCoverage = a.cTotal > 0 ? cMatched / a.cTotal : 0;
  if (a.minPairSimilarity > TRANSLATION_SIMILARITY) a.minPairSimilarity = TRANSLATION_SIMILARITY;
  const lift = coverageScore(a.queryCoverage, a.candidateCoverage) - base;
  terms?.push(
    featureTerm('translatedWord', `word${found.length > 1 ? 's' : ''} translated: ${found.join(', ')}`, lift),
  );
  return lift;
}
