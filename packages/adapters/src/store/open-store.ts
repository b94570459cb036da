import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DomainError, type Store, type StoreInfo } from '@entente/core';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { PostgresPartyStore } from './postgres-party-store.ts';
import { PostgresClearanceStore } from './postgres-clearance-store.ts';

/** The channel every process notifies when it stores a list version. */
const LIST_VERSION_CHANNEL = 'entente_list_versions';

/** Subscribes to a notification channel; returns the unsubscribe function. */
type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

/** How to reach the store; read once in `main.ts` and passed down. */
export interface StoreConfig {
  /** PostgreSQL server URL; when set, the embedded store is not used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for a throw-away in-memory store. */
  dataDir: string;
  /** PostgreSQL schema to use (tests isolate themselves this way); created when missing. */
  schema?: string;
}

/**
 * The store config from the environment: `DATABASE_URL` (with optional
 * `ENTENTE_PG_SCHEMA`), else `ENTENTE_DB`, else `./.entente`.
 */
export function storeConfigFromEnv(
  env: Record<string, string | undefined>,
  overrides: { db?: string } = {},
): StoreConfig {
  const databaseUrl = overrides.db ? undefined : env.DATABASE_URL || undefined;
  return Object.freeze({
    databaseUrl,
    dataDir: overrides.db ?? env.ENTENTE_DB ?? './.entente',
    schema: databaseUrl && env.ENTENTE_PG_SCHEMA ? env.ENTENTE_PG_SCHEMA : undefined,
  });
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/** An opened store: the port, its Kysely, and its notification channels. */
export type OpenedStore = Store & {
  kysely: Kysely<Database>;
  /** Subscribes to a notification channel; `close()` ends what is still subscribed. */
  watchChannel(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /** Runs `task` when the store closes, before the connections end (e.g. to write queued audit entries). */
  beforeClose(task: () => Promise<void>): void;
};

/** A store over Kysely on PGlite or PostgreSQL; both share every query. */
class KyselyStore extends PostgresPartyStore implements Store {
  readonly #clearances: PostgresClearanceStore;
  readonly #subscriptions = new Set<() => Promise<void>>();
  readonly #beforeClose: (() => Promise<void>)[] = [];

  constructor(
    readonly kysely: Kysely<Database>,
    readonly storeInfo: StoreInfo,
    private readonly listen: Listen,
  ) {
    super(kysely);
    this.#clearances = new PostgresClearanceStore(kysely);
  }

  saveClearance: Store['saveClearance'] = (input) => this.#clearances.saveClearance(input);
  clearances: Store['clearances'] = (key) => this.#clearances.clearances(key);
  revokeClearance: Store['revokeClearance'] = (id) => this.#clearances.revokeClearance(id);
  recordScreening: Store['recordScreening'] = (e) => this.#clearances.recordScreening(e);
  screeningStats: Store['screeningStats'] = (days) => this.#clearances.screeningStats(days);

  watchListVersions(onChange: () => void): Promise<() => Promise<void>> {
    return this.watchChannel(LIST_VERSION_CHANNEL, onChange);
  }

  beforeClose(task: () => Promise<void>): void {
    this.#beforeClose.push(task);
  }

  /** Subscribes to any notification channel (e.g. denial changes); `close()` ends what is still subscribed. */
  async watchChannel(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const unsubscribe = await this.listen(channel, onNotify);
    const once = async () => {
      if (this.#subscriptions.delete(once)) await unsubscribe();
    };
    this.#subscriptions.add(once);
    return once;
  }

  info(): StoreInfo {
    return this.storeInfo;
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.kysely);
  }

  async counts(): Promise<Record<string, number>> {
    const tables = ['list_versions', 'parties', 'clearances'] as const;
    const out: Record<string, number> = {};
    for (const t of tables) {
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(this.kysely);
      out[t] = r.rows[0]?.n ?? 0;
    }
    return out;
  }

  async close(): Promise<void> {
    for (const task of this.#beforeClose.splice(0)) await task().catch(() => {});
    for (const unsubscribe of [...this.#subscriptions]) await unsubscribe();
    await this.#clearances.flush();
    await this.kysely.destroy();
  }
}

async function openPglite(dataDir: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : path.resolve(dataDir);
  if (!inMemory) await mkdir(location, { recursive: true });
  try {
    const client = await PGlite.create(inMemory ? undefined : location, { extensions: { pg_trgm } });
    const listen: Listen = async (channel, onNotify) => {
      const unsubscribe = await client.listen(channel, () => onNotify());
      return async () => unsubscribe();
    };
    return { dialect: new PGliteDialect(client), location, listen };
  } catch (error) {
    throw new DomainError(
      'store-unavailable',
      `Cannot open the embedded store in ${location}: ${(error as Error).message}`,
      {
        dataDir: location,
      },
    );
  }
}

async function openPostgres(url: string, schema: string | undefined) {
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema if not exists "${schema.replace(/"/g, '')}"`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '')}",public` } : {}),
  });
  try {
    const c = await pool.connect();
    c.release();
  } catch (error) {
    await pool.end();
    throw new DomainError(
      'store-unavailable',
      `Cannot reach PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`,
    );
  }
  // LISTEN needs one connection of its own for as long as the subscription lasts.
  const listen: Listen = async (channel, onNotify) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on('notification', (n) => {
      if (n.channel === channel) onNotify();
    });
    client.on('error', () => {});
    await client.query(`listen ${channel}`);
    return async () => {
      await client.end().catch(() => {});
    };
  };
  return {
    dialect: new PostgresDialect({ pool }),
    location: redactUrl(url) + (schema ? ` (schema ${schema})` : ''),
    listen,
  };
}

/**
 * Opens the store (PostgreSQL when `databaseUrl` is set, else PGlite in
 * `dataDir`) and applies pending migrations.
 *
 * @example
 * const store = await openStore({ dataDir: './.entente' });
 */
export async function openStore(config: StoreConfig): Promise<OpenedStore> {
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  const { dialect, location, listen } = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.schema)
    : await openPglite(config.dataDir);
  const kysely = new Kysely<Database>({ dialect });
  let migrations: string[];
  try {
    if (kind === 'postgres')
      await sql`create extension if not exists pg_trgm with schema public`.execute(kysely).catch(() => {});
    else await sql`create extension if not exists pg_trgm`.execute(kysely);
    migrations = await migrate(kysely as Kysely<unknown>);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  const info: StoreInfo = Object.freeze({
    kind,
    location,
    schemaVersion: migrations.at(-1)?.slice(0, 3) ?? '000',
    migrations,
  });
  return new KyselyStore(kysely, info, listen);
}
