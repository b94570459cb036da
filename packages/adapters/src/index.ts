export {
  openStore,
  storeConfigFromEnv,
  type OpenedStore,
  type StoreConfig,
  type StoreOptions,
} from './store/open-store.ts';
export { isConnectionError, toStoreError, STORE_RETRY_AFTER_SECONDS } from './store/connection-errors.ts';
export { migrate, listMigrationFiles } from './store/migrate.ts';
export { canonicalJson, contentHash } from './store/content-hash.ts';
export type { Database } from './store/database.ts';
export { defaultScreenWorkers, loadConfig, type AppConfig } from './config.ts';
export {
  openServices,
  servicesOver,
  type Services,
  type ServicesConfig,
  type ServicesOptions,
} from './open-services.ts';
export { LIST_FORMATS } from './ingest/formats.ts';
export type { ListFormat, ParsedList, ParseOptions, CountBounds } from './ingest/list-format.ts';
export { importList, findFormat, type ImportReport, type ImportOptions } from './import/import-list.ts';
export {
  syncMirror,
  type SyncReport,
  type SkippedItem,
  type SyncMirrorOptions,
} from './import/sync-mirror.ts';
export { withSyncLock } from './store/sync-lock.ts';
export * from './controls/index.ts';
export { PostgresControlStore } from './store/postgres-control-store.ts';
export type { ControlTables } from './store/control-tables.ts';
export { partyToFtm } from './ingest/ftm-jsonl/party-to-ftm.ts';
export { partyFromFtm } from './ingest/ftm-jsonl/party-from-ftm.ts';
export { exportFtmJsonl } from './ingest/ftm-jsonl/export-ftm-jsonl.ts';
export type { FtmEntity } from './ingest/ftm-jsonl/ftm-entity.ts';
export * from './licensing-data/index.ts';
export {
  ScreeningService,
  nameReferenceFor,
  type ClearanceShown,
  type ScreeningResult,
  type ScreeningResults,
  type ScreeningServiceOptions,
  type SubjectOf,
  type SubjectsOfListings,
} from './screening/screening-service.ts';
export { screenCsv, type BatchLine, type BatchSummary } from './screening/screen-csv.ts';
export { indexSnapshotFile } from './screening/index-snapshot-cache.ts';
export {
  buildColumnIndexInWorkers,
  snapshotOfPartiesInWorkers,
  type ColumnBuildOptions,
} from './screening/column-build.ts';
export * from './sharing/index.ts';
export {
  syncFromPublishers,
  type PublisherSyncOptions,
  type PublisherSyncReport,
  type PublisherSyncFailure,
  type PublisherSyncSkip,
} from './sync/sync-from-publishers.ts';
export {
  loadPublisherSources,
  resolveSourceUrl,
  publisherSyncEnv,
  DEFAULT_SOURCES_FILE,
  type PublisherSource,
  type PublisherSources,
  type PublisherFile,
  type PublisherSourceMode,
} from './sync/publisher-sources.ts';
export { downloadFile, type DownloadOptions, type DownloadedFile } from './sync/download-file.ts';
export {
  syncUsControls,
  usEcfrDir,
  type UsControlsSyncOptions,
  type UsControlsSyncReport,
  type UsControlsFailure,
} from './sync/sync-us-controls.ts';
export { US_ECFR_PARTS, ECFR_PART_URL, type UsEcfrPart } from './sync/us-ecfr-parts.ts';
export { describeMissingSources, isNetworkFailure } from './sync/describe-missing-sources.ts';
export * from './decision-records/index.ts';
export * from './supply/index.ts';
export {
  SubjectService,
  subjectServiceFor,
  type FullResolutionCause,
  type ResolutionReport,
  type SubjectRef,
  type SubjectServiceOptions,
} from './subjects/subject-service.ts';
export { clearSubject, listingsToClear, type NewSubjectClearance } from './subjects/clear-subject.ts';
export * from './monitoring/index.ts';
