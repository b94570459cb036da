import { abjadFit, ABJAD_FIT_SIMILARITY } from './abjad-fit.ts';
import type { CompiledNameReference } from './compile-name-reference.ts';
import { phoneticKey } from './phonetic-key.ts';
import { arabicConsonantVariant, foldSpelling, kasraVariant } from './spelling-fold.ts';
import { jaroWinkler } from './string-similarity.ts';
import { osaDistance } from './string-similarity-osa.ts';

/** How two name tokens were found to agree. */
export type TokenMatchKind = 'exact' | 'symbol' | 'initial' | 'fuzzy' | 'phonetic' | 'none';

/** Similarity of two tokens in [0,1] and how it was reached. */
export interface TokenSimilarity {
  similarity: number;
  kind: TokenMatchKind;
}

/** What the token comparison reads of a token, computed once per token (at index time for listed tokens). */
export interface TokenFacts {
  text: string;
  /** `phoneticKey(text)`. */
  key: string;
  /** `isVowelPoor(text)`. */
  vowelPoor: boolean;
  /** Symbol and nickname group ids, if any. */
  groups: number[] | undefined;
  /** The groups among `groups` that are spellings of one name. */
  spellings: number[] | undefined;
  /** `foldSpelling(text)`. */
  fold: string;
}

/** Edits allowed between two tokens, by the length of the shorter one. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/**
 * True for transliterations that dropped most vowels (Arabic, Hebrew, Thai:
 * "mhmd", "msh"): under a fifth of the letters are a, i or u, and none is e
 * or o, which abjads do not write.
 */
export function isVowelPoor(token: string): boolean {
  let vowels = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    // e and o: abjads have no letters for them, so a word with one was written in full ("python").
    if (c === 101 || c === 111) return false;
    // a i u
    if (c === 97 || c === 105 || c === 117) vowels++;
  }
  return vowels / token.length < 0.2;
}

/** The facts of one token the comparison reads. */
export function tokenFacts(text: string, ref: CompiledNameReference): TokenFacts {
  return {
    text,
    key: phoneticKey(text),
    vowelPoor: isVowelPoor(text),
    groups: ref.tokenGroups.get(text),
    spellings: ref.tokenSpellingGroups.get(text),
    fold: foldSpelling(text),
  };
}

const NONE: TokenSimilarity = Object.freeze({ similarity: 0, kind: 'none' });
const EXACT: TokenSimilarity = Object.freeze({ similarity: 1, kind: 'exact' });
const SYMBOL: TokenSimilarity = Object.freeze({ similarity: 0.95, kind: 'symbol' });
const SPELLING: TokenSimilarity = Object.freeze({ similarity: 0.98, kind: 'symbol' });
const INITIAL: TokenSimilarity = Object.freeze({ similarity: 0.9, kind: 'initial' });
const FOLDED: TokenSimilarity = Object.freeze({ similarity: 0.92, kind: 'fuzzy' });

