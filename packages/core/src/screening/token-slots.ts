/**
 * Where the values of each index token id start in a flat array, for the tokens one query
 * reads: an open-addressing table of ids, emptied for the next query without a map or object
 * made per token (a query reads tens to a few thousand token ids of the index's 10⁵–10⁶).
 */
export class TokenSlots {
  /** Per slot: 1 + the token id held, 0 when empty. */
  #keys = new Int32Array(1024);
  /** Per slot: where the token's values start. */
  #starts = new Int32Array(1024);
  #held = 0;
  /** Values handed out so far (`start` returns `used` before adding `width`). */
  used = 0;

  /** Empties the table (the values array is the caller's). */
  clear(): void {
    if (this.#held > 0) this.#keys.fill(0);
    this.#held = 0;
    this.used = 0;
  }

  /** Where token `id`'s values start, or −1 when it has none yet. */
  find(id: number): number {
    const keys = this.#keys;
    const mask = keys.length - 1;
    for (let at = Math.imul(id, 0x9e3779b1) & mask; ; at = (at + 1) & mask) {
      const k = keys[at]!;
      if (k === id + 1) return this.#starts[at]!;
      if (k === 0) return -1;
    }
  }

  /** Gives token `id` (not held) `width` values from `used` on, and returns where they start. */
  add(id: number, width: number): number {
    if ((this.#held + 1) * 2 > this.#keys.length) this.#grow();
    const keys = this.#keys;
    const mask = keys.length - 1;
    let at = Math.imul(id, 0x9e3779b1) & mask;
    while (keys[at] !== 0) at = (at + 1) & mask;
    keys[at] = id + 1;
    const start = this.used;
    this.#starts[at] = start;
    this.used += width;
    this.#held++;
    return start;
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldStarts = this.#starts;
    const keys = new Int32Array(oldKeys.length * 2);
    const starts = new Int32Array(oldKeys.length * 2);
    const mask = keys.length - 1;
    for (let s = 0; s < oldKeys.length; s++) {
      const k = oldKeys[s]!;
      if (k === 0) continue;
      let at = Math.imul(k - 1, 0x9e3779b1) & mask;
      while (keys[at] !== 0) at = (at + 1) & mask;
      keys[at] = k;
      starts[at] = oldStarts[s]!;
    }
    this.#keys = keys;
    this.#starts = starts;
  }
}
