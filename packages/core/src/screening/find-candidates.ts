import { QUERY_SHARE } from './align-tokens.ts';
import type { TokenWeight } from './compare-names.ts';
import { withAbjadFits } from './abjad-key.ts';
import { expandToken } from './expand-token.ts';
import { FEATURE_WEIGHTS } from './feature-table.ts';
import { isOrganisationPair, MAX_EXTRA_PARTS } from './name-features.ts';
import type { NormalizedName } from './normalize-name.ts';
import { CONTAINED_SIMILARITY, queryCoverageNeeded } from './query-coverage-needed.ts';
import { rejoinedKeys } from './rejoined-keys.ts';
import type { ScreeningIndex, TokenExpansion } from './screening-index.ts';
import { tokenIdWeight } from './token-weight.ts';

/** Similarity of an initial to a word it begins (see compare-tokens.ts). */
const INITIAL = 0.9;

/** Shortest joined spelling `compareJoined` scores (except abjad spellings, found as joined keys). */
const MIN_JOINED = 6;

/**
 * Once no new name is made, a key's share is added to the names reached by walking its postings
 * (each tested against a bit per name: sequential reads and a bit array that stays in the core's
 * cache) unless it has more than this many postings per name reached; then each reached name's
 * own keys are read instead (`addToTouched`: a few random reads per name). Both routes add the
 * same amounts to the same names. 32 was measured against this at 1,000,000 parties and the
 * mirror's size (decision 2026-12-07-1m-walk-or-read-keys): same answers, no gain shown.
 */
export const POSTINGS_PER_REACHED_NAME = 8;

/**
 * The constants of the bound `findCandidateNames` applies to a candidate name, for code
 * that must find the same candidates another way (the monitoring delta's forward search).
 */
export const CANDIDATE_BOUND = {
  queryShare: QUERY_SHARE,
  containedSimilarity: CONTAINED_SIMILARITY,
  initial: INITIAL,
  minJoined: MIN_JOINED,
} as const;

/** What `findCandidateNames`' cap left out. */
export interface CandidateCut {
  /** Names that passed the bound but were beyond the cap. */
  unscored: number;
  /** Whether the cap also stopped the search early, so that more names may have passed. */
  atLeast: boolean;
  /**
   * The names counted in `unscored`, when the caller asks for them (an array given here is
   * emptied and filled), so that it can bound them as it bounds the names it scores.
   */
  beyond?: number[];
}

/** One query key and what finding it in a name is worth, as a share of the query. */
interface KeyPart {
  expansion: TokenExpansion;
  share: number;
  /** 0: a query token or the joined query; 1: an original-script token. */
  script: 0 | 1;
  /**
   * Whether the key can make a name match on its own, through the comparison
   * of names written without spaces: 0 never, 1 when found as a name's joined
   * spelling, 2 always (the joined query; a one-word query long enough to compare joined).
   */
  whole: 0 | 1 | 2;
  /**
   * A token id the name must be posted under too for the key to count (−1: none): the other
   * half of a query word two listed words spell joined (`rejoinedKeys`).
   */
  pair: number;
  /** A token id the name must not be posted under for the key to count (−1: none; `rejoinedKeys`). */
  unless: number;
  /**
   * Per token of `expansion`, what a name posted under it gains on its own side (`listedReach`):
   * the token's weight times its similarity, for the Latin key that reaches the token best
   * (0 for the other keys that reach it, as the scorer pairs a word once; 0 for original script).
   */
  listedAdd?: Float64Array;
}

// Scratch arrays reused between calls (screening is synchronous).
/**
 * Per name id, one more than the name's place among the names this query reached, read only
 * for a name whose bit in `reachedBits` is set (so never put back: a stale place from an earlier
 * call is never read, and not clearing it saves a random write per name reached into an array
 * of 8 MB at 2,000,000 names, which the loop had just left). The posting loop's one random
 * read per posting is then four bytes of an array of the index's names (8 MB at 2,000,000
 * names), not a name's 32-byte slot in one eight times that size: over 1,000,000 parties the
 * loop was mostly waiting on those reads. What a reached name gathers lies in the arrays below,
 * by its place, in the order the names were reached.
 */
let place = new Int32Array(1024);
/**
 * Per name id, one bit: whether the name is reached (its `place` is set), cleared before
 * `findCandidateNames` returns (the only per-name state that must be).
 * A posting is first tested here (a quarter of a megabyte at 2,000,000 names, which stays in the
 * core's cache), so that `place` is read only for a name already reached: a posting that makes a
 * new name only writes its place, and one of a name not reached once the loop stops making names
 * (most postings of the frequent words read after that) touches nothing else.
 */
