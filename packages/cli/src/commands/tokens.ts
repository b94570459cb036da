import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { countOption } from '../numeric-option.ts';
import { CLI_SOURCE } from '@entente/adapters';
import { sharingOf } from './sharing-of.ts';

/** `entente tokens create|revoke`: API tokens, printed once and stored only as salted hashes. */
export function registerTokens(program: Command, ctx: () => CliContext): void {
  const tokens = program.command('tokens').description('API tokens for the API and scripts');
  tokens
    .command('create')
    .description('create an API token for a user (printed once; keep it secret)')
    .requiredOption('--user <id>', 'user id')
    .option('--days <n>', 'lifetime in days (default 90)', countOption('days', 3650))
    .action(async (opts: { user: string; days?: number }) => {
      const c = ctx();
      const t = await (
        await sharingOf(c)
      ).credentials.createToken(opts.user, CLI_SOURCE, opts.days ? { days: opts.days } : {});
      if (!c.json) c.note(`Token ${t.id}, valid until ${t.expiresAt}. It is shown only now.`);
      c.output(t, () => t.token);
    });
  tokens
    .command('revoke')
    .description('revoke an API token or session by id')
    .requiredOption('--id <id>', 'token id (tok_…) or session id (ses_…)')
    .action(async (opts: { id: string }) => {
      const c = ctx();
      await (await sharingOf(c)).credentials.revoke(opts.id, CLI_SOURCE);
      c.output({ id: opts.id, revoked: true }, () => `revoked ${opts.id}`);
    });
}
