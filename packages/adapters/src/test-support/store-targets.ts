import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type OpenedStore } from '../store/open-store.ts';

/** A store opened for one test, with its own cleanup. */
export type TestStore = OpenedStore;

/** A way to open a fresh, empty store: PGlite always, PostgreSQL when `DATABASE_URL` is set. */
export interface StoreTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<TestStore>;
  /**
   * PostgreSQL only: a second store (its own pool and LISTEN connection) over
   * the same schema as `first`, as a second API node would open; close it before `first`.
   */
  openAnother?(first: TestStore): Promise<TestStore>;
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
    const schemas = new WeakMap<TestStore, string>();
    targets.push({
      name: 'postgres',
      async openAnother(first) {
        return openStore({ databaseUrl: url, dataDir: '', schema: schemas.get(first)! });
      },
      async open() {
        const schema = `test_${randomBytes(6).toString('hex')}`;
        const store = await openStore({ databaseUrl: url, dataDir: '', schema });
        schemas.set(store, schema);
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
