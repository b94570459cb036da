import { Worker } from 'node:worker_threads';
import {
  buildScreeningIndex,
  DomainError,
  shareSnapshot,
  SharedExpansions,
  snapshotOfIndex,
  type ScreeningIndexInput,
  type ScreeningIndexSnapshot,
  type ErrorCode,
  type NameReference,
  type ScreeningMatch,
  type ScreeningOptions,
  type ScreeningOutcome,
  type ScreeningQuery,
} from '@entente/core';
import { deserialize, serialize } from 'node:v8';
import { snapshotPayload } from './snapshot-file.ts';
import type {
  IndexPatch,
  PoolExpansionSeed,
  PoolNotice,
  PoolPatchMessage,
  PoolRequest,
  PoolResponse,
  PoolWorkerData,
} from './screening-pool-protocol.ts';

/**
 * Young generation of a worker over the shared index, in MiB. V8's default (32 MiB, most of it
 * kept committed once a start has filled it) was the largest part of what a worker added to
 * the process once the index was shared; a query allocates far less than this.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * Messages a worker holds at once: the one it screens and the next (so that it never waits on
 * the main thread between two). The rest wait in the pool for the first worker to free up, so a
 * batch posted at once is shared out as the workers go rather than split in halves up front.
 */
const IN_FLIGHT_PER_WORKER = 2;

/** Bytes copied into shared memory (a structured clone of them to a worker is the same memory). */
function sharedBytes(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  return shared;
}

interface Call {
  /**
   * Messages a worker may hold when this one is sent to it (`IN_FLIGHT_PER_WORKER` unless the
   * caller said); for an urgent call, urgent messages.
   */
  depth: number;
  resolve: (outcomes: ScreeningOutcome[]) => void;
  /** A bound call's answer (`boundClaimed`): whether each counterparty passed. */
  passed?: (passed: boolean[] | undefined) => void;
  reject: (error: Error) => void;
  request: PoolRequest;
  /** The worker it was sent to; none while it waits in the pool. */
  worker?: PoolWorker;
}

interface PoolWorker {
  worker: Worker;
  pending: number;
  /** Of `pending`, the urgent messages (one subject a person waits for). */
  urgent: number;
  failed: boolean;
  /** Still screening its warm-up names. */
  warming: boolean;
}

/**
 * Screening in worker threads that all read one index in shared memory, so that
 * the server's event loop only parses requests and writes responses (one
 * subject per message), and batches screen on every core (a chunk per
 * message); each message goes to the worker with the fewest in flight, and
 * waits in the pool while every worker holds `IN_FLIGHT_PER_WORKER` (or the
 * depth its caller gave). One subject screened for a request (`screenOutcome`)
 * is urgent: it goes ahead of the batch chunks waiting in the pool, to a worker
 * holding fewer than `IN_FLIGHT_PER_WORKER` urgent messages whatever its chunks,
 * and the worker screens it before the chunks it holds; so a monitoring run may
 * keep the workers' queues deep without making requests wait behind them.
 * A worker that dies fails its own subjects and marks the pool broken (the
 * owner then screens in process).
 */
export class ScreeningPool {
  readonly #workers: PoolWorker[];
  readonly #calls = new Map<number, Call>();
  /** Ids of the calls waiting for a worker, oldest first (urgent ones in `#urgentQueue`). */
  #queue: number[] = [];
  #urgentQueue: number[] = [];
  #next = 1;
  #broken: Error | undefined;
  #closed = false;
  /** The memo of token expansions the workers share, if they do. */
  readonly expansions: SharedExpansions | undefined;
  /**
   * Settles once every worker has screened its share of the `warmUp` names (at once without a
   * warm-up, or when a worker fails): from then on a batch runs on compiled code.
   */
  readonly warmedUp: Promise<void>;

