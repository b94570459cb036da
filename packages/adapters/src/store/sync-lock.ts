import { sql, type Kysely } from 'kysely';
import { DomainError, type Store } from '@entente/core';
import type { Database } from './database.ts';
import type { OpenedStore } from './open-store.ts';

/** Arbitrary constant: first half of the advisory lock key a sync holds (the second is the schema's hash). */
const SYNC_LOCK_CLASS = 7_331_002;

/** Stores of this process with a sync running (PGlite is one session, where advisory locks do not exclude). */
const syncingHere = new WeakSet<object>();

/** Who holds the sync lock on PostgreSQL, as the server reports it. */
interface SyncHolder {
  application_name: string | null;
  client_addr: string | null;
  backend_start: Date | string | null;
}

async function syncHolder(db: Kysely<Database>): Promise<SyncHolder | undefined> {
  const r = await sql<SyncHolder>`
    select a.application_name, a.client_addr::text as client_addr, a.backend_start
    from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'advisory' and l.granted and l.classid = ${SYNC_LOCK_CLASS}
      and l.objid = hashtext(current_schema())::oid and l.objsubid = 2`.execute(db);
  return r.rows[0];
}

function syncRunningError(holder: SyncHolder | undefined): DomainError {
  const who = holder
    ? `${holder.application_name || 'another client'}${holder.client_addr ? ` from ${holder.client_addr}` : ''}, connected since ${new Date(holder.backend_start ?? '').toISOString()}`
    : 'another process';
  return new DomainError(
    'store-locked',
    `Another sync is running on this store (${who}). Syncs run one at a time; wait for it to finish, then run this one again.`,
    holder ? { holder: holder.application_name, since: holder.backend_start } : {},
  );
}

/**
 * Runs `run` as the only sync of the store: on PostgreSQL under a session
 * advisory lock (per schema) held on a connection of its own, so a second
 * concurrent sync from any process is refused with `store-locked` (or, with
 * `wait`, waits for the first). On PGlite the data-directory lock already
 * makes this process the only one; a second sync in the same process is refused.
 *
 * @example
 * const report = await withSyncLock(store, () => importEverything(store));
 */
export async function withSyncLock<T>(
  store: Store & Partial<Pick<OpenedStore, 'kysely'>>,
  run: () => Promise<T>,
  options: { wait?: boolean } = {},
): Promise<T> {
  const db = store.kysely;
  const key = db ?? store;
  if (syncingHere.has(key)) throw syncRunningError(undefined);
  syncingHere.add(key);
  try {
    if (!db || store.info().kind !== 'postgres') return await run();
    // A session lock lives on one connection: hold that connection for the whole sync (the sync uses others).
    return await db.connection().execute(async (conn) => {
      if (options.wait) {
        await sql`select pg_advisory_lock(${SYNC_LOCK_CLASS}, hashtext(current_schema()))`.execute(conn);
      } else {
        const got = await sql<{ ok: boolean }>`
          select pg_try_advisory_lock(${SYNC_LOCK_CLASS}, hashtext(current_schema())) as ok`.execute(conn);
        if (!got.rows[0]?.ok) throw syncRunningError(await syncHolder(conn));
      }
      try {
        return await run();
      } finally {
        await sql`select pg_advisory_unlock(${SYNC_LOCK_CLASS}, hashtext(current_schema()))`.execute(conn);
      }
    });
  } finally {
    syncingHere.delete(key);
  }
}
