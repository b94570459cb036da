import {
  allowedEdits,
  compareTokenFacts,
  editSimilarity,
  JARO_WINKLER_TRIED_BELOW,
  jaroWinklerSimilarity,
} from './compare-tokens.ts';
import type { ScreeningIndex, TokenExpansion } from './screening-index.ts';
import { jaroWinkler, jaroWinklerUnits } from './string-similarity.ts';
import { clearOsaPattern, osaDistance, osaToPattern, setOsaPattern } from './string-similarity-osa.ts';
import { TRANSLATION_SIMILARITY } from './translated-words.ts';
import type { SharedExpansions } from './shared-expansions.ts';

/** Memo entries kept per index before the memo is emptied. */
const MEMO_LIMIT = 50_000;

/** Scratch arrays reused between calls (screening is synchronous). */
let seenStamp = new Uint32Array(1024);
let seenEpoch = 0;

function nextSeenEpoch(size: number): number {
  if (seenStamp.length < size) seenStamp = new Uint32Array(size + (size >> 3));
  seenEpoch = (seenEpoch + 1) >>> 0;
  if (seenEpoch === 0) {
    seenStamp.fill(0);
    seenEpoch = 1;
  }
  return seenEpoch;
}

/**
 * Reads and fills `memo` as well as the index's own memo from now on: the expansions of the
 * workers of one pool, each over the same shared snapshot. Only an index over a snapshot
 * (read-only, so that an expansion never goes stale) can share one.
 */
export function shareExpansions(index: ScreeningIndex, memo: SharedExpansions): void {
  if (!index.columns) throw new RangeError('only an index over a snapshot can share its expansions');
  index.sharedExpansions = memo;
}

/**
 * Index tokens similar to one query token, with their similarity: the same
 * token, members of its symbol and nickname groups, its translations in
 * organisation names (`ORGANISATION_TRANSLATIONS`), tokens with the same
 * phonetic key, and tokens within its edit budget (through the deletion
 * index), each verified with `compareTokenFacts`. Memoised per index until it
 * changes, and in the memo it shares with other workers if it has one.
 */
export function expandToken(index: ScreeningIndex, token: string): TokenExpansion {
  const cached = index.expansions.get(token);
  if (cached) return cached;
  const shared = index.sharedExpansions;
  let out = shared?.get(token);
  if (!out) {
    out = computeExpansion(index, token);
    if (shared) out = shared.put(token, out);
  }
  if (index.expansions.size > MEMO_LIMIT) index.expansions.clear();
  index.expansions.set(token, out);
  return out;
}

/**
 * Whether `compareTokenFacts` can find `a` and `b` alike by their spelling alone: within the
 * edits their length allows, or, starting alike, close by Jaro–Winkler. False rules out every
 * positive similarity of a pair that shares no symbol or spelling group, does not fold alike and
 * whose phonetic keys cannot make it (the other ways `compareTokenFacts` finds a pair alike),
 * without making `b`'s facts.
 */
function spelledAlike(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const allowed = allowedEdits(shorter);
  if (allowed > 0 && osaDistance(a, b, allowed) <= allowed) return true;
  return shorter >= 4 && a.charCodeAt(0) === b.charCodeAt(0) && jaroWinkler(a, b) >= 0.9;
}

/**
 * `compareTokenFacts(a's facts, b's facts).similarity` for a near token `b` that only its spelling
 * can make alike (see `computeExpansion`) when `a` belongs to no spelling group, and for any such
 * `b` 0 exactly when `spelledAlike(a, b)` is false. `b` is what `mayBeSpelledAlike` left in
 * `units` (its `lb` code units) and is not made: the OSA distance is computed bit-parallel against
 * `a`, which must be the pattern (`setOsaPattern`), and Jaro–Winkler from the units. It follows
 * `compareTokenFacts`' spelling branches (edits, then Jaro–Winkler); its other branches cannot
 * apply to such a pair.
 */
