export { openStore, storeConfigFromEnv, type StoreConfig } from './store/open-store.ts';
export { migrate, listMigrationFiles } from './store/migrate.ts';
export { canonicalJson, contentHash } from './store/content-hash.ts';
export type { Database } from './store/database.ts';
export { loadConfig, type AppConfig } from './config.ts';
