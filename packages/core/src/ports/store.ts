import type { ClearanceStore } from './clearance-store.ts';
import type { PartyListStore } from './party-list-store.ts';

/** Which database backs the store. */
export type StoreKind = 'pglite' | 'postgres';

/** Where the store lives and what schema it has. */
export interface StoreInfo {
  kind: StoreKind;
  /** Data directory (PGlite) or the server URL without its password (PostgreSQL). */
  location: string;
  /** The highest applied migration. */
  schemaVersion: string;
  migrations: string[];
}

/** The whole store, one object handed down from `main.ts`. */
export interface Store extends PartyListStore, ClearanceStore {
  info(): StoreInfo;
  /** Checks the database answers (a trivial query), for health checks. */
  ping(): Promise<void>;
  /** Counts of what is loaded, by table, for `entente status`. */
  counts(): Promise<Record<string, number>>;
  /**
   * Calls `onChange` whenever any process stores a new list version
   * (PostgreSQL LISTEN/NOTIFY; in process for PGlite). Returns the unsubscribe function.
   * A server that cannot be reached now does not fail it: the subscription is made as soon as
   * it can be (`connectionProblems` says so meanwhile) and `onChange` is called then.
   */
  watchListVersions(onChange: () => void): Promise<() => Promise<void>>;
  /**
   * What is wrong with the store's standing connections right now (e.g. a
   * notification subscription being re-established), for health checks; cheap, no I/O.
   */
  connectionProblems?(): string[];
  close(): Promise<void>;
}