function spelledSimilarity(a: string, lb: number): number {
  const shorter = Math.min(a.length, lb);
  const allowed = allowedEdits(shorter);
  const sameStart = a.charCodeAt(0) === units[0];
  let similarity = 0;
  if (allowed > 0) {
    const d = osaToPattern(units, lb);
    if (d <= allowed) similarity = editSimilarity(d, sameStart);
  }
  if (similarity < JARO_WINKLER_TRIED_BELOW && shorter >= 4 && sameStart)
    similarity = Math.max(similarity, jaroWinklerSimilarity(jaroWinklerUnits(a, units, lb)));
  return similarity;
}

/**
 * The query token's code units counted by slot (unit mod 1024; `countLetters`), and the copy
 * `mayBeSpelledAlike` counts down and restores.
 */
const letters = new Int32Array(1024);
const left = new Int32Array(1024);
/** A near token's code units, read from the index without making it. */
let units = new Uint16Array(64);

/** Counts `token`'s code units into `letters` and `left` (`by` 1 to count, −1 to clear). */
function countLetters(token: string, by: 1 | -1): void {
  for (let k = 0; k < token.length; k++) {
    const slot = token.charCodeAt(k) & 1023;
    letters[slot] = by > 0 ? letters[slot]! + 1 : 0;
    left[slot] = letters[slot]!;
  }
}

/**
 * False when `spelledAlike(a, token id)` is false for certain, told from the letters the two
 * have in common (a multiset, counted by slot: never fewer than the true count) without making
 * the token or computing either distance: an OSA distance is at least the longer length less
 * the letters in common (an edit or a transposition keeps at most that many matched), and a
 * Jaro similarity at most (common ÷ |a| + common ÷ |b| + 1) ÷ 3 (its matches are common letters,
 * its transpositions only lower it). `countLetters(a, 1)` must have been called.
 */
function mayBeSpelledAlike(index: ScreeningIndex, a: string, id: number): boolean {
  const lb = index.tokenLength(id);
  if (units.length < lb) units = new Uint16Array(lb * 2);
  index.tokenUnits(id, units);
  let common = 0;
  for (let k = 0; k < lb; k++) {
    const slot = units[k]! & 1023;
    if (left[slot]! > 0) {
      left[slot]!--;
      common++;
    }
  }
  for (let k = 0; k < lb; k++) left[units[k]! & 1023] = letters[units[k]! & 1023]!;
  const la = a.length;
  const shorter = Math.min(la, lb);
  const allowed = allowedEdits(shorter);
  if (allowed > 0 && Math.max(la, lb) - common <= allowed) return true;
  if (shorter < 4 || common === 0 || a.charCodeAt(0) !== units[0]) return false;
  let prefix = 1;
  while (prefix < 4 && prefix < shorter && a.charCodeAt(prefix) === units[prefix]) prefix++;
  const jaro = (common / la + common / lb + 1) / 3;
  // A hair below 0.9: the bound is the same sum as a Jaro similarity, but not rounded alike.
  return jaro + prefix * 0.1 * (1 - jaro) >= 0.9 - 1e-9;
}

