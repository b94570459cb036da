import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { FEATURE_WEIGHTS, featureTerm, type ScoreTerm } from './feature-table.ts';
import { ARTICLES } from './article-lift.ts';
import { NAME_PARTICLES } from './name-particles.ts';

/**
 * Weakest word pair beside which a listed name's middle names are let go: a
 * spelling of the same word ("qaddafi" / "qadhafi", "zaben" / "zabin"), not
 * a word agreeing by sound alone.
 */
export const MIDDLE_NAMES_MIN_PAIR = 0.9;

/** Most middle name parts counted against the name (a long nasab chain is still one person's name). */
export const MAX_MIDDLE_PARTS = 3;

/**
 * Whether the query's words pair, in order, with listed words from the listed name's first
 * to its last: as written, or the query surname first ("Qaddafi Aisha" for "Aisha … Qadhafi").
 */
function inOrder(a: LastAlignment, qn: number, cn: number): boolean {
  const at = new Int32Array(qn).fill(-1);
  for (let p = 0; p < a.pairs; p++) at[a.pairI[p]!] = a.pairJ[p]!;
  const monotone = (from: number): boolean => {
    for (let i = from + 1; i < qn; i++) if (at[i]! <= at[i - 1]!) return false;
    return true;
  };
  if (at[0] === 0 && at[qn - 1] === cn - 1 && monotone(0)) return true;
  // Surname first: the query's first word is the listed last, the rest in order from the listed first.
  return at[0] === cn - 1 && at[1] === 0 && monotone(1);
}

/** The listed name's unpaired words as name parts: a particle counted with the word it introduces ("abu minyar"). */
function middleParts(c: readonly string[], usedC: Uint8Array): string[] {
  const out: string[] = [];
  for (let j = 0; j < c.length; j++) {
    if (usedC[j]) continue;
    if (NAME_PARTICLES.has(c[j]!) && j + 1 < c.length && !usedC[j + 1]) {
      out.push(`${c[j]} ${c[j + 1]}`);
      j++;
    } else out.push(c[j]!);
  }
  return out;
}

/**
 * How much a person name score rises when the query gives a listed person's first and last
 * names and the listed name's middle names (given names, patronymic, nasab chain) are all that
 * is left over ("Aisha Qaddafi" against "Aisha Muammar Muhammed Abu Minyar Qadhafi"): the
 * middle names are taken out of the listed-name coverage, and each costs a little instead
 * (`omittedMiddleName`, up to `MAX_MIDDLE_PARTS`), as an extra given name in the query does.
 * The lift is scaled by the rarity of the query's words (`rarity`, its word weights over their
 * lengths): a common "Muhammad Khan" says less about a long listed name. Only when every query
 * word (two or more) is paired at `MIDDLE_NAMES_MIN_PAIR` or better, in order, with the listed
 * name's first and last words among them (`inOrder`), two of them name words (not an article or
 * particle: "al Khdir" against "al-Khafaji, Muhsin Khadr" is one name word). Pushes the explained terms when given.
 */
export function middleNamesLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  terms?: ScoreTerm[],
): number {
  const qn = q.length;
  const cn = c.length;
  if (qn < 2 || cn <= qn || a.pairs !== qn || a.minPairSimilarity < MIDDLE_NAMES_MIN_PAIR) return 0;
  if (!a.usedC[0] || !a.usedC[cn - 1] || !inOrder(a, qn, cn)) return 0;
  // Two name words at least: an article or particle ("al Khdir", read from "آل خضير") names no one.
  let named = 0;
  for (const t of q) if (!ARTICLES.has(t) && !NAME_PARTICLES.has(t)) named++;
  if (named < 2) return 0;
  let letters = 0;
  for (const t of q) letters += t.length;
  const rarity = letters > 0 ? Math.min(1, a.qTotal / letters) : 0;
  const parts = middleParts(c, a.usedC);
  const n = Math.min(MAX_MIDDLE_PARTS, parts.length);
  const left = (coverageScore(a.queryCoverage, 1) - base) * rarity;
  const lift = left + FEATURE_WEIGHTS.omittedMiddleName * n;
  if (lift <= 0) return 0;
  terms?.push(
    featureTerm(
      'middleNamesLeftOut',
      `listed middle names not in the query, not counted (query rarity ${rarity.toFixed(2)})`,
      left,
    ),
    featureTerm(
      'omittedMiddleName',
      `listed middle name${n > 1 ? 's' : ''} not in the query: ${parts.join(', ')}`,
      n,
    ),
  );
  return lift;
}
