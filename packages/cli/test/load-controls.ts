import { loadControlLists, openStore, PostgresControlStore, storeConfigFromEnv } from '@entente/adapters';

/** The real data directory the CLI tests read (`../shared/data`, or ENTENTE_SHARED_DATA). */
export const MIRROR =
  process.env.ENTENTE_SHARED_DATA ?? new URL('../../../../shared/data', import.meta.url).pathname;

/** Loads the control lists into the store a CLI target's environment points at, then closes it. */
export async function loadControlsInto(env: Record<string, string>): Promise<void> {
  const store = await openStore(storeConfigFromEnv(env));
  try {
    await loadControlLists(new PostgresControlStore(store.kysely), { mirrorDir: MIRROR });
  } finally {
    await store.close();
  }
}
