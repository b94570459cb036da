import { QUERY_SHARE, type TokenWeight } from './align-tokens.ts';
import type { CompiledNameReference } from './compile-name-reference.ts';
import { liftedCoverageNeeded } from './lift-coverage.ts';
import { isOrganisationPair, MAX_EXTRA_PARTS } from './name-features.ts';
import { NAME_PARTICLES } from './name-particles.ts';
import type { NormalizedName } from './normalize-name.ts';
import { acrossNamesCoverage, PARTY_WORDS_CAP, partyWordsIgnored } from './party-words.ts';

/** Lowest token similarity a contained listed name's words are assumed to reach, for the bound. */
export const CONTAINED_SIMILARITY = 0.9;

/**
 * The least share of `query` (by token weight, times the similarity each word is found at) a
 * listed name must reach through the index's keys for its name score to possibly reach
 * `minScore`: the plain need (both sides covered alike), relaxed for what a name-level feature
 * can give that the keys do not see. One function for every search that must find the names the
 * engine can match: the candidate search (`findCandidateNames`) and the monitoring delta's
 * forward search, which asks each register name, as a query, this same need (the two written
 * apart drifted, and the delta missed alerts: docs/decisions/2026-12-07-delta-forward-lifts.md).
 *
 * - A listed person name found whole inside a longer query scores by its own coverage
 *   (`nameFeatureScore`): the query's words it leaves over, up to `MAX_EXTRA_PARTS` (a particle
 *   with the word after it counting as one, as `unpairedParts` does), do not count against it.
 * - Generic words, connectors, articles or an acronym left unpaired, and a listed organisation
 *   name contained in the query (`liftedCoverageNeeded`).
 * - A query whose words two names of one party spell between them (`acrossNamesCoverage`), when
 *   `minScore` is within that feature's cap.
 *
 * `weight` and `compiled` are the listed index's (`indexTokenWeight`, `index.compiled`).
 *
 * @example
 * const needed = queryCoverageNeeded(query, indexTokenWeight(index), 0.8, index.compiled);
 */
export function queryCoverageNeeded(
  query: NormalizedName,
  weight: TokenWeight,
  minScore: number,
  compiled: CompiledNameReference,
): number {
  const tokens = query.tokens;
  let total = 0;
  for (const t of tokens) total += weight(t);
  let needed = (minScore - (1 - QUERY_SHARE)) / QUERY_SHARE;
  const organisation = isOrganisationPair(query, {});
  if (tokens.length >= 3 && !organisation && total > 0) {
    const sorted = tokens.map((t) => weight(t)).sort((a, b) => a - b);
    let particles = 0;
    for (let k = 0; k + 1 < tokens.length; k++) if (NAME_PARTICLES.has(tokens[k]!)) particles++;
    const extraWords = MAX_EXTRA_PARTS + Math.min(MAX_EXTRA_PARTS, particles);
    let least = 0;
    for (let k = 0; k < Math.max(2, tokens.length - extraWords); k++) least += sorted[k]!;
    needed = Math.min(needed, (CONTAINED_SIMILARITY * least) / total);
  }
  if (tokens.length >= 2)
    needed = Math.min(
      needed,
      liftedCoverageNeeded(
        tokens,
        weight,
        minScore,
        compiled.genericOrgWords,
        CONTAINED_SIMILARITY,
        // An acronym only for an organisation query: owed to every query, a person name's
        // words (nearly all of three to six letters) would each let a name in on one other word.
        organisation,
      ),
    );
  if (minScore <= PARTY_WORDS_CAP)
    needed = Math.min(needed, acrossNamesCoverage(query.text, tokens, weight, partyWordsIgnored(compiled)));
  return needed;
}
