import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';
import { DomainError } from '@entente/core';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Arbitrary constant: the advisory lock every process takes while migrating. */
const MIGRATION_LOCK_KEY = 7_331_001;

/** The migration files in order (`NNN-name.sql`). */
export async function listMigrationFiles(): Promise<string[]> {
  const files = await readdir(MIGRATIONS_DIR);
  return files.filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f)).sort();
}

/**
 * Applies every migration not yet recorded, in one transaction under an
 * advisory lock, so running it twice or from two processes at once is safe.
 * Returns the names of all applied migrations.
 */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const files = await listMigrationFiles();
  // Most opens find every migration applied: one query says so, without the transaction and its
  // lock (a migration is only ever added, so a store that has them all has nothing to wait for).
  const applied = await appliedMigrations(db);
  if (applied && files.every((f) => applied.has(f))) return [...applied].sort();
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
      await sql`create table if not exists schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`.execute(tx);
      const done = await sql<{ name: string }>`select name from schema_migrations`.execute(tx);
      const applied = new Set(done.rows.map((r) => r.name));
      for (const file of files) {
        if (applied.has(file)) continue;
        const text = await readFile(MIGRATIONS_DIR + file, 'utf8');
        await sql.raw(text).execute(tx);
        await sql`insert into schema_migrations (name) values (${file})`.execute(tx);
        applied.add(file);
      }
      return [...applied].sort();
    });
  } catch (error) {
    throw new DomainError('migration-failed', `Migrating the store failed: ${(error as Error).message}`);
  }
}

/** The migrations a store records as applied; undefined when it has no record yet (a new store). */
async function appliedMigrations(db: Kysely<Database>): Promise<Set<string> | undefined> {
  try {
    const done = await sql<{ name: string }>`select name from schema_migrations`.execute(db);
    return new Set(done.rows.map((r) => r.name));
  } catch {
    return undefined;
  }
}
