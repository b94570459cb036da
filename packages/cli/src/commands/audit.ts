import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { sharingOf } from './sharing-of.ts';

/** `entente audit verify`: re-computes the audit log's hash chain; exit code 1 when a link is broken. */
export function registerAudit(program: Command, ctx: () => CliContext): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('re-compute the hash chain and report the first broken link')
    .action(async () => {
      const c = ctx();
      const result = await (await sharingOf(c)).audit.verify();
      c.output(result, () =>
        result.ok
          ? `audit log intact: ${result.checked} entries verified`
          : `audit log BROKEN at entry ${result.firstBroken!.seq} (${result.firstBroken!.reason}); ${result.checked} entries before it verified`,
      );
      if (!result.ok) process.exitCode = EXIT.input;
    });
}
