import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { ARTICLES } from './article-lift.ts';
import { featureTerm, type ScoreTerm } from './feature-table.ts';
import { CONNECTORS } from './generic-words-lift.ts';
import { sharesDistinctiveWord } from './translated-words.ts';

/**
 * What an acronym and the run of words whose initials it spells agree at: as
 * much as a translated word (`TRANSLATION_SIMILARITY`), less than a symbol of
 * the reference. An acronym is evidence of the same words, but weaker than the
 * words themselves: a few letters fit many runs.
 */
export const ACRONYM_SIMILARITY = 0.9;

/** Fewest letters of an acronym ("ISIL"): two letters fit too many pairs of words ("LI" read from a Chinese syllable, "Lebedev Institute"). */
export const MIN_ACRONYM_LETTERS = 3;

/** Most letters of an acronym: longer words are words. */
export const MAX_ACRONYM_LETTERS = 6;

/** Fewest words of the run an acronym spells that are neither connectors nor articles. */
const MIN_RUN_WORDS = 2;

/** Weakest pair of the words the names share besides the acronym: spellings, not near misses. */
const MIN_PAIR_SIMILARITY = 0.85;

/** A word that may stand inside a run without giving its initial: a connector or an article. */
const skippable = (t: string): boolean => CONNECTORS.has(t) || ARTICLES.has(t);

/** Whether a token may be an acronym: 2–6 ASCII letters, neither a connector, an article nor a generic word. */
export function mayBeAcronym(t: string, generic: ReadonlySet<string>): boolean {
  if (t.length < MIN_ACRONYM_LETTERS || t.length > MAX_ACRONYM_LETTERS) return false;
  for (let k = 0; k < t.length; k++) {
    const ch = t.charCodeAt(k);
    if (ch < 97 || ch > 122) return false;
  }
  return !skippable(t) && !generic.has(t);
}

/**
 * The end (exclusive) of the run of `words` starting at `from` whose initials
 * spell `acronym`, or -1: each word gives its initial in order, a connector or
 * article only where its initial is the next letter (else it is passed over:
 * "AQIM", "Al-Qaida in the Islamic Maghreb"), the run starts and ends with a
 * word that gives a letter, holds
 * `MIN_RUN_WORDS` words or more that are neither connectors nor articles, and
 * no word of it is in `used` (when given).
 */
export function acronymRunEnd(
  acronym: string,
  words: readonly string[],
  from: number,
  used?: Uint8Array,
): number {
  const first = words[from];
  if (first === undefined || first.charCodeAt(0) !== acronym.charCodeAt(0)) return -1;
  let k = 0;
  let full = 0;
  for (let j = from; j < words.length; j++) {
    if (used && used[j]) return -1;
    const t = words[j]!;
    const gives = t.charCodeAt(0) === acronym.charCodeAt(k);
    if (skippable(t)) {
      if (gives) k++;
    } else if (gives) {
      k++;
      full++;
    } else return -1;
    if (k === acronym.length) return full >= MIN_RUN_WORDS ? j + 1 : -1;
  }
  return -1;
}

/**
 * Pairs each unpaired word of `a` that may be an acronym with the first run of
 * unpaired words of `b` whose initials spell it; returns the weight added to
 * each side and what was paired ("isil = islamic state iraq and the levant").
 */
function pairAcronyms(
  a: readonly string[],
  usedA: Uint8Array,
  weightA: Float64Array,
  b: readonly string[],
  usedB: Uint8Array,
  weightB: Float64Array,
  generic: ReadonlySet<string>,
  found: string[],
): [number, number, number] {
  let addA = 0;
  let addB = 0;
  let pairs = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]!;
    if (usedA[i] || !mayBeAcronym(t, generic)) continue;
    for (let j = 0; j < b.length; j++) {
      const end = acronymRunEnd(t, b, j, usedB);
      if (end < 0) continue;
      usedA[i] = 1;
      addA += ACRONYM_SIMILARITY * weightA[i]!;
      for (let k = j; k < end; k++) {
        usedB[k] = 1;
        addB += ACRONYM_SIMILARITY * weightB[k]!;
      }
      pairs++;
      found.push(`${t} = ${b.slice(j, end).join(' ')}`);
      break;
    }
  }
  return [addA, addB, pairs];
}

/**
 * How much the name score of two organisation names rises when a word left
 * unpaired on one side is the acronym of a run of words left unpaired on the
 * other ("ISIL-Libya" against "Islamic State in Iraq and the Levant - Libya",
 * either way round): the acronym counts as paired with the whole run at
 * `ACRONYM_SIMILARITY` in both coverages. Only when the names already share
 * another distinctive word, every pair of which agrees at `MIN_PAIR_SIMILARITY`
 * or better: a bare acronym fits too many runs of initials, and beside
 * "Trading Company" it names nothing.
 *
 * Updates the alignment view `a` as `translatedWordsLift` does, so that the
 * features read after it see the acronym and its run as paired. Pushes the
 * explained term to `terms` when given.
 */
export function acronymLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  generic: ReadonlySet<string>,
  terms?: ScoreTerm[],
): number {
  if (a.pairs === 0 || a.pairs === q.length || a.pairs === c.length) return 0;
  if (a.minPairSimilarity < MIN_PAIR_SIMILARITY) return 0;
  if (!sharesDistinctiveWord(q, a.usedQ, generic, skippable)) return 0;
  const found: string[] = [];
  const [q1, c1, p1] = pairAcronyms(q, a.usedQ, a.weightQ, c, a.usedC, a.weightC, generic, found);
  const [c2, q2, p2] = pairAcronyms(c, a.usedC, a.weightC, q, a.usedQ, a.weightQ, generic, found);
  if (found.length === 0) return 0;
  a.pairs += p1 + p2;
  a.qMatched += q1 + q2;
  a.cMatched += c1 + c2;
  a.queryCoverage = a.qTotal > 0 ? a.qMatched / a.qTotal : 0;
  a.candidateCoverage = a.cTotal > 0 ? a.cMatched / a.cTotal : 0;
  if (a.minPairSimilarity > ACRONYM_SIMILARITY) a.minPairSimilarity = ACRONYM_SIMILARITY;
  const lift = coverageScore(a.queryCoverage, a.candidateCoverage) - base;
  terms?.push(
    featureTerm(
      'acronymWords',
      `acronym${found.length > 1 ? 's' : ''} of the other name's words: ${found.join(', ')}`,
      lift,
    ),
  );
  return lift;
}
