import { QUERY_SHARE } from './align-tokens.ts';
import { mayBeAcronym, ACRONYM_SIMILARITY } from './acronym-words.ts';
import { ARTICLES } from './article-lift.ts';
import { FEATURE_WEIGHTS } from './feature-table.ts';
import { CONNECTORS } from './generic-words-lift.ts';
import { MAX_EXTRA_PARTS } from './name-features.ts';

/** The query coverage a name needs, its listed-name coverage whole, for a score of `score`. */
const coverageFor = (score: number): number => (score - (1 - QUERY_SHARE)) / QUERY_SHARE;

/**
 * The least share of the query (by token weight) a listed name's words must reach through the
 * index's keys for one of `nameFeatureScore`'s name-level lifts to still give it a name score of
 * `minScore`, read from the query's words alone (`Infinity` when no lift applies), assuming that
 * each word pair reaches the similarity the alignment gives it (`containedSimilarity` for the
 * words of a contained name, as the person containment's relaxation assumes):
 *
 * - `genericWordsLift` takes the query's unpaired generic words and connectors out of its
 *   coverage, each generic word costing `extraGenericWord`: for k of its generic words (the
 *   heaviest k, the most that can be taken out), the coverage of the rest must give
 *   `minScore + k × 0.04`;
 * - `articleLift` takes unpaired articles out at no cost;
 * - `containedScore` (organisations) scores a listed name found whole in the query by the
 *   listed name's coverage less `extraGenericWord` per extra word, up to `MAX_EXTRA_PARTS`
 *   generic words: the query's other words must be reached;
 * - `acronymLift` (organisations) pairs a query word that may be an acronym with a run of the
 *   listed name's words at `ACRONYM_SIMILARITY`, though no key of the query reaches that name
 *   through it: those words' share at that similarity is owed, not reached. Only when
 *   `acronyms` (the caller's choice: an organisation query, every pair of which is an
 *   organisation pair); owed for every query, nearly every word of a person name may be an
 *   acronym, and a name then needs little more than one of the query's words.
 *
 * The organisation lifts apply whenever the pair is an organisation pair, which a query of any
 * schema can be (the listed name's schema counts too), so they are read for every query.
 */
export function liftedCoverageNeeded(
  tokens: readonly string[],
  weight: (token: string) => number,
  minScore: number,
  generic: ReadonlySet<string>,
  containedSimilarity: number,
  acronyms: boolean,
): number {
  let total = 0;
  let connectors = 0;
  let articles = 0;
  let acronymShare = 0;
  let lightestAcronym = Infinity;
  let otherDistinctive = false;
  const genericWeights: number[] = [];
  for (const t of tokens) {
    const w = weight(t);
    total += w;
    if (generic.has(t)) genericWeights.push(w);
    else if (CONNECTORS.has(t)) connectors += w;
    else if (ARTICLES.has(t)) articles += w;
    else if (acronyms && mayBeAcronym(t, generic)) {
      acronymShare += w;
      lightestAcronym = Math.min(lightestAcronym, w);
    } else otherDistinctive = true;
  }
  if (total <= 0) return Infinity;
  connectors /= total;
  articles /= total;
  // An acronym's words are paired at ACRONYM_SIMILARITY without being reached; one distinctive
  // word must still be shared besides (`acronymLift`): when every distinctive word may be an
  // acronym, the lightest of them is that word.
  if (acronymShare > 0 && !otherDistinctive) acronymShare -= lightestAcronym;
  const unreached = acronymShare / total;
  const owed = ACRONYM_SIMILARITY * unreached;
  let needed = Infinity;
  // Unpaired articles, all that is left unpaired once any acronym is paired (`articleLift`).
  if (articles > 0) needed = coverageFor(minScore) * (1 - articles) - owed;
  genericWeights.sort((a, b) => b - a);
  let dropped = connectors;
  for (let k = 0; k <= genericWeights.length; k++) {
    if (k > 0) dropped += genericWeights[k - 1]! / total;
    const cost = -FEATURE_WEIGHTS.extraGenericWord * k;
    if (dropped > 0 || owed > 0)
      needed = Math.min(needed, coverageFor(minScore + cost) * (1 - dropped) - owed);
    // A listed organisation name contained in the query, k generic words beside it.
    if (k > 0 && k <= MAX_EXTRA_PARTS && 1 - cost >= minScore) {
      const extra = genericWeights.slice(0, k).reduce((s, w) => s + w, 0) / total;
      needed = Math.min(needed, containedSimilarity * (1 - extra - unreached));
    }
  }
  return Math.max(0, needed);
}
