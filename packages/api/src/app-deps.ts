import type { AppConfig, Services } from '@entente/adapters';

/** What the app is built from; passed in by `main.ts` or by tests. */
export interface AppDeps {
  /** Every service of the process, opened once by `openServices` in `main.ts` (`servicesOver` in tests). */
  services: Services;
  config: AppConfig;
  version: string;
  /** Directory of the built web app, served at `/` when it exists. */
  webDir?: string;
  log(line: string): void;
  /** What the server is still loading after it started listening (e.g. the screening index), told by /health. */
  loading?(): string[];
}
