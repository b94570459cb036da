import { Worker } from 'node:worker_threads';
import {
  ColumnBuilder,
  deletionArraysOf,
  deletionJobsOf,
  indexOverSnapshot,
  joinStrings,
  releaseDeletionParts,
  snapshotOfParties,
  withColumnLookups,
  type DeletionArrays,
  type JoinedStrings,
  type NameReference,
  type ScreeningIndex,
  type ScreeningIndexInput,
  type ScreeningIndexSnapshot,
  type TokenFactColumns,
} from '@entente/core';
import type {
  ColumnBuildRequest,
  ColumnBuildResponse,
  ColumnBuildWorkerData,
  JoinedFacts,
} from './column-build-protocol.ts';

/** Parties sent to a worker at once. */
const BATCH = 250;
/**
 * Requests sent to a worker and not yet answered (batches, chunks of token facts): enough to
 * keep it busy.
 */
const IN_FLIGHT = 2;
/**
 * Batches sent and not yet added here, per worker: answers that come before an earlier batch's
 * wait here (a worker slow on a chunk of token facts no longer stops the other), few enough that
 * they die young rather than fill the old generation (with 1,000 × 3 per worker, a
 * 1,000,000-party build was past 3 GiB resident halfway).
 */
const HELD = 4;

/** Options of `snapshotOfPartiesInWorkers`. */
export interface ColumnBuildOptions {
  /** Worker threads normalising the parties (0: all on this thread, `snapshotOfParties`). */
  workers: number;
  /** Parties per message to a worker (default 250). */
  batch?: number;
  /**
   * Worker threads making the deletion index in parts at once, into shared memory (default: as
   * many as `workers`; 0: on this thread, in the layout). They are started fresh when the
   * normalising workers stop; the index's arrays are made at the point of the layout where this
   * thread would make it, and the workers count the buckets into bytes at once (~67 MB at
   * 1,000,000 parties, beside the layout and the look-ups) but fill the arrays only once this
   * thread has finished the layout (and made the look-ups, `buildColumnIndexInWorkers`): at
   * 1,000,000 parties the arrays (~0.5 GB, resident at once as they are hashed into) beside the
   * layout's garbage took the peak to 3.06–3.09 GiB (docs/decisions/2026-12-05-build-1m-idle.md,
   * docs/decisions/2026-12-05-build-1m-count-beside.md). At 1,000,000 parties, 2 took this
   * thread's CPU from 83 to 42 s (docs/decisions/2026-12-05-build-1m-overlap.md).
   */
  deletionWorkers?: number;
  /**
   * Called as each step of the build ends, with its name (a timeline: the benches read the
   * clock, the CPU and the memory there). Steps: `parties normalised and added`, `token facts`,
   * `normalising workers stopped`, `layout to the deletion index`, `deletion index`, `layout`,
   * `look-ups` (`buildColumnIndexInWorkers` only).
   */
  onStep?: (step: string) => void;
}

/** A worker thread of the column build with its unanswered requests, answered in order. */
class BuildWorker {
  readonly #worker: Worker;
  readonly #waiting: { resolve: (r: ColumnBuildResponse) => void; reject: (e: Error) => void }[] = [];
  #failed: Error | undefined;

  /** Requests sent and not yet answered. */
  get unanswered(): number {
    return this.#waiting.length;
  }

  constructor(reference: NameReference) {
    const data: ColumnBuildWorkerData = { reference };
    this.#worker = new Worker(new URL('./column-build-worker-boot.js', import.meta.url), {
      workerData: data,
    });
    this.#worker.on('message', (r: ColumnBuildResponse) => this.#waiting.shift()?.resolve(r));
    const fail = (e: Error): void => {
      this.#failed = e;
      for (const w of this.#waiting.splice(0)) w.reject(e);
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`column build worker exited (${code})`)));
  }

  request(req: ColumnBuildRequest, transfer: ArrayBuffer[] = []): Promise<ColumnBuildResponse> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#worker.postMessage(req, transfer);
    }).then((r) => {
      const response = r as ColumnBuildResponse;
      if ('error' in response)
        throw Object.assign(new Error(response.error.message), { name: response.error.name });
      return response;
    });
  }

  async stop(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}

/**
 * `snapshotOfParties` with the work that needs no ids on worker threads: normalising each
 * party's names and encoding its JSON (answered flat, `columnBatchOf`), the token facts and the
 * deletion index. This thread reads the parties (streamed: at most a few batches per worker are
 * held), gives the ids in party order and lays the columns out, so the snapshot is the same,
 * byte for byte, for any number of workers (a test checks it).
 *
 * @example
 * const snapshot = await snapshotOfPartiesInWorkers(parties, reference, { workers: 2 });
 */
