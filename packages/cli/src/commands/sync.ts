import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  LIST_FORMATS,
  publisherSyncEnv,
  syncFromPublishers,
  syncMirror,
  type PublisherSyncReport,
} from '@entente/adapters';
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

function describeOnline(report: PublisherSyncReport): string {
  return [
    describeImports(report.imported),
    '',
    `failed (${report.failed.length}):`,
    ...report.failed.map((f) => `  ${f.entry}: ${f.message}`),
    `not downloaded (${report.skipped.length}):`,
    ...report.skipped.map((s) => `  ${s.entry} (${s.mode}): ${s.why}`),
    '',
    `sources file ${report.sourcesFile}; done in ${report.seconds.toFixed(1)} s`,
  ].join('\n');
}

/** `entente sync --online`: download each list from its publisher (sources file) and import it. */
async function syncOnline(c: CliContext, opts: SyncOptions): Promise<void> {
  const store = await c.store();
  const env = publisherSyncEnv(process.env);
  const report = await syncFromPublishers(store, LIST_FORMATS, {
    ...env,
    ...(opts.sourcesFile ? { sourcesFile: opts.sourcesFile } : {}),
    ...(opts.only ? { only: opts.only.split(',').map((s) => s.trim()) } : {}),
    force: opts.force,
    onProgress: (m) => c.note(m),
  });
  c.output(report, () => describeOnline(report));
  // A cron job must notice a publisher that failed, even though the others were imported.
  if (report.failed.length > 0) process.exitCode = EXIT.internal;
}

/** `entente sync [--mirror DIR | --online]`: import every publication of a mirror, or from the publishers. */
export function registerSync(program: Command, ctx: () => CliContext): void {
  program
    .command('sync')
    .description(
      'import every list found in a mirror directory laid out like ../shared/data (lists/, controls/); ' +
        'without a mirror (or with --online), download each list from its publisher',
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
    });
}