let reachedBits = new Int32Array(32);
/** Per place: the name id, its Latin share, its original-script share, whether a whole-name key reached it. */
let touched = new Int32Array(1024);
let latin = new Float64Array(1024);
let original = new Float64Array(1024);
let wholeKey = new Uint8Array(1024);
/**
 * Per place: the weight of the name's own words that Latin keys reached (each posting adds its
 * token's weight times the key's similarity), so that `rankKept` need not read the name's words.
 */
let listedReach = new Float64Array(1024);
let selectScratch = new Float64Array(1024);
/** Per place, the rank the cap keeps the best of (`rankKept`). */
let ranks = new Float64Array(1024);
let tokenSim = new Float64Array(1024);
let tokenStamp = new Uint32Array(1024);
let tokenEpoch = 0;
/** Per index token (under `tokenStamp`), the Latin key that reaches it best (`setListedAdds`). */
let tokenOwner = new Int32Array(1024);
/** Per index token (under `creditStamp` = `creditEpoch`), what `setListedAdds` credits a name posted under it. */
let tokenCredit = new Float64Array(1024);
let creditStamp = new Uint32Array(1024);
let creditEpoch = 0;

/** `place` for an index of `size` name ids, and `reachedBits` with it (all clear: every call leaves it so). */
function placesFor(size: number): Int32Array {
  if (place.length < size) {
    place = new Int32Array(size + (size >> 3));
    reachedBits = new Int32Array((place.length >> 5) + 1);
  }
  return place;
}

/** Room for `n` reached names in the per-place arrays, keeping the first `count`. */
function growTouched(count: number): void {
  const n = touched.length * 2;
  const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const b = make(n);
    b.set(a.subarray(0, count));
    return b;
  };
  touched = grow(touched, (k) => new Int32Array(k));
  latin = grow(latin, (k) => new Float64Array(k));
  original = grow(original, (k) => new Float64Array(k));
  wholeKey = grow(wholeKey, (k) => new Uint8Array(k));
  listedReach = grow(listedReach, (k) => new Float64Array(k));
}

/** Per index: what `rankKept` needs of each name's words, by name id, filled as names are ranked. */
const ownMemos = new WeakMap<ScreeningIndex, Float64Array>();

/** Slots per name in a memo of `ownMemoFor`. */
const OWN_SLOTS = 4;

/**
 * The memo of names' own sides for `index`: per name id, in its `OWN_SLOTS` slots, the summed
 * weight of its words; the stamp `(index.changes + 1) · 64 + min(63, words)` (any other value: not
 * worked out since the index last changed, so a change needs no clearing); the token id of its
 * joined spelling (−1: one word); a word it carries more than once, as `id · 64 + times − 1`
 * (−1: none), since the name is posted once under it.
 */
function ownMemoFor(index: ScreeningIndex): Float64Array {
  let memo = ownMemos.get(index);
  if (!memo || memo.length < OWN_SLOTS * index.nameSlots) {
    const grown = new Float64Array(OWN_SLOTS * (index.nameSlots + (index.nameSlots >> 3) + 64));
    if (memo) grown.set(memo);
    memo = grown;
    ownMemos.set(index, memo);
  }
  return memo;
}

/** Works out name `nameId`'s slots of `memo` under `stamp` (see `ownMemoFor`). */
function fillOwn(index: ScreeningIndex, memo: Float64Array, nameId: number, stamp: number): void {
  const columns = index.nameTokenColumns;
  let ids: ArrayLike<number>;
  let from = 0;
  let to: number;
  if (columns && nameId + 1 < columns.starts.length) {
    ids = columns.ids;
    from = columns.starts[nameId]!;
    to = columns.starts[nameId + 1]!;
  } else {
    ids = index.name(nameId)?.tokenIds ?? [];
    to = ids.length;
  }
  let own = 0;
  let repeated = -1;
  for (let k = from; k < to; k++) {
    const id = ids[k]!;
    own += tokenIdWeight(index, id);
    if (repeated >= 0) continue;
    let times = 0;
    for (let j = from; j < to; j++) if (ids[j] === id) times++;
    if (times > 1) repeated = id * 64 + Math.min(63, times - 1);
  }
  let joinedId = -1;
  if (to - from > 1) {
    let joined = '';
    for (let k = from; k < to; k++) joined += index.tokenAt(ids[k]!);
    joinedId = index.vocabulary.get(joined) ?? -1;
  }
  const slot = OWN_SLOTS * nameId;
  memo[slot] = own;
  memo[slot + 1] = stamp + Math.min(63, to - from);
  memo[slot + 2] = joinedId;
  memo[slot + 3] = repeated;
}

/** The k-th largest of `a[0..n)` (1 ≤ k ≤ n), by quickselect (reorders `a`). */
function kthLargest(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return a[want]!;
  }
  return a[want]!;
}

/** The `k`-th best rank (Latin + original-script share) among the first `n` reached names. */
function kthTouched(n: number, k: number): number {
  if (selectScratch.length < n) selectScratch = new Float64Array(n * 2);
  for (let c = 0; c < n; c++) selectScratch[c] = latin[c]! + original[c]!;
  return kthLargest(selectScratch, n, k);
}

