import { ARTICLES } from './article-lift.ts';
import type { LastAlignment } from './align-tokens.ts';
import { featureTerm, type ScoreTerm } from './feature-table.ts';
import { CONNECTORS } from './generic-words-lift.ts';

/** Whether a word says nothing of which organisation it is: generic, a connector, an article or a number. */
function isPlainWord(t: string, generic: ReadonlySet<string>): boolean {
  if (generic.has(t) || CONNECTORS.has(t) || ARTICLES.has(t)) return true;
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * The distinctive words of a listed organisation name that the query lacks
 * and their share of the listed name's distinctive weight, when the query
 * itself is all covered (each of its words paired, or a generic word, a
 * connector, an article or a number); undefined when there are none.
 * Legal forms are not tokens of a normalised name, so they never count.
 */
export function missingDistinctiveWords(
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  generic: ReadonlySet<string>,
): { words: string[]; share: number } | undefined {
  if (a.pairs === 0 || a.pairs === c.length) return undefined;
  for (let i = 0; i < q.length; i++) if (!a.usedQ[i] && !isPlainWord(q[i]!, generic)) return undefined;
  let missing = 0;
  let total = 0;
  let words: string[] | undefined;
  for (let j = 0; j < c.length; j++) {
    if (isPlainWord(c[j]!, generic)) continue;
    const w = a.weightC[j]!;
    total += w;
    if (!a.usedC[j]) {
      missing += w;
      (words ??= []).push(c[j]!);
    }
  }
  if (!words || total <= 0) return undefined;
  return { words, share: missing / total };
}

/**
 * What the name score of two organisation names loses when the query is all
 * covered but the listed name holds distinctive words the query lacks
 * ("Green Trading" against "Green Leaf Trading"): for persons a listed name
 * searched with fewer words is the same person, for organisations a
 * distinctive word of the listed name missing from the query is evidence of
 * a different organisation. The loss is the `distinctiveListedWord` weight
 * times the missing words' share of the listed name's distinctive weight
 * (`missingDistinctiveWords`); it only ever lowers a score. Pushes the
 * explained term to `terms` when given.
 */
export function distinctiveListedWordsDrop(
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  generic: ReadonlySet<string>,
  terms?: ScoreTerm[],
): number {
  const missing = missingDistinctiveWords(a, q, c, generic);
  if (!missing) return 0;
  const term = featureTerm(
    'distinctiveListedWord',
    `distinctive listed word${missing.words.length > 1 ? 's' : ''} not in the query: ${missing.words.join(', ')} (share of the listed name's distinctive weight ${missing.share.toFixed(2)})`,
    missing.share,
  );
  terms?.push(term);
  return term.value;
}
