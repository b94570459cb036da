import type { AppConfig, MonitorService, ScreeningService } from '@entente/adapters';
import type { Store } from '@entente/core';
import type { SharingStore } from './routes/sharing-deps.ts';

/** What the app is built from; passed in by `main.ts` or by tests. */
export interface AppDeps {
  store: Store;
  config: AppConfig;
  version: string;
  /** Directory of the built web app, served at `/` when it exists. */
  webDir?: string;
  log(line: string): void;
  /** Allied information sharing; built over `store` when omitted (tests pass one with their own clock). */
  sharing?: SharingStore;
  /** This process's screening index; built from `store` on first use when omitted. */
  screening?: ScreeningService;
  /** Counterparty monitoring over `store` and `screening`; built on first use when omitted. */
  monitor?: MonitorService;
  /** Re-resolve subjects whenever a list version is stored (the server; `startServer` starts it). */
  subjectsFollowLists?: boolean;
}
