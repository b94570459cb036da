import {
  buildScreeningIndex,
  clearanceOfMatch,
  finishRestore,
  restoreIndexSteps,
  seedExpansions,
  snapshotOfIndex,
  withColumnLookups,
  clearanceSubjectKey,
  DEFAULT_NAME_REFERENCE,
  DomainError,
  isClearanceActive,
  isDomainError,
  screenParty,
  screenPartyOutcome,
  type Clearance,
  type IndexState,
  type ClearanceReviewReason,
  type ListVersion,
  type MatchClearance,
  type NameReference,
  type ScreeningIndex,
  type ScreeningIndexSnapshot,
  type ScreeningMatch,
  type ScreeningOptions,
  type ScreeningOutcome,
  type ScreeningQuery,
  type Store,
} from '@entente/core';
import { loadNameReference } from '../screening-reference/load-name-reference.ts';
import { ScreeningPool } from './screening-pool.ts';
import type { IndexPatch, PoolExpansionSeed, PoolRequest } from './screening-pool-protocol.ts';
import { IndexSnapshotCache } from './index-snapshot-cache.ts';
import { cachedNameReference } from './name-reference-cache.ts';
import { snapshotPayload, type SnapshotBytes } from './snapshot-file.ts';
import path from 'node:path';
import { existsSync } from 'node:fs';

/** What a screening result shows of a clearance. */
export type ClearanceShown = Pick<Clearance, 'id' | 'reason' | 'clearedBy' | 'createdAt' | 'expiresAt'>;

/**
 * A match with the clearance that covers it, if any (cleared matches are shown, not hidden),
 * or the subject clearance that asks for it to be looked at again (a listing that joined a
 * cleared subject, or a cleared subject split since).
 */
export interface ScreeningResult extends ScreeningMatch {
  cleared?: ClearanceShown;
  clearanceToReview?: ClearanceShown & { why: ClearanceReviewReason };
  listVersion?: { id: number; publishedAt: string };
}

/**
 * The results of one screening, and the candidate names the cap (`candidateCap`, default
 * 150) left unscored although they could reach the threshold (`atLeast`: maybe more).
 */
export interface ScreeningResults {
  results: ScreeningResult[];
  unscored: number;
  unscoredAtLeast: boolean;
}

/** The listing → subject look-up that subject clearances are judged against (undefined: not resolved). */
export type SubjectOf = (entityId: string) => string | undefined;

/**
 * The look-up for just the listings a screening reads (its matches and the listings of the
 * clearances in force), read when they are known: a few rows instead of the whole directory.
 */
export interface SubjectsOfListings {
  forListings(entityIds: string[]): Promise<SubjectOf>;
}

const shown = (c: Clearance): ClearanceShown => ({
  id: c.id,
  reason: c.reason,
  clearedBy: c.clearedBy,
  createdAt: c.createdAt,
  expiresAt: c.expiresAt,
});

/**
 * Reads the name reference tables from `<mirror>/reference/names` (through its
 * snapshot in `cacheDir` when given), else the built-in fallback.
 */
export async function nameReferenceFor(
  mirrorDir: string | undefined,
  cacheDir?: string,
): Promise<NameReference> {
  const dir = mirrorDir && path.join(mirrorDir, 'reference', 'names');
  if (!dir || !existsSync(dir)) return DEFAULT_NAME_REFERENCE;
  return cacheDir ? cachedNameReference(dir, cacheDir) : loadNameReference(dir);
}

