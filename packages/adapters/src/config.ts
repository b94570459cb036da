import { existsSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import path from 'node:path';
import { DomainError } from '@entente/core';
import { storeConfigFromEnv, type StoreConfig } from './store/open-store.ts';

/** Everything Entente reads from its environment, read once in `main.ts` and frozen. */
export interface AppConfig {
  store: StoreConfig;
  /** Local mirror directory laid out like `../shared/data` (`lists/`, `controls/`), when one is configured or found. */
  mirrorDir?: string;
  /** Where `entente sync --online` keeps the eCFR texts it fetched, laid out like a mirror (`controls/us/ecfr/`). */
  sourcesDir?: string;
  /** True when a first start must not reach the network (`ENTENTE_OFFLINE=1`). */
  offline?: boolean;
  /** HTTP port for `entente serve`. */
  port: number;
  /** Screening worker threads of `entente serve` (0 or unset: screen on the event loop). */
  screenWorkers?: number;
  /**
   * Whether `entente serve`, with screening workers, keeps the monitor's delta worker (one more
   * thread with a copy of the index, started after a monitoring run) that shares a delta's
   * screening with the main thread (`ENTENTE_DELTA_WORKER`, `on` by default; `off`: a delta runs
   * on the main thread alone, without the copy's memory).
   */
  deltaWorker?: boolean;
  /** Where the screening index snapshot is kept (see `cacheDirOf`); none: the index is built at every start. */
  cacheDir?: string;
  /**
   * Whether `entente serve` resolves subjects on its own the first time it finds lists that no
   * resolution covered (`ENTENTE_RESOLVE_SUBJECTS`, `on` by default; `off`: only once someone
   * resolved them). After a resolution it re-resolves on every list update either way.
   */
  resolveSubjectsFirst?: boolean;
}

/**
 * Where snapshots are kept: `ENTENTE_CACHE_DIR` (`off`: nowhere), else beside an embedded
 * store (`<data dir>/entente-cache`), else for PostgreSQL `$XDG_CACHE_HOME/entente`
 * (default `~/.cache/entente`); nowhere for an in-memory store.
 */
export function cacheDirOf(
  env: Record<string, string | undefined>,
  store: StoreConfig,
  cwd: string,
): string | undefined {
  const set = env.ENTENTE_CACHE_DIR;
  if (set === 'off') return undefined;
  if (set) return path.resolve(cwd, set);
  if (!store.databaseUrl)
    return store.dataDir.startsWith('memory://')
      ? undefined
      : path.resolve(cwd, store.dataDir, 'entente-cache');
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'entente');
}

/** Default screening workers: one core per worker, leaving one for HTTP, at most 4. */
export function defaultScreenWorkers(cores = availableParallelism()): number {
  return Math.max(0, Math.min(4, cores - 1));
}

function screenWorkersFrom(value: string | undefined): number {
  if (value === undefined || value === '') return defaultScreenWorkers();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new DomainError('invalid-input', 'ENTENTE_SCREEN_WORKERS must be a whole number from 0 to 64', {
      field: 'ENTENTE_SCREEN_WORKERS',
      value,
    });
  return n;
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new DomainError('invalid-input', `${name} must be on or off`, { field: name, value });
}

/**
 * Reads the configuration: `DATABASE_URL` or `ENTENTE_DB` (or `--db`),
 * `ENTENTE_MIRROR` (else `../shared/data` beside the working directory when it
 * exists), `ENTENTE_SOURCES_DIR` (default `./.entente-sources`), `ENTENTE_OFFLINE`,
 * `PORT`, `ENTENTE_SCREEN_WORKERS`, `ENTENTE_DELTA_WORKER`, `ENTENTE_CACHE_DIR`,
 * `ENTENTE_RESOLVE_SUBJECTS`.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  flags: { db?: string; mirror?: string; port?: number; cwd?: string } = {},
): AppConfig {
  const cwd = flags.cwd ?? process.cwd();
  const defaultMirror = path.resolve(cwd, '../shared/data');
  const mirror =
    flags.mirror ?? env.ENTENTE_MIRROR ?? (existsSync(defaultMirror) ? defaultMirror : undefined);
  const store = storeConfigFromEnv(env, { db: flags.db });
  return Object.freeze({
    store,
    cacheDir: cacheDirOf(env, store, cwd),
    mirrorDir: mirror ? path.resolve(cwd, mirror) : undefined,
    sourcesDir: path.resolve(cwd, env.ENTENTE_SOURCES_DIR || '.entente-sources'),
    offline: env.ENTENTE_OFFLINE === '1' || env.ENTENTE_OFFLINE === 'true',
    port: flags.port ?? (env.PORT ? Number(env.PORT) : 8080),
    screenWorkers: screenWorkersFrom(env.ENTENTE_SCREEN_WORKERS),
    deltaWorker: onOff('ENTENTE_DELTA_WORKER', env.ENTENTE_DELTA_WORKER, true),
    resolveSubjectsFirst: onOff('ENTENTE_RESOLVE_SUBJECTS', env.ENTENTE_RESOLVE_SUBJECTS, true),
  });
}