/** A letter of a script other than Arabic. */
const OTHER_SCRIPT_LETTER = /(?!\p{Script=Arabic})\p{L}/u;

function keyParts(index: ScreeningIndex, query: NormalizedName, weight: TokenWeight): KeyPart[] {
  const tokens = query.tokens;
  let total = 0;
  for (const t of tokens) total += weight(t);
  const parts: KeyPart[] = [];
  const seen = new Set<string>();
  // A reading without short vowels of a name written wholly in the Arabic script also reaches the
  // spellings it fits with their vowels added, as the scorer credits them (`withAbjadFits`); not
  // the reading of the Arabic words of a mixed name ("رضا Bernini" read "rdha" alone).
  const expand =
    query.vowelless && !OTHER_SCRIPT_LETTER.test(query.text)
      ? (token: string) => withAbjadFits(index, token, expandToken(index, token))
      : (token: string) => expandToken(index, token);
  for (const token of tokens) {
    if (seen.has(token)) continue;
    seen.add(token);
    let times = 0;
    for (const t of tokens) if (t === token) times++;
    const whole = tokens.length > 1 ? 0 : token.length >= MIN_JOINED ? 2 : 1;
    parts.push({
      expansion: expand(token),
      share: total > 0 ? (weight(token) * times) / total : 0,
      script: 0,
      whole,
      pair: -1,
      unless: -1,
    });
  }
  if (tokens.length > 1) {
    const joined = tokens.join('');
    if (!seen.has(joined))
      parts.push({
        expansion: expand(joined),
        share: 1,
        script: 0,
        whole: 2,
        pair: -1,
        unless: -1,
      });
  }
  // Words written joined on one side and apart on the other, which the scorer rejoins.
  for (const key of rejoinedKeys(index, tokens, weight))
    parts.push({
      expansion: tokenKey(index, key.id),
      share: key.share,
      script: 0,
      whole: 0,
      pair: key.pair ?? -1,
      unless: key.unless ?? -1,
    });
  const originals = query.originalTokens ?? [];
  let originalTotal = 0;
  for (const t of originals) originalTotal += t.length;
  const seenOriginal = new Set<string>();
  for (const token of originals) {
    if (seenOriginal.has(token)) continue;
    seenOriginal.add(token);
    let times = 0;
    for (const t of originals) if (t === token) times++;
    parts.push({
      expansion: expandToken(index, token),
      share: (token.length * times) / originalTotal,
      script: 1,
      whole: 0,
      pair: -1,
      unless: -1,
    });
  }
  return parts;
}

/** One index token as a key of its own, found at similarity 1. */
function tokenKey(index: ScreeningIndex, id: number): TokenExpansion {
  return {
    ids: Int32Array.of(id),
    similarities: Float64Array.of(1),
    postings: index.postingCount(id),
    best: 1,
  };
}

/** Whether name `nameId` is posted under token `tokenId` (a pair key's other half). */
function hasKey(index: ScreeningIndex, nameId: number, tokenId: number): boolean {
  const columns = index.columns?.keys;
  if (columns) {
    for (let k = columns.starts[nameId]!; k < columns.starts[nameId + 1]!; k++)
      if (columns.ids[k] === tokenId) return true;
    return false;
  }
  const keyIds = index.nameKeyIds(nameId);
  if (!keyIds) return false;
  for (let k = 0; k < keyIds.length; k++) if (keyIds[k] === tokenId) return true;
  return false;
}

/** Starts a new stamp of `tokenStamp`/`tokenSim`, grown to `size` tokens (an older stamp reads as unset). */
function nextTokenEpoch(size: number): void {
  if (tokenSim.length < size) {
    tokenSim = new Float64Array(size + (size >> 3));
    tokenStamp = new Uint32Array(size + (size >> 3));
    tokenOwner = new Int32Array(size + (size >> 3));
  }
  tokenEpoch = (tokenEpoch + 1) >>> 0;
  if (tokenEpoch === 0) {
    tokenStamp.fill(0);
    tokenEpoch = 1;
  }
}

