import {
  allowedEdits,
  ARABIC_CONSONANT_SIMILARITY,
  compareTokenFacts,
  editSimilarity,
  JARO_WINKLER_TRIED_BELOW,
  jaroWinklerSimilarity,
} from './compare-tokens.ts';
import type { TokenFacts } from './compare-tokens.ts';
import type { ScreeningIndex, TokenExpansion } from './screening-index.ts';
import { jaroWinkler, jaroWinklerUnits } from './string-similarity.ts';
import { clearOsaPattern, osaDistance, osaToPattern, setOsaPattern } from './string-similarity-osa.ts';
import { kasraPlaces } from './spelling-fold.ts';
import { TRANSLATION_SIMILARITY } from './translated-words.ts';
import type { SharedExpansions } from './shared-expansions.ts';

export { forEachKasraFold } from './spelling-fold.ts';

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
  if (index.expansionsStale) settleExpansions(index);
  const cached = index.expansions.get(token);
  if (cached) return cached;
  const shared = index.sharedExpansions;
  let out = shared?.get(token);
  let facts: TokenFacts | undefined;
  if (!out && index.expansionSeed) {
    facts = index.factsOf(token);
    out = fromSeed(index, index.expansionSeed, token, facts);
  }
  if (!out) {
    facts ??= index.factsOf(token);
    out = computeExpansion(index, token, facts);
    if (shared) out = shared.put(token, out);
  }
  if (index.expansions.size > MEMO_LIMIT) index.clearExpansions();
  index.expansions.set(token, out);
  // Kept for `settleExpansions`; an index over a snapshot never changes.
  if (!index.columns) index.expansionFacts.set(token, facts ?? index.factsOf(token));
  return out;
}

/** Tokens added since the memo was settled beyond which it is emptied rather than settled. */
const SETTLE_LIMIT = 2048;

/**
 * One bit per letter of `text` (bit `code & 31`): a letter of one token absent from another
 * clears its bit in the other's mask unless a letter sharing the bit is there, so the bits of
 * `a` not in `b` are at most the distinct letters of `a` not in `b`.
 */
export function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

/** The number of bits set in a 32-bit integer. */
export function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A token added to the index since the memo was settled, as `mayEnterExpansion` reads it. */
interface AddedToken {
  text: string;
  mask: number;
}

/** The tokens added since the memo was settled, and what `mayEnterExpansion` looks up of them. */
interface AddedTokens {
  texts: Set<string>;
  folds: Set<string>;
  keys: Set<string>;
  groups: Set<number>;
  byLength: Map<number, AddedToken[]>;
}

/**
 * False when none of the `added` tokens can be in `q`'s expansion (`computeExpansion`): each of
 * its routes reaches a token only when it is `q` itself; a member of one of `q`'s groups or of
 * its translation's; `q`'s folded spelling or a token folding as `q` does; a token with `q`'s
 * phonetic key; or a near token within the edits of `q`'s length (`allowedEdits`), kept only when
 * `compareTokenFacts` or the spelling alone (`spelledSimilarity`) finds it alike — which, beside
 * the above and a shared group (tested first), needs `spelledAlike`: the same first letter
 * (Jaro–Winkler, 4 letters or more) or an edit distance within the budget, and then each token
 * has at most that many letters the other lacks (an edit changes the letters one has and the
 * other lacks by at most one; mask bits can only count fewer), tested before `spelledAlike`.
 */
function mayEnterExpansion(index: ScreeningIndex, q: string, facts: TokenFacts, added: AddedTokens): boolean {
  if (added.texts.has(q) || added.texts.has(facts.fold) || added.folds.has(facts.fold)) return true;
  if (facts.key.length > 0 && added.keys.has(facts.key)) return true;
  for (const group of facts.groups ?? []) {
    if (added.groups.has(group)) return true;
    for (const member of index.compiled.groupMembers[group] ?? []) if (added.texts.has(member)) return true;
  }
  const translation = index.compiled.translations.get(q);
  if (translation !== undefined)
    for (const member of index.compiled.translationMembers[translation]!)
      if (added.texts.has(member)) return true;
  const edits = allowedEdits(q.length);
  if (q.length < 2 || edits === 0) return false;
  const mask = letterMask(q);
  const first = q.charCodeAt(0);
  for (let length = q.length - edits; length <= q.length + edits; length++) {
    for (const t of added.byLength.get(length) ?? []) {
      const mayJaroWinkler = t.text.charCodeAt(0) === first && Math.min(q.length, length) >= 4;
      const mayEdit = bitCount(mask & ~t.mask) <= edits && bitCount(t.mask & ~mask) <= edits;
      if ((mayJaroWinkler || mayEdit) && spelledAlike(q, t.text)) return true;
    }
  }
  return false;
}

