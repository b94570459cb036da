import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DomainError } from '@entente/core';
import { LIST_FORMATS, syncMirror } from '@entente/adapters';
import type { CliContext } from '../context.ts';
import { describeImports } from './import.ts';

/** `entente sync [--mirror DIR]`: import every publication found in a mirror directory. */
export function registerSync(program: Command, ctx: () => CliContext): void {
  program
    .command('sync')
    .description('import every list found in a mirror directory laid out like ../shared/data (lists/, controls/)')
    .option('--mirror <dir>', 'local mirror directory (default $ENTENTE_MIRROR or ../shared/data)')
    .option('--force', 'accept record counts outside the expected bounds')
    .action(async (opts: { mirror?: string; force?: boolean }) => {
      const c = ctx();
      const mirror = opts.mirror ?? c.config.mirrorDir;
      if (!mirror) {
        throw new DomainError('invalid-input', 'No mirror directory: pass --mirror DIR or set ENTENTE_MIRROR', { field: 'mirror' });
      }
      const store = await c.store();
      const bar = new SingleBar(
        { format: 'sync [{bar}] {value}/{total} {label}', stream: process.stderr, hideCursor: true, noTTYOutput: false },
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
