import {
  LIST_FORMATS,
  loadControlLists,
  PostgresControlStore,
  syncMirror,
  withSyncLock,
  type AppConfig,
  type OpenedStore,
} from '@entente/adapters';
import { existsSync } from 'node:fs';

/**
 * On a first start with an empty store, loads the lists from the mirror
 * directory so that a new user sees real data; later starts reuse the store.
 * The control lists are loaded on their own when only they are missing
 * (a store filled before `sync` learnt to load them).
 */
export async function bootstrapStore(
  store: OpenedStore,
  config: AppConfig,
  log: (line: string) => void,
): Promise<void> {
  const loaded = await store.latestVersions();
  const controls = new PostgresControlStore(store.kysely);
  const controlsMissing = (await controls.listControlVersions()).length === 0;
  if (loaded.length > 0 && !controlsMissing) return;
  if (!config.mirrorDir || !existsSync(config.mirrorDir)) {
    log(
      `empty store and no mirror directory${config.mirrorDir ? ` at ${config.mirrorDir}` : ''} (set ENTENTE_MIRROR): starting without lists`,
    );
    return;
  }
  if (loaded.length > 0) {
    log(`loading the control lists from ${config.mirrorDir} …`);
    const mirrorDir = config.mirrorDir;
    const report = await withSyncLock(store, () => loadControlLists(controls, { mirrorDir }), { wait: true });
    log(
      `loaded ${report.lists.length} control list versions and ${report.correspondences.count} crosswalk links`,
    );
    return;
  }
  log(`first start: loading lists from ${config.mirrorDir} …`);
  // Another API node starting on the same PostgreSQL store may be loading it too: wait for it, then no-op.
  const report = await syncMirror(store, LIST_FORMATS, config.mirrorDir, {
    waitForOtherSync: true,
    onGroup: (done, total, label) => {
      if (done < total) log(`  [${done + 1}/${total}] ${label}`);
    },
  });
  const records = report.imported.reduce((n, r) => n + r.records, 0);
  const controlsLine = report.controls ? `, ${report.controls.lists.length} control list versions` : '';
  log(
    `loaded ${report.imported.length} list versions (${records} records)${controlsLine} in ${report.seconds.toFixed(1)} s; ${report.skipped.length} skipped`,
  );
}
