import { existsSync } from 'node:fs';
import path from 'node:path';
import { storeConfigFromEnv, type StoreConfig } from './store/open-store.ts';

/** Everything Entente reads from its environment, read once in `main.ts` and frozen. */
export interface AppConfig {
  store: StoreConfig;
  /** Local mirror directory laid out like `../shared/data` (`lists/`, `controls/`), when one is configured or found. */
  mirrorDir?: string;
  /** HTTP port for `entente serve`. */
  port: number;
}

/**
 * Reads the configuration: `DATABASE_URL` or `ENTENTE_DB` (or `--db`),
 * `ENTENTE_MIRROR` (else `../shared/data` beside the working directory when it
 * exists), `PORT`.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  flags: { db?: string; mirror?: string; port?: number; cwd?: string } = {},
): AppConfig {
  const cwd = flags.cwd ?? process.cwd();
  const defaultMirror = path.resolve(cwd, '../shared/data');
  const mirror =
    flags.mirror ?? env.ENTENTE_MIRROR ?? (existsSync(defaultMirror) ? defaultMirror : undefined);
  return Object.freeze({
    store: storeConfigFromEnv(env, { db: flags.db }),
    mirrorDir: mirror ? path.resolve(cwd, mirror) : undefined,
    port: flags.port ?? (env.PORT ? Number(env.PORT) : 8080),
  });
}
