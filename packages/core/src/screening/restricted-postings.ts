import type { ScreeningIndex } from './screening-index.ts';

/**
 * Most parties a screening restricted to some (`ScreeningOptions.entities`) searches through
 * their own postings (`restrictedPostingsFor`) rather than through the whole index's: a weekly
 * delta's changed parties are a few hundred.
 */
export const RESTRICTED_SEARCH_MAX_PARTIES = 2_000;

/** The postings of a few parties' names, for one state of one index. */
interface RestrictedPostings {
  changes: number;
  /** The set they were made for, and a copy of its members then. */
  given: ReadonlySet<string>;
  entities: ReadonlySet<string>;
  postings: Map<number, Int32Array>;
}

/**
 * The last restricted postings made per index. One slot: a delta screens against one set of
 * parties, and a worker is sent a copy of that set with each chunk, so a set with the same
 * members is taken as the same.
 */
const lastMade = new WeakMap<ScreeningIndex, RestrictedPostings>();

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * Per token id of `index`, the ids of the names of the parties `entities` (those indexed) posted
 * under it, in name-id order, which is the order of the index's own postings (a name is posted
 * as it is added, under the next id). Kept while the index is unchanged.
 */
export function restrictedPostingsFor(
  index: ScreeningIndex,
  entities: ReadonlySet<string>,
): ReadonlyMap<number, Int32Array> {
  const kept = lastMade.get(index);
  if (
    kept &&
    kept.changes === index.changes &&
    ((kept.given === entities && kept.entities.size === entities.size) ||
      sameMembers(kept.entities, entities))
  )
    return kept.postings;
  const lists = new Map<number, number[]>();
  for (const entityId of entities) {
    const entryId = index.entryIdOf(entityId);
    const entry = entryId === undefined ? undefined : index.entry(entryId);
    if (!entry) continue;
    for (const nameId of entry.names) {
      if (index.nameEntry(nameId) !== entryId) continue;
      for (const tokenId of index.nameKeyIds(nameId) ?? []) {
        const list = lists.get(tokenId);
        if (!list) lists.set(tokenId, [nameId]);
        else if (!list.includes(nameId)) list.push(nameId);
      }
    }
  }
  const postings = new Map<number, Int32Array>();
  for (const [tokenId, list] of lists) postings.set(tokenId, Int32Array.from(list).sort());
  lastMade.set(index, { changes: index.changes, given: entities, entities: new Set(entities), postings });
  return postings;
}
