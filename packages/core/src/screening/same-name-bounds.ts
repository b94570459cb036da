import { isOrganisationPair } from './name-features.ts';
import { nameScoreBound } from './name-score-bound.ts';
import type { PreparedQuery } from './score-indexed-name.ts';
import type { IndexedName, ScreeningIndex } from './screening-index.ts';
import { NOT_PLAIN, PLAIN_ORGANISATION } from './stored-columns.ts';

// One query reading at a time (screening is synchronous): its index, prepared query and floor.
let memoIndex: ScreeningIndex | undefined;
let memoQuery: PreparedQuery | undefined;
let memoFloor = NaN;

/**
 * The names whose bound was computed for the current reading, in an open-addressing table
 * reused from one reading to the next (no object or map entry made per name): `slots[h]` is
 * 1 + the entry's number, entries hold the name, its hash, organisation flag and outcome.
 */
let slots = new Int32Array(1024);
let entryHash = new Uint32Array(512);
let entryFlags = new Uint8Array(512);
/** Per entry, its name id when it was read from the columns (`reachesFloorAt`), else −1. */
let entryIds = new Int32Array(512);
const entryNames: IndexedName[] = [];
let entries = 0;

/** `entryFlags` bits: the pair is an organisation pair; the bound reaches the floor. */
const ORGANISATION = 1;
const PASSES = 2;

/** Doubles the table (and its entries' room), placing the entries again. */
function grow(): void {
  slots = new Int32Array(slots.length * 2);
  const mask = slots.length - 1;
  for (let e = 0; e < entries; e++) {
    let at = entryHash[e]! & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = e + 1;
  }
  const hashes = new Uint32Array(slots.length / 2);
  hashes.set(entryHash);
  entryHash = hashes;
  const flags = new Uint8Array(slots.length / 2);
  flags.set(entryFlags);
  entryFlags = flags;
  const ids = new Int32Array(slots.length / 2);
  ids.set(entryIds);
  entryIds = ids;
}

/** Whether two names have the same words (token ids, in order) and original-script words. */
function sameWords(a: IndexedName, b: IndexedName): boolean {
  const x = a.tokenIds;
  const y = b.tokenIds;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  const p = a.normalized.originalTokens;
  const q = b.normalized.originalTokens;
  if (!p || !q) return p === q;
  if (p.length !== q.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
  return true;
}

/**
 * Whether `nameScoreBound(index, query, name, floor) >= floor`, computed once per distinct
 * name of the query reading: the bound reads only the name's words (`tokenIds`, from which
 * its tokens and joined spelling follow), its original-script words and whether its schema
 * or legal forms make the pair an organisation pair, so a name listed again with the same words (the same
 * party on several lists, a common name) has the same bound. About a third of the candidate
 * names of the screening-speed subjects repeat one already bounded for the same query.
 */
export function reachesFloor(
  index: ScreeningIndex,
  query: PreparedQuery,
  name: IndexedName,
  floor: number,
): boolean {
  forReading(index, query, floor);
  const organisation = isOrganisationPair(NO_SCHEMA, name.normalized);
  const ids = name.tokenIds;
  let h = ids.length + (organisation ? 0x40000 : 0) + (name.normalized.originalTokens?.length ?? 0) * 0x1000;
  for (let i = 0; i < ids.length; i++) h = Math.imul(h ^ ids[i]!, 0x9e3779b1) >>> 0;
  const mask = slots.length - 1;
  let at = h & mask;
  for (let e = slots[at]!; e !== 0; e = slots[(at = (at + 1) & mask)]!) {
    const f = entryFlags[e - 1]!;
    if (
      entryHash[e - 1] === h &&
      (f & ORGANISATION) === (organisation ? ORGANISATION : 0) &&
      sameWords(entryNames[e - 1]!, name)
    )
      return (f & PASSES) !== 0;
  }
  const passes = nameScoreBound(index, query, name, floor) >= floor;
  add(at, h, organisation, passes, name, -1);
  return passes;
}

/** The memo emptied when the reading, index or floor changes. */
function forReading(index: ScreeningIndex, query: PreparedQuery, floor: number): void {
  if (memoQuery !== query || memoIndex !== index || memoFloor !== floor) {
    if (entries > 0) {
      slots.fill(0);
      entryNames.length = 0;
      entries = 0;
    }
    memoQuery = query;
    memoIndex = index;
    memoFloor = floor;
  }
}

/** Adds an entry at empty slot `at`. */
function add(
  at: number,
  h: number,
  organisation: boolean,
  passes: boolean,
  name: IndexedName,
  id: number,
): void {
  slots[at] = entries + 1;
  entryHash[entries] = h;
  entryFlags[entries] = (organisation ? ORGANISATION : 0) | (passes ? PASSES : 0);
  entryNames[entries] = name;
  entryIds[entries] = id;
  entries++;
  // At most half full, so that a probe ends soon on an empty slot.
  if (entries * 2 >= slots.length) grow();
}

/**
 * `reachesFloor` for name `nameId` (not removed) of `index`, the name made only when its bound
 * is not yet known for the reading: over a snapshot's columns, a name holding nothing but its
 * words and schema (`plainNameKind`) is looked up by its token ids read from the columns, which
 * give the same hash and the same test as its made name would (no original-script words, the
 * schema's organisation flag). At 1,000,000 parties most candidate names of a reading repeat
 * words already bounded, and making each from the columns cost a third as much as the bounds.
 */
export function reachesFloorAt(
  index: ScreeningIndex,
  query: PreparedQuery,
  nameId: number,
  floor: number,
): boolean {
  const columns = index.nameTokenColumns;
  const kind = columns ? index.plainNameKind(nameId) : NOT_PLAIN;
  if (kind === NOT_PLAIN) return reachesFloor(index, query, index.name(nameId)!, floor);
  forReading(index, query, floor);
  const { starts, ids } = columns!;
  const from = starts[nameId]!;
  const to = starts[nameId + 1]!;
  const organisation = kind === PLAIN_ORGANISATION;
  // As `reachesFloor` hashes the made name (no original-script words).
  let h = to - from + (organisation ? 0x40000 : 0);
  for (let i = from; i < to; i++) h = Math.imul(h ^ ids[i]!, 0x9e3779b1) >>> 0;
  const mask = slots.length - 1;
  let at = h & mask;
  for (let e = slots[at]!; e !== 0; e = slots[(at = (at + 1) & mask)]!) {
    const f = entryFlags[e - 1]!;
    if (entryHash[e - 1] !== h || (f & ORGANISATION) !== (organisation ? ORGANISATION : 0)) continue;
    const other = entryIds[e - 1]!;
    const same =
      other >= 0
        ? sameRun(ids, starts[other]!, starts[other + 1]!, from, to)
        : sameWords(entryNames[e - 1]!, index.name(nameId)!);
    if (same) return (f & PASSES) !== 0;
  }
  const name = index.name(nameId)!;
  const passes = nameScoreBound(index, query, name, floor) >= floor;
  add(at, h, organisation, passes, name, nameId);
  return passes;
}

/**
 * Whether two runs of the names' token-id column are equal (both names plain: no
 * original-script words, so `sameWords` of their made names).
 */
function sameRun(ids: Int32Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (ids[a + k] !== ids[b + k]) return false;
  return true;
}

/** The query side of `isOrganisationPair` here: the bound's pair test reads the listed name alone (the query's side is one reading's). */
const NO_SCHEMA = {};
