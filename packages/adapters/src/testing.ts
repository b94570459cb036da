// The test helpers other packages' tests use, as `@entente/adapters/testing` (package.json `exports`):
// stores per target (PGlite, PostgreSQL), the shared data folder, a sharing world, and small tools.
// Production code never imports this entry (lint forbids it outside tests).
export {
  storeTargets,
  type StorePlace,
  type StoreTarget,
  type TestStore,
} from './test-support/store-targets.ts';
export { REPO_ROOT, SHARED_DATA, hasSharedData, sharedDataPath } from './test-support/shared-data.ts';
export { freePort } from './test-support/free-port.ts';
export { stopChildren } from './test-support/stop-children.ts';
export { formatFixture } from './test-support/format-fixture.ts';
export { eventually } from './test-support/eventually.ts';
export { databaseTarget, startTcpProxy, type TcpProxy } from './test-support/tcp-proxy.ts';
export { syntheticDenialCsv, syntheticPartyName } from './test-support/synthetic-denial-csv.ts';
export { buildZip, type TestZipEntry } from './test-support/build-zip.ts';
export { xxeDocument } from './test-support/xxe-document.ts';
export {
  buildSharingWorld,
  sampleDenial,
  ManualClock,
  type SharingWorld,
} from './sharing/sharing-test-world.ts';
export {
  serveDirectory,
  serveFile,
  type DirectoryServer,
  type RouteFunction,
  type RouteHandler,
} from './sync/serve-directory.ts';