  private constructor(
    workers: Worker[],
    expansions: SharedExpansions | undefined,
    warmed: Promise<void>[] | undefined,
  ) {
    this.expansions = expansions;
    this.warmedUp = Promise.all(warmed ?? []).then(() => undefined);
    this.#workers = workers.map((worker) => ({
      worker,
      pending: 0,
      urgent: 0,
      failed: false,
      warming: !!warmed,
    }));
    for (const [k, w] of this.#workers.entries()) {
      // An idle worker does not keep the process alive; one with subjects in flight, or warming up, does.
      if (w.warming)
        void warmed![k]!.then(() => {
          w.warming = false;
          if (w.pending === 0) w.worker.unref();
        });
      else w.worker.unref();
      w.worker.on('message', (msg: PoolResponse | PoolNotice) => {
        if ('id' in msg) this.#settle(msg);
      });
      w.worker.on('error', (e) => this.#fail(w, e));
      w.worker.on('exit', (code) => {
        if (!this.#closed) this.#fail(w, new Error(`screening worker exited with code ${code}`));
      });
    }
  }

  /**
   * Starts `count` workers on an index snapshot payload (see `snapshotPayload`) and
   * resolves once each is ready. The payload is decoded here once into columns in shared
   * memory that every worker reads (no copy per worker), the name reference's Han readings
   * are put there as bytes a worker decodes on first use, and each worker has a small young
   * generation; the workers share one memo of token expansions (`SharedExpansions`; without
   * `sharedExpansions: false`, kept for benchmarks and tests, each has only its own), so that a
   * token one of them expanded is not expanded again by another. With `copyPerWorker` (the
   * layout before, kept for benchmarks) each worker restores a copy of its own instead, from a
   * whole copy of the name reference. With `warmUp`, the workers screen that many of the index's
   * own names between them once started, each only while it has no message (`PoolWarmUp`;
   * `warmedUp` settles when they are done): a batch then runs on code the compiler has
   * optimised instead of paying for that in its first thousand subjects. With `copyPerWorker`,
   * `seed` gives each copy another pool's expansion memo over a snapshot of the same index to read
   * on a miss of its own (`PoolExpansionSeed`). Answers are the same.
   */
  static async start(
    payload: Uint8Array,
    reference: NameReference,
    count: number,
    options: {
      copyPerWorker?: boolean;
      sharedExpansions?: boolean;
      warmUp?: number;
      youngGenerationMb?: number;
      seed?: PoolExpansionSeed;
    } = {},
  ): Promise<ScreeningPool> {
    let data: PoolWorkerData;
    let expansions: SharedExpansions | undefined;
    if (options.copyPerWorker) {
      data = { snapshot: sharedBytes(payload), reference, ...(options.seed ? { seed: options.seed } : {}) };
    } else {
      const shared = shareSnapshot(deserialize(payload) as ScreeningIndexSnapshot);
      const { hanReadings, ...rest } = reference;
      data = hanReadings
        ? { shared, reference: rest, hanReadings: sharedBytes(serialize(hanReadings)) }
        : { shared, reference };
      if (options.sharedExpansions !== false) {
        expansions = new SharedExpansions();
        data.expansions = expansions.buffer;
      }
    }
    const resourceLimits = options.copyPerWorker
      ? {}
      : { maxYoungGenerationSizeMb: options.youngGenerationMb ?? WORKER_YOUNG_GENERATION_MB };
    const warmUp = options.warmUp ?? 0;
    const started: Worker[] = [];
    // Listened for from the start: a worker with little to warm up may be done before the others are ready.
    const warmed: Promise<void>[] = [];
    const ready = await Promise.allSettled(
      Array.from(
        { length: count },
        (_, worker) =>
          new Promise<Worker>((resolve, reject) => {
            const w = new Worker(new URL('./screening-pool-worker-boot.js', import.meta.url), {
              workerData: warmUp > 0 ? { ...data, warmUp: { names: warmUp, worker, workers: count } } : data,
              resourceLimits,
            });
            started.push(w);
            if (warmUp > 0)
              warmed.push(
                new Promise<void>((done) => {
                  w.on('message', (msg: PoolNotice) => 'warmed' in msg && done());
                  w.once('exit', () => done());
                }),
              );
            w.once('message', () => resolve(w));
            w.once('error', reject);
          }),
      ),
    );
    const failed = ready.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      // One worker could not build its index: stop the others rather than leave them running.
      await Promise.all(started.map((w) => w.terminate()));
      throw failed.reason;
    }
    return new ScreeningPool(started, expansions, warmUp > 0 ? warmed : undefined);
  }

  /** Starts `count` workers on an index of `parties`, built here once (for benchmarks and batch tools). */
  static ofParties(
    parties: ScreeningIndexInput[],
    reference: NameReference,
    count: number,
    options: { sharedExpansions?: boolean; warmUp?: number; youngGenerationMb?: number } = {},
  ): Promise<ScreeningPool> {
    const index = buildScreeningIndex(parties, reference);
    return ScreeningPool.start(snapshotPayload(snapshotOfIndex(index)), reference, count, options);
  }

  /** Why the pool stopped working, if it did. */
  get broken(): Error | undefined {
    return this.#broken;
  }

  /** Messages sent and not yet answered (those waiting for a worker included). */
  get pending(): number {
    return this.#calls.size;
  }

  /**
   * Each worker's event-loop time since it started, in ms (`Worker.performance`): `active`
   * screening a message (or waiting for a core to do so), `idle` waiting for one. For benchmarks:
   * the difference of two readings says how long a worker went without work during a run.
   */
  activity(): { active: number; idle: number }[] {
    return this.#workers.map((w) => {
      const { active, idle } = w.worker.performance.eventLoopUtilization();
      return { active, idle };
    });
  }

  /**
   * Applies a list version's differences to every worker's index (`IndexPatch`; a worker over
   * the shared columns restores a writable copy of them first, a copy per worker patches its
   * own): every message screened after this call is screened on the patched index, those sent
   * before it and not yet screened too.
   */
  patch(patch: IndexPatch): void {
    for (const w of this.#workers) if (!w.failed) w.worker.postMessage({ patch } satisfies PoolPatchMessage);
  }

  /** Messages waiting in the pool for a worker to free up. */
  get queued(): number {
    return this.#queue.length + this.#urgentQueue.length;
  }

  /** Screens one subject in the least busy worker. */
  async screen(query: ScreeningQuery, options: ScreeningOptions): Promise<ScreeningMatch[]> {
    return (await this.#send([query], options, IN_FLIGHT_PER_WORKER, true))[0]!.matches;
  }

  /** Screens one subject in the least busy worker: its matches and what the candidate cap left unscored. */
  async screenOutcome(query: ScreeningQuery, options: ScreeningOptions): Promise<ScreeningOutcome> {
    return (await this.#send([query], options, IN_FLIGHT_PER_WORKER, false, true))[0]!;
  }

  /**
   * Screens subjects with the same options in the least busy worker; their matches in order.
   * `perWorker`: how many messages a worker may hold for this call (a monitoring run gives the
   * workers a deeper queue, so that they keep screening while its main thread writes).
   */
  async screenMany(
    queries: ScreeningQuery[],
    options: ScreeningOptions,
    perWorker = IN_FLIGHT_PER_WORKER,
  ): Promise<ScreeningMatch[][]> {
    return (await this.#send(queries, options, perWorker, true)).map((o) => o.matches);
  }

  /**
   * Sends a chunk at once (no depth: the caller may be busy and unable to send more later) to be
   * screened here unless the caller claims it first (`PoolRequest.claim`): its matches, or
   * `undefined` when the worker found it claimed.
   */
  async screenClaimed(
    queries: ScreeningQuery[],
    options: ScreeningOptions,
    claim: { cells: Int32Array; at: number },
  ): Promise<ScreeningMatch[][] | undefined> {
    const outcomes = await this.#send(queries, options, Number.POSITIVE_INFINITY, true, false, claim);
    return outcomes.length === queries.length ? outcomes.map((o) => o.matches) : undefined;
  }

  /**
   * Sends a chunk of a monitoring delta's pairwise bound at once, to be computed here unless the
   * caller claims it first (`PoolRequest.bound`, `PoolRequest.claim`): per counterparty whether it
   * passed, or `undefined` when the worker found the chunk claimed.
   */
  boundClaimed(
    bound: NonNullable<PoolRequest['bound']>,
    queries: ScreeningQuery[],
    claim: { cells: Int32Array; at: number },
  ): Promise<boolean[] | undefined> {
    if (this.#broken || this.#closed)
      return Promise.reject(this.#broken ?? new Error('screening pool is closed'));
    const id = this.#next++;
    return new Promise<boolean[] | undefined>((resolve, reject) => {
      this.#calls.set(id, {
        depth: Number.POSITIVE_INFINITY,
        resolve: () => resolve(undefined),
        passed: resolve,
        reject,
        request: { id, queries, options: {}, bound, claim },
      });
      this.#queue.push(id);
      this.#dispatch();
    });
  }

  #send(
    queries: ScreeningQuery[],
    options: ScreeningOptions,
    depth = IN_FLIGHT_PER_WORKER,
    matchesOnly = false,
    urgent = false,
    claim?: { cells: Int32Array; at: number },
  ): Promise<ScreeningOutcome[]> {
    if (this.#broken || this.#closed)
      return Promise.reject(this.#broken ?? new Error('screening pool is closed'));
    const id = this.#next++;
    return new Promise<ScreeningOutcome[]>((resolve, reject) => {
      this.#calls.set(id, {
        depth,
        resolve,
        reject,
        request: {
          id,
          queries,
          options,
          ...(matchesOnly ? { matchesOnly } : {}),
          ...(urgent ? { urgent } : {}),
          ...(claim ? { claim } : {}),
        },
      });
      (urgent ? this.#urgentQueue : this.#queue).push(id);
      this.#dispatch();
    });
  }

  /**
   * Sends the waiting calls, the urgent ones first and each queue oldest first, to the least busy
   * workers with room for one (an urgent call: with fewer than its depth of urgent messages).
   */
  #dispatch(): void {
    for (const queue of [this.#urgentQueue, this.#queue])
      while (queue.length > 0) {
        const call = this.#calls.get(queue[0]!);
        if (!call) {
          queue.shift();
          continue;
        }
        const urgent = call.request.urgent === true;
        let target: PoolWorker | undefined;
        for (const w of this.#workers) {
          if (w.failed || (urgent ? w.urgent : w.pending) >= call.depth) continue;
          if (
            !target ||
            (urgent ? w.urgent - target.urgent || w.pending - target.pending : w.pending - target.pending) < 0
          )
            target = w;
        }
        if (!target) break;
        queue.shift();
        call.worker = target;
        if (target.pending++ === 0) target.worker.ref();
        if (urgent) target.urgent++;
        target.worker.postMessage(call.request);
      }
  }

  /** Stops the workers once the subjects in flight are answered (at most `graceMs`). */
  async close(graceMs = 5000): Promise<void> {
    if (this.#closed) return;
    const deadline = Date.now() + graceMs;
    while (this.#calls.size > 0 && !this.#broken && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    this.#closed = true;
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
    for (const call of this.#calls.values()) call.reject(new Error('screening pool closed'));
    this.#calls.clear();
  }

  #settle(msg: PoolResponse): void {
    const call = this.#calls.get(msg.id);
    if (!call) return;
    this.#calls.delete(msg.id);
    if (call.request.urgent) call.worker!.urgent--;
    if (--call.worker!.pending === 0 && !call.worker!.warming) call.worker!.worker.unref();
    this.#dispatch();
    if ('outcomes' in msg) {
      if (call.passed) call.passed(msg.skipped ? undefined : msg.passed);
      else call.resolve(msg.outcomes);
      return;
    }
    const { error } = msg;
    call.reject(
      error.code
        ? new DomainError(error.code as ErrorCode, error.message, error.details ?? {})
        : Object.assign(new Error(error.message), { name: error.name }),
    );
  }

  #fail(w: PoolWorker, error: Error): void {
    this.#broken ??= error;
    w.failed = true;
    // Its own calls fail, and so do those still waiting: the pool takes no more work.
    for (const [id, call] of this.#calls) {
      if (call.worker && call.worker !== w) continue;
      this.#calls.delete(id);
      call.reject(error);
    }
    this.#queue = [];
    this.#urgentQueue = [];
    w.pending = 0;
    w.urgent = 0;
  }
}
