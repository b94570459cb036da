import {
  ABJAD_FIT_SIMILARITY,
  abjadFit,
  abjadKey,
  abjadReadKeys,
  allowedEdits,
  bitCount,
  CANDIDATE_BOUND,
  CANDIDATE_FLOOR,
  commaSeparatedNames,
  slashSeparatedNames,
  compareTokenFacts,
  DEFAULT_SCREENING_THRESHOLD,
  indexTokenWeight,
  letterMask,
  mayMatchNames,
  mayRejoin,
  MIN_COMPOUND,
  NAME_PARTICLES,
  namePartsOf,
  normalizeIdentifier,
  normalizeName,
  queryCoverageNeeded,
  transcriptionSpellings,
  wadeGilesToPinyin,
  type IndexedName,
  type NameReference,
  type NormalizedName,
  type ScreeningIndex,
  type ScreeningQuery,
  type TokenFacts,
} from '@entente/core';

/*
 * The bound `findCandidateNames` (packages/core/src/screening/find-candidates.ts) applies to a
 * candidate name, with its constants: a name is a candidate of a query only if the query words
 * it shares (by token weight, times their similarity) plus what its initials might add can lift
 * the name score to `threshold - MAX_BONUS - BOUND_MARGIN`. The coverage it asks is the engine's
 * own function (`queryCoverageNeeded`), and the constants are the engine's (`CANDIDATE_BOUND`,
 * `CANDIDATE_FLOOR`); if the bound's form changes otherwise, change this with it (the test
 * "forward candidates" in monitor-delta.test.ts compares with a full screening).
 */
const { initial: INITIAL, minJoined: MIN_JOINED } = CANDIDATE_BOUND;
const { maxBonus: MAX_BONUS, margin: BOUND_MARGIN } = CANDIDATE_FLOOR;
/**
 * What the bounded forward search adds to a register name's largest reachable share before it
 * rules the name out (`searchForward`): far above the rounding of the sums it bounds, so that it
 * never rules out a name the exhaustive walk keeps.
 */
const BOUND_SLACK = 1e-6;
/** Edits the engine's fuzzy look-up can bridge between two tokens' lengths (`allowedEdits` ≤ 3). */
const MAX_LENGTH_GAP = 3;

/**
 * What `mayRejoin(a, b)` (packages/core/src/screening/name-score-bound.ts) needs of the two
 * names' words before anything else (`mayRejoinAt`), at some adjacent pair `x`, `y` of `b` of
 * joined length `n` at most 2 letters above `a`'s longest word: `x` a particle
 * (`NAME_PARTICLES`), or a compound: `n` of `MIN_COMPOUND` letters or more, `x` and `y` of 2 or
 * more, and a word of `a` of `MIN_COMPOUND` or more within 2 letters of `n` starting with `x`'s
 * letter. A name's shape: its longest word; per word its first UTF-16 unit and length
 * (`words`, in pairs); per adjacent pair that may rejoin, `x`'s first unit, `n` and 1 for a
 * particle (`pairs`, in threes).
 */
export interface RejoinShape {
  longest: number;
  words: number[];
  pairs: number[];
}

export function rejoinShapeOf(tokens: readonly string[]): RejoinShape {
  const shape: RejoinShape = { longest: 0, words: [], pairs: [] };
  for (let j = 0; j < tokens.length; j++) {
    const x = tokens[j]!;
    shape.longest = Math.max(shape.longest, x.length);
    shape.words.push(x.charCodeAt(0), x.length);
    const y = tokens[j + 1];
    if (y === undefined) continue;
    const n = x.length + y.length;
    const particle = NAME_PARTICLES.has(x);
    if (particle || (n >= MIN_COMPOUND && x.length >= 2 && y.length >= 2))
      shape.pairs.push(x.charCodeAt(0), n, particle ? 1 : 0);
  }
  return shape;
}

/**
 * False only when neither `mayRejoin(a, b)` nor `mayRejoin(b, a)` can hold, read from the two
 * names' shapes (`rejoinShapeOf`): a superset test, so that the search asks `mayRejoin` of
 * fewer names and keeps the same ones (exported for its property test).
 */
export function mayRejoinByShape(a: RejoinShape, b: RejoinShape): boolean {
  return rejoinsInto(a, b) || rejoinsInto(b, a);
}

/** Whether `mayRejoin(a, b)` may hold (`RejoinShape`). */
function rejoinsInto(a: RejoinShape, b: RejoinShape): boolean {
  const { pairs } = b;
  const { words } = a;
  for (let p = 0; p < pairs.length; p += 3) {
    const n = pairs[p + 1]!;
    if (n - 2 > a.longest) continue;
    if (pairs[p + 2] === 1) return true;
    for (let w = 0; w < words.length; w += 2) {
      const length = words[w + 1]!;
      if (length >= MIN_COMPOUND && Math.abs(length - n) <= 2 && words[w] === pairs[p]) return true;
    }
  }
  return false;
}

/** What a register index gives every delta, worked out once per register index. */
interface RegisterFacts {
  /**
   * Counterparties screened forwards under words their register names are not posted under
   * (`hasVariants`):
   * the key search below does not see those words, so every delta screens them.
   */
  irregular: Set<string>;
  /** Register token ids by length (for list tokens the list index scans rather than looks up). */
  byLength: Map<number, number[]>;
  /** Per register token id, `letterMask` of the token (for the scan's letter test). */
  letters: Int32Array;
  /** Per register token id, its first UTF-16 code unit. */
  firsts: Uint16Array;
  /** Per register token id, 1 when it is in a symbol or spelling group (the scan compares it whatever its letters). */
  grouped: Uint8Array;
  /**
   * Per register token id, 1 when a name in the Arabic script carries it: its reading is
   * screened without short vowels (`withAbjadFits`), so its expansion also holds the listed
   * spellings it fits (`abjadFit`).
   */
  read: Uint8Array;
  /** Those tokens by their keys as read tokens (`abjadReadKeys`). */
  readByKey: Map<string, number[]>;
}

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

