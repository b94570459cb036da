import type pg from 'pg';
import { isDomainError } from '@entente/core';
import { toStoreError } from './connection-errors.ts';

/** How a LISTEN subscription connects and recovers. */
export interface PgListenerOptions {
  url: string;
  channel: string;
  /** Called on every notification, and after every re-subscription (some may have been missed). */
  onNotify: () => void;
  log: (line: string) => void;
  /** First delay before re-subscribing after the connection dropped; doubled up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** Bounds a connection attempt to an unreachable server, and notices half-open sockets. */
export const PG_CONNECTION_OPTIONS = {
  connectionTimeoutMillis: 5_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
} as const;

/**
 * A PostgreSQL LISTEN subscription on a connection of its own that survives
 * the server: when the connection drops (restart, `pg_terminate_backend`,
 * network) it re-subscribes with exponential backoff and then calls
 * `onNotify` once, because notifications sent during the outage are lost.
 */
export class PgListener {
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #attempt = 0;
  #stopped = false;

  private constructor(private readonly options: PgListenerOptions) {}

  /**
   * Subscribes now or, when the server cannot be reached now, as soon as it can: the listener
   * starts as after a lost connection (`connected` false, re-subscribing with backoff, then
   * `onNotify` once), so that a server whose store drops while it starts keeps running.
   * Fails on any other error (e.g. bad credentials, an invalid channel).
   */
  static async start(options: PgListenerOptions): Promise<PgListener> {
    const listener = new PgListener(options);
    try {
      await listener.#connect();
    } catch (error) {
      if (!(isDomainError(error) && error.code === 'store-unavailable')) throw error;
      options.log(
        `store: LISTEN ${options.channel} not subscribed (server unreachable); subscribing when it is back`,
      );
      listener.#schedule();
    }
    return listener;
  }

  /** False while the connection is down and re-subscription is pending. */
  get connected(): boolean {
    return this.#client !== undefined;
  }

  async #connect(): Promise<void> {
    const { url, channel, onNotify } = this.options;
    // `pg` is loaded only by a PostgreSQL store (see open-store.ts).
    const { default: pgModule } = await import('pg');
    const client = new pgModule.Client({ connectionString: url, ...PG_CONNECTION_OPTIONS });
    // Without an 'error' listener a dropped socket would end the process.
    client.on('error', (e) => this.#lost(client, e));
    client.on('end', () => this.#lost(client));
    client.on('notification', (n) => {
      if (n.channel === channel) onNotify();
    });
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw toStoreError(error);
    }
    if (this.#stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#attempt = 0;
  }

  #lost(client: pg.Client, error?: Error): void {
    if (client !== this.#client || this.#stopped) return;
    this.#client = undefined;
    this.options.log(
      `store: LISTEN ${this.options.channel} lost (${error?.message ?? 'connection ended'}); re-subscribing`,
    );
    client.end().catch(() => undefined);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#stopped) return;
    const { minDelayMs = 250, maxDelayMs = 10_000 } = this.options;
    const base = Math.min(maxDelayMs, minDelayMs * 2 ** this.#attempt++);
    // Jitter, so that many API nodes do not reconnect in lockstep after a restart.
    const delay = base / 2 + Math.random() * (base / 2);
    this.#timer = setTimeout(() => void this.#resubscribe(), delay);
    this.#timer.unref();
  }

  async #resubscribe(): Promise<void> {
    try {
      await this.#connect();
    } catch {
      this.#schedule();
      return;
    }
    if (this.#stopped) return;
    this.options.log(`store: LISTEN ${this.options.channel} re-subscribed`);
    this.options.onNotify();
  }

  /** Unsubscribes and stops re-subscribing. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