/** Adds a key's share to the names already reached, reading each name's keys rather than the key's postings. */
function addToTouched(index: ScreeningIndex, part: KeyPart, count: number): void {
  nextTokenEpoch(index.tokenCount);
  const { ids, similarities } = part.expansion;
  for (let k = 0; k < ids.length; k++) {
    tokenStamp[ids[k]!] = tokenEpoch;
    tokenSim[ids[k]!] = similarities[k]!;
    tokenOwner[ids[k]!] = k;
  }
  const listedAdd = part.listedAdd;
  const acc = part.script === 0 ? latin : original;
  const columns = index.columns?.keys;
  const joinedKey = index.joinedKey;
  for (let c = 0; c < count; c++) {
    const nameId = touched[c]!;
    // Over a snapshot's columns, the name's run of the key-id column (a removed name's is empty).
    const keyIds = columns ? columns.ids : index.nameKeyIds(nameId);
    if (!keyIds) continue;
    if (part.pair >= 0 && !hasKey(index, nameId, part.pair)) continue;
    if (part.unless >= 0 && hasKey(index, nameId, part.unless)) continue;
    const end = columns ? columns.starts[nameId + 1]! : keyIds.length;
    for (let k = columns ? columns.starts[nameId]! : 0; k < end; k++) {
      const id = keyIds[k]!;
      if (tokenStamp[id] !== tokenEpoch) continue;
      acc[c]! += tokenSim[id]! * part.share;
      if (listedAdd) listedReach[c]! += listedAdd[tokenOwner[id]!]!;
      if (part.whole === 2 || (part.whole === 1 && joinedKey[id] === 1)) wholeKey[c] = 1;
    }
  }
}

/** Sets each Latin part's `listedAdd` (see `KeyPart`). */
function setListedAdds(index: ScreeningIndex, parts: KeyPart[]): void {
  nextTokenEpoch(index.tokenCount);
  if (creditStamp.length < tokenSim.length) {
    tokenCredit = new Float64Array(tokenSim.length);
    creditStamp = new Uint32Array(tokenSim.length);
  }
  creditEpoch = (creditEpoch + 1) >>> 0;
  if (creditEpoch === 0) {
    creditStamp.fill(0);
    creditEpoch = 1;
  }
  for (let m = 0; m < parts.length; m++) {
    const part = parts[m]!;
    if (part.script !== 0) continue;
    const { ids, similarities } = part.expansion;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (tokenStamp[id] !== tokenEpoch || tokenSim[id]! < similarities[k]!) {
        tokenStamp[id] = tokenEpoch;
        tokenSim[id] = similarities[k]!;
        tokenOwner[id] = m;
      }
    }
  }
  for (let m = 0; m < parts.length; m++) {
    const part = parts[m]!;
    if (part.script !== 0) continue;
    const { ids } = part.expansion;
    const add = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (tokenOwner[id] !== m) continue;
      add[k] = tokenSim[id]! * tokenIdWeight(index, id);
      tokenOwner[id] = -1;
      // Kept for `rankKept`'s corrections only when every name posted under the token got it.
      if (part.pair >= 0 || part.unless >= 0) continue;
      tokenCredit[id] = add[k]!;
      creditStamp[id] = creditEpoch;
    }
    part.listedAdd = add;
  }
}

/**
 * Fills `ranks` for the first `kept` reached names: with `listedSide`, an estimate of the name
 * score's two sides (`QUERY_SHARE` on the query's share the name reaches, the rest on the share
 * of the name's own words, by token weight, that a query key reaches), so that among the many
 * names that reach all of a common name's words ("Ahmad Haji", listed hundreds of times with
 * more words) those the query explains whole come first; else the query's share alone. A name
 * reached by its original-script words counts that share on its own side too.
 */
function rankKept(index: ScreeningIndex, kept: number, listedSide: boolean, query: NormalizedName): void {
  if (ranks.length < kept) ranks = new Float64Array(kept * 2);
  if (!listedSide) {
    for (let c = 0; c < kept; c++) ranks[c] = latin[c]! + original[c]!;
    return;
  }
  const memo = ownMemoFor(index);
  const stamp = (index.changes + 1) * 64;
  // A listed person name found whole in a longer query scores by its own coverage, less a
  // little per extra query word (`containedScore`): the query's share alone would rank it low.
  const containing = query.tokens.length >= 3 && !isOrganisationPair(query, {});
  for (let c = 0; c < kept; c++) {
    const nameId = touched[c]!;
    const slot = OWN_SLOTS * nameId;
    const stamped = memo[slot + 1]! - stamp;
    if (!(stamped >= 0 && stamped < 64)) fillOwn(index, memo, nameId, stamp);
    const own = memo[slot]!;
    const words = memo[slot + 1]! - stamp;
    // The postings credit a name's joined spelling, not a word of it, and a repeated word once.
    let reachedOwn = listedReach[c]!;
    const joinedId = memo[slot + 2]!;
    if (joinedId >= 0 && creditStamp[joinedId] === creditEpoch) reachedOwn -= tokenCredit[joinedId]!;
    const repeated = memo[slot + 3]!;
    if (repeated >= 0) {
      const id = Math.floor(repeated / 64);
      if (creditStamp[id] === creditEpoch) reachedOwn += tokenCredit[id]! * (repeated - id * 64);
    }
    // Capped: a word the keys reach more than once is counted by each (the scorer pairs it once).
    reachedOwn = Math.min(own, reachedOwn);
    const share = Math.min(1, latin[c]! + original[c]!);
    const listed = Math.max(own > 0 ? reachedOwn / own : 0, Math.min(1, original[c]!));
    ranks[c] = QUERY_SHARE * share + (1 - QUERY_SHARE) * listed;
    const extra = query.tokens.length - words;
    if (containing && words >= 2 && extra > 0 && extra <= MAX_EXTRA_PARTS)
      ranks[c] = Math.max(ranks[c]!, listed + FEATURE_WEIGHTS.extraPartBeside * extra);
  }
}

