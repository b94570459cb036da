import type { CompiledNameReference } from './compile-name-reference.ts';
import { phoneticKey } from './phonetic-key.ts';
import { jaroWinkler } from './string-similarity.ts';
import { osaDistance } from './string-similarity-osa.ts';

/** How two name tokens were found to agree. */
export type TokenMatchKind = 'exact' | 'symbol' | 'initial' | 'fuzzy' | 'phonetic' | 'none';

/** Similarity of two tokens in [0,1] and how it was reached. */
export interface TokenSimilarity {
  similarity: number;
  kind: TokenMatchKind;
}

/** Edits allowed between two tokens, by the length of the shorter one. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/** True for transliterations that dropped most vowels (Arabic, Hebrew, Thai: "mhmd", "msh"). */
export function isVowelPoor(token: string): boolean {
  let vowels = 0;
  for (const ch of token) if ('aeiou'.includes(ch)) vowels++;
  return vowels / token.length < 0.2;
}

const NONE: TokenSimilarity = { similarity: 0, kind: 'none' };

function shareGroup(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/**
 * Compares two normalised tokens: exact, same symbol or nickname group (0.95),
 * initial of the other (0.9), a few edits by length (1 − 0.12 per edit,
 * × 0.85 when the first letters differ), or
 * a Jaro-Winkler of at least 0.9 with the same first letter (JW − 0.08), or
 * the same phonetic key (0.35 + 0.5 × Jaro-Winkler, at most 0.8; 0.88 against a
 * vowel-less transliteration such as "mhmd" for Muhammad). Tokens that start
 * differently and share no key never match fuzzily.
 */
export function compareTokens(a: string, b: string, ref: CompiledNameReference): TokenSimilarity {
  if (a === b) return { similarity: 1, kind: 'exact' };
  if (shareGroup(ref.tokenGroups.get(a), ref.tokenGroups.get(b))) return { similarity: 0.95, kind: 'symbol' };
  if (a.length === 1 || b.length === 1) {
    return a[0] === b[0] ? { similarity: 0.9, kind: 'initial' } : NONE;
  }
  const shorter = Math.min(a.length, b.length);
  const allowed = allowedEdits(shorter);
  const sameStart = a[0] === b[0];
  let best = NONE;
  if (allowed > 0) {
    const d = osaDistance(a, b, allowed);
    // Names that start differently are rarely spelling variants (anna/banna).
    if (d <= allowed) best = { similarity: (1 - 0.12 * d) * (sameStart ? 1 : 0.85), kind: 'fuzzy' };
  }
  if (best.similarity < 0.85 && shorter >= 4 && sameStart) {
    // Spelling variants beyond the edit budget that still read alike (serej/sergey).
    const jw = jaroWinkler(a, b);
    if (jw >= 0.9 && jw - 0.08 > best.similarity) best = { similarity: jw - 0.08, kind: 'fuzzy' };
  }
  if (best.similarity < 0.8 && shorter >= 2) {
    const ka = phoneticKey(a);
    const abjad = ka.length >= 1 && ka === phoneticKey(b) && isVowelPoor(a) !== isVowelPoor(b);
    if ((ka.length >= 2 || abjad) && ka === phoneticKey(b)) {
      // Sound alone is weak evidence (capped below a one-edit spelling match),
      // except against a vowel-less transliteration, where consonants are all there is.
      const jw = jaroWinkler(a, b);
      const s = abjad ? (jw >= 0.6 || shorter <= 2 ? 0.88 : 0) : Math.min(0.8, 0.35 + 0.5 * jw);
      if (s > best.similarity) best = { similarity: s, kind: 'phonetic' };
    }
  }
  return best;
}
