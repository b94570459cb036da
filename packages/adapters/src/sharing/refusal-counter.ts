import type { Kysely } from 'kysely';
import type { Clock } from '@entente/core';
import type { Database } from '../store/database.ts';

/** Anonymous refusals of one route for one reason, with when they were first and last seen. */
export interface RefusalCount {
  route: string;
  reason: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

/** How long counts wait in memory before they are added to the table. */
const DEFAULT_FLUSH_MS = 5_000;
/** Distinct (route, reason) pairs kept in memory; more fold into one `(other)` route so memory stays bounded. */
const MAX_KEYS = 500;

/**
 * Counts refusals of callers who are not signed in, instead of chaining an
 * audit entry for each: a flood of anonymous 401s must neither grow the log
 * nor queue on its lock. Counts gather in memory and are added to
 * `refusal_counts` at most every few seconds, and whenever totals are read.
 */
export class RefusalCounter {
  readonly #pending = new Map<string, RefusalCount>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly flushMs = DEFAULT_FLUSH_MS,
  ) {}

  /** Counts one refusal; cheap and synchronous (no database round trip). */
  count(route: string, reason: string): void {
    const now = this.clock.now().toISOString();
    let key = `${route}\n${reason}`;
    if (!this.#pending.has(key) && this.#pending.size >= MAX_KEYS) {
      route = '(other)';
      key = `${route}\n${reason}`;
    }
    const c = this.#pending.get(key);
    if (c) {
      c.count += 1;
      c.lastAt = now;
    } else this.#pending.set(key, { route, reason, count: 1, firstAt: now, lastAt: now });
    if (!this.#timer) {
      // A failed flush keeps its counts in memory for the next one.
      this.#timer = setTimeout(() => void this.flush().catch(() => undefined), this.flushMs);
      this.#timer.unref?.();
    }
  }

  /** Adds the counts gathered in memory to the table. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = [...this.#pending.values()];
    this.#pending.clear();
    if (batch.length === 0) return;
    try {
      await this.db
        .insertInto('refusal_counts')
        .values(
          batch.map((c) => ({
            route: c.route,
            reason: c.reason,
            count: c.count,
            first_at: c.firstAt,
            last_at: c.lastAt,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['route', 'reason']).doUpdateSet((eb) => ({
            count: eb('refusal_counts.count', '+', eb.ref('excluded.count')),
            last_at: eb.ref('excluded.last_at'),
          })),
        )
        .execute();
    } catch (error) {
      for (const c of batch) {
        const key = `${c.route}\n${c.reason}`;
        const kept = this.#pending.get(key);
        this.#pending.set(key, kept ? { ...c, count: c.count + kept.count, lastAt: kept.lastAt } : c);
      }
      throw error;
    }
  }

  /** Every count so far (flushed first), largest first. */
  async totals(): Promise<RefusalCount[]> {
    await this.flush();
    const rows = await this.db
      .selectFrom('refusal_counts')
      .selectAll()
      .orderBy('count', 'desc')
      .orderBy('route')
      .orderBy('reason')
      .execute();
    return rows.map((r) => ({
      route: r.route,
      reason: r.reason,
      count: Number(r.count),
      firstAt: r.first_at,
      lastAt: r.last_at,
    }));
  }
}
