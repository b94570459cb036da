import { loadControlLists, openStore, PostgresControlStore, type StoreConfig } from '@entente/adapters';
import { SHARED_DATA } from '@entente/adapters/testing';

/** Loads the control lists of the shared data into the store at `config`, then closes it. */
export async function loadControlsInto(config: StoreConfig): Promise<void> {
  const store = await openStore(config);
  try {
    await loadControlLists(new PostgresControlStore(store.kysely), { mirrorDir: SHARED_DATA });
  } finally {
    await store.close();
  }
}