const registerFacts = new WeakMap<ScreeningIndex, RegisterFacts>();

/**
 * Whether `screenParty` screens this name under words the register index does not post it
 * under: its parts outside brackets and its comma- or slash-separated names (their own joined
 * spellings and shares), a Wade–Giles name's pinyin, and the Latin spellings the lists hold
 * for a name transcribed into Hangul, kana, Han, Burmese or Greek (`resolveTranscription`).
 * The other variants are names of the register index too: Han readings, the Arabic reading,
 * and the original-script words.
 */
function hasVariants(text: string): boolean {
  return (
    namePartsOf(text, false).length > 0 ||
    commaSeparatedNames(text).length > 0 ||
    slashSeparatedNames(text).length > 0 ||
    wadeGilesToPinyin(text) !== undefined ||
    (/[^\u0000-\u024f]/.test(text) &&
      (transcriptionSpellings(text) ?? []).some((w) => w.spellings.length > 0))
  );
}

function factsOfRegister(registerIndex: ScreeningIndex): RegisterFacts {
  let facts = registerFacts.get(registerIndex);
  if (facts) return facts;
  const irregular = new Set<string>();
  for (let e = 0; e < registerIndex.entries.length; e++) {
    const entry = registerIndex.entry(e);
    if (!entry) continue;
    const names = entry.party.names.map((n) => n.full);
    if (
      entry.names.some((id) => {
        const name = registerIndex.name(id);
        return !name || hasVariants(name.text) || !names.includes(name.text);
      }) ||
      names.some(
        (full) =>
          namePartsOf(full, false).length > 0 ||
          commaSeparatedNames(full).length > 0 ||
          slashSeparatedNames(full).length > 0,
      )
    )
      irregular.add(entry.party.sourceId);
  }
  const byLength = new Map<number, number[]>();
  const count = registerIndex.tokenCount;
  const letters = new Int32Array(count);
  const firsts = new Uint16Array(count);
  const grouped = new Uint8Array(count);
  for (let id = 0; id < count; id++) {
    const n = registerIndex.tokenLength(id);
    const list = byLength.get(n);
    if (list) list.push(id);
    else byLength.set(n, [id]);
    const text = registerIndex.tokenAt(id);
    const f = registerIndex.factsAt(id);
    letters[id] = letterMask(text);
    firsts[id] = text.charCodeAt(0);
    grouped[id] = f.groups || f.spellings ? 1 : 0;
  }
  const read = new Uint8Array(count);
  const readByKey = new Map<string, number[]>();
  for (let r = 0; r < registerIndex.nameSlots; r++) {
    const name = registerIndex.name(r);
    if (!name || !ARABIC_SCRIPT.test(name.text)) continue;
    for (const id of registerIndex.nameKeyIds(r) ?? []) {
      if (read[id] || registerIndex.tokenLength(id) < 3) continue;
      read[id] = 1;
      for (const key of abjadReadKeys(registerIndex.tokenAt(id))) {
        const list = readByKey.get(key);
        if (list) list.push(id);
        else readByKey.set(key, [id]);
      }
    }
  }
  facts = { irregular, byLength, letters, firsts, grouped, read, readByKey };
  registerFacts.set(registerIndex, facts);
  return facts;
}

/** The counterparties every delta screens whatever changed (`RegisterFacts.irregular`). */
export function irregularCounterparties(registerIndex: ScreeningIndex): ReadonlySet<string> {
  return factsOfRegister(registerIndex).irregular;
}

/**
 * Register tokens whose forward expansion in the list index (`expandToken`) may contain the list
 * token `s`, a superset: each route of `expandToken` is symmetric or widened here (see
 * docs/decisions/2026-12-04-delta-forward-search.md). `pending`: `s` was added to the list index
 * after its fuzzy look-up was built. Exported for its test.
 */