export async function snapshotOfPartiesInWorkers(
  parties: Iterable<ScreeningIndexInput>,
  reference: NameReference,
  options: ColumnBuildOptions,
): Promise<ScreeningIndexSnapshot> {
  if (options.workers < 1) return snapshotOfParties(parties, reference);
  const { snapshot, deletions, release } = await columnsInWorkers(parties, reference, options);
  release();
  snapshot.deletions = await deletions;
  return snapshot;
}

/**
 * The snapshot, its deletion index promised apart: with deletion workers it is still being made
 * on them (the snapshot's `deletions` is undefined until then).
 */
async function columnsInWorkers(
  parties: Iterable<ScreeningIndexInput>,
  reference: NameReference,
  options: ColumnBuildOptions,
): Promise<{
  snapshot: ScreeningIndexSnapshot;
  deletions: Promise<DeletionArrays>;
  /** Lets the deletion parts start (they wait, booted, until then). */
  release: () => void;
}> {
  const size = options.batch ?? BATCH;
  const step = options.onStep ?? ((): void => {});
  const workers = Array.from({ length: options.workers }, () => new BuildWorker(reference));
  // The normalising workers, then any more the deletion index is made on.
  let tokenWorkers: BuildWorker[] = workers;
  const stopAll = (): Promise<unknown> => Promise.all(tokenWorkers.map((w) => w.stop()));
  let deletions: Promise<DeletionArrays> | undefined;
  let release = (): void => {};
  try {
    const builder = new ColumnBuilder();
    const source = parties[Symbol.iterator]();
    // Batches in party order: their versions here, their parties on the worker with the fewest
    // requests unanswered, each sent as soon as a worker has room (also while this thread waits
    // for an earlier batch); taken in here in party order.
    const answers = new Map<
      number,
      { versions: (number | undefined)[]; answer: Promise<ColumnBuildResponse> }
    >();
    let sent = 0;
    let added = 0;
    let exhausted = false;
    const send = (): void => {
      while (!exhausted && sent - added < HELD * workers.length) {
        const worker = workers.reduce((a, b) => (b.unanswered < a.unanswered ? b : a));
        if (worker.unanswered >= IN_FLIGHT) break;
        const json: string[] = [];
        const versions: (number | undefined)[] = [];
        for (let next = source.next(); ; next = source.next()) {
          if (next.done) {
            exhausted = true;
            break;
          }
          json.push(JSON.stringify(next.value.party));
          versions.push(next.value.versionId);
          if (json.length === size) break;
        }
        if (json.length === 0) break;
        const id = sent++;
        const answer = worker.request({ id, json });
        // A worker with room again gets its next batch at once (a failure to read the parties
        // there is thrown by the loop below).
        answer.then(sendOrKeep, () => {});
        answers.set(id, { versions, answer });
      }
    };
    let failure: unknown;
    const sendOrKeep = (): void => {
      try {
        send();
      } catch (e) {
        failure ??= e;
      }
    };
    // The facts of each chunk of tokens as soon as it is complete, on the workers beside the
    // parties (their facts depend on the tokens alone): this thread, busier than each worker
    // while the parties come, no longer waits for all the facts after them.
    const facts = new FactsInChunks(workers);
    send();
    while (added < sent) {
      const { versions, answer } = answers.get(added)!;
      answers.delete(added);
      const r = await answer;
      added++;
      if (failure !== undefined) throw failure;
      send();
      if (!('batch' in r)) throw new Error('column build worker: parties expected');
      builder.addBatch(r.batch, versions, r.bytes, r.ends);
      facts.sendFull(builder.tokens);
    }
    if (failure !== undefined) throw failure;
    step('parties normalised and added');
    const columns = await facts.all(builder.tokens);
    step('token facts');
    // The normalising workers go before the layout, the build's peak (their heaps hold what the
    // parties left); fresh ones for the deletion index boot meanwhile, on the idle core.
    await stopAll();
    step('normalising workers stopped');
    const parts = options.deletionWorkers ?? options.workers;
    tokenWorkers = Array.from({ length: parts }, () => new BuildWorker(reference));
    const snapshot = builder.finish(columns, (tokens) => {
      step('layout to the deletion index');
      if (parts < 1) {
        const arrays = deletionArraysOf(tokens);
        step('deletion index');
        return arrays;
      }
      // Its arrays made here; the buckets counted on the workers at once (into bytes), the arrays
      // filled there once released, when this thread has finished the layout and made the
      // look-ups (`buildColumnIndexInWorkers`).
      const { jobs, arrays } = deletionJobsOf(tokens, parts, { hold: true });
      release = (): void => releaseDeletionParts(jobs);
      deletions = Promise.all(
        jobs.map((job, i) => tokenWorkers[i]!.request({ id: -1, deletionPart: job })),
      ).then(() => arrays);
      // Handled by the caller; marked handled here in case this thread fails first.
      deletions.catch(() => {});
      return undefined;
    });
    step('layout');
    deletions ??= Promise.resolve(snapshot.deletions as DeletionArrays);
    deletions = deletions.finally(stopAll);
    deletions.catch(() => {});
    return { snapshot, deletions: deletions!, release };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

/**
 * Tokens per request for their facts: small enough that what a worker makes of them dies young,
 * that the tokens of a chunk are complete early (they are sent as the parties come), and that a
 * chunk costs a worker about what two or three batches of parties cost (~25 ms). A batch sent to
 * a worker behind a chunk waits for it, and this thread takes the batches in party order: with
 * chunks of 32,768 tokens (each as long as ~16 batches, 61 of them at 1,000,000 parties) the other worker ran out
 * of held batches within ~50 ms and it and this thread waited for the rest of the chunk, one core
 * idle (docs/decisions/2026-12-06-build-1m-parties-idle.md).
 */
const FACTS_CHUNK = 4_096;

/**
 * The fact columns of the tokens, made in chunks of `FACTS_CHUNK` on the workers, each chunk sent
 * as soon as its tokens are all known (`sendFull`) to the worker with the fewest requests
 * unanswered, the rest at the end (`all`). The facts of a token depend on it alone: the columns
 * are the same for any chunking.
 */
class FactsInChunks {
  readonly #workers: BuildWorker[];
  readonly #requests: Promise<JoinedFacts>[] = [];
  #sent = 0;

  constructor(workers: BuildWorker[]) {
    this.#workers = workers;
  }

  /** Sends the chunks of `tokens` (the distinct tokens so far, by id) that are full. */
  sendFull(tokens: readonly string[]): void {
    while (tokens.length - this.#sent >= FACTS_CHUNK) this.#send(tokens, this.#sent + FACTS_CHUNK);
  }

  #send(tokens: readonly string[], to: number): void {
    const chunk = joinStrings(tokens.slice(this.#sent, to));
    const worker = this.#workers.reduce((a, b) => (b.unanswered < a.unanswered ? b : a));
    const request = worker
      .request({ id: -1 - this.#requests.length, tokens: chunk, from: 0, to: to - this.#sent })
      .then((r) => (r as { facts: JoinedFacts }).facts);
    // Awaited in `all`; marked handled here in case the build fails before.
    request.catch(() => {});
    this.#requests.push(request);
    this.#sent = to;
  }

  /** The fact columns of all of `tokens` (every token added): the last chunks sent, all awaited. */
  async all(tokens: readonly string[]): Promise<TokenFactColumns> {
    this.sendFull(tokens);
    if (this.#sent < tokens.length) this.#send(tokens, tokens.length);
    const count = tokens.length;
    const parts = await Promise.all(this.#requests);
    const vowelPoor = new Uint8Array(count);
    const keys = { text: '', ends: new Uint32Array(count) };
    const folds = { text: '', ends: new Uint32Array(count) };
    // Each chunk's strings after the last: as `pack` joins the whole list.
    const append = (to: JoinedStrings, part: JoinedStrings, at: number): void => {
      const base = to.text.length;
      for (let i = 0; i < part.ends.length; i++) to.ends[at + i] = base + part.ends[i]!;
      to.text += part.text;
    };
    let at = 0;
    for (const p of parts) {
      vowelPoor.set(p.vowelPoor, at);
      append(keys, p.keys, at);
      append(folds, p.folds, at);
      at += p.vowelPoor.length;
    }
    return { keys, folds, vowelPoor };
  }
}

/**
 * `buildColumnIndex` over `snapshotOfPartiesInWorkers`: a read-only index of many parties,
 * built with the normalisation (and the deletion index, with `deletionWorkers`) on worker
 * threads. The index's look-ups are made here, then the deletion index on its workers (the
 * look-ups are compared where they lie and leave little garbage; made with a string per token,
 * a 1,000,000-party build peaked at 3.6 GiB instead of 2.7).
 */
export async function buildColumnIndexInWorkers(
  parties: Iterable<ScreeningIndexInput>,
  reference: NameReference,
  options: ColumnBuildOptions,
): Promise<ScreeningIndex> {
  if (options.workers < 1) return indexOverSnapshot(snapshotOfParties(parties, reference), reference);
  const { snapshot, deletions, release } = await columnsInWorkers(parties, reference, options);
  const full = withColumnLookups(snapshot);
  options.onStep?.('look-ups');
  release();
  full.deletions = await deletions;
  options.onStep?.('deletion index in');
  return indexOverSnapshot(full, reference);
}