/** What a candidate search works out of its query before reading postings (`searchPlan`). */
export interface SearchPlan {
  /** The query's keys, rarest first. */
  parts: KeyPart[];
  /** What the keys from m on can still add, per script and whole-name. */
  reachLatin: Float64Array;
  reachOriginal: Float64Array;
  reachWhole: Uint8Array;
  /** The query's token weight in all, and the share of it its initials may reach. */
  total: number;
  initialShare: number;
  /** Coverage a name needs for its name score to reach minScore, after the name-level lifts. */
  coverageNeeded: number;
  /** Most a name's own initials can add (each one letter against a query word), per script. */
  latinSlack: number;
  originalSlack: number;
  /**
   * The most a name's own initials can add to its Latin reach (all the query's words against
   * an initial of it), computed as `isKeptName`'s term is, so that the term is never above it.
   */
  initialsMost: number;
}

/** The keys of `query` and the bounds a search of them applies (`findCandidateNames`). */
function searchPlan(
  index: ScreeningIndex,
  query: NormalizedName,
  weight: TokenWeight,
  minScore: number,
): SearchPlan {
  const parts = keyParts(index, query, weight);
  parts.sort((a, b) => a.expansion.postings - b.expansion.postings);
  const reachLatin = new Float64Array(parts.length + 1);
  const reachOriginal = new Float64Array(parts.length + 1);
  const reachWhole = new Uint8Array(parts.length + 1);
  for (let m = parts.length - 1; m >= 0; m--) {
    const p = parts[m]!;
    reachLatin[m] = reachLatin[m + 1]! + (p.script === 0 ? p.share * p.expansion.best : 0);
    reachOriginal[m] = reachOriginal[m + 1]! + (p.script === 1 ? p.share * p.expansion.best : 0);
    reachWhole[m] = reachWhole[m + 1]! | (p.whole > 0 && p.expansion.ids.length > 0 ? 1 : 0);
  }
  const tokens = query.tokens;
  const originals = query.originalTokens ?? [];
  let total = 0;
  let initialShare = 0;
  for (const t of tokens) {
    const w = weight(t);
    total += w;
    if (t.length === 1) initialShare += INITIAL * w;
  }
  initialShare = total > 0 ? initialShare / total : 0;
  let originalTotal = 0;
  let originalInitials = 0;
  for (const t of originals) {
    originalTotal += t.length;
    if (t.length === 1) originalInitials += INITIAL;
  }
  originalInitials = originalTotal > 0 ? originalInitials / originalTotal : 0;
  return {
    parts,
    reachLatin,
    reachOriginal,
    reachWhole,
    total,
    initialShare,
    coverageNeeded: queryCoverageNeeded(query, weight, minScore, index.compiled),
    latinSlack: initialShare + (total > 0 ? (INITIAL * tokens.length) / total : 0),
    originalSlack: originalInitials + (originalTotal > 0 ? (INITIAL * originals.length) / originalTotal : 0),
    initialsMost: total > 0 ? (INITIAL * tokens.length) / total : 0,
  };
}

/**
 * Whether a search stops making names at key `m` (> 0, no whole-name key left) whatever it has
 * found: the keys left cannot lift a name not yet seen to the coverage needed, or to `minShare`.
 */
function stopsCreating(plan: SearchPlan, m: number, minShare: number): boolean {
  const hopeless =
    plan.reachLatin[m]! + plan.latinSlack < plan.coverageNeeded &&
    plan.reachOriginal[m]! + plan.originalSlack < plan.coverageNeeded;
  return hopeless || plan.reachLatin[m]! + plan.reachOriginal[m]! < minShare;
}

/**
 * Whether a reached name that gathered Latin share `l` and original-script share `o` (and a
 * whole-name key when `whole`) is kept: it reaches `minShare`, and its reach with what its own
 * initials may add reaches the coverage needed.
 */
function isKeptName(
  plan: SearchPlan,
  nameShape: ArrayLike<number>,
  nameId: number,
  l: number,
  o: number,
  whole: boolean,
  queryTokens: number,
  minShare: number,
): boolean {
  if (l + o < minShare && queryTokens > 0) return false;
  const { coverageNeeded, total } = plan;
  if (coverageNeeded > 0 && !whole) {
    // The name's shape (a random read of an array of 4 MB at 2,000,000 names) only when it
    // can decide: rounding is monotone, so base + the term lies between base and base +
    // initialsMost, and the original-script reach is o + originalSlack or 0.
    const base = l + plan.initialShare;
    if (base < coverageNeeded) {
      if (base + plan.initialsMost < coverageNeeded && o + plan.originalSlack < coverageNeeded) return false;
      const shape = nameShape[nameId]!;
      const nameInitials = shape & 255;
      const latinReach = base + (total > 0 ? (INITIAL * Math.min(nameInitials, queryTokens)) / total : 0);
      const originalReach = shape & 256 ? o + plan.originalSlack : 0;
      if (latinReach < coverageNeeded && originalReach < coverageNeeded) return false;
    }
  }
  return true;
}

