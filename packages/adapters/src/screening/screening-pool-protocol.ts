import type {
  NameReference,
  Party,
  ScreeningIndexSnapshot,
  ScreeningOptions,
  ScreeningOutcome,
  ScreeningQuery,
} from '@entente/core';

/**
 * What a pool worker starts with: the index as a snapshot whose typed arrays live in shared
 * memory (`shareSnapshot`: every worker reads the same columns), or, for comparison, as a
 * snapshot payload (`v8.serialize` of `snapshotOfIndex`) each worker restores a copy of;
 * and the name reference it was built with: without its Han readings when they are given as
 * `hanReadings`, their `v8.serialize` bytes in shared memory (a worker decodes them when a
 * query first needs them); and, over a shared snapshot, the buffer of the expansion memo every
 * worker reads and fills (`SharedExpansions`).
 */
export type PoolWorkerData = (
  | { shared: ScreeningIndexSnapshot; reference: NameReference }
  | { snapshot: Uint8Array; reference: NameReference }
) & {
  hanReadings?: Uint8Array;
  expansions?: SharedArrayBuffer;
  warmUp?: PoolWarmUp;
  seed?: PoolExpansionSeed;
};

/**
 * For a worker restoring a writable copy of its own (`copyPerWorker`: the monitor's delta
 * worker), the expansion memo another pool's workers filled over a snapshot of the same index
 * (`SharedExpansions`' buffer), with the index's token and fuzzy look-up counts when that snapshot
 * was taken: the worker reads it on a miss of its own memo (`seedExpansions`), as the main thread
 * does, instead of expanding every register word again in its first delta.
 */
export interface PoolExpansionSeed {
  expansions: SharedArrayBuffer;
  tokenCount: number;
  deletionCount: number;
}

/**
 * Listed names a worker screens once started, in the time it has no message (`ScreeningPool.start`'s
 * `warmUp`): `names` in all, every `workers`-th of them from the `worker`-th of an even spread
 * over the index's names, so that each worker's compiler has seen the screening code run before
 * a batch does (a worker's first thousand subjects cost about a third more CPU than later ones).
 */
export interface PoolWarmUp {
  names: number;
  worker: number;
  workers: number;
}

/** What a worker posts besides its answers: once started, and once its warm-up is done. */
export type PoolNotice = { ready: true } | { warmed: true };

/**
 * A new list version's differences, applied by a worker to its index at once, as
 * `ScreeningService.refresh` applies them to its own (`ScreeningPool.patch`): the parties removed
 * (and the changed ones' old forms) by entity id, then the added and changed parties with their
 * version, then every party of a source retagged to its version.
 */
export interface IndexPatch {
  removed: string[];
  added: { party: Party; versionId: number }[];
  /** `from`: the version of the source the index held (`ScreeningIndex.retagVersion`). */
  retag: { source: string; versionId: number; from?: number }[];
}

/** A patch as a message to a worker (no answer). */
export interface PoolPatchMessage {
  patch: IndexPatch;
}

/** Subjects to screen with the same options (one for a request, a chunk for a batch). */
export interface PoolRequest {
  id: number;
  queries: ScreeningQuery[];
  options: ScreeningOptions;
  /**
   * Only the matches are wanted (a batch): the worker screens with `screenParty`, which does
   * not bound the names beyond the cap to count them, and answers `unscored` 0.
   */
  matchesOnly?: boolean;
  /**
   * One subject a person waits for (`ScreeningPool.screenOutcome`): the worker screens it before
   * the batch chunks it holds.
   */
  urgent?: boolean;
  /**
   * A chunk two threads may screen (`ScreeningPool.screenClaimed`): the worker screens it only if
   * it sets `cells[at]` from 0 to 1 first (`Atomics.compareExchange`); the sender claims the chunks
   * the worker has not reached by setting their cell from 0 to 2, and screens them itself. The
   * worker answers a chunk it finds claimed with no outcomes (`skipped`).
   */
  claim?: { cells: Int32Array; at: number };
  /**
   * A monitoring delta's pairwise bound instead of a screening (`ScreeningPool.boundClaimed`):
   * per counterparty, whether one of its queries (`queries`, `counts[i]` of them in order) can
   * reach `threshold` on one of the changed listed names that reached it (`mayMatchNames`). The
   * names go by entity id, position in the entry's names and text (the worker's patched copy
   * need not number names as the sender's index does; a text that differs is an error, and the
   * sender bounds the chunk itself). Answered with `passed`, one per counterparty.
   */
  bound?: { counts: number[]; names: [string, number, string][][]; threshold: number };
}

/**
 * The outcome for each subject, in order (its matches, and the candidate names the cap left
 * unscored), or the error screening raised.
 */
export type PoolResponse =
  | { id: number; outcomes: ScreeningOutcome[]; skipped?: true; passed?: boolean[] }
  | {
      id: number;
      error: { name: string; message: string; code?: string; details?: Record<string, unknown> };
    };
