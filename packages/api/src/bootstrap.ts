import { LIST_FORMATS, syncMirror, type AppConfig } from '@entente/adapters';
import type { Store } from '@entente/core';

/**
 * On a first start with an empty store, loads the lists from the mirror
 * directory so that a new user sees real data; later starts reuse the store.
 */
export async function bootstrapStore(store: Store, config: AppConfig, log: (line: string) => void): Promise<void> {
  const loaded = await store.latestVersions();
  if (loaded.length > 0) return;
  if (!config.mirrorDir) {
    log('empty store and no mirror directory (set ENTENTE_MIRROR): starting without lists');
    return;
  }
  log(`first start: loading lists from ${config.mirrorDir} …`);
  const report = await syncMirror(store, LIST_FORMATS, config.mirrorDir, {
    onGroup: (done, total, label) => {
      if (done < total) log(`  [${done + 1}/${total}] ${label}`);
    },
  });
  const records = report.imported.reduce((n, r) => n + r.records, 0);
  log(`loaded ${report.imported.length} list versions (${records} records) in ${report.seconds.toFixed(1)} s; ${report.skipped.length} skipped`);
}