/**
 * Names likely to match a query, found through the inverted index (exact,
 * symbol, fuzzy and phonetic token matches, joined spellings, original
 * script) and ranked by the share of the query (by token weight) they
 * explain — never by scanning all names.
 *
 * Keys are read rarest first. With `minScore`, a name is kept only when
 * what it shares with the query (plus what initials, which the index does
 * not expand, might add) can lift its name score to `minScore`; once the
 * keys left cannot do that for a name not yet seen, or lift it into the top
 * `limit`, frequent words ("ali", "company") only add to names already found.
 * Names reached through a whole-name key (the joined query, a one-word query
 * against a joined name) are always kept. Returns name ids, best first.
 *
 * `limit` is a cap, not a recall setting: every name that passes the bound
 * is returned up to it. When more pass, those kept are the best by `rankKept`:
 * with `listedSide` (the `entente` algorithm), by both sides of the name
 * score; without (the `ofac` algorithm's ranking), by the share of the query
 * alone. With `out`, the names that passed the bound but fell beyond the cap
 * are counted there (`unscored`), and `atLeast` says whether more may have
 * passed (names the cap kept from being reached).
 */
export function findCandidateNames(
  index: ScreeningIndex,
  query: NormalizedName,
  weight: TokenWeight,
  limit: number,
  minShare = 0.2,
  minScore = 0,
  out?: CandidateCut,
  listedSide = true,
  /** `candidateSearchPlan` of the same query, weight and `minScore`, when the caller made it. */
  plan = searchPlan(index, query, weight, minScore),
): number[] {
  const { parts, reachWhole } = plan;
  if (listedSide) setListedAdds(index, parts);
  const tokens = query.tokens;
  const places = placesFor(index.nameSlots);
  const reached = reachedBits;
  // Read once: each is a getter that looks at how the index is stored.
  const postingColumns = index.columns?.postings;
  const joinedKey = index.joinedKey;
  const nameShape = index.nameShape;
  let count = 0;
  let creating = true;
  let capped = false;
  try {
    for (let m = 0; m < parts.length; m++) {
      if (creating && m > 0 && !reachWhole[m]) {
        if (stopsCreating(plan, m, minShare)) creating = false;
        else if (count >= limit && plan.reachLatin[m]! + plan.reachOriginal[m]! < kthTouched(count, limit)) {
          creating = false;
          capped = true;
        }
      }
      const part = parts[m]!;
      if (!creating && count * POSTINGS_PER_REACHED_NAME < part.expansion.postings) {
        addToTouched(index, part, count);
        continue;
      }
      const { ids, similarities } = part.expansion;
      const latinPart = part.script === 0;
      const pair = part.pair;
      const unless = part.unless;
      const columns = postingColumns;
      // The per-place arrays as locals in the hot loop (made again when they grow).
      let names = touched;
      let lat = latin;
      let orig = original;
      let whl = wholeKey;
      let own = listedReach;
      const listedAdd = part.listedAdd;
      for (let k = 0; k < ids.length; k++) {
        const add = similarities[k]! * part.share;
        const ownAdd = listedAdd ? listedAdd[k]! : 0;
        const whole = part.whole === 2 || (part.whole === 1 && joinedKey[ids[k]!] === 1);
        // Over a snapshot's columns, the token's run of the posting column (no view made).
        const list = columns ? columns.ids : index.postingsOf(ids[k]!);
        const end = columns ? columns.starts[ids[k]! + 1]! : list.length;
        for (let p = columns ? columns.starts[ids[k]!]! : 0; p < end; p++) {
          const nameId = list[p]!;
          if (pair >= 0 && !hasKey(index, nameId, pair)) continue;
          if (unless >= 0 && hasKey(index, nameId, unless)) continue;
          const word = nameId >> 5;
          const bit = 1 << (nameId & 31);
          let c: number;
          if ((reached[word]! & bit) !== 0) {
            c = places[nameId]! - 1;
            if (latinPart) lat[c]! += add;
            else orig[c]! += add;
            own[c]! += ownAdd;
          } else if (creating) {
            if (names.length <= count) {
              growTouched(count);
              names = touched;
              lat = latin;
              orig = original;
              whl = wholeKey;
              own = listedReach;
            }
            c = count++;
            places[nameId] = count;
            reached[word] = reached[word]! | bit;
            names[c] = nameId;
            lat[c] = latinPart ? add : 0;
            orig[c] = latinPart ? 0 : add;
            whl[c] = 0;
            own[c] = ownAdd;
          } else continue;
          if (whole) whl[c] = 1;
        }
      }
    }
  } finally {
    // Only the bits: a place is read only under its bit (see `place`).
    for (let c = 0; c < count; c++) reached[touched[c]! >> 5] = 0;
  }
  // The names kept are moved to the front, with what they gathered.
  let kept = 0;
  for (let c = 0; c < count; c++) {
    const nameId = touched[c]!;
    const l = latin[c]!;
    const o = original[c]!;
    if (!isKeptName(plan, nameShape, nameId, l, o, wholeKey[c] === 1, tokens.length, minShare)) continue;
    touched[kept] = nameId;
    latin[kept] = l;
    original[kept] = o;
    listedReach[kept] = listedReach[c]!;
    kept++;
  }
  let cut = -Infinity;
  // The listed side is read only when the cap cuts (the names kept are then ranked by it).
  rankKept(index, kept, listedSide && kept > limit, query);
  if (kept > limit) {
    if (selectScratch.length < kept) selectScratch = new Float64Array(kept * 2);
    selectScratch.set(ranks.subarray(0, kept));
    cut = kthLargest(selectScratch, kept, limit);
  }
  // Places of the names ranked, then their ids, best first (a stable sort: ties stay in order).
  const rank = (c: number): number => ranks[c]!;
  const order: number[] = [];
  for (let c = 0; c < kept; c++) if (rank(c) > cut) order.push(c);
  let ties = 0;
  for (let c = 0; c < kept && order.length < limit; c++)
    if (rank(c) === cut) {
      order.push(c);
      ties = c + 1;
    }
  order.sort((a, b) => rank(b) - rank(a));
  const ranked = order.map((c) => touched[c]!);
  if (out) {
    // `order.length`, not `ranked.length` (the same number): reading the mapped array's length
    // here deoptimised this function hundreds of times a batch ("wrong map", the same code kept).
    out.unscored = kept - order.length;
    out.atLeast = capped;
    const beyond = out.beyond;
    if (beyond) {
      beyond.length = 0;
      // Below the cut, or at it after the ties the cap took (those were taken in order).
      for (let c = 0; c < kept && beyond.length < out.unscored; c++) {
        const r = rank(c);
        if (r < cut || (r === cut && c >= ties)) beyond.push(touched[c]!);
      }
    }
  }
  return ranked;
}