/**
 * Brings the memo of expansions up to date after the index changed (`add`, `remove`): token ids
 * are never reused and a token's facts never change, so an expansion made before differs from a
 * fresh one only by tokens added since (dropped when one of them may enter it,
 * `mayEnterExpansion`) and by its posting total (recounted). The memo is emptied instead when
 * more tokens were added than `SETTLE_LIMIT`, and when the fuzzy look-up is rebuilt (`prepare`).
 */
export function settleExpansions(index: ScreeningIndex): void {
  const from = index.expansionsTokenCount;
  const to = index.tokenCount;
  const memo = index.expansions;
  if (memo.size === 0 || to - from > SETTLE_LIMIT) {
    index.clearExpansions();
    return;
  }
  index.expansionsTokenCount = to;
  index.expansionsStale = false;
  const added = addedTokens(index, from, to);
  for (const [q, expansion] of memo) {
    const facts = index.expansionFacts.get(q) ?? index.factsOf(q);
    if (from < to && mayEnterExpansion(index, q, facts, added)) {
      memo.delete(q);
      index.expansionFacts.delete(q);
      continue;
    }
    const postings = postingsOf(index, expansion);
    if (postings !== expansion.postings) memo.set(q, { ...expansion, postings });
  }
}

/** The postings of an expansion's tokens in the index as it is now. */
function postingsOf(index: ScreeningIndex, expansion: TokenExpansion): number {
  let postings = 0;
  for (let k = 0; k < expansion.ids.length; k++) postings += index.postingCount(expansion.ids[k]!);
  return postings;
}

/** The tokens with ids `[from, to)`, as `mayEnterExpansion` looks them up. */
function addedTokens(index: ScreeningIndex, from: number, to: number): AddedTokens {
  const added: AddedTokens = {
    texts: new Set(),
    folds: new Set(),
    keys: new Set(),
    groups: new Set(),
    byLength: new Map(),
  };
  for (let id = from; id < to; id++) {
    const text = index.tokenAt(id);
    const facts = index.factsAt(id);
    added.texts.add(text);
    added.folds.add(facts.fold);
    if (facts.key.length > 0) added.keys.add(facts.key);
    for (const group of facts.groups ?? []) added.groups.add(group);
    const same = added.byLength.get(text.length);
    const token = { text, mask: letterMask(text) };
    if (same) same.push(token);
    else added.byLength.set(text.length, [token]);
  }
  return added;
}

/**
 * Expansions the workers made over a snapshot of a writable index (their shared memo), which the
 * index reads on a miss of its own memo instead of expanding the token again (`seedExpansions`).
 * `tokenCount` and `deletionCount` are the index's when the snapshot was taken.
 */
export interface ExpansionSeed {
  readonly memo: SharedExpansions;
  readonly tokenCount: number;
  readonly deletionCount: number;
  /** The tokens added since the snapshot, made once per token count. */
  added?: { to: number; tokens: AddedTokens };
  /** Expansions read from it; found in it but left to be made because an added token may enter them. */
  readonly counts: { read: number; entered: number };
}

/**
 * Lets a writable index read, on a miss of its memo, the expansions `memo` holds: those the
 * workers made over a snapshot of this index taken when it held `tokenCount` tokens and its fuzzy
 * look-up `deletionCount` (the snapshot's token ids are the index's). A monitoring delta scores on
 * the main thread, whose own memo holds only what the previous delta expanded; the full run's
 * workers expanded every word of the register. An entry is used as `settleExpansions` keeps one:
 * not when a token added since the snapshot may enter it, and with its posting total recounted.
 * The seed is dropped once the fuzzy look-up is rebuilt (near tokens visited in another order) or
 * more than `SETTLE_LIMIT` tokens were added. Replaces any seed before.
 */
export function seedExpansions(
  index: ScreeningIndex,
  memo: SharedExpansions,
  at: { tokenCount: number; deletionCount: number },
): void {
  if (index.columns) throw new RangeError('only a writable index reads a seed of expansions');
  index.expansionSeed = {
    memo,
    tokenCount: at.tokenCount,
    deletionCount: at.deletionCount,
    counts: { read: 0, entered: 0 },
  };
}