export function registerTokensNear(
  index: ScreeningIndex,
  registerIndex: ScreeningIndex,
  s: string,
  pending: boolean,
  visit: (id: number) => void,
): void {
  const facts = factsOfRegister(registerIndex);
  const vocabulary = registerIndex.vocabulary;
  const exact = vocabulary.get(s);
  if (exact !== undefined) visit(exact);
  const f = registerIndex.factsOf(s);
  for (const group of f.groups ?? [])
    for (const member of registerIndex.compiled.groupMembers[group] ?? []) {
      const id = vocabulary.get(member);
      if (id !== undefined) visit(id);
    }
  // Its translations in organisation names (`expandToken` pairs them at `TRANSLATION_SIMILARITY`).
  const translation = registerIndex.compiled.translations.get(s);
  if (translation !== undefined)
    for (const member of registerIndex.compiled.translationMembers[translation] ?? []) {
      const id = vocabulary.get(member);
      if (id !== undefined) visit(id);
    }
  const folded = vocabulary.get(f.fold);
  if (folded !== undefined) visit(folded);
  for (const id of registerIndex.foldIds(f.fold) ?? []) visit(id);
  // Tokens whose folded spelling is `s` itself.
  for (const id of registerIndex.foldIds(s) ?? []) visit(id);
  // Same phonetic key, whatever the key's length (the forward side reads short keys for some tokens).
  if (f.key.length > 0) for (const id of registerIndex.phoneticIds(f.key) ?? []) visit(id);
  // Within the deletion neighbourhood, over the widest length window any token may use.
  registerIndex.forEachNearToken(s, MAX_LENGTH_GAP, visit);
  // Words of a reading without short vowels that `s` is a spelling of (`withAbjadFits`).
  for (const id of facts.readByKey.get(abjadKey(s)) ?? [])
    if (abjadFit(registerIndex.tokenAt(id), s)) visit(id);
  if (pending) {
    // The list index scans its tokens added since its fuzzy look-up was built, rather than
    // looking them up: any token of a close length it calls similar reaches `s`. Only lengths
    // within the token's own edit budget: `forward` counts a token of another length only
    // through a shared group, the folded spelling or the phonetic key, visited above.
    //
    // `compareTokenFacts` finds a pair similar only when the two are the same token, share a
    // group, fold alike or share a phonetic key (the routes above visit all of those but the
    // grouped, compared here whatever their letters), start alike (the Jaro–Winkler route),
    // or are within the edit budget of the shorter: then each has at most that many letters
    // the other lacks. The rest are not compared (`letterMask`).
    const sf = index.factsOf(s);
    const sLetters = letterMask(s);
    const sFirst = s.charCodeAt(0);
    const { letters, firsts, grouped } = facts;
    for (let n = s.length - MAX_LENGTH_GAP - 1; n <= s.length + MAX_LENGTH_GAP + 1; n++) {
      if (Math.abs(n - s.length) > allowedEdits(n)) continue;
      const edits = allowedEdits(Math.min(n, s.length));
      const filtered = s.length >= 2 && n >= 2;
      for (const id of facts.byLength.get(n) ?? []) {
        if (filtered && firsts[id] !== sFirst && grouped[id] === 0) {
          const m = letters[id]!;
          if (bitCount(m & ~sLetters) > edits || bitCount(sLetters & ~m) > edits) continue;
        }
        if (compareTokenFacts(registerIndex.factsAt(id), sf).similarity > 0) visit(id);
      }
    }
  }
}

/**
 * `normalizeName` of a query's name, kept per query object while it lives: a caller that keeps
 * its queries per register state (`candidateCounterparties`) has each counterparty's names
 * normalised once rather than on every delta that reaches it. Keyed by the reference too.
 */
const normalizedNames = new WeakMap<ScreeningQuery, { reference: NameReference; name: NormalizedName }>();
function normalizedOf(index: ScreeningIndex, query: ScreeningQuery): NormalizedName {
  const kept = normalizedNames.get(query);
  if (kept?.reference === index.reference) return kept.name;
  const name = normalizeName(query.name ?? '', index.reference, query.schema);
  normalizedNames.set(query, { reference: index.reference, name });
  return name;
}

/**
 * The counterparties that can score at or above `threshold` forwards (their names screened
 * against the lists, as a full run does) on one of the `changed` listed parties, found without
 * screening the register: through the register index's postings of the register words whose
 * forward expansion reaches a word of a changed party's names, kept when the words they share
 * can lift the name score to the threshold (the engine's own candidate bound), plus those
 * sharing an identifier with a changed party and those whose names the engine screens under
 * other words too (`RegisterFacts.irregular`). A superset of the counterparties a full run's
 * candidate search reaches for these parties (before the engine's cut to its best
 * `CANDIDATE_LIMIT` names): every candidate is then screened forwards with the real engine.
 *
 * Given the counterparties' screening queries (`queriesOf`), a counterparty reached by its
 * names is kept only when one of its queries can reach the threshold on one of the changed
 * listed names that reached it (`mayMatchNames`: the engine's own name-score bound, pair by
 * pair), so that words shared with many listed names ("trading", "group") no longer make a
 * candidate of every counterparty that carries them.
 *
 * `onFound` is told of each counterparty as it joins the set (the irregular ones first, then
 * those sharing an identifier, then those the pairwise bound keeps), while the search goes on: a
 * delta screens them beside it on another thread (`DeltaSplit`).
 */
export function forwardCandidates(
  index: ScreeningIndex,
  registerIndex: ScreeningIndex,
  changed: ReadonlySet<string>,
  threshold = DEFAULT_SCREENING_THRESHOLD,
  queriesOf?: (counterpartyId: string) => readonly ScreeningQuery[] | undefined,
  onFound?: (counterpartyId: string) => void,
  stats?: ForwardStats,
  /**
   * Every posting of every register word reached walked (the default), or, false, the walk
   * bounded per register name: the same candidates in the same order, a third of the names
   * walked to, no less CPU (measured, not adopted: docs/decisions/2026-12-06-delta-names-bounded.md).
   */
  exhaustive = true,
): Set<string> {
  const found = searchForward(
    index,
    registerIndex,
    changed,
    threshold,
    queriesOf !== undefined,
    onFound,
    stats,
    exhaustive,
  );
  if (!found) return new Set();
  const { out, add, reachedBy } = found;
  for (const [id, names] of reachedBy) {
    if (out.has(id)) continue;
    const queries = queriesOf!(id);
    const nameIds = [...names];
    if (stats) stats.bounded++;
    // Without its queries (not in the register given) the counterparty is kept, as before.
    if (!queries || queries.some((q) => mayMatchNames(index, q, nameIds, threshold, normalizedOf(index, q))))
      add(id);
  }
  if (stats) stats.candidates = out.size;
  return out;
}

/**
 * What a delta's forward search does, counted (`forwardCandidates`' `stats`): the changed listed
 * names searched, the distinct listed keys looked up near the register's words, the register
 * words reached (with a similarity), the postings of register names read, the register names
 * reached per listed name (each once per name), the counterparties reached by their names, those
 * bounded pair by pair, and the candidates.
 */
export interface ForwardStats {
  listedNames: number;
  keys: number;
  registerWords: number;
  postings: number;
  /** Postings walked, per listed name (the exhaustive walk: every posting of every word reached). */
  postingsVisited: number;
  namesReached: number;
  reached: number;
  bounded: number;
  candidates: number;
  /** Register words compared with a listed key past the equal-text and translation tests. */
  forwardCalls: number;
  /** Distinct register words whose list-side facts the search took (once each per search). */
  wordFacts: number;
  /** Of them, words the list index does not hold, their facts the register index's (same reference). */
  wordFactsFromRegister: number;
}

