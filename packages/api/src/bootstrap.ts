import {
  describeMissingSources,
  isNetworkFailure,
  LIST_FORMATS,
  loadControlLists,
  PostgresControlStore,
  publisherSyncEnv,
  syncFromPublishers,
  syncMirror,
  syncUsControls,
  withSyncLock,
  type AppConfig,
  type ControlLoadReport,
  type OpenedStore,
} from '@entente/adapters';
import { existsSync } from 'node:fs';

/**
 * On a first start with an empty store, loads the lists from the mirror
 * directory so that a new user sees real data; later starts reuse the store.
 * The control lists are loaded on their own when only they are missing
 * (a store filled before `sync` learnt to load them). With no mirror, the
 * first start downloads instead (`bootstrapOnline`), unless `ENTENTE_OFFLINE=1`.
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
    const where = config.mirrorDir ? ` at ${config.mirrorDir}` : '';
    if (loaded.length > 0) {
      // The lists are there; only the control lists are missing: load what needs no mirror.
      log(`no control lists stored and no mirror directory${where}: loading the project's control lists …`);
      logControlLoad(await loadControlsWithoutMirror(store, config), log);
      log(
        '(the USML and the MTCR and NSG lists need a mirror: set ENTENTE_MIRROR, or run entente sync --online)',
      );
      return;
    }
    if (config.offline) {
      log(`empty store and no mirror directory${where} (set ENTENTE_MIRROR): starting without lists`);
      // The control lists Entente ships need no network.
      logControlLoad(await loadControlsWithoutMirror(store, config), log);
      return;
    }
    log(`empty store and no mirror directory${where}: downloading the lists and the US control data …`);
    await bootstrapOnline(store, config, log);
    return;
  }
  if (loaded.length > 0) {
    log(`loading the control lists from ${config.mirrorDir} …`);
    const mirrorDir = config.mirrorDir;
    const report = await withSyncLock(store, () => loadControlLists(controls, { mirrorDir }), { wait: true });
    logControlLoad(report, log);
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

function logControlLoad(report: ControlLoadReport, log: (line: string) => void): void {
  log(
    `loaded ${report.lists.length} control list versions and ${report.correspondences.count} crosswalk links`,
  );
}

/**
 * Stores the control lists that need no mirror (the US CCL an online sync
 * fetched, and the EU, UK, JP, Wassenaar and Australia Group datasets shipped
 * with Entente) and the crosswalk between them.
 */
function loadControlsWithoutMirror(store: OpenedStore, config: AppConfig): Promise<ControlLoadReport> {
  const controls = new PostgresControlStore(store.kysely);
  const sourcesDir = config.sourcesDir ?? '.entente-sources';
  return withSyncLock(store, () => loadControlLists(controls, { mirrorDir: undefined, sourcesDir }), {
    wait: true,
  });
}

/**
 * A first start without a mirror: fetches the US control data (15 CFR parts
 * 738, 740, 774 from the eCFR) and then the lists from their publishers, logging
 * progress; says plainly what could not be fetched and how to point Entente at
 * a mirror. With no network it says so after the first attempt and starts
 * without lists rather than waiting on every publisher.
 */
export async function bootstrapOnline(
  store: OpenedStore,
  config: AppConfig,
  log: (line: string) => void,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const online = publisherSyncEnv(env);
  const us = await syncUsControls(store, {
    sourcesDir: config.sourcesDir ?? '.entente-sources',
    // Another API node starting on the same PostgreSQL store may be fetching too: wait for it.
    waitForOtherSync: true,
    ...(online.baseUrlOverride ? { baseUrlOverride: online.baseUrlOverride } : {}),
    onPart: (done, total, label) => {
      if (done < total) log(`  [${done + 1}/${total}] eCFR ${label}`);
    },
  });
  if (us.ccl) log(`US control list ${us.ccl.version}: ${us.ccl.eccns} ECCNs (${us.ccl.entries} entries)`);
  // The project's own control lists ship with Entente: loaded whether or not the eCFR answered.
  logControlLoad(await loadControlsWithoutMirror(store, config), log);
  const missing = us.failed.map((f) => `US ${f.what}: ${f.message}`);
  if (us.failed.length > 0 && us.failed.every(isNetworkFailure)) {
    for (const line of describeMissingSources([...missing, 'every restricted-party list'], us.failed))
      log(line);
    log('starting without lists');
    return;
  }
  const lists = await syncFromPublishers(store, LIST_FORMATS, {
    ...online,
    waitForOtherSync: true,
    onEntry: (done, total, label) => {
      if (done < total) log(`  [${done + 1}/${total}] list ${label}`);
    },
  });
  const records = lists.imported.reduce((n, r) => n + r.records, 0);
  log(`loaded ${lists.imported.length} list versions (${records} records) in ${lists.seconds.toFixed(1)} s`);
  missing.push(...lists.failed.map((f) => `${f.entry}: ${f.message}`));
  for (const line of describeMissingSources(missing, [...us.failed, ...lists.failed])) log(line);
}
