import { openServices, type AppConfig, type OpenedStore, type Services } from '@entente/adapters';

/** What every command receives: the frozen config, output helpers and the lazily opened services. */
export interface CliContext {
  config: AppConfig;
  json: boolean;
  /**
   * Opens the store and builds every service over it (`openServices`) on the
   * first call; later calls return the same ones. Commands that need no store
   * (e.g. `serve`, whose child process owns it) never open it. A command that screens
   * one name and ends says so (`'screen-one'`, on the first call): the name reference and
   * the index snapshot are read while the store opens, and the index is read over the
   * snapshot's columns instead of made into objects (see `ScreeningServiceOptions.overColumns`),
   * and an embedded store starts with a small buffer pool (`StoreOptions.brief`).
   */
  services(purpose?: 'screen-one'): Promise<Services>;
  /** The store of `services()`. */
  store(): Promise<OpenedStore>;
  /** Writes a line to stdout. */
  print(line: string): void;
  /** Writes a line to stderr (progress, warnings). */
  note(line: string): void;
  /** Prints a value as JSON (with --json) or as the given human text. */
  output(value: unknown, human: () => string): void;
  close(): Promise<void>;
}

/** Builds the command context from the global options. */
export function createContext(config: AppConfig, json: boolean): CliContext {
  let opened: Promise<Services> | undefined;
  const note = (line: string) => process.stderr.write(line + '\n');
  const services = (purpose?: 'screen-one') =>
    (opened ??= openServices(config, {
      monitor: { log: note },
      ...(purpose === 'screen-one'
        ? { screenSoon: true, screening: { overColumns: true }, store: { brief: true } }
        : {}),
    }));
  const print = (line: string) => process.stdout.write(line + '\n');
  return {
    config,
    json,
    services,
    store: async () => (await services()).store,
    print,
    note,
    output: (value, human) => print(json ? JSON.stringify(value, null, 2) : human()),
    async close() {
      // Services that failed to open (e.g. `store-locked`) were reported already; there is nothing to close.
      const built = await opened?.catch(() => undefined);
      await built?.close();
    },
  };
}