/** How a screening service runs. */
export interface ScreeningServiceOptions {
  /**
   * Worker threads that screen, all reading one copy of the index in shared memory,
   * so the server's event loop only handles HTTP (0, the default: screen in process).
   * Until they are ready, and whenever they fail, screening runs in process.
   */
  workers?: number;
  /** Each worker restores a copy of its own (the layout before the shared index; for benchmarks). */
  copyIndexPerWorker?: boolean;
  /**
   * Listed names the workers screen between them once started, while they have nothing else to
   * screen (`ScreeningPool.start`'s `warmUp`), so that the first batch after a start or a list
   * update runs on optimised code; 0 (the default): none.
   */
  warmUp?: number;
  /**
   * Young generation of each worker, in MiB (`ScreeningPool.start`'s `youngGenerationMb`; the
   * pool's default when not given).
   */
  youngGenerationMb?: number;
  /**
   * Allows the monitor's delta worker (`startDeltaWorker`; with `workers` only). On by default: on
   * a quiet machine it took weekly deltas at 100,000 counterparties ×0.74–0.89 of their wall time
   * with the same alerts (docs/decisions/2026-12-07-delta-worker-on.md); `false` saves its second
   * copy of the index (a process that runs no delta after a run, such as a one-shot command).
   */
  deltaWorker?: boolean;
  /**
   * The delta worker starts reading the pool's expansion memo (`PoolExpansionSeed`; the default);
   * `false` starts it without, as before 2026-12-07 (for benchmarks).
   */
  deltaWorkerSeed?: boolean;
  /** Told when the workers fail to start or stop working. */
  onWorkerError?: (e: unknown) => void;
  /**
   * The file the index is saved to and loaded from (see `indexSnapshotFile`), when
   * the lists it was built from are still the latest; none: built at every open.
   */
  snapshotFile?: string;
  /** Told what became of the snapshot: loaded, or rebuilt and why, or not saved and why. */
  onSnapshot?: (line: string) => void;
  /**
   * Load a snapshot as a read-only index over its columns (`indexOverSnapshot`: no object
   * per name or party is made at start, about a third of the CPU of restoring them) rather
   * than as the writable index. For a process that screens a few names (a one-shot command)
   * or whose worker threads screen: over the columns a query costs about 1.2× as much.
   * The first change of the lists restores the writable index from the snapshot to patch it.
   */
  overColumns?: boolean;
  /** The snapshot file's bytes, when its reading was started early (see `readSnapshotBytes`); checked as read. */
  snapshotBytes?: Promise<SnapshotBytes>;
}

/**
 * The in-memory screening index of one process, built from the latest version
 * of every source, patched when a new version is stored (also by another
 * process, through the store's notifications), and aware of each organisation's clearances.
 */
/** Chunks the delta worker holds for `matchBeside`: the one it screens and the next. */
const BESIDE_DEPTH = 2;

