import { abjadFit } from './abjad-fit.ts';
import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { featureTerm, type ScoreTerm } from './feature-table.ts';
import { phoneticKey } from './phonetic-key.ts';
import { jaroWinkler } from './string-similarity.ts';

/** Similarity of words written joined on one side and apart on the other, in a vowel-less reading. */
export const JOINED_WORDS_SIMILARITY = 0.88;

/** Fewest letters of the joined form: "abdllh" and longer, not two particles. */
const MIN_JOINED = 5;

/** Whether a vowel-less `read` spelling fits the Latin `spelled` one (vowels added, same consonants). */
function fits(read: string, spelled: string): boolean {
  if (read.length < MIN_JOINED || spelled.length < MIN_JOINED) return false;
  if (abjadFit(read, spelled)) return true;
  const key = phoneticKey(read);
  return key.length >= 3 && key === phoneticKey(spelled) && jaroWinkler(read, spelled) >= 0.7;
}

/**
 * Pairs, in a query read from a script that writes no short vowels, the
 * compounds one side writes as one word and the other as two ("abd llh"
 * against "abdullah", "abdalrhim" against "abdul rahim", "adinh wnd"
 * against "adinehvand"): two adjacent unpaired words of one side whose
 * joined form fits one unpaired word of the other. Updates the alignment
 * view `a` (the words become paired, their weight matched at
 * `JOINED_WORDS_SIMILARITY`) and returns how much the name score rises.
 * Pushes the explained term to `terms` when given.
 */
export function joinedWordsLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  terms?: ScoreTerm[],
): number {
  if (a.pairs === q.length || a.pairs === c.length) return 0;
  let found: string[] | undefined;
  let qMatched = a.qMatched;
  let cMatched = a.cMatched;
  const pair = (qi: number[], cj: number[]): void => {
    for (const i of qi) {
      a.usedQ[i] = 1;
      qMatched += JOINED_WORDS_SIMILARITY * a.weightQ[i]!;
    }
    for (const j of cj) {
      a.usedC[j] = 1;
      cMatched += JOINED_WORDS_SIMILARITY * a.weightC[j]!;
    }
    (found ??= []).push(`${qi.map((i) => q[i]).join(' ')} ≈ ${cj.map((j) => c[j]).join(' ')}`);
  };
  for (let i = 0; i + 1 < q.length; i++) {
    if (a.usedQ[i] || a.usedQ[i + 1]) continue;
    const joined = q[i]! + q[i + 1]!;
    for (let j = 0; j < c.length; j++)
      if (!a.usedC[j] && fits(joined, c[j]!)) {
        pair([i, i + 1], [j]);
        break;
      }
  }
  for (let j = 0; j + 1 < c.length; j++) {
    if (a.usedC[j] || a.usedC[j + 1]) continue;
    const joined = c[j]! + c[j + 1]!;
    for (let i = 0; i < q.length; i++)
      if (!a.usedQ[i] && fits(q[i]!, joined)) {
        pair([i], [j, j + 1]);
        break;
      }
  }
  if (!found) return 0;
  a.minPairSimilarity = Math.min(a.minPairSimilarity, JOINED_WORDS_SIMILARITY);
  a.qMatched = qMatched;
  a.cMatched = cMatched;
  a.queryCoverage = a.qTotal > 0 ? qMatched / a.qTotal : 0;
  a.candidateCoverage = a.cTotal > 0 ? cMatched / a.cTotal : 0;
  const lift = coverageScore(a.queryCoverage, a.candidateCoverage) - base;
  terms?.push(
    featureTerm(
      'joinedWords',
      `words written joined on one side and apart on the other: ${found.join(', ')}`,
      lift,
    ),
  );
  return lift;
}
