import type { Kysely } from 'kysely';
import type { NameReference } from '@entente/core';
import type { AppConfig } from './config.ts';
import { catalogueOptionsOf, ControlCatalogueSource } from './controls/open-control-catalogue.ts';
import { DecisionRecordStore } from './decision-records/decision-record-store.ts';
import { MonitorService, type MonitorOptions } from './monitoring/monitor-service.ts';
import {
  nameReferenceFor,
  ScreeningService,
  type ScreeningServiceOptions,
} from './screening/screening-service.ts';
import { indexSnapshotFile } from './screening/index-snapshot-cache.ts';
import { readSnapshotBytes, type SnapshotBytes } from './screening/snapshot-file.ts';
import { denialMatcherSource } from './sharing/screening-denial-matcher.ts';
import { sharingStoreFor, type SharingOptions, type SharingStore } from './sharing/sharing-store.ts';
import type { Database } from './store/database.ts';
import { openStore, type OpenedStore, type StoreOptions } from './store/open-store.ts';
import { PostgresControlStore } from './store/postgres-control-store.ts';
import { subjectServiceFor, type SubjectService } from './subjects/subject-service.ts';

/** What the services read from the configuration: where the store is, the mirror and the fetched sources. */
export type ServicesConfig = Pick<AppConfig, 'store' | 'mirrorDir' | 'sourcesDir' | 'cacheDir'>;

/** How the services are built; every field has a default. */
export interface ServicesOptions {
  /** How the store reports lost connections and names this process. */
  store?: StoreOptions;
  /** Settings of the sharing store (clock, limits…); `denialMatcherOf` supplies the no-undercut test unless `matcher` is set. */
  sharingOptions?: SharingOptions;
  /** A sharing store built elsewhere (tests that move its clock by hand); replaces the one built here. */
  sharing?: SharingStore;
  /** How the screening service runs (worker threads and their errors). */
  screening?: ScreeningServiceOptions;
  /** How the monitor logs (and its clock, in tests). */
  monitor?: MonitorOptions;
  /**
   * The process will screen soon (`entente screen`, the server): `openServices` starts reading
   * the name reference and the index snapshot file while the store opens rather than after.
   */
  screenSoon?: boolean;
}

/** Reads started before the store was opened (see `ServicesOptions.screenSoon`). */
interface StartedReads {
  reference: Promise<NameReference>;
  snapshotBytes?: Promise<SnapshotBytes>;
}

/**
 * Every service of one process over one opened store and one `Kysely<Database>`.
 * Built once in `main` (API and CLI) and passed down; a new service is added here.
 */
export interface Services {
  /** The store port: parties, list versions, clearances and screening counters. */
  readonly store: OpenedStore;
  /** The SQL database under the store, typed for every table. */
  readonly db: Kysely<Database>;
  /** The control lists and crosswalk as stored. */
  readonly controls: PostgresControlStore;
  /** The control catalogue in force (re-read when the stored lists change) and the determination data. */
  readonly catalogue: ControlCatalogueSource;
  /** Append-only decision records. */
  readonly records: DecisionRecordStore;
  /** Allied information sharing: organisations, credentials, denials, applications, consultations, audit. */
  readonly sharing: SharingStore;
  /** The name reference tables of the mirror (or the built-in fallback), read once. */
  nameReference(): Promise<NameReference>;
  /** The screening index of this process, built from the store on the first call. */
  screening(): Promise<ScreeningService>;
  /** Continuous monitoring of the organisations' registers over the screening index, built on the first call. */
  monitor(): Promise<MonitorService>;
  /** Subjects across lists (resolution, listing gaps, analysts' decisions audited by `sharing`), built on the first call. */
  subjects(): Promise<SubjectService>;
  /** Closes the monitor and the screening service (when built), then the store and its lock. */
  close(): Promise<void>;
}

/**
 * The services over an already opened store (tests open theirs per store target);
 * `openServices` opens the store and calls this.
 */
export function servicesOver(
  store: OpenedStore,
  config: ServicesConfig,
  options: ServicesOptions = {},
  started?: StartedReads,
): Services {
  const db = store.kysely;
  const catalogue = new ControlCatalogueSource(db, catalogueOptionsOf(config));
  let reference: Promise<NameReference> | undefined = started?.reference;
  let screening: Promise<ScreeningService> | undefined;
  let monitor: Promise<MonitorService> | undefined;
  let subjects: Promise<SubjectService> | undefined;
  const nameReference = (): Promise<NameReference> =>
    (reference ??= nameReferenceFor(config.mirrorDir, config.cacheDir));
  const snapshotFile = snapshotFileOf(config);
  // The no-undercut test: the screening engine's name comparison and the catalogue's crosswalk
  // (bare codes while no control lists are loaded).
  const matcher = denialMatcherSource(nameReference, async () => (await catalogue.get()).catalogue);
  const sharing = options.sharing ?? sharingStoreFor(store, { matcher, ...options.sharingOptions });
  const openScreening = (): Promise<ScreeningService> =>
    (screening ??= nameReference().then((r) =>
      ScreeningService.open(store, r, {
        ...(snapshotFile ? { snapshotFile } : {}),
        ...(started?.snapshotBytes ? { snapshotBytes: started.snapshotBytes } : {}),
        ...options.screening,
      }),
    ));
  return {
    store,
    db,
    controls: new PostgresControlStore(db),
    catalogue,
    records: new DecisionRecordStore(db),
    sharing,
    nameReference,
    screening: openScreening,
    monitor: () => (monitor ??= openScreening().then((s) => new MonitorService(store, s, options.monitor))),
    subjects: () => (subjects ??= nameReference().then((r) => subjectServiceFor(store, r, sharing.audit))),
    async close() {
      const builtMonitor = await monitor?.catch(() => undefined);
      const built = await screening?.catch(() => undefined);
      try {
        await builtMonitor?.close();
        await built?.close();
      } finally {
        await store.close();
      }
    },
  };
}

/**
 * Opens the store once (applying migrations) and builds every service over it.
 *
 * @example
 * const services = await openServices(loadConfig(process.env));
 * const app = createApp({ services, config, version, log });
 */
export async function openServices(config: ServicesConfig, options: ServicesOptions = {}): Promise<Services> {
  const started = options.screenSoon ? startReads(config) : undefined;
  return servicesOver(await openStore(config.store, options.store), config, options, started);
}

/** The file of the store's index snapshot, when snapshots are kept. */
function snapshotFileOf(config: ServicesConfig): string | undefined {
  return config.cacheDir ? indexSnapshotFile(config.cacheDir, config.store) : undefined;
}

/**
 * Starts reading the name reference and the index snapshot file: file reads that go on in
 * libuv's thread pool while the store opens. The snapshot is checked against the store's
 * list versions only once they are read (`ScreeningService.open`), as when it is read then.
 */
function startReads(config: ServicesConfig): StartedReads {
  const reference = nameReferenceFor(config.mirrorDir, config.cacheDir);
  // Reported, if it fails, where the reference is used; not as an unhandled rejection meanwhile.
  reference.catch(() => undefined);
  const file = snapshotFileOf(config);
  return { reference, ...(file ? { snapshotBytes: readSnapshotBytes(file) } : {}) };
}
