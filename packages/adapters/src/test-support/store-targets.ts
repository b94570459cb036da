import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { Store } from '@entente/core';
import { openStore } from '../store/open-store.ts';
import type { Database } from '../store/database.ts';

/** A store opened for one test, with its own cleanup. */
export type TestStore = Store & { kysely: Kysely<Database> };

/** A way to open a fresh, empty store: PGlite always, PostgreSQL when `DATABASE_URL` is set. */
export interface StoreTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<TestStore>;
}

/** Drops the schema a PostgreSQL test store used. */
async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
}

/**
 * The stores every store test runs against. PGlite in memory always; PostgreSQL
 * (each test in a fresh schema, dropped on close) when `DATABASE_URL` is set.
 */
export function storeTargets(env: Record<string, string | undefined> = process.env): StoreTarget[] {
  const targets: StoreTarget[] = [{ name: 'pglite', open: () => openStore({ dataDir: 'memory://' }) }];
  const url = env.DATABASE_URL;
  if (url) {
    targets.push({
      name: 'postgres',
      async open() {
        const schema = `test_${randomBytes(6).toString('hex')}`;
        const store = await openStore({ databaseUrl: url, dataDir: '', schema });
        const close = store.close.bind(store);
        store.close = async () => {
          await close();
          await dropSchema(url, schema);
        };
        return store;
      },
    });
  }
  return targets;
}
