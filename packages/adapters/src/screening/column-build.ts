import { Worker } from 'node:worker_threads';
import {
  ColumnBuilder,
  indexOverSnapshot,
  snapshotOfParties,
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
  /** Parties per message to a worker (default 1,000). */
  batch?: number;
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
 * `snapshotOfParties` with the per-party part of the build (normalising each party's names,
 * encoding its JSON) and the token facts made on worker threads. This
 * thread reads the parties (streamed: at most a few batches per worker are held), gives the ids
 * in party order and lays the columns out, so the snapshot is the same, byte for byte, for any
 * number of workers (a test checks it).
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
  const size = options.batch ?? BATCH;
  const workers = Array.from({ length: options.workers }, () => new BuildWorker(reference));
  const stopAll = (): Promise<unknown> => Promise.all(workers.map((w) => w.stop()));
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
      if (!('parties' in r)) throw new Error('column build worker: parties expected');
      r.parties.forEach((p, i) =>
        builder.add(p, versions[i], r.bytes.subarray(i ? r.ends[i - 1]! : 0, r.ends[i]!)),
      );
    }
    // The fact columns depend on the tokens alone: made on the workers. The deletion index is made
    // here, in its place in `finish` (made beside the layout, its arrays raised the peak).
    const facts = await factsOf(workers, builder.tokens as string[]);
    // The workers' heaps (about 0.5 GiB at 1,000,000 parties) go before the layout, the build's peak.
    await stopAll();
    return builder.finish(facts);
  } finally {
    await stopAll();
  }
}

/** The fact columns of `tokens`, made in shares on the workers. */
async function factsOf(workers: BuildWorker[], tokens: string[]): Promise<TokenFactColumns> {
  const share = Math.ceil(tokens.length / workers.length);
  const parts = await Promise.all(
    workers.map((w, i) =>
      w
        .request({ id: -1 - i, tokens: tokens.slice(i * share, (i + 1) * share) })
        .then((r) => (r as { facts: TokenFactColumns }).facts),
    ),
  );
  if (parts.length === 1) return parts[0]!;
  const vowelPoor = new Uint8Array(tokens.length);
  let at = 0;
  for (const p of parts) {
    vowelPoor.set(p.vowelPoor, at);
    at += p.vowelPoor.length;
  }
  return { keys: parts.flatMap((p) => p.keys), folds: parts.flatMap((p) => p.folds), vowelPoor };
}

/**
 * `buildColumnIndex` over `snapshotOfPartiesInWorkers`: a read-only index of many parties,
 * built with the normalisation spread over worker threads.
 */
export async function buildColumnIndexInWorkers(
  parties: Iterable<ScreeningIndexInput>,
  reference: NameReference,
  options: ColumnBuildOptions,
): Promise<ScreeningIndex> {
  return indexOverSnapshot(await snapshotOfPartiesInWorkers(parties, reference, options), reference);
}
