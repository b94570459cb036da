import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { DomainError, type Store, type StoreInfo } from '@entente/core';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { PostgresPartyStore } from './postgres-party-store.ts';
import { PostgresClearanceStore } from './postgres-clearance-store.ts';
import { PG_CONNECTION_OPTIONS, PgListener } from './pg-listener.ts';
import { StoreErrorDialect } from './store-error-dialect.ts';

/** The channel every process notifies when it stores a list version. */
const LIST_VERSION_CHANNEL = 'entente_list_versions';

/** A live subscription: how to end it, and whether it currently receives notifications. */
interface Subscription {
  stop(): Promise<void>;
  readonly connected: boolean;
}

/** Subscribes to a notification channel. */
type Listen = (channel: string, onNotify: () => void) => Promise<Subscription>;

/** What the store tells the process about its connections (lost, re-subscribed). */
export interface StoreOptions {
  log?: (line: string) => void;
  /** Names this process in the lock file and in pg_stat_activity (default: its command line). */
  command?: string;
  /**
   * The process reads a few rows and ends (a one-name `entente screen`): an embedded store
   * starts with a small buffer pool (`BRIEF_SHARED_BUFFERS` instead of PostgreSQL's 128 MB,
   * which PGlite's start initialises: about 0.1 s of CPU). No effect on PostgreSQL.
   */
  brief?: boolean;
}

/** PGlite's buffer pool in a brief process (see `StoreOptions.brief`); a startup setting, not stored. */
export const BRIEF_SHARED_BUFFERS = '16MB';

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
  readonly #subscriptions = new Set<Subscription>();
  readonly #beforeClose: (() => Promise<void>)[] = [];

  constructor(
    readonly kysely: Kysely<Database>,
    readonly storeInfo: StoreInfo,
    private readonly listen: Listen,
    private readonly lock?: DataDirLock,
  ) {
    super(kysely);
    this.#clearances = new PostgresClearanceStore(kysely);
  }

  saveClearance: Store['saveClearance'] = (input, by, alongside) =>
    this.#clearances.saveClearance(input, by, alongside);
  clearances: Store['clearances'] = (orgId, key) => this.#clearances.clearances(orgId, key);
  revokeClearance: Store['revokeClearance'] = (orgId, id, by) =>
    this.#clearances.revokeClearance(orgId, id, by);
  recordScreening: Store['recordScreening'] = (e) => this.#clearances.recordScreening(e);
  screeningStats: Store['screeningStats'] = (days, scope) => this.#clearances.screeningStats(days, scope);

  watchListVersions(onChange: () => void): Promise<() => Promise<void>> {
    return this.watchChannel(LIST_VERSION_CHANNEL, onChange);
  }

  beforeClose(task: () => Promise<void>): void {
    this.#beforeClose.push(task);
  }

  /** Subscribes to any notification channel (e.g. denial changes); `close()` ends what is still subscribed. */
  async watchChannel(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const subscription = await this.listen(channel, onNotify);
    this.#subscriptions.add(subscription);
    // Idempotent, and a no-op once `close` has stopped it.
    return async () => {
      if (this.#subscriptions.delete(subscription)) await subscription.stop();
    };
  }

  connectionProblems(): string[] {
    return [...this.#subscriptions].some((s) => !s.connected)
      ? ['change notifications lost, re-subscribing (the screening indexes may be stale)']
      : [];
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
    const subscriptions = [...this.#subscriptions];
    this.#subscriptions.clear();
    try {
      await Promise.all(subscriptions.map((s) => s.stop()));
      await this.#clearances.flush();
      await this.kysely.destroy();
    } finally {
      await this.lock?.release();
    }
  }
}

async function openPglite(dataDir: string, command: string, brief: boolean) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : path.resolve(dataDir);
  if (!inMemory) await mkdir(location, { recursive: true });
  // PGlite has no lock of its own: a second process opening the directory destroys it (one owner at a time).
  const lock = inMemory ? undefined : await lockDataDir(location, command);
  try {
    const client = await PGlite.create(inMemory ? undefined : location, {
      extensions: { pg_trgm },
      ...(brief
        ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${BRIEF_SHARED_BUFFERS}`] }
        : {}),
    });
    // In process: there is no connection to lose.
    const listen: Listen = async (channel, onNotify) => {
      const unsubscribe = await client.listen(channel, () => onNotify());
      return { stop: async () => unsubscribe(), connected: true };
    };
    return { dialect: new PGliteDialect(client), location, listen, lock };
  } catch (error) {
    await lock?.release();
    throw new DomainError(
      'store-unavailable',
      `Cannot open the embedded store in ${location}: ${(error as Error).message}`,
      {
        dataDir: location,
      },
    );
  }
}

/**
 * Creates the schema when missing. `create schema if not exists` is not safe
 * against itself: two processes starting together on an empty database both
 * miss the schema and one dies on `pg_namespace_nspname_index`. A transaction
 * lock on the schema's name makes the second wait and then find it.
 */
async function createSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: url, ...PG_CONNECTION_OPTIONS });
  admin.on('error', () => undefined); // a dropped socket fails the query below instead
  const name = schema.replace(/"/g, '');
  try {
    await admin.connect();
    await admin.query('begin');
    await admin.query('select pg_advisory_xact_lock($1, hashtext($2))', [SCHEMA_LOCK_CLASS, name]);
    await admin.query(`create schema if not exists "${name}"`);
    await admin.query('commit');
  } catch (error) {
    await admin.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Arbitrary constant: first half of the advisory lock key taken while creating a schema. */
const SCHEMA_LOCK_CLASS = 7_331_005;

async function openPostgres(
  url: string,
  schema: string | undefined,
  log: (line: string) => void,
  command: string,
) {
  const unreachable = (error: unknown) =>
    new DomainError(
      'store-unavailable',
      `Cannot reach PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`,
    );
  // Loaded here, not at start: an embedded (PGlite) store never needs the PostgreSQL client.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...PG_CONNECTION_OPTIONS,
    // Names this process in pg_stat_activity, so a refused sync can say who holds the store.
    application_name: `entente pid ${process.pid}: ${command}`.slice(0, 63),
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '')}",public` } : {}),
  });
  // A restart or a dropped socket must not end the process: pg-pool drops the
  // broken client (idle, or at release once it is no longer queryable) and
  // opens new connections on demand, so the pool recovers by itself.
  pool.on('error', (e) => log(`store: idle connection lost (${e.message}); reconnecting on demand`));
  // A client checked out when its socket drops emits 'error' with no listener of pg-pool's;
  // the query in flight fails with the same error, so there is nothing more to do here.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    if (schema) await createSchema(url, schema);
    const c = await pool.connect();
    c.release();
  } catch (error) {
    await pool.end();
    throw unreachable(error);
  }
  // LISTEN needs one connection of its own for as long as the subscription lasts.
  const listen: Listen = (channel, onNotify) => PgListener.start({ url, channel, onNotify, log });
  return {
    dialect: new StoreErrorDialect(new PostgresDialect({ pool })),
    location: redactUrl(url) + (schema ? ` (schema ${schema})` : ''),
    listen,
    lock: undefined,
  };
}