export function emptyForwardStats(): ForwardStats {
  return {
    listedNames: 0,
    keys: 0,
    registerWords: 0,
    postings: 0,
    postingsVisited: 0,
    namesReached: 0,
    reached: 0,
    bounded: 0,
    candidates: 0,
    forwardCalls: 0,
    wordFacts: 0,
    wordFactsFromRegister: 0,
  };
}

/** Where a split pairwise bound's chunks go beside this thread (the delta worker). */
export interface BoundTarget {
  /**
   * Sends a chunk at once, to be bounded there unless claimed first (its cell set from 0 to 2):
   * per counterparty whether it passed, `undefined` when found claimed, or `undefined` for
   * nothing sent (no worker).
   */
  beside(
    bound: { counts: number[]; names: [string, number, string][][]; threshold: number },
    queries: ScreeningQuery[],
    claim: { cells: Int32Array; at: number },
  ): Promise<boolean[] | undefined> | undefined;
}

/** Counterparties per chunk of a split pairwise bound (~5 ms of one thread's work). */
export const BOUND_CHUNK = 128;
/** Chunks sent ahead of what the other thread has started. */
const BOUND_AHEAD = 3;

/**
 * `forwardCandidates` with its counterparties' queries, the pairwise bound split between this
 * thread and another (`target`, the delta worker) by claimed chunks: this thread sends the first
 * chunks and bounds from the last one down, keeping a few sent ahead of the other thread's
 * progress (read from the chunks' claim cells), and claims (`Atomics.compareExchange`, 0 → 2)
 * each sent chunk it bounds itself. The candidates join the set (and `onFound` is told) in the
 * order one thread adds them, after every chunk is answered: the same set, in the same order.
 */
export async function forwardCandidatesSplit(
  index: ScreeningIndex,
  registerIndex: ScreeningIndex,
  changed: ReadonlySet<string>,
  queriesOf: (counterpartyId: string) => readonly ScreeningQuery[] | undefined,
  target: BoundTarget,
  onFound?: (counterpartyId: string) => void,
  stats?: ForwardStats,
  threshold = DEFAULT_SCREENING_THRESHOLD,
): Promise<{ candidates: Set<string>; chunks: { here: number; beside: number } }> {
  const chunks = { here: 0, beside: 0 };
  const found = searchForward(index, registerIndex, changed, threshold, true, onFound, stats);
  if (!found) return { candidates: new Set(), chunks };
  const { out, add, reachedBy, nameRef } = found;
  const pending = [...reachedBy].filter(([id]) => !out.has(id));
  const queries = pending.map(([id]) => queriesOf(id));
  const keep = new Uint8Array(pending.length);
  const n = Math.ceil(pending.length / BOUND_CHUNK);
  const here = (c: number) => {
    for (let i = c * BOUND_CHUNK; i < Math.min(pending.length, (c + 1) * BOUND_CHUNK); i++) {
      const qs = queries[i];
      const nameIds = [...pending[i]![1]];
      keep[i] =
        !qs || qs.some((q) => mayMatchNames(index, q, nameIds, threshold, normalizedOf(index, q))) ? 1 : 0;
    }
    chunks.here++;
  };
  const cells = new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4));
  const sent: (Promise<boolean[] | undefined> | undefined)[] = [];
  const send = (c: number) => {
    const counts: number[] = [];
    const names: [string, number, string][][] = [];
    const flat: ScreeningQuery[] = [];
    for (let i = c * BOUND_CHUNK; i < Math.min(pending.length, (c + 1) * BOUND_CHUNK); i++) {
      const qs = queries[i] ?? [];
      counts.push(qs.length);
      for (const q of qs) flat.push(q);
      names.push([...pending[i]![1]].map((id) => nameRef.get(id)!));
    }
    // A failed worker leaves its chunk to this thread.
    sent[c] = target.beside({ counts, names, threshold }, flat, { cells, at: c })?.catch(() => undefined);
  };
  let lo = 0;
  let hi = n;
  let started = 0;
  while (hi > lo) {
    while (started < lo && Atomics.load(cells, started) !== 0) started++;
    while (lo < hi && lo - started < BOUND_AHEAD) send(lo++);
    if (hi > lo) here(--hi);
  }
  const waiting: number[] = [];
  for (let c = hi - 1; c >= 0; c--)
    if (!sent[c] || Atomics.compareExchange(cells, c, 0, 2) === 0) here(c);
    else waiting.push(c);
  for (const c of waiting) {
    const passed = await sent[c];
    const from = c * BOUND_CHUNK;
    const to = Math.min(pending.length, (c + 1) * BOUND_CHUNK);
    if (!passed || passed.length !== to - from) {
      here(c);
      continue;
    }
    chunks.beside++;
    for (let i = from; i < to; i++) keep[i] = !queries[i] || passed[i - from] ? 1 : 0;
  }
  if (stats) stats.bounded += pending.length;
  for (let i = 0; i < pending.length; i++) if (keep[i]) add(pending[i]![0]);
  if (stats) stats.candidates = out.size;
  return { candidates: out, chunks };
}

/**
 * The forward search of `forwardCandidates` before its pairwise bound: the set with the
 * counterparties added so far (irregular, sharing an identifier, or, without `pairwise`, reached
 * by their names), and, with `pairwise`, the changed listed names (by id) that reached each
 * other counterparty, with each such name's entity, position and text (`nameRef`).
 */