function fromSeed(
  index: ScreeningIndex,
  seed: ExpansionSeed,
  token: string,
  facts: TokenFacts,
): TokenExpansion | undefined {
  const to = index.tokenCount;
  if (
    index.deletionCount !== seed.deletionCount ||
    to < seed.tokenCount ||
    to - seed.tokenCount > SETTLE_LIMIT
  ) {
    index.expansionSeed = undefined;
    return undefined;
  }
  const entry = seed.memo.get(token);
  if (!entry) return undefined;
  if (to > seed.tokenCount) {
    if (seed.added?.to !== to) seed.added = { to, tokens: addedTokens(index, seed.tokenCount, to) };
    if (mayEnterExpansion(index, token, facts, seed.added.tokens)) {
      seed.counts.entered++;
      return undefined;
    }
  }
  seed.counts.read++;
  return {
    ids: entry.ids,
    similarities: entry.similarities,
    postings: postingsOf(index, entry),
    best: entry.best,
  };
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

/**
 * Whether every token whose fold is a kasra variant of `facts.fold` (`kasraVariant`) is read by
 * the expansion's kasra route before its phonetic key's run: the route runs (the token allows
 * an edit), and it enumerates the variants (`kasraPlaces`), or the fold has no a or i to swap
 * (then no fold is its kasra variant).
 */
function kasraVariantsRead(token: string, facts: TokenFacts): boolean {
  if (allowedEdits(token.length) === 0 || kasraPlaces(facts.fold) !== undefined) return true;
  const fold = facts.fold;
  for (let k = 0; k < fold.length; k++) {
    const c = fold.charCodeAt(k);
    if (c === 97 || c === 105) return false;
  }
  return true;
}

/** Bits of `consonantMarks`: a g not followed by h, a q, a "th", a "dh". */
const G = 1;
const Q = 2;
const TH = 4;
const DH = 8;

/** The `consonantMarks` bit of code unit `c` followed by `next` (−1 at the end). */
function consonantMark(c: number, next: number): number {
  if (c === 103) return next === 104 ? 0 : G;
  if (c === 113) return Q;
  if (next !== 104) return 0;
  return c === 116 ? TH : c === 100 ? DH : 0;
}

/** Which of the letters `arabicConsonantVariant` reads another way a word holds. */
function consonantMarks(word: string): number {
  let marks = 0;
  for (let k = 0; k < word.length; k++)
    marks |= consonantMark(word.charCodeAt(k), k + 1 < word.length ? word.charCodeAt(k + 1) : -1);
  return marks;
}

/** `consonantMarks` of the first `n` code units of `units`. */
function consonantMarksOfUnits(units: Uint16Array, n: number): number {
  let marks = 0;
  for (let k = 0; k < n; k++) marks |= consonantMark(units[k]!, k + 1 < n ? units[k + 1]! : -1);
  return marks;
}

/** Whether two words' marks (`consonantMarks`) let `arabicConsonantVariant` read one as the other. */
function mayReadConsonants(x: number, y: number): boolean {
  return (
    ((x & G) !== 0 && (y & Q) !== 0) ||
    ((y & G) !== 0 && (x & Q) !== 0) ||
    ((x & TH) !== 0 && (y & DH) !== 0) ||
    ((y & TH) !== 0 && (x & DH) !== 0)
  );
}

/** `isVowelPoor` of the first `n` code units of `units`. */
function vowelPoorUnits(units: Uint16Array, n: number): boolean {
  let vowels = 0;
  for (let i = 0; i < n; i++) {
    const c = units[i]!;
    if (c === 101 || c === 111) return false;
    if (c === 97 || c === 105 || c === 117) vowels++;
  }
  return vowels / n < 0.2;
}

/**
 * `compareTokenFacts(facts, b's facts).similarity` for a token `b` of the run of `a`'s phonetic
 * key (`facts.key`) that the expansion has not reached before the run, given as the first `lb`
 * code units of `units` (neither `b` nor its facts are made); −1 when it cannot tell without
 * them. `a` must be the OSA pattern (`setOsaPattern`), `aMarks` its `consonantMarks`, and
 * `kasraVariantsRead(a, facts)` true. Such a `b` is not `a` (the exact token was read), shares no
 * group with it (its groups' members were), does not fold as it does (its fold and the tokens
 * folding to it were), and is no kasra variant of it (those were read): `compareTokenFacts` then
 * takes its edit, Jaro–Winkler, Arabic-consonant and phonetic branches alone, in its order, with
 * the keys equal. The consonant branch needs the folds: −1 when the two words hold letters it
 * could read another way (a g against a q, a th against a dh), and for a one-letter `b`.
 */
function keySimilarity(a: string, facts: TokenFacts, aMarks: number, lb: number): number {
  if (lb === 1) return -1;
  const la = a.length;
  const shorter = Math.min(la, lb);
  const allowed = allowedEdits(shorter);
  const sameStart = a.charCodeAt(0) === units[0];
  let similarity = 0;
  let jw = -1;
  if (allowed > 0) {
    const d = osaToPattern(units, lb);
    if (d <= allowed) similarity = editSimilarity(d, sameStart);
  }
  if (similarity < JARO_WINKLER_TRIED_BELOW && shorter >= 4 && sameStart) {
    jw = jaroWinklerUnits(a, units, lb);
    const s = jaroWinklerSimilarity(jw);
    if (s > similarity) similarity = s;
  }
  if (
    similarity < ARABIC_CONSONANT_SIMILARITY &&
    allowed > 0 &&
    facts.key.length >= 3 &&
    mayReadConsonants(aMarks, consonantMarksOfUnits(units, lb))
  )
    return -1;
  const abjadPair = facts.vowelPoor !== vowelPoorUnits(units, lb);
  if ((similarity < 0.8 || (abjadPair && similarity < 0.88)) && shorter >= 2) {
    const ka = facts.key;
    const abjad = ka.length >= 1 && abjadPair;
    if (ka.length >= 2 || abjad) {
      if (jw < 0) jw = jaroWinklerUnits(a, units, lb);
      const jwNeeded = ka.length >= 6 ? 0.5 : 0.6;
      const s = abjad ? (jw >= jwNeeded || shorter <= 2 ? 0.88 : 0) : Math.min(0.8, 0.35 + 0.5 * jw);
      if (s > similarity) similarity = s;
    }
  }
  return similarity;
}

function computeExpansion(index: ScreeningIndex, token: string, facts: TokenFacts): TokenExpansion {
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
    // Most tokens fold to themselves: their folded spelling was looked up as the exact token.
    const folded = facts.fold === token ? exact : index.vocabulary.get(facts.fold);
    if (folded !== undefined && seenStamp[folded] !== epoch)
      add(folded, compareTokenFacts(facts, index.factsAt(folded)).similarity);
    // Indexed loops over the columns' views: a for-of made an iterator per view (a kasra fold's
    // look-ups were a twentieth of a batch's allocations with them).
    const foldIds = index.foldIds(facts.fold);
    if (foldIds)
      for (let k = 0; k < foldIds.length; k++) {
        const id = foldIds[k]!;
        if (seenStamp[id] !== epoch) add(id, compareTokenFacts(facts, index.factsAt(id)).similarity);
      }
    // The kasra written e on one side and i on the other (`kasraVariant`: "qassem" / "qasim"): such
    // a token's fold is this token's with some of its a and i swapped, so it is read here, by those
    // folds, as the near tokens below are tested only by their spelling.
    // The fold's own tokens, just looked up, are what the kasra look-up weighs its variants against.
    const foldOwn = (folded === undefined ? 0 : 1) + (foldIds?.length ?? 0);
    if (allowedEdits(token.length) > 0)
      index.forEachKasraFoldFound(facts.fold, foldOwn, (fold) => {
        const same = index.vocabulary.get(fold);
        if (same !== undefined && seenStamp[same] !== epoch)
          add(same, compareTokenFacts(facts, index.factsAt(same)).similarity);
        const ids = index.foldIds(fold);
        if (ids)
          for (let k = 0; k < ids.length; k++) {
            const id = ids[k]!;
            if (seenStamp[id] !== epoch) add(id, compareTokenFacts(facts, index.factsAt(id)).similarity);
          }
      });
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
      const keyIds = index.phoneticIds(key);
      // A token of the key's run not reached yet is scored on its code units, without its facts
      // (`keySimilarity`), where the token fits a 32-bit pattern and its kasra variants were read
      // above; the others as any token is.
      if (keyIds && length <= 32 && kasraVariantsRead(token, facts)) {
        setOsaPattern(token);
        try {
          const marks = consonantMarks(token);
          for (let k = 0; k < keyIds.length; k++) {
            const id = keyIds[k]!;
            if (seenStamp[id] === epoch) continue;
            const lb = index.tokenLength(id);
            if (Math.abs(lb - length) > 4) continue;
            if (units.length < lb) units = new Uint16Array(lb * 2);
            index.tokenUnits(id, units);
            const similarity = keySimilarity(token, facts, marks, lb);
            add(id, similarity >= 0 ? similarity : compareTokenFacts(facts, index.factsAt(id)).similarity);
          }
        } finally {
          clearOsaPattern();
        }
      } else if (keyIds) for (let k = 0; k < keyIds.length; k++) verify(keyIds[k]!, 4);
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
