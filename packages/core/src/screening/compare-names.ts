import {
  alignmentScore,
  describeAlignment,
  lastAlignment,
  lengthWeight,
  type NameComparison,
  type TokenWeight,
} from './align-tokens.ts';
import type { CompiledNameReference } from './compile-name-reference.ts';
import { compareJoined, joinedComparison } from './compare-joined.ts';
import { compareReadTokenFacts, tokenFacts, type TokenFacts } from './compare-tokens.ts';
import { genericOnlyCut } from './generic-words-lift.ts';
import { containmentOf, nameFeatureScore, type Containment } from './name-features.ts';
import { writtenWords, type NameOrders } from './middle-names.ts';
import { writtenNameOrder } from './name-order.ts';
import { rejoinParticles } from './name-particles.ts';
import type { NormalizedName } from './normalize-name.ts';
import { syllableConflicts, syllableConflictTerm } from './syllable-conflicts.ts';
import type { ScoreTerm } from './feature-table.ts';

export type { TokenWeight } from './align-tokens.ts';

/**
 * The comparison facts of a token (`tokenFacts` over the reference compared with): a screening
 * index gives those it holds and those of the query it prepared rather than making them again
 * for each name it explains (`explainIndexedName`).
 */
export type FactsOf = (token: string) => TokenFacts;

function alignTokens(
  q: string[],
  c: string[],
  ref: CompiledNameReference,
  weight: TokenWeight,
  method: NameComparison['method'],
  containment: Containment = 'none',
  vowelless = false,
  orders?: NameOrders,
  factsOf?: FactsOf,
): NameComparison {
  const qf = q.map((t) => (factsOf ? factsOf(t) : tokenFacts(t, ref)));
  const cf = c.map((t) => (factsOf ? factsOf(t) : tokenFacts(t, ref)));
  const base = alignmentScore(
    q.length,
    c.length,
    (i, j) => compareReadTokenFacts(qf[i]!, cf[j]!, vowelless),
    (i) => weight(q[i]!),
    (j) => weight(c[j]!),
    (j) => c[j]!.length,
  );
  if (method === 'original-script' && containment === 'organisation') {
    // Organisation names in their original script: legal-form words agreeing alone say nothing.
    const terms: ScoreTerm[] = [];
    const cut = genericOnlyCut(base, lastAlignment(), q, c, ref.orgFormWords, terms);
    return describeAlignment(base + cut, q, c, method, base, terms);
  }
  if (method !== 'tokens') return describeAlignment(base, q, c, method);
  const terms: ScoreTerm[] = [];
  const score = nameFeatureScore(
    base,
    lastAlignment(),
    q,
    c,
    containment,
    ref.genericOrgWords,
    vowelless,
    ref.translations,
    terms,
    orders,
    ref.orgFormWords,
  );
  return describeAlignment(score, q, c, method, base, terms);
}

/**
 * Compares two normalised names: the best one-to-one alignment of their
 * tokens (greedy on similarity, weighted by token weight), scored 82 % on how
 * much of the query is covered and 18 % on how much of the listed name is, so
 * missing middle names cost little but extra query words cost much. Names
 * written with different spacing, original-script aliases and the Korean and
 * Japanese readings of Han-character names are compared too. `orders` says which
 * words of each name are its surname (`middleNamesLift`); by default, a name's
 * comma ("SURNAME, Given") says. `factsOf` gives the words' comparison facts when the caller
 * holds them (by default each is made from `ref`).
 *
 * @example
 * compareNames(normalizeName('Jong Un Kim', ref), normalizeName('KIM Jong Un', ref), compiled).score // 1
 */
export function compareNames(
  query: NormalizedName,
  candidate: NormalizedName,
  ref: CompiledNameReference,
  weight: TokenWeight = lengthWeight,
  orders: NameOrders = {
    query: writtenNameOrder(query.text, query.tokens),
    listed: () => writtenNameOrder(candidate.text, candidate.tokens),
    spellings: ref.tokenSpellingGroups,
    queryWritten: writtenWords(query.text),
  },
  factsOf?: FactsOf,
): NameComparison {
  const containment = containmentOf(query, candidate);
  const vowelless = !!query.vowelless;
  let best = compareTokenLists(
    query.tokens,
    candidate.tokens,
    ref,
    weight,
    containment,
    vowelless,
    orders,
    factsOf,
  );
  if (best.score < 1 && query.originalTokens && candidate.originalTokens) {
    const original = alignTokens(
      query.originalTokens,
      candidate.originalTokens,
      ref,
      lengthWeight,
      'original-script',
      containment,
      false,
      undefined,
      factsOf,
    );
    if (original.score > best.score) best = original;
  }
  // Korean and Japanese readings of Han-character names: the best pair of readings counts.
  if (best.score < 1 && (query.readings || candidate.readings)) {
    const qs = [query.tokens, ...(query.readings ?? [])];
    const cs = [candidate.tokens, ...(candidate.readings ?? [])];
    for (let i = 0; i < qs.length; i++) {
      for (let j = i === 0 ? 1 : 0; j < cs.length; j++) {
        const reading = compareTokenLists(
          qs[i]!,
          cs[j]!,
          ref,
          weight,
          containment,
          vowelless,
          undefined,
          factsOf,
        );
        if (reading.score > best.score) best = reading;
      }
    }
  }
  const differ = syllableConflicts(query.originalTokens, candidate.originalTokens);
  if (differ > 0) {
    const term = syllableConflictTerm(query.originalTokens!, candidate.originalTokens!, differ);
    best = {
      ...best,
      score: Math.max(0, best.score + term.value),
      terms: [...best.terms, term],
    };
  }
  return best;
}

function letterCount(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) n += t.length;
  return n;
}

/** Token alignment, or the names written without spaces when that scores higher. */
function compareTokenLists(
  q: string[],
  c: string[],
  ref: CompiledNameReference,
  weight: TokenWeight,
  containment: Containment,
  vowelless: boolean,
  orders?: NameOrders,
  factsOf?: FactsOf,
): NameComparison {
  let best = alignTokens(q, c, ref, weight, 'tokens', containment, vowelless, orders, factsOf);
  // A name found to be another name's (`nameFormFall`) is compared again written without spaces
  // only when both hold as many letters (a word break moved), as `scoreIndexedName` does.
  const formFall = best.terms.some((t) => t.feature === 'genderedForm' || t.feature === 'looseWordOfTwo');
  // Particles written joined on one side and apart on the other ("vanderhoven", "van der hoven").
  if (best.score < 1) {
    const rc = rejoinParticles(q, c);
    const rq = rc ? undefined : rejoinParticles(c, q);
    if (rc || rq) {
      const rejoined = alignTokens(
        rq ?? q,
        rc ?? c,
        ref,
        weight,
        'tokens',
        containment,
        vowelless,
        undefined,
        factsOf,
      );
      if (rejoined.score > best.score) best = rejoined;
    }
  }
  if (best.score < 1 && (!formFall || letterCount(q) === letterCount(c))) {
    const joined = compareJoined(q, c);
    if (joined > best.score) return joinedComparison(q, c, joined);
  }
  return best;
}
