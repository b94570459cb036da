import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { ARTICLES } from './article-lift.ts';
import { FEATURE_WEIGHTS, featureTerm, type ScoreTerm } from './feature-table.ts';

/**
 * Words that join the parts of an organisation name ("Mining and Industrial
 * Development", "Forces for the Liberation of"): left over beside generic
 * words, they say nothing either. They are not charged as generic words.
 */
export const CONNECTORS: ReadonlySet<string> = new Set([
  'and',
  'of',
  'the',
  'for',
  'de',
  'du',
  'des',
  'la',
  'le',
  'et',
]);

/** Weakest word pair of the distinctive words: a spelling variant ("jaber", "jabber"), not a near miss. */
export const MIN_PAIR_SIMILARITY = 0.85;

/** Fewest letters of the distinctive words the two names share: one short word is too little. */
export const MIN_DISTINCTIVE_LETTERS = 5;

/**
 * Weakest pair when the names share one distinctive word only (articles
 * aside): a reading that fits its spelling (0.9, as `articleLift` asks), not
 * one changed letter of a short word ("ahmar" / "ahrar", 0.88: "red" and
 * "free" in Arabic). Beside a single word agreeing that loosely the generic
 * words are much of what the names share, and are not let go.
 */
export const MIN_SINGLE_WORD_SIMILARITY = 0.9;

/**
 * The weight of one side's unpaired words and how many of them are generic
 * (connectors are not counted), or undefined when one is a distinctive word.
 */
function leftOver(
  tokens: readonly string[],
  used: Uint8Array,
  weights: Float64Array,
  generic: ReadonlySet<string>,
): { weight: number; words: number } | undefined {
  let weight = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const connector = CONNECTORS.has(tokens[i]!);
    if (!connector && !generic.has(tokens[i]!)) return undefined;
    weight += weights[i]!;
    if (!connector) words++;
  }
  return { weight, words };
}

/**
 * How much the name score of two organisation names rises when they differ
 * only in generic words ("Sepasad Group" and "Sepasad Engineering Company",
 * "Ettehad Industrial Group" and "Ettehad Technical Group"): every word left
 * unpaired on either side is a generic organisation word (or a connector,
 * "and", "of"), the words paired agree at `MIN_PAIR_SIMILARITY` or better and
 * hold a distinctive (non-generic) word of `MIN_DISTINCTIVE_LETTERS` letters or
 * more; a lone distinctive word (articles aside) must agree at
 * `MIN_SINGLE_WORD_SIMILARITY`. The generic words left over are taken out of both coverages, and each
 * costs `extraGenericWord` (the connectors cost nothing). Names that differ
 * in any distinctive word ("Tarvesh Shipping" and "Tarvesh Trading Lines")
 * get nothing. Pushes the explained terms to `terms` when given.
 */
export function genericWordsLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  generic: ReadonlySet<string>,
  terms?: ScoreTerm[],
): number {
  if (a.pairs === 0 || a.minPairSimilarity < MIN_PAIR_SIMILARITY) return 0;
  if (a.pairs === q.length && a.pairs === c.length) return 0;
  let distinctive = 0;
  let distinctiveWords = 0;
  for (let i = 0; i < q.length; i++)
    if (a.usedQ[i] && !generic.has(q[i]!)) {
      distinctive += q[i]!.length;
      if (!ARTICLES.has(q[i]!)) distinctiveWords++;
    }
  if (distinctive < MIN_DISTINCTIVE_LETTERS) return 0;
  if (distinctiveWords < 2 && a.minPairSimilarity < MIN_SINGLE_WORD_SIMILARITY) return 0;
  const qLeft = leftOver(q, a.usedQ, a.weightQ, generic);
  if (!qLeft) return 0;
  const cLeft = leftOver(c, a.usedC, a.weightC, generic);
  if (!cLeft) return 0;
  const qDrop = qLeft.weight;
  const cDrop = cLeft.weight;
  const words = qLeft.words + cLeft.words;
  const qTotal = a.qTotal - qDrop;
  const cTotal = a.cTotal - cDrop;
  if (qTotal <= 0 || cTotal <= 0) return 0;
  const lifted = coverageScore(a.qMatched / qTotal, a.cMatched / cTotal);
  const lift = lifted + FEATURE_WEIGHTS.extraGenericWord * words - base;
  if (lift <= 0) return 0;
  if (terms) {
    const left = [...q.filter((t, i) => !a.usedQ[i]), ...c.filter((t, j) => !a.usedC[j])].filter(
      (t) => !CONNECTORS.has(t),
    );
    terms.push(
      featureTerm(
        'genericWordsOnly',
        `the distinctive words agree; the names differ only in generic words`,
        lifted - base,
      ),
    );
    if (words > 0)
      terms.push(
        featureTerm(
          'extraGenericWord',
          `generic word${words > 1 ? 's' : ''} on one side only: ${left.join(', ')}`,
          words,
        ),
      );
  }
  return lift;
}

