import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type OpenedStore, type StoreConfig } from '../store/open-store.ts';

/** A store opened for one test, with its own cleanup. */
export type TestStore = OpenedStore;

/**
 * A fresh, empty place for a store that another process opens (the `entente`
 * CLI, a server): its store config, the environment that points `entente` at
 * it, and how to remove it.
 */
export interface StorePlace {
  config: StoreConfig;
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * The one way tests choose their stores: PGlite always, PostgreSQL when
 * `DATABASE_URL` is set. In this process (`open`), or as a place for another
 * process (`place`).
 */
export interface StoreTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<TestStore>;
  /**
   * PostgreSQL only: a second store (its own pool and LISTEN connection) over
   * the same schema as `first`, as a second API node would open; close it before `first`.
   */
  openAnother?(first: TestStore): Promise<TestStore>;
  /** A fresh PGlite directory, or a fresh PostgreSQL schema. */
  place(): StorePlace;
}

/** Drops the schema a PostgreSQL test store used. */
async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
}

/** PGlite: in memory in this process, a temporary directory for another. */
const pgliteTarget: StoreTarget = {
  name: 'pglite',
  open: () => openStore({ dataDir: 'memory://' }),
  place() {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-test-'));
    return { config: { dataDir: dir }, env: { ENTENTE_DB: dir, DATABASE_URL: '' }, drop: async () => {} };
  },
};

/** PostgreSQL at `url`: each store in a fresh schema, dropped on close. */
function postgresTarget(url: string): StoreTarget {
  const schemas = new WeakMap<TestStore, string>();
  const freshSchema = () => `test_${randomBytes(6).toString('hex')}`;
  return {
    name: 'postgres',
    async openAnother(first) {
      return openStore({ databaseUrl: url, dataDir: '', schema: schemas.get(first)! });
    },
    async open() {
      const schema = freshSchema();
      const store = await openStore({ databaseUrl: url, dataDir: '', schema });
      schemas.set(store, schema);
      const close = store.close.bind(store);
      store.close = async () => {
        await close();
        await dropSchema(url, schema);
      };
      return store;
    },
    place() {
      const schema = freshSchema();
      return {
        config: { databaseUrl: url, dataDir: '', schema },
        env: { DATABASE_URL: url, ENTENTE_PG_SCHEMA: schema },
        drop: () => dropSchema(url, schema),
      };
    },
  };
}

/**
 * The stores every store test runs against. PGlite always; PostgreSQL
 * (each test in a fresh schema, dropped on close) when `DATABASE_URL` is set.
 */
export function storeTargets(env: Record<string, string | undefined> = process.env): StoreTarget[] {
  return env.DATABASE_URL ? [pgliteTarget, postgresTarget(env.DATABASE_URL)] : [pgliteTarget];
}