function computeExpansion(index: ScreeningIndex, token: string): TokenExpansion {
  const ids: number[] = [];
  const sims: number[] = [];
  const epoch = nextSeenEpoch(index.tokenCount);
  const add = (id: number, s: number): void => {
    seenStamp[id] = epoch;
    if (s > 0) {
      ids.push(id);
      sims.push(s);
    }
  };
  const exact = index.vocabulary.get(token);
  if (exact !== undefined) add(exact, 1);
  const facts = index.factsOf(token);
  for (const group of facts.groups ?? []) {
    for (const member of index.compiled.groupMembers[group] ?? []) {
      const id = index.vocabulary.get(member);
      if (id !== undefined && seenStamp[id] !== epoch)
        add(id, compareTokenFacts(facts, index.factsAt(id)).similarity);
    }
  }
  // Its translations in organisation names ("jaish", "army"): the name score may pair them
  // (`translatedWordsLift`), so the candidate search and its bound count them at that similarity.
  const translation = index.compiled.translations.get(token);
  if (translation !== undefined) {
    for (const member of index.compiled.translationMembers[translation]!) {
      const id = index.vocabulary.get(member);
      if (id !== undefined && seenStamp[id] !== epoch) add(id, TRANSLATION_SIMILARITY);
    }
  }
  if (token.length >= 2) {
    // Spelled under another convention: the folded form itself, or tokens folding to the same.
    const folded = index.vocabulary.get(facts.fold);
    if (folded !== undefined && seenStamp[folded] !== epoch)
      add(folded, compareTokenFacts(facts, index.factsAt(folded)).similarity);
    for (const id of index.foldIds(facts.fold) ?? [])
      if (seenStamp[id] !== epoch) add(id, compareTokenFacts(facts, index.factsAt(id)).similarity);
    const length = token.length;
    const verify = (id: number, window: number): void => {
      if (seenStamp[id] === epoch) return;
      // The length first: over a snapshot's columns, a token's facts are made when read.
      if (Math.abs(index.tokenLength(id) - length) > window) return;
      add(id, compareTokenFacts(facts, index.factsAt(id)).similarity);
    };
    const key = facts.key;
    // Short keys ("MT") are shared by thousands of words: read them only for
    // vowel-less spellings, where sound is the only route ("mhmd").
    const byKey = key.length >= 3 || (key.length >= 1 && facts.vowelPoor);
    if (byKey) {
      for (const id of index.phoneticIds(key) ?? []) verify(id, 4);
    }
    const edits = allowedEdits(length);
    // A near token not reached yet shares no group with the token (its groups' members were
    // read above), does not fold as it does (the folded spelling and the tokens folding to it
    // were), and has not its phonetic key when the key was read (within 4 letters' length, more
    // than `edits`), or when the key is empty (which never makes a pair alike): then only its
    // spelling can make it alike (`spelledAlike`), which is tested before its facts are made.
    // Over a million parties most near tokens are not alike, and making their facts from the
    // columns was most of the expansion's cost.
    const spellingOnly = byKey || key.length === 0;
    // Most near tokens over a million parties are not alike: the letters they share with the
    // token rule most of them out (`mayBeSpelledAlike`) before either distance is computed.
    // Those that pass are scored on their code units where the token fits a 32-bit pattern
    // (`spelledSimilarity`), without making them or their facts.
    const inPlace = edits > 0 && spellingOnly && length <= 32;
    if (edits > 0 && spellingOnly) countLetters(token, 1);
    if (inPlace) setOsaPattern(token);
    try {
      if (edits > 0)
        index.forEachNearToken(token, edits, (id) => {
          if (seenStamp[id] === epoch) return;
          const lb = index.tokenLength(id);
          if (Math.abs(lb - length) > edits) return;
          if (spellingOnly) {
            if (!mayBeSpelledAlike(index, token, id)) {
              seenStamp[id] = epoch;
              return;
            }
            if (inPlace) {
              // Its similarity from its spelling, without its facts; a spelling group of the
              // token's may still make it alike (0.98), which only the facts tell.
              const similarity = spelledSimilarity(token, lb);
              if (similarity === 0 || facts.spellings === undefined) {
                add(id, similarity);
                return;
              }
            } else if (!spelledAlike(token, index.tokenAt(id))) {
              seenStamp[id] = epoch;
              return;
            }
          }
          add(id, compareTokenFacts(facts, index.factsAt(id)).similarity);
        });
    } finally {
      if (edits > 0 && spellingOnly) countLetters(token, -1);
      if (inPlace) clearOsaPattern();
    }
  }
  let postings = 0;
  let best = 0;
  for (let k = 0; k < ids.length; k++) {
    postings += index.postingCount(ids[k]!);
    if (sims[k]! > best) best = sims[k]!;
  }
  return { ids: Int32Array.from(ids), similarities: Float64Array.from(sims), postings, best };
}
