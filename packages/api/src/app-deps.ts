import type { AppConfig } from '@entente/adapters';
import type { Store } from '@entente/core';

/** What the app is built from; passed in by `main.ts` or by tests. */
export interface AppDeps {
  store: Store;
  config: AppConfig;
  version: string;
  /** Directory of the built web app, served at `/` when it exists. */
  webDir?: string;
  log(line: string): void;
}
