import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { featureTerm, type ScoreTerm } from './feature-table.ts';

/**
 * The Arabic definite article as names write it apart ("al Kashif", "el
 * Motassadeq", and the reading of Arabic script: "smira al shahbndr"). Lists
 * write it, hyphenate it or leave it out for one and the same name.
 */
export const ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

/**
 * Weakest word pair beside which an article is let go: an Arabic-script
 * reading that fits its spelling (0.9, `ABJAD_FIT_SIMILARITY`) or better.
 * Beside a word agreeing by sound alone ("nwf" and "Nawaee", 0.88) the
 * article is part of what little the names share.
 */
const MIN_PAIR_SIMILARITY = 0.9;

/**
 * How much the name score rises when the articles left unpaired on either
 * side are taken out of the coverages ("Samira al-Shahbandar" against
 * "Samira Shahbandar"): an article written on one side only is not evidence
 * against the name. Only when the articles are all that is left over on
 * both sides ("Al Zamal" against "Abu Zamal" differs by more than one) and
 * the names share more than an article, every word pair agreeing at
 * `MIN_PAIR_SIMILARITY` or better. Pushes the explained term to `terms` when given.
 */
export function articleLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  terms?: ScoreTerm[],
): number {
  if (a.pairs === 0 || a.minPairSimilarity < MIN_PAIR_SIMILARITY) return 0;
  let qDrop = 0;
  let cDrop = 0;
  let qPaired = false;
  for (let i = 0; i < q.length; i++) {
    if (a.usedQ[i]) qPaired ||= !ARTICLES.has(q[i]!);
    else if (ARTICLES.has(q[i]!)) qDrop += a.weightQ[i]!;
    else return 0;
  }
  for (let j = 0; j < c.length; j++) {
    if (a.usedC[j]) continue;
    if (!ARTICLES.has(c[j]!)) return 0;
    cDrop += a.weightC[j]!;
  }
  if ((qDrop === 0 && cDrop === 0) || !qPaired) return 0;
  const qTotal = a.qTotal - qDrop;
  const cTotal = a.cTotal - cDrop;
  if (qTotal <= 0 || cTotal <= 0) return 0;
  const lift = coverageScore(a.qMatched / qTotal, a.cMatched / cTotal) - base;
  if (lift <= 0) return 0;
  if (terms) {
    const left = [
      ...q.filter((t, i) => !a.usedQ[i] && ARTICLES.has(t)),
      ...c.filter((t, j) => !a.usedC[j] && ARTICLES.has(t)),
    ];
    terms.push(
      featureTerm('articleOneSide', `article written on one side only, not counted: ${left.join(' ')}`, lift),
    );
  }
  return lift;
}
