import type { ScreeningMatch, ScreeningQuery } from '@entente/core';

/** Queries per chunk sent beside: small, so that the last chunk one thread waits for is short. */
export const SPLIT_CHUNK = 40;
/** Claim cells per shared block (one cell per chunk). */
const CELLS = 256;

/** Where a split delta's chunks go: the delta worker, and this thread. */
export interface SplitTarget {
  /**
   * Sends a chunk to the other thread at once, to be screened there unless claimed first (its
   * cell set from 0 to 2): its matches, `undefined` when it found the chunk claimed, or
   * `undefined` for nothing sent (no worker).
   */
  beside(
    queries: ScreeningQuery[],
    claim: { cells: Int32Array; at: number },
  ): Promise<ScreeningMatch[][] | undefined> | undefined;
  /** Screens a chunk on this thread. */
  here(queries: readonly ScreeningQuery[]): ScreeningMatch[][];
}

interface SplitChunk {
  keys: string[];
  queries: ScreeningQuery[];
  cells: Int32Array;
  at: number;
  sent?: Promise<ScreeningMatch[][] | undefined>;
}

/**
 * A monitoring delta's restricted screening (its candidates against the changed listed parties)
 * split between this thread and the delta worker: the candidates are offered as they are found,
 * while this thread still searches for the others (the scoped step), and each full chunk is sent
 * to the worker at once; the worker screens its chunks in order. Then (`finish`) this thread
 * screens the chunks the worker has not reached, the last first, each claimed through a shared
 * cell (`Atomics.compareExchange`) so that exactly one thread screens it: neither waits for the
 * other but for the chunk the worker is screening. The results are per query key (as
 * `runMonitoring` keys its distinct queries), the same whichever thread screened them (the
 * worker's index is this one's, patched by the same differences); `runMonitoring` takes them in
 * its own chunk order, so the merge is the one a single thread makes.
 */
export class DeltaSplit {
  readonly #target: SplitTarget;
  readonly #keys = new Set<string>();
  readonly #chunks: SplitChunk[] = [];
  #open: { keys: string[]; queries: ScreeningQuery[] } = { keys: [], queries: [] };
  #cells = new Int32Array(new SharedArrayBuffer(CELLS * 4));
  #at = 0;
  #finished = false;
  /** Chunks this thread screened / the worker screened / queries offered (counts, for benchmarks). */
  readonly counts = { here: 0, beside: 0, queries: 0 };

  constructor(target: SplitTarget) {
    this.#target = target;
  }

  /** The key `runMonitoring` gives a restricted query (`1` and its JSON). */
  static keyOf(query: ScreeningQuery): string {
    return `1${JSON.stringify(query)}`;
  }

  /** Offers a candidate's queries (each distinct query once); a full chunk is sent at once. */
  offer(queries: readonly ScreeningQuery[]): void {
    if (this.#finished) return;
    for (const q of queries) {
      const key = DeltaSplit.keyOf(q);
      if (this.#keys.has(key)) continue;
      this.#keys.add(key);
      this.counts.queries++;
      this.#open.keys.push(key);
      this.#open.queries.push(q);
      if (this.#open.queries.length >= SPLIT_CHUNK) this.#send();
    }
  }

  #send(): void {
    const { keys, queries } = this.#open;
    if (queries.length === 0) return;
    this.#open = { keys: [], queries: [] };
    if (this.#at === CELLS) {
      this.#cells = new Int32Array(new SharedArrayBuffer(CELLS * 4));
      this.#at = 0;
    }
    const chunk: SplitChunk = { keys, queries, cells: this.#cells, at: this.#at++ };
    const sent = this.#target.beside(queries, { cells: chunk.cells, at: chunk.at });
    // A failed worker leaves its chunk to this thread (its cell stays set: claimed by no one else).
    if (sent) chunk.sent = sent.catch(() => undefined);
    this.#chunks.push(chunk);
  }

  /**
   * Screens what the worker has not reached, here, the last chunk first (and the chunk still
   * open), then waits for the worker's: every offered query's matches by its key.
   */
  async finish(): Promise<Map<string, ScreeningMatch[]>> {
    this.#finished = true;
    const out = new Map<string, ScreeningMatch[]>();
    const put = (keys: readonly string[], results: readonly ScreeningMatch[][]) =>
      keys.forEach((k, i) => out.set(k, results[i]!));
    const open = this.#open;
    this.#open = { keys: [], queries: [] };
    if (open.queries.length > 0) {
      put(open.keys, this.#target.here(open.queries));
      this.counts.here++;
    }
    const beside: SplitChunk[] = [];
    for (let i = this.#chunks.length - 1; i >= 0; i--) {
      const chunk = this.#chunks[i]!;
      if (!chunk.sent || Atomics.compareExchange(chunk.cells, chunk.at, 0, 2) === 0) {
        put(chunk.keys, this.#target.here(chunk.queries));
        this.counts.here++;
      } else beside.push(chunk);
    }
    for (const chunk of beside) {
      const results = await chunk.sent!;
      // The worker failed (or, never, found its own chunk claimed): screened here.
      if (results && results.length === chunk.queries.length) {
        put(chunk.keys, results);
        this.counts.beside++;
      } else {
        put(chunk.keys, this.#target.here(chunk.queries));
        this.counts.here++;
      }
    }
    return out;
  }
}