export class ScreeningService {
  #index: ScreeningIndex;
  /** The snapshot whose columns `#index` reads when it was loaded with `overColumns` (until a change). */
  #columns: ScreeningIndexSnapshot | undefined;
  /** The writable index being restored from `#columns` in the background (`restoreWritableSoon`). */
  #restore: { steps: Generator<void, ScreeningIndex, void>; done: Promise<void> } | undefined;
  #versions = new Map<string, ListVersion>();
  #state: IndexState;
  #refreshing: Promise<void> | undefined;
  #refreshAgain = false;
  #stopWatching: (() => Promise<void>) | undefined;
  readonly #workers: number;
  readonly #copyIndexPerWorker: boolean;
  readonly #warmUp: number;
  readonly #youngGenerationMb: number | undefined;
  readonly #deltaWorker: boolean;
  readonly #deltaWorkerSeed: boolean;
  readonly #onWorkerError: (e: unknown) => void;
  #pool: ScreeningPool | undefined;
  #poolStarting: Promise<void> = Promise.resolve();
  #poolGeneration = 0;
  /** The index's token and fuzzy look-up counts when the snapshot `#pool` runs on was taken. */
  #poolAt: { tokenCount: number; deletionCount: number } | undefined;
  /** Holds taken by `holdWorkers`: while any is, a refreshed index starts no workers and saves no snapshot. */
  #holds = 0;
  /** What a refresh left for the last hold's release: start the workers, save the snapshot under this key. */
  #deferred: { pool: boolean; saveKey: string | undefined } = { pool: false, saveKey: undefined };
  #closed = false;
  /** Told of each change of the index, in the refresh, with a hold taken for them (`onIndexChange`). */
  readonly #changeHooks = new Set<(release: () => void) => void>();
  /**
   * The monitor's delta worker (`startDeltaWorker`): one worker with a writable copy of the index,
   * kept across list versions and patched by each refresh's differences, at the versions `key`
   * (`#versionsKey`) its index holds; `pool` unset while it starts.
   */
  #delta: { key: string; pool?: ScreeningPool; ready: Promise<void> } | undefined;
  /** The index as a snapshot payload (for the workers), made at most once per index state. */
  #payload: Uint8Array | undefined;
  readonly #snapshots: IndexSnapshotCache | undefined;
  readonly #onSnapshot: (line: string) => void;
  #saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    readonly reference: NameReference,
    index: ScreeningIndex,
    versions: ListVersion[],
    loaded: {
      seconds: number;
      origin: IndexState['origin'];
      payload?: Uint8Array;
      columns?: ScreeningIndexSnapshot;
    },
    options: ScreeningServiceOptions,
  ) {
    this.#index = index;
    this.#columns = loaded.columns;
    this.#payload = loaded.payload;
    for (const v of versions) this.#versions.set(v.source, v);
    this.#state = this.describe(loaded.seconds, loaded.origin);
    this.#workers = Math.max(0, Math.floor(options.workers ?? 0));
    this.#copyIndexPerWorker = options.copyIndexPerWorker ?? false;
    this.#warmUp = Math.max(0, Math.floor(options.warmUp ?? 0));
    this.#youngGenerationMb = options.youngGenerationMb;
    this.#deltaWorker = options.deltaWorker ?? true;
    this.#deltaWorkerSeed = options.deltaWorkerSeed ?? true;
    this.#onWorkerError = options.onWorkerError ?? (() => {});
    this.#snapshots = options.snapshotFile ? new IndexSnapshotCache(options.snapshotFile) : undefined;
    this.#onSnapshot = options.onSnapshot ?? (() => {});
    this.#startPool();
  }

  /**
   * Loads the index from its snapshot when that was saved from the store's latest
   * versions (and this name reference and engine), else builds it from the store's
   * parties and saves the snapshot.
   */
  static async open(
    store: Store,
    reference: NameReference,
    options: ScreeningServiceOptions = {},
  ): Promise<ScreeningService> {
    const started = performance.now();
    const versions = await store.latestVersions();
    const onSnapshot = options.onSnapshot ?? (() => {});
    const cache = options.snapshotFile ? new IndexSnapshotCache(options.snapshotFile) : undefined;
    const key = cache?.keyOf(versions, reference);
    const loaded =
      cache && key
        ? await cache.load(key, reference, {
            overColumns: options.overColumns ?? false,
            ...(options.snapshotBytes ? { bytes: options.snapshotBytes } : {}),
          })
        : undefined;
    const seconds = () => (performance.now() - started) / 1000;
    if (loaded?.index) {
      onSnapshot(`screening index loaded from ${cache!.file}`);
      return new ScreeningService(
        store,
        reference,
        loaded.index,
        versions,
        {
          seconds: seconds(),
          origin: 'snapshot',
          payload: loaded.payload,
          ...(options.overColumns ? { columns: loaded.snapshot } : {}),
        },
        options,
      );
    }
    if (loaded && loaded.status !== 'missing')
      onSnapshot(`screening index snapshot ${loaded.status} (${loaded.reason}): rebuilding it`);
    const index = buildScreeningIndex([], reference);
    for (const v of versions) {
      for (const p of await store.partiesOfVersion(v.id)) index.add(p.party, v.id);
    }
    index.prepare(); // the fuzzy look-up structures, so the first query does not pay for them
    const built = { seconds: seconds(), origin: 'built' as const };
    const service = new ScreeningService(store, reference, index, versions, built, options);
    if (cache && key) await service.#save(key);
    return service;
  }

  /** Saves the current index under `key`; a failure is told, never thrown (the next open rebuilds). */
  #save(key: string): Promise<void> {
    const payload = this.snapshotPayload();
    this.#saving = this.#saving.then(async () => {
      try {
        await this.#snapshots!.save(key, payload);
        this.#onSnapshot(`screening index saved to ${this.#snapshots!.file}`);
      } catch (e) {
        this.#onSnapshot(`screening index snapshot not saved: ${(e as Error).message}`);
      }
    });
    return this.#saving;
  }

  /**
   * Starts worker threads on the current index; they take over once ready (see `workersReady`).
   * Begun on the next turn of the event loop, not in `open`: putting the index in shared memory
   * takes the main thread about half a second on the whole mirror, which a server's readiness
   * (the index loaded, screening in process meanwhile) need not wait for.
   */
  #startPool(despiteHolds = false): void {
    if (this.#workers === 0 || this.#closed) return;
    const generation = ++this.#poolGeneration;
    const stale = () => generation !== this.#poolGeneration || this.#closed;
    let at: { tokenCount: number; deletionCount: number } | undefined;
    this.#poolStarting = new Promise<void>((next) => setImmediate(next))
      .then(() => {
        if (stale()) return undefined;
        // Held meanwhile (`holdWorkers`): started by the last release instead.
        if (this.#holds > 0 && !despiteHolds) {
          this.#deferred.pool = true;
          return undefined;
        }
        this.#deferred.pool = false;
        at = { tokenCount: this.#index.tokenCount, deletionCount: this.#index.deletionCount };
        // The workers read the index's snapshot in shared memory rather than index every party again.
        return ScreeningPool.start(this.snapshotPayload(), this.reference, this.#workers, {
          copyPerWorker: this.#copyIndexPerWorker,
          warmUp: this.#warmUp,
          ...(this.#youngGenerationMb === undefined ? {} : { youngGenerationMb: this.#youngGenerationMb }),
        });
      })
      .then(
        async (pool) => {
          // A newer index (or close) came while this pool was building: it is stale.
          if (pool && stale()) await pool.close(0);
          else if (pool) {
            this.#pool = pool;
            this.#poolAt = at;
          }
        },
        (e: unknown) => this.#onWorkerError(e),
      );
  }

  /**
   * Before the workers are dropped for a change of the index: lets the index read the expansions
   * they made (their shared memo, over a snapshot of this index) on a miss of its own memo
   * (`seedExpansions`), unless the seed it has holds more. A monitoring delta then scores on the
   * main thread with the expansions of the full run's workers, which met every register word,
   * instead of expanding them again; the pool restarted after a delta has met few.
   */
  #seedFromPool(): void {
    const memo = this.#pool?.expansions;
    const at = this.#poolAt;
    const index = this.#index;
    if (!memo || !at || index.columns) return;
    const seed = index.expansionSeed;
    if (seed && seed.deletionCount === index.deletionCount && seed.memo.size >= memo.size) return;
    seedExpansions(index, memo, at);
  }

  /** Stops the workers; screening runs in process until new ones are ready. */
  #dropPool(): void {
    this.#poolGeneration++;
    const old = this.#pool;
    this.#pool = undefined;
    old?.close().catch(this.#onWorkerError);
  }

  /** Each worker thread's event-loop time since it started (`ScreeningPool.activity`); none without workers. */
  workerActivity(): { active: number; idle: number }[] {
    return this.#pool?.activity() ?? [];
  }

  /** Resolves once the worker threads screen (true), or when there are none or they failed (false). */
  async workersReady(): Promise<boolean> {
    await this.#poolStarting;
    return this.#pool !== undefined;
  }

  /**
   * The current index as a snapshot payload (see `snapshotPayload`), for worker threads and
   * the snapshot file; made once per index. With the token orders, so that an index over its
   * columns (a worker's, or a one-shot command's) does not sort 128k tokens at every start.
   */
  snapshotPayload(): Uint8Array {
    return (this.#payload ??= snapshotPayload(withColumnLookups(snapshotOfIndex(this.#index))));
  }

  /**
   * The index to patch: restored from its snapshot first when the current one reads the
   * snapshot's columns; a restore under way in the background (`restoreWritableSoon`) is
   * finished here, in this turn, from the step it had reached.
   */
  #writableIndex(): ScreeningIndex {
    if (this.#columns) {
      const steps = this.#restore?.steps ?? restoreIndexSteps(this.#columns, this.reference);
      this.#restore = undefined;
      this.#index = finishRestore(steps);
      this.#columns = undefined;
    }
    return this.#index;
  }

  /**
   * Restores the writable index from the snapshot whose columns the index reads (`overColumns`),
   * in the background: one step of `restoreIndexSteps` (a few ms) per turn of the event loop, or
   * per `pause` when one is given (for tests), then swapped in, in one turn (the same lists, the
   * same results: screening meanwhile reads the columns). Otherwise the first list change pays it
   * in its refresh, on the delta's path (1.3–1.7 s at the whole mirror). A refresh that starts
   * meanwhile finishes it at once, from where it got (`#writableIndex`); `close` stops it.
   * Resolves when it is over, whoever finished it; at once when the index is writable already.
   */
  restoreWritableSoon(
    pause: () => Promise<void> = () => new Promise((next) => setImmediate(next)),
  ): Promise<void> {
    if (!this.#columns || this.#closed) return Promise.resolve();
    if (this.#restore) return this.#restore.done;
    const restore: { steps: Generator<void, ScreeningIndex, void>; done: Promise<void> } = {
      steps: restoreIndexSteps(this.#columns, this.reference),
      done: Promise.resolve(),
    };
    this.#restore = restore;
    restore.done = (async () => {
      for (;;) {
        await pause();
        // Finished by a refresh meanwhile (or another restore took over after it).
        if (this.#restore !== restore) return;
        if (this.#closed) {
          this.#restore = undefined;
          return;
        }
        const step = restore.steps.next();
        if (step.done) {
          this.#restore = undefined;
          this.#index = step.value;
          this.#columns = undefined;
          return;
        }
      }
    })();
    return restore.done;
  }

  /** Whether the index reads its snapshot's columns (`overColumns`, until restored or changed). */
  get overColumns(): boolean {
    return this.#columns !== undefined;
  }

  /** The index itself (for worker threads and benchmarks). */
  get index(): ScreeningIndex {
    return this.#index;
  }

  state(): IndexState {
    return this.#state;
  }

  /** Sources currently indexed. */
  sources(): string[] {
    return [...this.#versions.keys()].sort();
  }

  private describe(buildSeconds: number, origin: IndexState['origin']): IndexState {
    const versions = [...this.#versions.values()].map(({ id, source, publishedAt, recordCount }) => ({
      id,
      source,
      publishedAt,
      recordCount,
    }));
    return {
      versions,
      parties: versions.reduce((n, v) => n + v.recordCount, 0),
      builtAt: new Date().toISOString(),
      buildSeconds,
      origin,
    };
  }

  /**
   * Re-reads the latest versions and swaps in the parties of every source whose
   * version changed. A call while one runs makes it read once more when done:
   * it may have read the versions before the one this call was told about.
   */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      try {
        do {
          this.#refreshAgain = false;
          await this.#refreshOnce();
        } while (this.#refreshAgain);
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }

  async #refreshOnce(): Promise<void> {
    const started = performance.now();
    const latest = await this.store.latestVersions();
    let changed = false;
    // What the delta worker is patched by (undefined: a source new to the index; it is dropped).
    let patch: IndexPatch | undefined = { removed: [], added: [], retag: [] };
    for (const v of latest) {
      const current = this.#versions.get(v.source);
      if (current?.id === v.id) continue;
      const index = this.#writableIndex();
      if (current) {
        // Only what differs between the two versions: re-indexing a whole list of 25,000 parties
        // for a weekly update of a few hundred cost seconds of CPU (each removal edits postings).
        const diff = await this.store.diffVersions(v.source, current.id, v.id);
        const removed = [...diff.removed, ...diff.changed].map((p) => p.entityId);
        for (const id of removed) index.remove(id);
        const fresh = [...diff.added, ...diff.changed].map((p) => p.entityId);
        const added = (await this.store.partiesOfVersion(v.id, fresh)).map((p) => p.party);
        for (const party of added) index.add(party, v.id);
        index.retagVersion(v.source, v.id, current.id);
        patch?.removed.push(...removed);
        patch?.added.push(...added.map((party) => ({ party, versionId: v.id })));
        patch?.retag.push({ source: v.source, versionId: v.id, from: current.id });
      } else {
        for (const p of await this.store.partiesOfVersion(v.id)) index.add(p.party, v.id);
        patch = undefined;
      }
      this.#versions.set(v.source, v);
      changed = true;
    }
    if (changed) {
      // Holds for those told of the change, taken before the workers are dropped or patched.
      for (const hook of this.#changeHooks) hook(this.holdWorkers());
      this.#patchDeltaWorker(patch);
      this.#seedFromPool();
      this.#index.prepare();
      this.#payload = undefined;
      this.#state = this.describe((performance.now() - started) / 1000, 'built');
      // The workers hold the old lists: screen here until new ones have built the new index.
      this.#dropPool();
      this.#startPool();
      // The next process starts from the lists as they are now.
      const saveKey = this.#snapshots?.keyOf([...this.#versions.values()], this.reference);
      if (this.#holds > 0) this.#deferred.saveKey = saveKey;
      else if (saveKey !== undefined) void this.#save(saveKey);
    }
  }

  /** The list versions the index holds, as one string (`source:id` in source order). */
  #versionsKey(): string {
    return [...this.#versions.values()]
      .map((v) => `${v.source}:${v.id}`)
      .sort()
      .join(' ');
  }

  /**
   * Keeps the delta worker at the refreshed versions: patched by the same differences as this
   * index (in the refresh's turn, so nothing sent to it afterwards sees the old lists), or
   * dropped when it cannot be (a source new to the index, a worker still starting on the old
   * lists, a broken one); `startDeltaWorker` then starts another.
   */
  #patchDeltaWorker(patch: IndexPatch | undefined): void {
    const delta = this.#delta;
    if (!delta) return;
    if (patch && delta.pool && !delta.pool.broken) {
      delta.pool.patch(patch);
      delta.key = this.#versionsKey();
      return;
    }
    this.#delta = undefined;
    void delta.ready.then(() => delta.pool?.close(0)).catch(this.#onWorkerError);
  }

  /**
   * Starts the monitor's delta worker, unless one at the current lists runs or starts (resolves
   * when it is ready or failed; no worker without `workers`): one more worker thread, restoring a
   * writable copy of the index from its snapshot payload once (on the second core, seconds of
   * CPU at the whole mirror) and then kept across list versions, patched by each refresh's
   * differences (`#patchDeltaWorker`) rather than restarted, so that a monitoring delta, which
   * holds the pool's workers (`holdWorkers`), scores part of its candidates on it
   * (`matchBeside`). The monitor starts it after a run, for the deltas to come.
   */
  startDeltaWorker(): Promise<void> {
    if (this.#workers === 0 || !this.#deltaWorker || this.#closed) return Promise.resolve();
    const key = this.#versionsKey();
    if (this.#delta?.key === key && !this.#delta.pool?.broken) return this.#delta.ready;
    this.#patchDeltaWorker(undefined);
    const delta: { key: string; pool?: ScreeningPool; ready: Promise<void> } = {
      key,
      ready: Promise.resolve(),
    };
    this.#delta = delta;
    delta.ready = ScreeningPool.start(this.snapshotPayload(), this.reference, 1, {
      copyPerWorker: true,
      ...this.#deltaSeed(),
    }).then(
      async (pool) => {
        // A refresh (or close) while it started: it holds the old lists.
        if (this.#delta !== delta || this.#closed || delta.key !== this.#versionsKey()) {
          if (this.#delta === delta) this.#delta = undefined;
          await pool.close(0);
        } else delta.pool = pool;
      },
      (e: unknown) => {
        if (this.#delta === delta) this.#delta = undefined;
        this.#onWorkerError(e);
      },
    );
    return delta.ready;
  }

  /**
   * The expansion memo the delta worker starts with (`PoolExpansionSeed`): the pool's, which a
   * full run filled with every register word's expansion, or else the one this index reads
   * (`#seedFromPool`). Without it the worker expanded every word of its first delta's queries
   * again (docs/decisions/2026-12-07-delta-worker-seeded.md).
   */
  #deltaSeed(): { seed?: PoolExpansionSeed } {
    if (!this.#deltaWorkerSeed) return {};
    const memo = this.#pool?.expansions;
    const at = this.#poolAt;
    if (memo && at) return { seed: { expansions: memo.buffer, ...at } };
    const seed = this.#index.expansionSeed;
    if (seed)
      return {
        seed: {
          expansions: seed.memo.buffer,
          tokenCount: seed.tokenCount,
          deletionCount: seed.deletionCount,
        },
      };
    return {};
  }

  /** The delta worker's event-loop time screening or patching, in ms (undefined: none running). */
  deltaWorkerActivity(): number | undefined {
    return this.#delta?.pool?.activity()[0]?.active;
  }

  /** Whether the delta worker runs at the current lists (`startDeltaWorker`). */
  deltaWorkerReady(): boolean {
    const d = this.#delta;
    return d?.pool !== undefined && !d.pool.broken && d.key === this.#versionsKey();
  }

  /**
   * Screens a monitoring delta's chunk (matches only, as `screenParty`) on the delta worker when
   * it is at the current lists and holds fewer than two chunks, else here, on this index: the
   * delta's chunks are shared between the two threads. The same matches either way (the worker's
   * index is this one's snapshot patched by the same differences); a worker that fails leaves
   * its chunks to this thread.
   */
  matchBeside(queries: ScreeningQuery[], options: ScreeningOptions): Promise<ScreeningMatch[][]> {
    const pool = this.#delta?.pool;
    const here = () => queries.map((q) => screenParty(this.#index, q, options));
    if (pool && this.deltaWorkerReady() && pool.pending < BESIDE_DEPTH)
      return pool.screenMany(queries, options, BESIDE_DEPTH).catch(here);
    return Promise.resolve(here());
  }

  /**
   * Sends a monitoring delta's chunk to the delta worker at once, to be screened there unless the
   * caller claims it first (`ScreeningPool.screenClaimed`; the caller then screens it with
   * `matchHere`): its matches, `undefined` when claimed. Returns `undefined` (nothing sent) when
   * no delta worker runs at the current lists.
   */
  matchClaimed(
    queries: ScreeningQuery[],
    options: ScreeningOptions,
    claim: { cells: Int32Array; at: number },
  ): Promise<ScreeningMatch[][] | undefined> | undefined {
    const pool = this.#delta?.pool;
    if (!pool || !this.deltaWorkerReady()) return undefined;
    return pool.screenClaimed(queries, options, claim);
  }

  /**
   * Sends a chunk of a monitoring delta's pairwise bound to the delta worker at once, to be
   * computed there unless the caller claims it first (`ScreeningPool.boundClaimed`): per
   * counterparty whether it passed, `undefined` when claimed. Returns `undefined` (nothing sent)
   * when no delta worker runs at the current lists.
   */
  boundClaimed(
    bound: NonNullable<PoolRequest['bound']>,
    queries: ScreeningQuery[],
    claim: { cells: Int32Array; at: number },
  ): Promise<boolean[] | undefined> | undefined {
    const pool = this.#delta?.pool;
    if (!pool || !this.deltaWorkerReady()) return undefined;
    return pool.boundClaimed(bound, queries, claim);
  }

  /** Screens subjects on this thread, on this index (matches only, as `screenParty`). */
  matchHere(queries: readonly ScreeningQuery[], options: ScreeningOptions): ScreeningMatch[][] {
    return queries.map((q) => screenParty(this.#index, q, options));
  }

  /**
   * Defers the workers' restart (and the snapshot's save) after a refresh until the returned
   * release is called, by every holder when several hold. A monitoring delta holds them while it
   * runs: the snapshot's serialisation, the shared memory and the workers' cold boot would take
   * the two cores the delta screens on. Meanwhile every screening runs here, on the patched index
   * (as it does until new workers are ready): none sees the old lists. Take the hold before the
   * refresh's end it is meant to cover (a hold taken later finds the workers starting and leaves
   * them; `onIndexChange` takes one in the refresh itself); releasing twice is harmless.
   */
  holdWorkers(): () => void {
    this.#holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#holds > 0) return;
      const { pool, saveKey } = this.#deferred;
      this.#deferred = { pool: false, saveKey: undefined };
      if (pool) this.#startPool();
      if (saveKey !== undefined && !this.#closed) void this.#save(saveKey);
    };
  }

  /**
   * Calls `hook` in every refresh that changes the index, before the workers restart, with the
   * release of a hold taken for it (`holdWorkers`): the monitor's list-version listener runs its
   * deltas before the restart however its notification and the refresh are ordered. Returns the
   * unsubscribe.
   */
  onIndexChange(hook: (release: () => void) => void): () => void {
    this.#changeHooks.add(hook);
    return () => this.#changeHooks.delete(hook);
  }

  /** Starts the workers a hold deferred, now, whatever holds remain (a full monitoring run screens on them). */
  resumeWorkers(): void {
    if (!this.#deferred.pool) return;
    this.#deferred.pool = false;
    this.#startPool(true);
  }

  /**
   * Keeps the index current as other processes import (PostgreSQL LISTEN/NOTIFY;
   * the store also calls back after re-subscribing from a lost connection).
   */
  async watch(onError: (e: unknown) => void = () => {}): Promise<void> {
    this.#stopWatching ??= await this.store.watchListVersions(() => {
      this.refresh().catch(onError);
    });
  }

  async close(): Promise<void> {
    await this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.#closed = true;
    this.#dropPool();
    this.#patchDeltaWorker(undefined);
    // A save a hold deferred is made now: the next process starts from these lists, not a rebuild.
    const { saveKey } = this.#deferred;
    this.#deferred.saveKey = undefined;
    if (saveKey !== undefined) void this.#save(saveKey);
    await this.#poolStarting;
    await this.#saving;
  }

  /** Throws a clear error for unknown `sources`. */
  checkSources(sources: string[] | undefined): void {
    const unknown = (sources ?? []).filter((s) => !this.#versions.has(s));
    if (unknown.length) {
      throw new DomainError(
        'unknown-source',
        `Unknown list source ${unknown.map((s) => `"${s}"`).join(', ')}`,
        {
          field: 'source',
          accepted: this.sources(),
        },
      );
    }
  }

  /**
   * Screens one subject and marks the matches the screening organisation has cleared for
   * it (`orgId`; none are marked when it is null), judging subject clearances against
   * `subjectOf` (the current resolution; without it no listing counts as resolved).
   * Clearances come from the store's snapshot, so this makes no store round trip per call.
   */
  async screen(
    query: ScreeningQuery,
    options: ScreeningOptions,
    orgId: string | null,
    subjectOf: SubjectOf | SubjectsOfListings = () => undefined,
    now = new Date(),
  ): Promise<ScreeningResult[]> {
    return (await this.screenOutcome(query, options, orgId, subjectOf, now)).results;
  }

  /**
   * `screen`, with the candidate names the cap left unscored (`ScreeningOutcome`), for a
   * caller that tells the user (the API's `unscoredCandidates`, the CLI's and web's note).
   */
  async screenOutcome(
    query: ScreeningQuery,
    options: ScreeningOptions,
    orgId: string | null,
    subjectOf: SubjectOf | SubjectsOfListings = () => undefined,
    now = new Date(),
  ): Promise<ScreeningResults> {
    this.checkSources(query.sources);
    const { matches, unscored, unscoredAtLeast } = await this.#match(query, options);
    if (matches.length === 0) return { results: [], unscored, unscoredAtLeast };
    const active =
      orgId === null
        ? []
        : (await this.store.clearances(orgId, clearanceSubjectKey(query))).filter((c) =>
            isClearanceActive(c, now),
          );
    const subjects: SubjectOf =
      typeof subjectOf === 'function'
        ? subjectOf
        : active.length === 0 // no clearance to judge: no subject to read
          ? () => undefined
          : await subjectOf.forListings([
              ...matches.map((m) => m.entityId),
              ...active.flatMap((c) => c.listings ?? []),
            ]);
    const of = clearanceOfMatch(active, subjects);
    return { results: matches.map((m) => this.present(m, of(m.entityId))), unscored, unscoredAtLeast };
  }

  /** The outcome for one subject: in a worker when they are running, else here. */
  async #match(query: ScreeningQuery, options: ScreeningOptions): Promise<ScreeningOutcome> {
    const pool = this.#pool;
    if (!pool) return screenPartyOutcome(this.#index, query, options);
    try {
      return await pool.screenOutcome(query, options);
    } catch (e) {
      if (isDomainError(e)) throw e;
      // The pool broke (a worker died): report it once and screen here from now on.
      if (this.#pool === pool) {
        this.#onWorkerError(e);
        this.#dropPool();
      }
      return screenPartyOutcome(this.#index, query, options);
    }
  }

  /**
   * Screens many subjects with the same options, without clearances: in the worker
   * threads when they run (one chunk per message), else here. For monitoring runs.
   */
  async matchMany(
    queries: ScreeningQuery[],
    options: ScreeningOptions,
    /** Messages a worker may hold (`ScreeningPool.screenMany`); the pool's default unless given. */
    perWorker?: number,
  ): Promise<ScreeningMatch[][]> {
    const pool = this.#pool;
    if (pool) {
      try {
        return await pool.screenMany(queries, options, perWorker);
      } catch (e) {
        if (isDomainError(e)) throw e;
        if (this.#pool === pool) {
          this.#onWorkerError(e);
          this.#dropPool();
        }
      }
    }
    return queries.map((q) => screenParty(this.#index, q, options));
  }

  /** The organisation's clearances in force at `now`, by subject key (for batch screening; none for null). */
  async clearancesBySubject(orgId: string | null, now = new Date()): Promise<Map<string, Clearance[]>> {
    const map = new Map<string, Clearance[]>();
    if (orgId === null) return map;
    for (const c of await this.store.clearances(orgId)) {
      if (!isClearanceActive(c, now)) continue;
      const list = map.get(c.subjectKey);
      if (list) list.push(c);
      else map.set(c.subjectKey, [c]);
    }
    return map;
  }

  /** Adds the clearance (or the subject clearance to review) and the list version to a match. */
  present(m: ScreeningMatch, clearance: MatchClearance): ScreeningResult {
    const v = this.#versions.get(m.source);
    return {
      ...m,
      ...(v ? { listVersion: { id: v.id, publishedAt: v.publishedAt } } : {}),
      ...(clearance && 'cleared' in clearance ? { cleared: shown(clearance.cleared) } : {}),
      ...(clearance && 'review' in clearance
        ? { clearanceToReview: { ...shown(clearance.review), why: clearance.why } }
        : {}),
    };
  }
}
