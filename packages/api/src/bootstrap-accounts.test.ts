import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { sharingStoreFor, type AppConfig } from '@entente/adapters';
import { storeTargets, type TestStore } from '@entente/adapters/testing';
import { BOOTSTRAP_ACCOUNTS, bootstrapAccounts } from './bootstrap-accounts.ts';

const config: AppConfig = { store: { dataDir: 'memory://' }, port: 0 };
const PASSWORD = 'a long enough password';

async function rowCounts(store: TestStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['organisations', 'users', 'audit_log']) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(store.kysely);
    out[t] = r.rows[0]!.n;
  }
  return out;
}

for (const target of storeTargets()) {
  describe(`bootstrapAccounts on ${target.name}`, () => {
    let store: TestStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('refuses a too-short ENTENTE_BOOTSTRAP_PASSWORD before writing anything, so the next start bootstraps', async () => {
      store = await target.open();
      await expect(bootstrapAccounts(store, config, 'short')).rejects.toMatchObject({
        code: 'invalid-input',
        details: { field: 'ENTENTE_BOOTSTRAP_PASSWORD' },
      });
      expect(await rowCounts(store)).toEqual({ organisations: 0, users: 0, audit_log: 0 });

      expect(await bootstrapAccounts(store, config, PASSWORD)).toContain(`password: ${PASSWORD}`);
      const signedIn = await sharingStoreFor(store).credentials.login(
        BOOTSTRAP_ACCOUNTS.agency.email,
        PASSWORD,
        null,
      );
      expect(signedIn.user.role).toBe('admin');
    });

    it('creates all the accounts or none: a failure half-way leaves the store empty', async () => {
      store = await target.open();
      // A real database failure at the last insert (the exporter's user), not a fake of our code.
      await sql
        .raw(
          `create function refuse_officer() returns trigger language plpgsql as $$
           begin if new.email = '${BOOTSTRAP_ACCOUNTS.exporter.email}' then raise exception 'disk full'; end if; return new; end $$;
           create trigger refuse_officer before insert on users for each row execute function refuse_officer();`,
        )
        .execute(store.kysely);
      await expect(bootstrapAccounts(store, config, PASSWORD)).rejects.toThrow(/disk full/);
      expect(await rowCounts(store)).toEqual({ organisations: 0, users: 0, audit_log: 0 });

      await sql.raw('drop trigger refuse_officer on users').execute(store.kysely);
      expect(await bootstrapAccounts(store, config, PASSWORD)).toBeDefined();
      expect(await rowCounts(store)).toMatchObject({ organisations: 2, users: 2 });
      expect(await bootstrapAccounts(store, config, PASSWORD)).toBeUndefined();
    });

    it('bootstraps once when two starts race', async () => {
      store = await target.open();
      const results = await Promise.all([
        bootstrapAccounts(store, config, PASSWORD),
        bootstrapAccounts(store, config, PASSWORD),
      ]);
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      expect(await rowCounts(store)).toMatchObject({ organisations: 2, users: 2 });
    });
  });
}