/** What `findRestrictedCandidateNames` found among a few parties' names. */
export interface RestrictedCandidates {
  /**
   * When `uncapped`, the names of those parties `findCandidateNames` returns, in its order;
   * otherwise every name of theirs it can reach (it returns some of them).
   */
  names: number[];
  /**
   * Whether `findCandidateNames` cannot meet its cap (fewer names than the cap are posted under
   * the keys it reads while it makes names, `createdNames`).
   */
  uncapped: boolean;
}

/** Most postings `createdNames` reads: past it, a search is taken as one that may meet its cap. */
const CREATED_COUNT_READS_PER_CAP = 16;

/** Per name id, one bit, for `createdNames` (all clear between calls). */
let createdBits = new Int32Array(32);

/**
 * How many names `findCandidateNames` makes from the first `creating` keys of `plan` when its
 * cap does not stop it (each name posted under one of their tokens that passes the key's pair
 * test), or undefined once that reaches `limit` or more than `reads` postings are read.
 */
function createdNames(
  index: ScreeningIndex,
  plan: SearchPlan,
  creating: number,
  limit: number,
  reads: number,
): number | undefined {
  const words = (index.nameSlots >> 5) + 1;
  if (createdBits.length < words) createdBits = new Int32Array(words + (words >> 3));
  const bits = createdBits;
  const made: number[] = [];
  const columns = index.columns?.postings;
  try {
    for (let m = 0; m < creating; m++) {
      const part = plan.parts[m]!;
      const ids = part.expansion.ids;
      for (let k = 0; k < ids.length; k++) {
        const list = columns ? columns.ids : index.postingsOf(ids[k]!);
        const end = columns ? columns.starts[ids[k]! + 1]! : list.length;
        const from = columns ? columns.starts[ids[k]!]! : 0;
        if ((reads -= end - from) < 0) return undefined;
        for (let p = from; p < end; p++) {
          const nameId = list[p]!;
          const bit = 1 << (nameId & 31);
          if ((bits[nameId >> 5]! & bit) !== 0) continue;
          if (part.pair >= 0 && !hasKey(index, nameId, part.pair)) continue;
          if (part.unless >= 0 && hasKey(index, nameId, part.unless)) continue;
          bits[nameId >> 5] = bits[nameId >> 5]! | bit;
          made.push(nameId);
          if (made.length >= limit) return undefined;
        }
      }
    }
    return made.length;
  } finally {
    for (const nameId of made) bits[nameId >> 5] = 0;
  }
}

