import { isOrganisationPair } from './name-features.ts';
import { nameScoreBound } from './name-score-bound.ts';
import type { PreparedQuery } from './score-indexed-name.ts';
import type { IndexedName, ScreeningIndex } from './screening-index.ts';

/** A name whose bound was computed, and whether it reached the floor; names of one hash chained. */
interface Known {
  name: IndexedName;
  organisation: boolean;
  passes: boolean;
  next: Known | undefined;
}

// One query reading at a time (screening is synchronous): its index, prepared query and floor.
let memoIndex: ScreeningIndex | undefined;
let memoQuery: PreparedQuery | undefined;
let memoFloor = NaN;
const known = new Map<number, Known>();

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
 * makes the pair an organisation pair, so a name listed again with the same words (the same
 * party on several lists, a common name) has the same bound. About a third of the candidate
 * names of the screening-speed subjects repeat one already bounded for the same query.
 */
export function reachesFloor(
  index: ScreeningIndex,
  query: PreparedQuery,
  name: IndexedName,
  floor: number,
): boolean {
  if (memoQuery !== query || memoIndex !== index || memoFloor !== floor) {
    known.clear();
    memoQuery = query;
    memoIndex = index;
    memoFloor = floor;
  }
  const organisation = isOrganisationPair({}, name.normalized);
  const ids = name.tokenIds;
  let h = ids.length + (organisation ? 0x40000 : 0) + (name.normalized.originalTokens?.length ?? 0) * 0x1000;
  for (let i = 0; i < ids.length; i++) h = Math.imul(h ^ ids[i]!, 0x9e3779b1) >>> 0;
  const first = known.get(h);
  for (let k = first; k; k = k.next)
    if (k.organisation === organisation && sameWords(k.name, name)) return k.passes;
  const passes = nameScoreBound(index, query, name, floor) >= floor;
  known.set(h, { name, organisation, passes, next: first });
  return passes;
}
