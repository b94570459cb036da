import { openStore, type AppConfig } from '@entente/adapters';
import type { Store } from '@entente/core';

/** What every command receives: the frozen config, output helpers and a lazily opened store. */
export interface CliContext {
  config: AppConfig;
  json: boolean;
  /** Opens the store once; later calls return the same one. */
  store(): Promise<Store>;
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
  let opened: Promise<Store> | undefined;
  const print = (line: string) => process.stdout.write(line + '\n');
  return {
    config,
    json,
    store: () => (opened ??= openStore(config.store)),
    print,
    note: (line) => process.stderr.write(line + '\n'),
    output: (value, human) => print(json ? JSON.stringify(value, null, 2) : human()),
    async close() {
      // A store that failed to open (e.g. `store-locked`) was reported already; there is nothing to close.
      const store = await opened?.catch(() => undefined);
      await store?.close();
    },
  };
}
