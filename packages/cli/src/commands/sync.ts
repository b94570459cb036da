import { existsSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  describeMissingSources,
  LIST_FORMATS,
  loadControlLists,
  PostgresControlStore,
  publisherSyncEnv,
  syncFromPublishers,
  syncMirror,
  syncUsControls,
  withSyncLock,
  type ControlLoadReport,
  type PublisherSyncReport,
  type UsControlsSyncReport,
} from '@entente/adapters';
import { refreshSubjects } from './subjects.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { describeImports } from './import.ts';

interface SyncOptions {
  mirror?: string;
  force?: boolean;
  online?: boolean;
  sourcesFile?: string;
  only?: string;
}

function describeUsControls(us: UsControlsSyncReport): string[] {
  return [
    `US control data from the eCFR (${us.fetched.length}/${us.fetched.length + us.failed.length} parts, ${us.seconds.toFixed(1)} s):`,
    ...us.fetched.map((f) => `  part ${f.part}: ${f.bytes} bytes, eCFR of ${f.date}`),
    ...us.failed.map((f) => `  part ${f.part} (${f.what}): ${f.message}`),
    us.ccl
      ? `  US control list ${us.ccl.version}: ${us.ccl.eccns} ECCNs, ${us.ccl.entries} entries${us.ccl.created ? '' : ' (unchanged)'}; texts kept in ${us.sourcesDir}`
      : '  nothing saved: the parts are read together or not at all',
  ];
}

function describeOnline(report: OnlineReport): string {
  const missing = [
    ...report.failed.map((f) => `${f.entry}: ${f.message}`),
    ...report.usControls.failed.map((f) => `US ${f.what}: ${f.message}`),
  ];
  return [
    describeImports(report.imported),
    '',
    `failed (${report.failed.length}):`,
    ...report.failed.map((f) => `  ${f.entry}: ${f.message}`),
    `not downloaded (${report.skipped.length}):`,
    ...report.skipped.map((s) => `  ${s.entry} (${s.mode}): ${s.why}`),
    '',
    ...describeUsControls(report.usControls),
    `control lists: ${report.controls.lists.length} versions stored, ${report.controls.correspondences.count} crosswalk links`,
    '',
    `sources file ${report.sourcesFile}; done in ${report.seconds.toFixed(1)} s`,
    ...(missing.length > 0
      ? ['', ...describeMissingSources(missing, [...report.failed, ...report.usControls.failed])]
      : []),
  ].join('\n');
}

/** The online sync's report: the lists, then the US control data. */
type OnlineReport = PublisherSyncReport & { usControls: UsControlsSyncReport; controls: ControlLoadReport };

/** A progress bar on stderr (shown on a terminal and in logs alike). */
function progressBar(name: string): {
  update(done: number, total: number, label: string): void;
  stop(): void;
} {
  const bar = new SingleBar(
    {
      format: `${name} [{bar}] {value}/{total} {label}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: false,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      if (!started) bar.start(total, 0, { label });
      started = true;
      bar.update(done, { label });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** `entente sync --online`: download each list from its publisher (sources file) and import it. */
async function syncOnline(c: CliContext, opts: SyncOptions): Promise<void> {
  const store = await c.store();
  const env = publisherSyncEnv(process.env);
  const lists = progressBar('lists');
  const listsReport = await syncFromPublishers(store, LIST_FORMATS, {
    ...env,
    ...(opts.sourcesFile ? { sourcesFile: opts.sourcesFile } : {}),
    ...(opts.only ? { only: opts.only.split(',').map((s) => s.trim()) } : {}),
    force: opts.force,
    onEntry: (done, total, label) => lists.update(done, total, label),
  });
  lists.stop();
  const parts = progressBar('US eCFR');
  const usControls = await syncUsControls(store, {
    sourcesDir: c.config.sourcesDir ?? '.entente-sources',
    ...(env.baseUrlOverride ? { baseUrlOverride: env.baseUrlOverride } : {}),
    onPart: (done, total, label) => parts.update(done, total, label),
  });
  parts.stop();
  // The crosswalk is derived again from the CCL just fetched and the project's datasets (and the
  // mirror's lists, when one is configured, so its USML and regime trees keep their links).
  const sourcesDir = c.config.sourcesDir ?? '.entente-sources';
  const mirrorDir = c.config.mirrorDir && existsSync(c.config.mirrorDir) ? c.config.mirrorDir : undefined;
  const controls = await withSyncLock(
    store,
    () => loadControlLists(new PostgresControlStore(store.kysely), { mirrorDir, sourcesDir }),
    { wait: true },
  );
  const report: OnlineReport = { ...listsReport, usControls, controls };
  c.output(report, () => describeOnline(report));
  await refreshSubjects(c);
  // A cron job must notice a publisher that failed, even though the others were imported.
  if (report.failed.length > 0 || usControls.failed.length > 0) process.exitCode = EXIT.internal;
}

/** `entente sync [--mirror DIR | --online]`: import every publication of a mirror, or from the publishers. */
export function registerSync(program: Command, ctx: () => CliContext): void {
  program
    .command('sync')
    .description(
      'import every list found in a mirror directory laid out like ../shared/data (lists/, controls/); ' +
        'without a mirror (or with --online), download each list from its publisher and the US control data ' +
        '(15 CFR parts 738, 740, 774) from the eCFR',
    )
    .option('--mirror <dir>', 'local mirror directory (default $ENTENTE_MIRROR or ../shared/data)')
    .option('--online', "download from the publishers' official URLs even when a mirror is configured")
    .option(
      '--sources-file <file>',
      'sources file for --online (default $ENTENTE_SOURCES_FILE or the shipped one)',
    )
    .option('--only <ids>', 'comma-separated sources-file entries to download (may name optional ones)')
    .option('--force', 'accept record counts outside the expected bounds')
    .action(async (opts: SyncOptions) => {
      const c = ctx();
      const mirror = opts.mirror ?? c.config.mirrorDir;
      if (opts.online || !mirror) {
        await syncOnline(c, opts);
        return;
      }
      const store = await c.store();
      const bar = new SingleBar(
        {
          format: 'sync [{bar}] {value}/{total} {label}',
          stream: process.stderr,
          hideCursor: true,
          noTTYOutput: false,
        },
        Presets.shades_classic,
      );
      let started = false;
      const report = await syncMirror(store, LIST_FORMATS, mirror, {
        force: opts.force,
        ...(c.config.sourcesDir ? { sourcesDir: c.config.sourcesDir } : {}),
        onGroup: (done, total, label) => {
          if (!started) {
            bar.start(total, 0, { label });
            started = true;
          }
          bar.update(done, { label });
        },
      });
      if (started) bar.stop();
      c.output(report, () =>
        [
          describeImports(report.imported),
          '',
          `skipped (${report.skipped.length}):`,
          ...report.skipped.map((s) => `  ${s.path}: ${s.reason}`),
          '',
          `done in ${report.seconds.toFixed(1)} s`,
        ].join('\n'),
      );
      await refreshSubjects(c);
    });
}