/**
 * How much the name score of two organisation names falls when the only
 * distinctive word they pair agrees below `MIN_SINGLE_WORD_SIMILARITY`
 * ("ahrar" / "ahmar", 0.88: one changed letter of a short word) and the
 * other pairs are generic words, articles or connectors ("jamaat" / "group",
 * "ul" / "al"): those pairs are taken out of both coverages, as
 * `genericWordsLift` and `articleLift` take such words out when they are
 * unpaired — a generic word or an article agreeing says nothing about which
 * organisation is named, and counted as matched it made "Jamaat-ul-Ahrar"
 * 0.89 against "Al Ahmar Trading Group". Never raises the score (0 or less).
 * Only for the alignment as chosen (`lifted`: no translated or joined words
 * paired after it). Pushes the explained term to `terms` when given.
 */
export function oneLooseWordCut(
  score: number,
  a: LastAlignment,
  q: readonly string[],
  generic: ReadonlySet<string>,
  terms?: ScoreTerm[],
): number {
  if (a.pairs < 2 || a.minPairSimilarity >= MIN_SINGLE_WORD_SIMILARITY) return 0;
  let word = -1;
  for (let p = 0; p < a.pairs; p++) {
    const t = q[a.pairI[p]!]!;
    if (generic.has(t) || ARTICLES.has(t) || CONNECTORS.has(t)) continue;
    if (word >= 0) return 0;
    word = p;
  }
  if (word < 0 || a.pairS[word]! >= MIN_SINGLE_WORD_SIMILARITY) return 0;
  let qMatched = a.qMatched;
  let qTotal = a.qTotal;
  let cMatched = a.cMatched;
  let cTotal = a.cTotal;
  for (let p = 0; p < a.pairs; p++) {
    if (p === word) continue;
    const s = a.pairS[p]!;
    const wq = a.weightQ[a.pairI[p]!]!;
    const wc = a.weightC[a.pairJ[p]!]!;
    qMatched -= s * wq;
    qTotal -= wq;
    cMatched -= s * wc;
    cTotal -= wc;
  }
  if (qTotal <= 0 || cTotal <= 0) return 0;
  const cut = coverageScore(qMatched / qTotal, cMatched / cTotal) - score;
  if (cut >= 0) return 0;
  terms?.push(
    featureTerm(
      'oneLooseWord',
      `only one distinctive word agrees, loosely (${q[a.pairI[word]!]} ${a.pairS[word]!.toFixed(2)}): the generic words and articles beside it left out`,
      cut,
    ),
  );
  return cut;
}

/**
 * Highest name score of two organisation names whose only agreeing words say what kind of body
 * each is, not which one (`genericOnlyCut`): under every threshold the engine chooses (0.84–0.86).
 */
export const GENERIC_ONLY_CAP = 0.7;

/** Whether a word says what kind of body an organisation is (or joins words): not which one. */
function formWord(t: string, formWords: ReadonlySet<string>): boolean {
  return formWords.has(t) || ARTICLES.has(t) || CONNECTORS.has(t);
}

/**
 * How much the name score of two organisation names falls when every word they pair is a word of
 * kind (`formWords`: a generic word, a word of a legal form written in another script than Latin,
 * an article or a connector) and either side keeps a word that names the body (a distinctive word
 * or a number) unpaired: «ООО "Бай"» / «ООО "Байкал"» agree only in what kind of body they are.
 * The score falls to `GENERIC_ONLY_CAP` (never rises: 0 or less). Pushes the explained term to
 * `terms` when given.
 */
export function genericOnlyCut(
  score: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  formWords: ReadonlySet<string>,
  terms?: ScoreTerm[],
): number {
  if (a.pairs === 0 || score <= GENERIC_ONLY_CAP) return 0;
  for (let p = 0; p < a.pairs; p++) if (!formWord(q[a.pairI[p]!]!, formWords)) return 0;
  let named: string | undefined;
  for (let i = 0; i < q.length && named === undefined; i++)
    if (!a.usedQ[i] && !formWord(q[i]!, formWords)) named = q[i];
  for (let j = 0; j < c.length && named === undefined; j++)
    if (!a.usedC[j] && !formWord(c[j]!, formWords)) named = c[j];
  if (named === undefined) return 0;
  const cut = GENERIC_ONLY_CAP - score;
  terms?.push(
    featureTerm(
      'genericOnly',
      `only words of kind agree (${[...Array(a.pairs).keys()].map((p) => q[a.pairI[p]!]).join(', ')}); "${named}" names a body the other name does not`,
      cut,
    ),
  );
  return cut;
}