/** The keys of `query` and their bounds, for `findCandidateNames` and its restricted sibling to share. */
export function candidateSearchPlan(
  index: ScreeningIndex,
  query: NormalizedName,
  weight: TokenWeight,
  minScore: number,
): SearchPlan {
  return searchPlan(index, query, weight, minScore);
}

/**
 * `findCandidateNames` (with `listedSide`) over a few parties' names only: `postings` holds, per
 * token id of `index`, the ids of those names posted under it in the index's order
 * (`restrictedPostingsFor`). The keys, their expansion and every bound are the whole index's, so
 * each name gathers what it gathers in the whole search; what the whole search returns of these
 * names is `names` when `uncapped`, else a subset of them. Undefined when, uncapped, the whole
 * search may add what one key gives a name in another order (a name reached twice by one key,
 * read through the names' keys), which can differ in the last bit: the caller then searches
 * the whole index.
 */
export function findRestrictedCandidateNames(
  index: ScreeningIndex,
  query: NormalizedName,
  weight: TokenWeight,
  limit: number,
  minShare: number,
  minScore: number,
  postings: ReadonlyMap<number, ArrayLike<number>>,
  plan = searchPlan(index, query, weight, minScore),
): RestrictedCandidates | undefined {
  const { parts, reachWhole } = plan;
  const joinedKey = index.joinedKey;
  const slots = new Map<number, number>();
  const names: number[] = [];
  const lat: number[] = [];
  const orig: number[] = [];
  const whl: boolean[] = [];
  /** Per slot, the key that last added to the name. */
  const lastPart: number[] = [];
  /** The keys that reached a name twice. */
  const twice: number[] = [];
  /** How many keys the search reads while it makes names; the postings under them. */
  let creating = parts.length;
  let postingsWhileCreating = 0;
  for (let m = 0; m < parts.length; m++) {
    if (creating === parts.length && m > 0 && !reachWhole[m] && stopsCreating(plan, m, minShare))
      creating = m;
    const making = creating === parts.length;
    const part = parts[m]!;
    const { ids, similarities } = part.expansion;
    const latinPart = part.script === 0;
    for (let k = 0; k < ids.length; k++) {
      if (making) postingsWhileCreating += index.postingCount(ids[k]!);
      const list = postings.get(ids[k]!);
      if (!list) continue;
      const add = similarities[k]! * part.share;
      const whole = part.whole === 2 || (part.whole === 1 && joinedKey[ids[k]!] === 1);
      for (let p = 0; p < list.length; p++) {
        const nameId = list[p]!;
        if (part.pair >= 0 && !hasKey(index, nameId, part.pair)) continue;
        if (part.unless >= 0 && hasKey(index, nameId, part.unless)) continue;
        let c = slots.get(nameId);
        if (c !== undefined) {
          if (lastPart[c] === m && twice[twice.length - 1] !== m) twice.push(m);
          lastPart[c] = m;
          if (latinPart) lat[c]! += add;
          else orig[c]! += add;
        } else if (making) {
          c = names.length;
          slots.set(nameId, c);
          names.push(nameId);
          lat.push(latinPart ? add : 0);
          orig.push(latinPart ? 0 : add);
          whl.push(false);
          lastPart.push(m);
        } else continue;
        if (whole) whl[c] = true;
      }
    }
  }
  // Fewer postings than the cap under the keys that make names: fewer names made than the cap.
  let made: number | undefined;
  if (postingsWhileCreating >= limit || twice.some((m) => m >= creating))
    made = createdNames(index, plan, creating, limit, CREATED_COUNT_READS_PER_CAP * limit);
  const uncapped = postingsWhileCreating < limit || made !== undefined;
  // Some of them, which ones the cap decides: every name reached, whatever it gathered.
  if (!uncapped) return { names, uncapped };
  // A key read while names are made is walked by its postings, as here; a later one is walked
  // so too unless the whole search reads the keys of the names it made instead (`addToTouched`).
  for (const m of twice)
    if (
      m >= creating &&
      !(made !== undefined && made * POSTINGS_PER_REACHED_NAME >= parts[m]!.expansion.postings)
    )
      return undefined;
  const nameShape = index.nameShape;
  const kept: { nameId: number; rank: number }[] = [];
  for (let c = 0; c < names.length; c++)
    if (isKeptName(plan, nameShape, names[c]!, lat[c]!, orig[c]!, whl[c]!, query.tokens.length, minShare))
      kept.push({ nameId: names[c]!, rank: lat[c]! + orig[c]! });
  // Best first by the query's share, ties in the order reached, as an uncapped search ranks them.
  kept.sort((a, b) => b.rank - a.rank);
  return { names: kept.map((x) => x.nameId), uncapped };
}
