import { Worker } from 'node:worker_threads';
import {
  ColumnBuilder,
  deletionJobsOf,
  indexOverSnapshot,
  joinStrings,
  snapshotOfParties,
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
 * Batches sent and not yet taken in, per worker: enough to keep it busy, few enough that the
 * answers waiting here die young rather than fill the old generation (with 1,000 × 3 per
 * worker, a 1,000,000-party build was past 3 GiB resident halfway).
 */
const IN_FLIGHT = 2;

/** Options of `snapshotOfPartiesInWorkers`. */
export interface ColumnBuildOptions {
  /** Worker threads normalising the parties (0: all on this thread, `snapshotOfParties`). */
  workers: number;
  /** Parties per message to a worker (default 250). */
  batch?: number;
  /**
   * Worker threads making the deletion index in parts at once, into shared memory, beside this
   * thread's layout (default 0: on this thread, after the layout, the workers stopped). With 2 at
   * 1,000,000 parties, this thread's CPU went from about 71 to 45 s, but the peak from 2.7 to
   * 3.5–3.7 GiB: the index's arrays and the workers' heaps beside the layout's garbage (see
   * docs/decisions/2026-12-05-build-1m-peak.md).
   */
  deletionWorkers?: number;
}

/** A worker thread of the column build with its unanswered requests, answered in order. */
class BuildWorker {
  readonly #worker: Worker;
  readonly #waiting: { resolve: (r: ColumnBuildResponse) => void; reject: (e: Error) => void }[] = [];
  #failed: Error | undefined;

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
  const { snapshot, deletions } = await columnsInWorkers(parties, reference, options);
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
): Promise<{ snapshot: ScreeningIndexSnapshot; deletions: Promise<DeletionArrays> }> {
  const size = options.batch ?? BATCH;
  const workers = Array.from({ length: options.workers }, () => new BuildWorker(reference));
  // The normalising workers, then any more the deletion index is made on.
  let tokenWorkers: BuildWorker[] = workers;
  const stopAll = (): Promise<unknown> => Promise.all(tokenWorkers.map((w) => w.stop()));
  let deletions: Promise<DeletionArrays> | undefined;
  try {
    const builder = new ColumnBuilder();
    const source = parties[Symbol.iterator]();
    // Batches in party order: their versions here, their parties on a worker.
    const pending: { versions: (number | undefined)[]; answer: Promise<ColumnBuildResponse> }[] = [];
    let sent = 0;
    let exhausted = false;
    const send = (): void => {
      while (!exhausted && pending.length < IN_FLIGHT * workers.length) {
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
        pending.push({ versions, answer: workers[id % workers.length]!.request({ id, json }) });
      }
    };
    send();
    while (pending.length > 0) {
      const { versions, answer } = pending.shift()!;
      const r = await answer;
      send();
      if (!('batch' in r)) throw new Error('column build worker: parties expected');
      builder.addBatch(r.batch, versions, r.bytes, r.ends);
    }
    // The facts and the deletion index depend on the tokens alone: made on the same workers
    // (fresh ones held about 0.1 GiB more each; the facts in small chunks leave their heaps
    // about as they were), and on more if more deletion workers are asked for.
    const tokens = builder.tokens;
    const parts = options.deletionWorkers ?? 0;
    tokenWorkers = Array.from(
      { length: Math.max(0, parts - workers.length) },
      () => new BuildWorker(reference),
    );
    tokenWorkers.unshift(...workers);
    const factsMade = factsOf(workers, joinStrings(tokens));
    // Its arrays made now, before the layout, and filled on the workers beside it.
    if (parts > 0) {
      const { jobs, arrays } = deletionJobsOf(tokens, parts);
      deletions = Promise.all(
        jobs.map((job, i) => tokenWorkers[i]!.request({ id: -1, deletionPart: job })),
      ).then(() => arrays);
      // Handled by the caller; marked handled here in case this thread fails first.
      deletions.catch(() => {});
    }
    const facts = await factsMade;
    // Without deletion workers, theirs go before the layout, the build's peak.
    if (parts < 1) await stopAll();
    const snapshot = builder.finish(facts, parts > 0 ? () => undefined : undefined);
    deletions ??= Promise.resolve(snapshot.deletions as DeletionArrays);
    deletions = deletions.finally(stopAll);
    deletions.catch(() => {});
    return { snapshot, deletions: deletions! };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

/**
 * Tokens per request for their facts: small enough that what a worker makes of them dies young
 * (in shares of 1,000,000 tokens, each worker's heap grew by about 0.45 GiB, kept after).
 */
const FACTS_CHUNK = 32_768;

/** The fact columns of `tokens`, made in chunks on the workers, in turn. */
async function factsOf(workers: BuildWorker[], tokens: JoinedStrings): Promise<TokenFactColumns> {
  const count = tokens.ends.length;
  const requests: Promise<JoinedFacts>[] = [];
  for (let from = 0, i = 0; from < count; from += FACTS_CHUNK, i++) {
    const to = Math.min(count, from + FACTS_CHUNK);
    const start = from ? tokens.ends[from - 1]! : 0;
    const ends = tokens.ends.slice(from, to).map((end) => end - start);
    const chunk = { text: tokens.text.slice(start, tokens.ends[to - 1]!), ends };
    requests.push(
      workers[i % workers.length]!.request({ id: -1 - i, tokens: chunk, from: 0, to: to - from }).then(
        (r) => (r as { facts: JoinedFacts }).facts,
      ),
    );
  }
  const parts = await Promise.all(requests);
  const vowelPoor = new Uint8Array(count);
  const keys = { text: '', ends: new Uint32Array(count) };
  const folds = { text: '', ends: new Uint32Array(count) };
  // Each share's strings after the last: as `pack` joins the whole list.
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

/**
 * `buildColumnIndex` over `snapshotOfPartiesInWorkers`: a read-only index of many parties,
 * built with the normalisation and the deletion index on worker threads. The index's look-up
 * orders are made here once the deletion index is in: made beside it, a 1,000,000-party build
 * peaked at 3.6 GiB instead of 2.7 (this thread's garbage from the layout was not yet collected).
 */
export async function buildColumnIndexInWorkers(
  parties: Iterable<ScreeningIndexInput>,
  reference: NameReference,
  options: ColumnBuildOptions,
): Promise<ScreeningIndex> {
  return indexOverSnapshot(await snapshotOfPartiesInWorkers(parties, reference, options), reference);
}