function searchForward(
  index: ScreeningIndex,
  registerIndex: ScreeningIndex,
  changed: ReadonlySet<string>,
  threshold: number,
  pairwise: boolean,
  onFound: ((counterpartyId: string) => void) | undefined,
  stats: ForwardStats | undefined,
  exhaustive = true,
):
  | {
      out: Set<string>;
      add: (id: string) => void;
      reachedBy: Map<string, Set<number>>;
      nameRef: Map<number, [string, number, string]>;
    }
  | undefined {
  const out = new Set<string>();
  if (changed.size === 0) return undefined;
  const add = onFound
    ? (id: string) => {
        if (out.has(id)) return;
        out.add(id);
        onFound(id);
      }
    : (id: string) => void out.add(id);
  const facts = factsOfRegister(registerIndex);
  for (const id of facts.irregular) add(id);
  index.prepare();
  const indexed = index.deletionArrays?.count ?? 0;
  const weight = indexTokenWeight(index);
  const minScore = threshold - MAX_BONUS - BOUND_MARGIN;
  const counterpartyOf = (nameId: number) =>
    registerIndex.entry(registerIndex.nameEntry(nameId))?.party.sourceId;
  // Per register name (by name id): its total weight, what its initials may add and the share it
  // needs, computed when first reached (`total` NaN until then).
  const nameCount = registerIndex.nameSlots;
  const totals = new Float64Array(nameCount).fill(Number.NaN);
  const slacks = new Float64Array(nameCount);
  const needs = new Float64Array(nameCount);
  // Per register name, what `mayRejoin` asks of its words before anything else (`rejoinShapeOf`).
  const rejoinShapes: RejoinShape[] = new Array<RejoinShape>(nameCount);
  const shapeOf = (r: IndexedName, id: number): number => {
    const known = totals[id]!;
    if (!Number.isNaN(known)) return known;
    const tokens = r.normalized.tokens;
    const weights = tokens.map((t) => weight(t));
    const total = weights.reduce((a, b) => a + b, 0);
    let initials = 0;
    tokens.forEach((t, k) => (initials += t.length === 1 ? INITIAL * weights[k]! : 0));
    // The coverage `findCandidateNames` asks of a listed name for this name as its query, with
    // every relaxation it makes: the same function, so that the two cannot drift apart (they did,
    // and deltas missed alerts: docs/decisions/2026-12-07-delta-forward-lifts.md).
    const needed = queryCoverageNeeded(r.normalized, weight, minScore, index.compiled);
    totals[id] = total;
    rejoinShapes[id] = rejoinShapeOf(tokens);
    slacks[id] = total > 0 ? initials / total : 0;
    needs[id] = needed;
    return total;
  };
  // Per listed name, the share each register name reached has (Infinity: kept whole), by name
  // id, stamped with the listed name's epoch; `touched` lists the names reached.
  const covered = new Float64Array(nameCount);
  const stamp = new Uint32Array(nameCount);
  let epoch = 0;
  const touched: number[] = [];
  // An upper bound of the similarity `expandToken(index, t)` gives the list token `s` (id `k`),
  // 0 when `s` cannot be in it: every route of the expansion scores a token it reaches with
  // `compareTokenFacts` (the same token: 1), but a translation, at `TRANSLATION_SIMILARITY` (< 1);
  // a token outside every route's own test (a shared symbol group, the folded spelling, a
  // phonetic key it reads, a length within its edit budget) is not reached. Not the expansion
  // itself: computing the whole expansion of each register word reached (to look `s` up in it)
  // was half the search's CPU (docs/decisions/2026-12-05-delta-scope-reads.md).
  const translations = index.compiled.translations;
  // The list index's facts of register word `rt` (`index.factsOf` of its text), taken once per
  // search: the list index's own for a word it holds, else the register index's, which it made
  // with the same call on the same compiled reference (`tokenFacts`) — computing them again for
  // every listed key reaching the word was a tenth of the search. Another reference: computed.
  const sameReference = registerIndex.compiled === index.compiled;
  const wordFacts: (TokenFacts | undefined)[] = new Array<TokenFacts | undefined>(registerIndex.tokenCount);
  const factsOfWord = (rt: number, t: string): TokenFacts => {
    let f = wordFacts[rt];
    if (f) return f;
    const held = index.vocabulary.get(t);
    f =
      held !== undefined ? index.factsAt(held) : sameReference ? registerIndex.factsAt(rt) : index.factsOf(t);
    if (stats) {
      stats.wordFacts++;
      if (held === undefined && sameReference) stats.wordFactsFromRegister++;
    }
    return (wordFacts[rt] = f);
  };
  const forward = (rt: number, t: string, k: number, s: string): number => {
    if (stats) stats.forwardCalls++;
    if (t === s) return 1;
    const group = translations.get(t);
    if (group !== undefined && translations.get(s) === group) return 1;
    const ft = factsOfWord(rt, t);
    const fs = index.factsAt(k);
    let reached = (ft.groups ?? []).some((g) => index.compiled.groupMembers[g]?.includes(s));
    if (!reached && t.length >= 2) {
      const gap = Math.abs(s.length - t.length);
      const edits = allowedEdits(t.length);
      reached =
        ft.fold === s ||
        ft.fold === fs.fold ||
        (ft.key === fs.key && gap <= 4 && (ft.key.length >= 3 || (ft.key.length >= 1 && ft.vowelPoor))) ||
        (edits > 0 && gap <= edits);
    }
    const sim = reached ? compareTokenFacts(ft, fs).similarity : 0;
    // A word of a reading without short vowels reaches the spellings it fits (`withAbjadFits`).
    return sim < ABJAD_FIT_SIMILARITY && facts.read[rt] === 1 && abjadFit(t, s) ? ABJAD_FIT_SIMILARITY : sim;
  };
  // Per listed key (token id), the register words whose forward expansion reaches it with their
  // similarity, in the order `registerTokensNear` visits them: keys recur across the changed
  // names ("trading" in the week's 50 "… Trading" aliases), the search for them need not.
  const nears = new Map<number, { ids: number[]; sims: number[] }>();
  const nearOf = (k: number) => {
    let near = nears.get(k);
    if (near) return near;
    const found = { ids: [] as number[], sims: [] as number[] };
    if (stats) stats.keys++;
    const s = index.tokenAt(k);
    const seen = new Set<number>();
    registerTokensNear(index, registerIndex, s, k >= indexed, (t) => {
      if (seen.has(t)) return;
      seen.add(t);
      const sim = forward(t, registerIndex.tokenAt(t), k, s);
      if (sim <= 0) return;
      found.ids.push(t);
      found.sims.push(sim);
    });
    if (stats) stats.registerWords += found.ids.length;
    nears.set(k, (near = found));
    return near;
  };
  // What name `r` gets from register word `t` (one of its key ids), whichever listed key it is
  // reached from: `kind` 0 no name (removed), 1 kept whole (its joined spelling, a long one-word
  // name, or an original-script name not carrying the word), 2 its share (weight × times it
  // carries the word ÷ its total weight); 4 added: a short one-word name, kept whole when the
  // listed key is a joined spelling (`index.joinedKey`). Returns the kind, the share in `shareOut`.
  let shareOut = 0;
  const kindOf = (r: number, t: number): number => {
    shareOut = 0;
    const name = registerIndex.name(r);
    if (!name) return 0;
    const text = registerIndex.tokenAt(t);
    const tokens = name.normalized.tokens;
    let times = 0;
    for (const x of tokens) if (x === text) times++;
    const shortOne = tokens.length === 1 && text.length < MIN_JOINED;
    if (tokens.length > 1 ? text === name.joined : tokens.length === 1 && !shortOne) return 1;
    const total = shapeOf(name, r);
    shareOut = total > 0 ? (weight(text) * times) / total : 0;
    return (times === 0 && name.normalized.originalTokens ? 1 : 2) | (shortOne ? 4 : 0);
  };
  // The register words in one order for every listed name, rarest first (fewest names posted,
  // then token id), and, per register name reached, its key ids' places in that order, kinds and
  // shares (`keysOf`, made when the name is first read).
  const tokenCount = registerIndex.tokenCount;
  const ords = new Float64Array(tokenCount).fill(-1);
  const ordOf = (t: number) => {
    let o = ords[t]!;
    if (o < 0) ords[t] = o = registerIndex.postingCount(t) * tokenCount + t;
    return o;
  };
  // Flat, per name from `keyAt[r]` (−1 until made), `keyLen[r]` entries.
  const keyAt = new Int32Array(exhaustive ? 0 : nameCount).fill(-1);
  const keyLen = new Uint16Array(exhaustive ? 0 : nameCount);
  let keyIdOf = new Int32Array(exhaustive ? 0 : 4096);
  let keyOrd = new Float64Array(exhaustive ? 0 : 4096);
  let keyKind = new Uint8Array(exhaustive ? 0 : 4096);
  let keyShare = new Float64Array(exhaustive ? 0 : 4096);
  let keyUsed = 0;
  const keysOf = (r: number): number => {
    const kept = keyAt[r]!;
    if (kept >= 0) return kept;
    const ids = registerIndex.nameKeyIds(r) ?? [];
    if (keyUsed + ids.length > keyIdOf.length) {
      const size = Math.max(keyIdOf.length * 2, keyUsed + ids.length);
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T => {
        to.set(from);
        return to;
      };
      keyIdOf = grow(keyIdOf, new Int32Array(size));
      keyOrd = grow(keyOrd, new Float64Array(size));
      keyKind = grow(keyKind, new Uint8Array(size));
      keyShare = grow(keyShare, new Float64Array(size));
    }
    const at = keyUsed;
    for (let i = 0; i < ids.length; i++) {
      keyIdOf[at + i] = ids[i]!;
      keyOrd[at + i] = ordOf(ids[i]!);
      keyKind[at + i] = kindOf(r, ids[i]!);
      keyShare[at + i] = shareOut;
    }
    keyUsed += ids.length;
    keyAt[r] = at;
    keyLen[r] = ids.length;
    return at;
  };
  // The share of name `r`'s words at or after `from` in `ordOf`'s order.
  const shareFrom = (r: number, from: number): number => {
    const at = keysOf(r);
    let rest = 0;
    for (let x = at; x < at + keyLen[r]!; x++) if (keyOrd[x]! >= from) rest += keyShare[x]!;
    return rest;
  };
  // Per register word (token id), what each name posted under it gets from it (`kindOf`) and, for
  // the bounded search, per posting the least sum of similarities (`rho`) the listed name's words
  // from this one on in the order above (`ordOf`) must give for the name to reach its share:
  // −∞ kept whatever (whole, or its share within reach of its initials alone), +∞ never; the
  // postings in that order (`order`), so that a word's walk stops at the first that cannot.
  const posted = new Map<
    number,
    { names: ArrayLike<number>; kind: Uint8Array; share: Float64Array; rho: Float64Array; order: Uint32Array }
  >();
  const postedOf = (t: number) => {
    let known = posted.get(t);
    if (known) return known;
    const names = registerIndex.postingsOf(t);
    if (stats) stats.postings += names.length;
    const kind = new Uint8Array(names.length);
    const share = new Float64Array(names.length);
    const rho = new Float64Array(exhaustive ? 0 : names.length);
    const order = new Uint32Array(exhaustive ? 0 : names.length);
    const at = exhaustive ? 0 : ordOf(t);
    for (let p = 0; p < names.length; p++) {
      const r = names[p]!;
      kind[p] = kindOf(r, t);
      share[p] = shareOut;
      if (exhaustive) continue;
      const kd = kind[p]!;
      if (kd === 0) {
        rho[p] = Infinity;
        continue;
      }
      if ((kd & 3) === 1 || (kd & 4) !== 0) {
        rho[p] = -Infinity;
        continue;
      }
      // What the name's words from this one on (in `ordOf`'s order) can give it, at most.
      const rest = shareFrom(r, at);
      const wanted = needs[r]! - slacks[r]! - BOUND_SLACK;
      rho[p] = wanted <= 0 ? -Infinity : rest > 0 ? wanted / rest : Infinity;
    }
    if (!exhaustive) {
      for (let p = 0; p < names.length; p++) order[p] = p;
      order.sort((a, b) => rho[a]! - rho[b]! || a - b);
    }
    posted.set(t, (known = { names, kind, share, rho, order }));
    return known;
  };
  // Per register entry reached by its names (by entry id), the changed listed names that reached
  // it, in the order first reached (`entriesReached`, `listedOf`; `entrySlot[e]` its place + 1,
  // `entryEpoch[e]` the last listed name's epoch added): numbers per reach, the counterparty's id
  // and a set per counterparty made once at the end (`reachedBy`, the order and sets as before).
  let entrySlot = new Int32Array(1024);
  let entryEpoch = new Uint32Array(1024);
  const entriesReached: number[] = [];
  const listedOf: number[][] = [];
  const nameRef = new Map<number, [string, number, string]>();
  // The register names that pass for one listed name, with its initials: the engine's candidate
  // bound on the share the listed name's words cover (`covered`, ∞ kept whole).
  // A register name whose words the listed name writes joined or apart passes too: the engine's
  // search finds such a name through its rejoined keys (`rejoinedKeys`), which rejoin as the
  // scorer does (`rejoinParticles`, either way round).
  // `listedShape`: the listed name's `rejoinShapeOf`, so that `mayRejoin` is asked only where
  // the lengths of the two names' words allow a rejoining (most names reached fall short of
  // their coverage, and nearly none of them rejoin: docs/decisions/2026-12-07-delta-forward-reach.md).
  const passes = (
    r: number,
    covered: number,
    listedInitials: number,
    listed: readonly string[],
    listedShape: RejoinShape,
  ): boolean => {
    const name = registerIndex.name(r)!;
    const total = shapeOf(name, r);
    const initials =
      total > 0 ? (INITIAL * Math.min(listedInitials, name.normalized.tokens.length)) / total : 0;
    const needed = needs[r]!;
    if (covered === Infinity || needed <= 0 || covered + slacks[r]! + initials >= needed - 1e-9) return true;
    if (!mayRejoinByShape(listedShape, rejoinShapes[r]!)) return false;
    const tokens = name.normalized.tokens;
    return mayRejoin(listed, tokens) || mayRejoin(tokens, listed);
  };
  const reach = (r: number, nameId: number) => {
    if (!pairwise) {
      const id = counterpartyOf(r);
      if (id) add(id);
      return;
    }
    // The changed listed names that reached the entry, for the pairwise bound below.
    const e = registerIndex.nameEntry(r);
    if (e < 0) return;
    if (e >= entrySlot.length) {
      const size = Math.max(e + 1, entrySlot.length * 2);
      const slots = new Int32Array(size);
      slots.set(entrySlot);
      entrySlot = slots;
      const epochs = new Uint32Array(size);
      epochs.set(entryEpoch);
      entryEpoch = epochs;
    }
    const slot = entrySlot[e]!;
    if (slot === 0) {
      entriesReached.push(e);
      listedOf.push([nameId]);
      entrySlot[e] = entriesReached.length;
    } else if (entryEpoch[e] !== epoch) listedOf[slot - 1]!.push(nameId);
    entryEpoch[e] = epoch;
  };
  // The bounded search's scratch, per listed name: the register words reached (`words`, stamped
  // in `wordStamp`), each with its reaches from the listed keys in the exhaustive walk's order
  // (`seq`: key by key, then near word by near word), their similarities and whether the key
  // was a joined spelling, as a list from `head` (`next`); `sims` the sum of its similarities.
  const wordStamp = new Uint32Array(exhaustive ? 0 : tokenCount);
  const head = new Int32Array(exhaustive ? 0 : tokenCount);
  const sims = new Float64Array(exhaustive ? 0 : tokenCount);
  let next = new Int32Array(1024);
  let reachSim = new Float64Array(1024);
  let reachJoined = new Uint8Array(1024);
  const scratchSeq: number[] = [];
  const scratchValue: number[] = [];
  for (const entityId of changed) {
    const entry = index.get(entityId);
    if (!entry) continue;
    for (const identifier of entry.party.identifiers)
      for (const e of registerIndex.entriesWithIdentifier(normalizeIdentifier(identifier.value)) ?? []) {
        const id = registerIndex.entry(e)?.party.sourceId;
        if (id) add(id);
      }
    for (const [position, nameId] of entry.names.entries()) {
      const listed = index.name(nameId);
      if (!listed) continue;
      nameRef.set(nameId, [entityId, position, listed.text]);
      if (stats) stats.listedNames++;
      const listedInitials = index.nameShape[nameId]! & 255;
      const listedShape = rejoinShapeOf(listed.normalized.tokens);
      epoch++;
      touched.length = 0;
      if (exhaustive) {
        for (const k of listed.keyIds) {
          const near = nearOf(k);
          const wholeJoined = index.joinedKey[k] === 1;
          for (let j = 0; j < near.ids.length; j++) {
            const sim = near.sims[j]!;
            const { names, kind, share } = postedOf(near.ids[j]!);
            if (stats) stats.postingsVisited += names.length;
            for (let p = 0; p < names.length; p++) {
              const kd = kind[p]!;
              if (kd === 0) continue;
              const r = names[p]!;
              const first = stamp[r] !== epoch;
              if (!first && covered[r] === Infinity) continue;
              if (first) {
                stamp[r] = epoch;
                covered[r] = 0;
                touched.push(r);
              }
              if ((kd & 3) === 1 || ((kd & 4) !== 0 && wholeJoined)) covered[r] = Infinity;
              else covered[r] += share[p]! * sim;
            }
          }
        }
        if (stats) stats.namesReached += touched.length;
        for (const r of touched)
          if (passes(r, covered[r]!, listedInitials, listed.normalized.tokens, listedShape)) reach(r, nameId);
        continue;
      }
      // The bounded search. Each reach of a register word by a listed key, in the exhaustive
      // walk's order (its `seq`), listed per word.
      const words: number[] = [];
      let seq = 0;
      let reaches = 0;
      for (const k of listed.keyIds) reaches += nearOf(k).ids.length;
      if (reaches > next.length) {
        const size = Math.max(reaches, next.length * 2);
        next = new Int32Array(size);
        reachSim = new Float64Array(size);
        reachJoined = new Uint8Array(size);
      }
      for (const k of listed.keyIds) {
        const near = nearOf(k);
        const joined = index.joinedKey[k] === 1 ? 1 : 0;
        for (let j = 0; j < near.ids.length; j++) {
          const t = near.ids[j]!;
          if (wordStamp[t] !== epoch) {
            wordStamp[t] = epoch;
            head[t] = -1;
            sims[t] = 0;
            words.push(t);
          }
          reachSim[seq] = near.sims[j]!;
          reachJoined[seq] = joined;
          next[seq] = head[t]!;
          head[t] = seq++;
          sims[t] += near.sims[j]!;
        }
      }
      // Rarest word first; `most[i]`: the largest sum of similarities of word i or a later one.
      // A name not reached by an earlier word gets from word i on at most its share of the
      // words from i on (`rho`'s denominator) times `most[i]`: a word's walk stops at the first
      // posting whose `rho` is above it. With initials, every posting is bounded with them.
      words.sort((a, b) => ordOf(a) - ordOf(b));
      const most = new Float64Array(words.length);
      for (let i = words.length - 1, m = 0; i >= 0; i--) most[i] = m = Math.max(m, sims[words[i]!]!);
      for (let i = 0; i < words.length; i++) {
        const t = words[i]!;
        const { names, kind, rho, order } = postedOf(t);
        const f = most[i]!;
        if (listedInitials === 0) {
          for (let q = 0; q < order.length; q++) {
            const p = order[q]!;
            if (rho[p]! > f) break;
            if (stats) stats.postingsVisited++;
            const r = names[p]!;
            if (stamp[r] === epoch) continue;
            stamp[r] = epoch;
            touched.push(r);
          }
          continue;
        }
        const at = ordOf(t);
        for (let p = 0; p < names.length; p++) {
          if (stats) stats.postingsVisited++;
          const r = names[p]!;
          if (stamp[r] === epoch || kind[p] === 0) continue;
          let bound = -Infinity;
          if (rho[p] !== -Infinity) {
            bound = shareFrom(r, at) * f;
          }
          if (
            bound !== -Infinity &&
            !passes(r, bound + BOUND_SLACK, listedInitials, listed.normalized.tokens, listedShape)
          )
            continue;
          stamp[r] = epoch;
          touched.push(r);
        }
      }
      if (stats) stats.namesReached += touched.length;
      // Each name kept: its share summed over its reaches in the exhaustive walk's order (the
      // same sum), and the names that pass in the order that walk first reached them (by their
      // first reach, then by name id: a posting list is in name id order).
      const passed: { r: number; first: number }[] = [];
      for (const r of touched) {
        const from = keysOf(r);
        scratchSeq.length = 0;
        scratchValue.length = 0;
        for (let x = from; x < from + keyLen[r]!; x++) {
          const t = keyIdOf[x]!;
          if (wordStamp[t] !== epoch) continue;
          const kd = keyKind[x]!;
          if (kd === 0) continue;
          for (let s = head[t]!; s >= 0; s = next[s]!) {
            const whole = (kd & 3) === 1 || ((kd & 4) !== 0 && reachJoined[s] === 1);
            // Insertion by `seq` (a name has a few reaches).
            let y = scratchSeq.length;
            scratchSeq.push(s);
            scratchValue.push(0);
            while (y > 0 && scratchSeq[y - 1]! > s) {
              scratchSeq[y] = scratchSeq[y - 1]!;
              scratchValue[y] = scratchValue[y - 1]!;
              y--;
            }
            scratchSeq[y] = s;
            scratchValue[y] = whole ? Infinity : keyShare[x]! * reachSim[s]!;
          }
        }
        if (scratchSeq.length === 0) continue;
        let sum = 0;
        for (const v of scratchValue) sum += v;
        if (passes(r, sum, listedInitials, listed.normalized.tokens, listedShape))
          passed.push({ r, first: scratchSeq[0]! });
      }
      passed.sort((a, b) => a.first - b.first || a.r - b.r);
      for (const { r } of passed) reach(r, nameId);
    }
  }
  const reachedBy = new Map<string, Set<number>>();
  for (let i = 0; i < entriesReached.length; i++) {
    const id = registerIndex.entry(entriesReached[i]!)?.party.sourceId;
    if (!id) continue;
    const names = reachedBy.get(id);
    if (names) for (const n of listedOf[i]!) names.add(n);
    else reachedBy.set(id, new Set(listedOf[i]));
  }
  if (stats) stats.reached += reachedBy.size;
  return { out, add, reachedBy, nameRef };
}
