import { availableParallelism } from 'node:os';
import {
  bestLinkPerPair,
  buildScreeningIndex,
  DEFAULT_NAME_LINK_THRESHOLDS,
  nameLinkOptions,
  nameLinksOf,
  partiesById,
  queryOfParty,
  screenParty,
  snapshotOfIndex,
  type Listing,
  type NameLink,
  type NameLinkThresholds,
  type NameReference,
  type ScreeningIndex,
} from '@entente/core';
import { ScreeningPool } from '../screening/screening-pool.ts';
import { snapshotPayload } from '../screening/snapshot-file.ts';

/** Listings per message to a worker: large enough that messaging costs nothing, small enough to balance. */
const CHUNK = 250;

/** Below this many listings to screen, starting workers (each builds its own index) costs more than it saves. */
export const MIN_LISTINGS_FOR_WORKERS = 3_000;

/**
 * How many screening workers resolution uses by default: none. On the 2-core machine the
 * workers path measured slower than one thread (0.49x and 0.79x, docs/benchmarks.md): each
 * worker builds its own index and the parties are cloned to each. `ENTENTE_SUBJECT_WORKERS`
 * sets a number (at most the cores) where more cores make it pay.
 */
/** Screenings in this thread between two turns of the event loop. */
const YIELD_EVERY = 50;

export const defaultNameLinkWorkers = (): number =>
  Math.min(availableParallelism(), Math.max(0, Number(process.env.ENTENTE_SUBJECT_WORKERS ?? 0) || 0));

/** Whether `findNameLinksInWorkers` would screen `count` listings in this thread. */
export const screensInThread = (count: number, workers = defaultNameLinkWorkers()): boolean =>
  workers < 1 || count < MIN_LISTINGS_FOR_WORKERS;

/**
 * Finds the name links of `screened` against an index of every listing in
 * `all`, on `workers` screening workers (the screening pool, each worker with
 * its own index) — or in this thread when `workers` is 0 or there is too
 * little to screen to pay for starting them. Chunks are sent as workers free
 * up, so a worker slowed by other load takes fewer. The links are those of
 * core's `findNameLinks`: the same queries, options and link rules.
 */
export async function findNameLinksInWorkers(
  all: readonly Listing[],
  screened: readonly Listing[],
  reference: NameReference,
  options: {
    workers?: number;
    thresholds?: NameLinkThresholds;
    /** Fewer listings to screen than this are screened in this thread (default `MIN_LISTINGS_FOR_WORKERS`). */
    minListingsForWorkers?: number;
    /** Listings per message (default `CHUNK`). */
    chunk?: number;
    /** An index over `all` already built (kept by the caller between runs): used when screening in this thread. */
    index?: ScreeningIndex;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<NameLink[]> {
  const thresholds = options.thresholds ?? DEFAULT_NAME_LINK_THRESHOLDS;
  const workers = options.workers ?? defaultNameLinkWorkers();
  const todo = screened.filter((l) => queryOfParty(l.party).name !== '');
  const parties = (): { party: Listing['party']; versionId: number }[] =>
    all.map((l) => ({ party: l.party, versionId: l.versionId }));
  const screenOptions = nameLinkOptions(thresholds);
  const chunkSize = options.chunk ?? CHUNK;
  const partyOf = partiesById(all);
  if (todo.length === 0) return [];
  if (workers < 1 || todo.length < (options.minListingsForWorkers ?? MIN_LISTINGS_FOR_WORKERS)) {
    const index = options.index ?? buildScreeningIndex(parties(), reference);
    const links: NameLink[] = [];
    for (let i = 0; i < todo.length; i++) {
      const listing = todo[i]!;
      links.push(
        ...nameLinksOf(
          listing,
          screenParty(index, queryOfParty(listing.party), screenOptions),
          thresholds,
          partyOf,
        ),
      );
      if ((i + 1) % 2_000 === 0 || i + 1 === todo.length) options.onProgress?.(i + 1, todo.length);
      // A server resolving in the background keeps answering between screenings (tens of ms apart).
      if ((i + 1) % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return bestLinkPerPair(links);
  }
  // Each chunk's links in the chunk's place, so that the result does not depend on which worker ran first.
  const byChunk: NameLink[][] = [];
  // Built once here and restored in each worker from its snapshot (indexing is the slow part).
  const index = options.index ?? buildScreeningIndex(parties(), reference);
  index.prepare();
  const pool = await ScreeningPool.start(snapshotPayload(snapshotOfIndex(index)), reference, workers);
  try {
    let next = 0;
    let done = 0;
    // Two chunks in flight per worker: one screening, one queued, so no worker waits on the main thread.
    const lane = async (): Promise<void> => {
      while (next < todo.length) {
        const at = next / chunkSize;
        const chunk = todo.slice(next, next + chunkSize);
        next += chunk.length;
        const matches = await pool.screenMany(
          chunk.map((l) => queryOfParty(l.party)),
          screenOptions,
        );
        byChunk[at] = chunk.flatMap((listing, i) => nameLinksOf(listing, matches[i]!, thresholds, partyOf));
        done += chunk.length;
        options.onProgress?.(done, todo.length);
      }
    };
    await Promise.all(Array.from({ length: workers * 2 }, lane));
  } finally {
    await pool.close();
  }
  return bestLinkPerPair(byChunk.flat());
}
