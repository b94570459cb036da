import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/database.ts';
import type { OpenedStore } from '../store/open-store.ts';
import { SharingStore, type SharingOptions } from './sharing-store.ts';

/**
 * The transaction as a database whose own `transaction()` joins it: the
 * sharing stores open a transaction per write, and here every one of them
 * must become part of the outer one (Kysely refuses nested transactions).
 */
function joined(tx: Transaction<Database>): Kysely<Database> {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === 'transaction')
        return () => ({ execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(target) });
      const value: unknown = Reflect.get(target, prop, target);
      // Kysely keeps its state in private fields: methods must run on the real object, not the proxy.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Arbitrary constant: with the schema's hash, the lock that serialises these transactions. */
const SHARING_TX_LOCK_CLASS = 7_331_003;

/**
 * Runs `fn` with a sharing store whose writes (organisations, users, audit
 * entries…) all go into one transaction: all of them are committed, or none.
 * Such transactions run one at a time per store (an advisory transaction lock),
 * so a check-then-create inside one (e.g. "no organisation yet") holds across processes.
 *
 * @example
 * await inSharingTransaction(store, {}, async (sharing) => { await sharing.orgs.createOrg(…); await sharing.orgs.createUser(…); });
 */
export async function inSharingTransaction<T>(
  store: Pick<OpenedStore, 'kysely'>,
  options: SharingOptions,
  fn: (sharing: SharingStore) => Promise<T>,
): Promise<T> {
  return store.kysely.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${SHARING_TX_LOCK_CLASS}, hashtext(current_schema()))`.execute(tx);
    return fn(new SharingStore(joined(tx), options));
  });
}