function shareGroup(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** What `d` edits (within the budget) are worth: 1 − 0.12 per edit, × 0.85 when the first letters differ. */
export function editSimilarity(d: number, sameStart: boolean): number {
  return (1 - 0.12 * d) * (sameStart ? 1 : 0.85);
}

/**
 * What the kasra written e on one side and i on the other is worth (`kasraVariant`:
 * "qassem" / "qasim"), when the edits allow less: as much as one edit, and, as an
 * edit, only between words of four letters or more ("reed" folds to "rid", but is
 * not "red").
 */
export const KASRA_SIMILARITY = 0.88;

/**
 * What the qaf written g, or the dhal written th, on one side only is worth
 * (`arabicConsonantVariant`: "gaddafi" / "qadhafi", "ghathafi" / "qadhafi"): as much as
 * one edit, between words of four letters or more whose phonetic keys agree, of three
 * consonants or more (so that the expansion, which reads every token of a key that long,
 * finds every such pair).
 */
export const ARABIC_CONSONANT_SIMILARITY = 0.88;

/** Whether `fa` and `fb` are an `arabicConsonantVariant` pair that `ARABIC_CONSONANT_SIMILARITY` applies to. */
function consonantVariantPair(fa: TokenFacts, fb: TokenFacts, allowed: number): boolean {
  return (
    allowed > 0 &&
    fa.key === fb.key &&
    fa.key.length >= 3 &&
    arabicConsonantVariant(fa.text, fa.fold, fb.text, fb.fold)
  );
}

/** A spelling match below this similarity is also tried by Jaro–Winkler (same start, four letters). */
export const JARO_WINKLER_TRIED_BELOW = 0.85;

/** What a Jaro–Winkler of `jw` is worth: jw − 0.08 from 0.9 up, else nothing. */
export function jaroWinklerSimilarity(jw: number): number {
  return jw >= 0.9 ? jw - 0.08 : 0;
}

/**
 * `compareTokens` on precomputed token facts (no string hashing or key
 * computation in the loop): the form the index and the scorer call.
 */
export function compareTokenFacts(fa: TokenFacts, fb: TokenFacts): TokenSimilarity {
  const a = fa.text;
  const b = fb.text;
  if (a === b) return EXACT;
  if (shareGroup(fa.spellings, fb.spellings)) return SPELLING;
  if (shareGroup(fa.groups, fb.groups)) return SYMBOL;
  if (a.length === 1 || b.length === 1) return a.charCodeAt(0) === b.charCodeAt(0) ? INITIAL : NONE;
  // The same word under another transliteration convention (wladimirowitsch/vladimirovich).
  if (fa.fold === fb.fold) return FOLDED;
  const shorter = Math.min(a.length, b.length);
  const allowed = allowedEdits(shorter);
  const sameStart = a.charCodeAt(0) === b.charCodeAt(0);
  let similarity = 0;
  let kind: TokenMatchKind = 'none';
  // Jaro-Winkler of the pair, computed at most once (−1: not yet).
  let jw = -1;
  if (allowed > 0) {
    const d = osaDistance(a, b, allowed);
    // Names that start differently are rarely spelling variants (anna/banna).
    if (d <= allowed) {
      similarity = editSimilarity(d, sameStart);
      kind = 'fuzzy';
    }
  }
  if (similarity < JARO_WINKLER_TRIED_BELOW && shorter >= 4 && sameStart) {
    // Spelling variants beyond the edit budget that still read alike (serej/sergey).
    jw = jaroWinkler(a, b);
    const s = jaroWinklerSimilarity(jw);
    if (s > similarity) {
      similarity = s;
      kind = 'fuzzy';
    }
  }
  // The kasra romanised e on one side, i on the other, beyond the edits (qassem/qasim).
  if (allowed > 0 && similarity < KASRA_SIMILARITY && kasraVariant(a, fa.fold, b, fb.fold)) {
    similarity = KASRA_SIMILARITY;
    kind = 'fuzzy';
  }
  // The qaf written g, or the dhal th, on one side only (gaddafi/qadhafi, ghathafi/qadhafi).
  if (similarity < ARABIC_CONSONANT_SIMILARITY && consonantVariantPair(fa, fb, allowed)) {
    similarity = ARABIC_CONSONANT_SIMILARITY;
    kind = 'fuzzy';
  }
  // Against a vowel-less transliteration, sound may beat a Jaro-Winkler near miss (khld/khaled).
  const abjadPair = fa.vowelPoor !== fb.vowelPoor;
  if ((similarity < 0.8 || (abjadPair && similarity < 0.88)) && shorter >= 2) {
    const ka = fa.key;
    if (ka === fb.key) {
      const abjad = ka.length >= 1 && abjadPair;
      if (ka.length >= 2 || abjad) {
        // Sound alone is weak evidence (capped below a one-edit spelling match),
        // except against a vowel-less transliteration, where consonants are all there is.
        if (jw < 0) jw = jaroWinkler(a, b);
        // A long skeleton in common is rare by chance: it needs less letter agreement.
        const jwNeeded = ka.length >= 6 ? 0.5 : 0.6;
        const s = abjad ? (jw >= jwNeeded || shorter <= 2 ? 0.88 : 0) : Math.min(0.8, 0.35 + 0.5 * jw);
        if (s > similarity) {
          similarity = s;
          kind = 'phonetic';
        }
      }
    }
  }
  return kind === 'none' ? NONE : { similarity, kind };
}

/**
 * An upper bound of `compareReadTokenFacts(fa, fb, vowelless).similarity` without the edit
 * distance or Jaro-Winkler: the cases decided by equality and lookups are exact; a fuzzy
 * match is at most what the length difference (edits at least) allows, a Jaro-Winkler one
 * at most 1 − 0.08, a phonetic one 0.8 (0.88 against a vowel-less spelling), and in a
 * vowel-less reading any pair may fit by its consonants (`ABJAD_FIT_SIMILARITY`). Kept
 * beside `compareTokenFacts`, whose branches it follows: a change there must change it.
 */
export function tokenSimilarityUpperBound(fa: TokenFacts, fb: TokenFacts, vowelless: boolean): number {
  const a = fa.text;
  const b = fb.text;
  if (a === b) return 1;
  if (shareGroup(fa.spellings, fb.spellings)) return vowelless ? Math.max(0.98, ABJAD_FIT_SIMILARITY) : 0.98;
  if (shareGroup(fa.groups, fb.groups)) return vowelless ? Math.max(0.95, ABJAD_FIT_SIMILARITY) : 0.95;
  const read = vowelless ? ABJAD_FIT_SIMILARITY : 0;
  if (a.length === 1 || b.length === 1) return Math.max(read, a.charCodeAt(0) === b.charCodeAt(0) ? 0.9 : 0);
  if (fa.fold === fb.fold) return Math.max(read, 0.92);
  const shorter = Math.min(a.length, b.length);
  const allowed = allowedEdits(shorter);
  const sameStart = a.charCodeAt(0) === b.charCodeAt(0);
  const edits = Math.abs(a.length - b.length);
  let upper = read;
  if (allowed > 0 && edits <= allowed) upper = Math.max(upper, (1 - 0.12 * edits) * (sameStart ? 1 : 0.85));
  if (shorter >= 4 && sameStart) upper = Math.max(upper, 0.92);
  const abjadPair = fa.vowelPoor !== fb.vowelPoor;
  if (shorter >= 2 && fa.key === fb.key && (fa.key.length >= 2 || (fa.key.length >= 1 && abjadPair)))
    upper = Math.max(upper, abjadPair ? 0.88 : 0.8);
  if (allowed > 0 && upper < KASRA_SIMILARITY && kasraVariant(a, fa.fold, b, fb.fold))
    upper = KASRA_SIMILARITY;
  if (upper < ARABIC_CONSONANT_SIMILARITY && consonantVariantPair(fa, fb, allowed))
    upper = ARABIC_CONSONANT_SIMILARITY;
  return upper;
}

const ABJAD_FIT: TokenSimilarity = Object.freeze({ similarity: ABJAD_FIT_SIMILARITY, kind: 'phonetic' });

/**
 * `compareTokenFacts` for a query read from a script that writes no short
 * vowels (`NormalizedName.vowelless`): a query token that fits a listed
 * spelling with its vowels added (`abjadFit`: "mstfa", "mostafa") scores
 * `ABJAD_FIT_SIMILARITY` when nothing else scores more.
 */
export function compareReadTokenFacts(fa: TokenFacts, fb: TokenFacts, vowelless: boolean): TokenSimilarity {
  const t = compareTokenFacts(fa, fb);
  if (!vowelless || t.similarity >= ABJAD_FIT_SIMILARITY) return t;
  return abjadFit(fa.text, fb.text) ? ABJAD_FIT : t;
}

/**
 * Compares two normalised tokens: exact, spellings of one name in the
 * reference (0.98: "putyin", "poutine"), same symbol or nickname group (0.95),
 * initial of the other (0.9), the same word under another transliteration
 * convention (0.92, see `foldSpelling`), a few edits by length (1 − 0.12 per edit,
 * × 0.85 when the first letters differ), the kasra romanised e and i (0.88 at
 * least, `kasraVariant`: "qassem"/"qasim"), or
 * a Jaro-Winkler of at least 0.9 with the same first letter (JW − 0.08), or
 * the same phonetic key (0.35 + 0.5 × Jaro-Winkler, at most 0.8; 0.88 against a
 * vowel-less transliteration such as "mhmd" for Muhammad). Tokens that start
 * differently and share no key never match fuzzily.
 */
export function compareTokens(a: string, b: string, ref: CompiledNameReference): TokenSimilarity {
  if (a === b) return EXACT;
  return compareTokenFacts(tokenFacts(a, ref), tokenFacts(b, ref));
}
