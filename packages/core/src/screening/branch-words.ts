import { countryCodeFromName } from '../geo/country-codes.ts';
import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { ARTICLES } from './article-lift.ts';
import { featureTerm, type ScoreTerm } from './feature-table.ts';
import { CONNECTORS, MIN_DISTINCTIVE_LETTERS } from './generic-words-lift.ts';
import { ORGANISATION_WORD_GROUPS } from './organisation-words.ts';

/** Words that name a branch or an office of an organisation ("branch", "filiale", "offices"). */
export const BRANCH_WORDS: ReadonlySet<string> = new Set([
  ...ORGANISATION_WORD_GROUPS.branch!,
  'office',
  'offices',
]);

/** Weakest pair of the words the query shares with the listed name: a spelling, not a near miss. */
const MIN_BRANCH_PAIR = 0.9;

/** Most words of a country name ("united arab emirates"). */
const MAX_COUNTRY_WORDS = 3;

/** Whether a listed name holds a branch word (the cheap test before `branchLift`, and the bound's). */
export function hasBranchWord(tokens: readonly string[]): boolean {
  for (const t of tokens) if (BRANCH_WORDS.has(t)) return true;
  return false;
}

/**
 * Whether the unpaired words of the listed name `c` are a branch qualifier: a
 * branch word, one country name or more, connectors and articles, nothing else.
 */
function branchQualifier(c: readonly string[], usedC: Uint8Array): boolean {
  let branch = false;
  let country = false;
  for (let j = 0; j < c.length; j++) {
    if (usedC[j]) continue;
    const t = c[j]!;
    if (BRANCH_WORDS.has(t)) branch = true;
    else if (CONNECTORS.has(t) || ARTICLES.has(t)) continue;
    else {
      // A country name of one to three unpaired words starting here.
      let end = -1;
      for (let n = 1; n <= MAX_COUNTRY_WORDS && j + n <= c.length; n++) {
        if (usedC[j + n - 1]) break;
        if (countryCodeFromName(c.slice(j, j + n).join(' '))) end = j + n;
      }
      if (end < 0) return false;
      country = true;
      j = end - 1;
    }
  }
  return branch && country;
}

/**
 * How much the name score of two organisation names rises when the query is
 * the listed name of a branch or an office without its qualifier: every query
 * word paired at `MIN_BRANCH_PAIR` or better, and the listed name's unpaired
 * words a branch word beside a country name ("Al-Haramain" against
 * "Al-Haramain: Afghanistan Branch"). Those words leave the listed-name
 * coverage: a query naming the organisation names each of its branches as
 * much as the organisation itself, and nothing in it says which one. Only
 * that way round: a query that adds a branch qualifier to a listed name
 * names a part of it, not the name listed.
 *
 * Pushes the explained term to `terms` when given.
 */
export function branchLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  generic: ReadonlySet<string>,
  terms?: ScoreTerm[],
): number {
  if (a.pairs === 0 || a.pairs !== q.length || a.pairs === c.length) return 0;
  if (a.minPairSimilarity < MIN_BRANCH_PAIR || !hasBranchWord(c)) return 0;
  let distinctive = 0;
  for (let i = 0; i < q.length; i++) {
    const t = q[i]!;
    if (!generic.has(t) && !CONNECTORS.has(t) && !ARTICLES.has(t)) distinctive += t.length;
  }
  if (distinctive < MIN_DISTINCTIVE_LETTERS || !branchQualifier(c, a.usedC)) return 0;
  let left = 0;
  const words: string[] = [];
  for (let j = 0; j < c.length; j++)
    if (!a.usedC[j]) {
      left += a.weightC[j]!;
      words.push(c[j]!);
    }
  const total = a.cTotal - left;
  if (total <= 0) return 0;
  const lifted = coverageScore(a.queryCoverage, Math.min(1, a.cMatched / total));
  if (lifted <= base) return 0;
  terms?.push(
    featureTerm(
      'branchLeftOut',
      `the listed branch's qualifier is not in the query: ${words.join(' ')}`,
      lifted - base,
    ),
  );
  return lifted - base;
}
