import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { DomainError, validateScreeningQuery } from '@entente/core';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';

/** `entente clear` and `entente clearances`: mark a match as a false positive, list and revoke clearances. */
export function registerClear(program: Command, ctx: () => CliContext): void {
  program
    .command('clear')
    .description(
      'mark a listed party as a false positive for a screened subject (shown as cleared in later screenings)',
    )
    .argument('<entityId>', 'the listed party, e.g. us-ofac-sdn:12345')
    .requiredOption('--name <name>', 'the screened name, as screened')
    .requiredOption('--reason <text>', 'why this is not the listed party')
    .option('--country <XX>', 'the screened country, as screened')
    .option('--birth-date <date>', 'the screened birth date, as screened')
    .option('--expires <date>', 'when the clearance lapses (YYYY-MM-DD); default one year')
    .option('--by <who>', 'who clears it (default: the OS user)')
    .action(
      async (
        entityId: string,
        opts: {
          name: string;
          reason: string;
          country?: string;
          birthDate?: string;
          expires?: string;
          by?: string;
        },
      ) => {
        const c = ctx();
        const store = await c.store();
        const q = validateScreeningQuery({
          name: opts.name,
          country: opts.country,
          birthDate: opts.birthDate,
        });
        if (!(await store.getParty(entityId)))
          throw new DomainError('not-found', `No party ${entityId} in the latest lists`, {
            field: 'entityId',
          });
        const expires = opts.expires ? new Date(opts.expires) : new Date(Date.now() + 365 * 86_400_000);
        if (Number.isNaN(expires.getTime()))
          throw new DomainError('invalid-input', `--expires "${opts.expires}" is not a date`, {
            field: 'expires',
          });
        const clearance = await store.saveClearance({
          subject: { name: q.name, country: q.country, birthDate: q.birthDate },
          entityId,
          reason: opts.reason,
          clearedBy: opts.by ?? `cli:${userInfo().username}`,
          expiresAt: expires.toISOString(),
        });
        c.output(
          clearance,
          () =>
            `cleared ${entityId} for "${q.name}" until ${clearance.expiresAt?.slice(0, 10)} (id ${clearance.id})`,
        );
      },
    );
  const list = program
    .command('clearances')
    .description('list cleared matches (all, with their state)')
    .action(async () => {
      const c = ctx();
      const all = await (await c.store()).clearances();
      c.output({ clearances: all }, () =>
        formatTable(
          ['id', 'subject', 'party', 'by', 'created', 'expires', 'state', 'reason'],
          all.map((x) => [
            x.id.slice(0, 8),
            x.subjectKey,
            x.entityId,
            x.clearedBy,
            x.createdAt.slice(0, 10),
            x.expiresAt?.slice(0, 10),
            x.revokedAt ? 'revoked' : 'active',
            x.reason,
          ]),
        ),
      );
    });
  list
    .command('revoke')
    .argument('<id>', 'clearance id')
    .description('revoke a clearance (it stays on record)')
    .action(async (id: string) => {
      const c = ctx();
      const r = await (await c.store()).revokeClearance(id);
      c.output(r, () => `revoked ${r.id}`);
    });
}