/** How the running process describes itself in a lock file, e.g. `entente.js users create …`. */
function commandLine(): string {
  return [path.basename(process.argv[1] ?? 'node'), ...process.argv.slice(2)].join(' ').slice(0, 200);
}

/**
 * Opens the store (PostgreSQL when `databaseUrl` is set, else PGlite in
 * `dataDir`) and applies pending migrations. A PGlite directory is locked
 * until `close()` (or process exit); while another process holds it this
 * throws `store-locked` naming that process. On PostgreSQL the store outlives
 * its server: connection errors become `store-unavailable` (HTTP 503), the pool
 * reconnects on demand and LISTEN re-subscribes (`options.log` hears of both).
 *
 * @example
 * const store = await openStore({ dataDir: './.entente' });
 */
export async function openStore(config: StoreConfig, options: StoreOptions = {}): Promise<OpenedStore> {
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  const log = options.log ?? (() => undefined);
  const command = options.command ?? commandLine();
  const { dialect, location, listen, lock } = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.schema, log, command)
    : await openPglite(config.dataDir, command, options.brief ?? false);
  const kysely = new Kysely<Database>({ dialect });
  let migrations: string[];
  try {
    if (kind === 'postgres')
      await sql`create extension if not exists pg_trgm with schema public`.execute(kysely).catch(() => {});
    else await sql`create extension if not exists pg_trgm`.execute(kysely);
    migrations = await migrate(kysely);
  } catch (error) {
    await kysely.destroy();
    await lock?.release();
    throw error;
  }
  const info: StoreInfo = Object.freeze({
    kind,
    location,
    schemaVersion: migrations.at(-1)?.slice(0, 3) ?? '000',
    migrations,
  });
  return new KyselyStore(kysely, info, listen, lock);
}
