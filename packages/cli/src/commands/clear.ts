import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { DomainError, validateScreeningQuery, type ClearanceAuthor } from '@entente/core';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { clearSubject, CLI_SOURCE } from '@entente/adapters';
import { organisationOf } from './sharing-of.ts';

const ORG_HELP =
  'the organisation whose decision it is (see `entente orgs list`): a clearance applies only to its screenings';

/** The CLI in the audit chain: `cli`, from the local machine, acting for no organisation of its own. */
const CLI_AUTHOR: ClearanceAuthor = CLI_SOURCE;

/**
 * `entente clear` and `entente clearances`: mark a match as a false positive, list and revoke
 * clearances. Clearances belong to one organisation; the CLI is a local administrator and says
 * which one with `--org` every time. Creating and revoking are audited (as `cli`).
 */
export function registerClear(program: Command, ctx: () => CliContext): void {
  program
    .command('clear')
    .description(
      "mark a listed party as a false positive for a screened subject, for one organisation (shown as cleared in that organisation's later screenings; audited)",
    )
    .argument('[entityId]', 'the listed party, e.g. us-ofac-sdn:12345 (or give --subject)')
    .option(
      '--subject <subjectId>',
      'clear a resolved subject instead, as `entente screen` names it: every listing it has now (a listing joining it later is shown again)',
    )
    .requiredOption('--org <id>', ORG_HELP)
    .requiredOption('--name <name>', 'the screened name, as screened')
    .requiredOption('--reason <text>', 'why this is not the listed party')
    .option('--country <XX>', 'the screened country, as screened')
    .option('--birth-date <date>', 'the screened birth date, as screened')
    .option('--expires <date>', 'when the clearance lapses (YYYY-MM-DD); default one year')
    .option('--by <who>', 'who clears it (default: the OS user)')
    .action(
      async (
        entityId: string | undefined,
        opts: {
          subject?: string;
          org: string;
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
        const org = await organisationOf(c, opts.org);
        const q = validateScreeningQuery({
          name: opts.name,
          country: opts.country,
          birthDate: opts.birthDate,
        });
        if ((entityId === undefined) === (opts.subject === undefined))
          throw new DomainError('invalid-input', 'Name one listed party (entityId) or --subject <id>', {
            field: 'entityId',
          });
        if (entityId !== undefined && !(await store.getParty(entityId)))
          throw new DomainError('not-found', `No party ${entityId} in the latest lists`, {
            field: 'entityId',
          });
        const expires = opts.expires ? new Date(opts.expires) : new Date(Date.now() + 365 * 86_400_000);
        if (Number.isNaN(expires.getTime()))
          throw new DomainError('invalid-input', `--expires "${opts.expires}" is not a date`, {
            field: 'expires',
          });
        const input = {
          orgId: org.id,
          subject: { name: q.name, country: q.country, birthDate: q.birthDate },
          reason: opts.reason,
          clearedBy: opts.by ?? `cli:${userInfo().username}`,
          expiresAt: expires.toISOString(),
        };
        const clearance =
          opts.subject !== undefined
            ? await clearSubject(store, { ...input, subjectId: opts.subject }, CLI_AUTHOR)
            : await store.saveClearance({ ...input, entityId: entityId! }, CLI_AUTHOR);
        const what = clearance.listings
          ? `subject ${clearance.entityId} (${clearance.listings.join(', ')})`
          : clearance.entityId;
        c.output(
          clearance,
          () =>
            `cleared ${what} for "${q.name}" in ${org.name} until ${clearance.expiresAt?.slice(0, 10)} (id ${clearance.id})`,
        );
      },
    );
  // `--org` belongs to `clearances` so that `clearances revoke ID --org X` and
  // `clearances --org X revoke ID` both work; it is checked rather than declared required
  // because commander would also demand it of the parent when only the subcommand runs.
  const list = program
    .command('clearances')
    .description("list one organisation's cleared matches (all, with their state)")
    .option('--org <id>', `required: ${ORG_HELP}`)
    .action(async (opts: { org?: string }) => {
      const c = ctx();
      const org = await organisationOf(c, orgOption(opts.org));
      const all = await (await c.store()).clearances(org.id);
      c.output({ clearances: all }, () =>
        formatTable(
          ['id', 'subject', 'party', 'by', 'created', 'expires', 'state', 'reason'],
          all.map((x) => [
            x.id.slice(0, 8),
            x.subjectKey,
            x.listings ? `subject ${x.entityId} (${x.listings.length} listings)` : x.entityId,
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
    .description(
      "revoke one of an organisation's clearances, named with `clearances --org <id>` (it stays on record; audited)",
    )
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const c = ctx();
      const org = await organisationOf(c, orgOption((cmd.optsWithGlobals() as { org?: string }).org));
      const r = await (await c.store()).revokeClearance(org.id, id, CLI_AUTHOR);
      c.output(r, () => `revoked ${r.id}`);
    });
}

/** The `--org` value, or a usage error saying it is needed. */
function orgOption(org: string | undefined): string {
  if (!org)
    throw new DomainError(
      'invalid-input',
      'Name the organisation with --org <id> (see `entente orgs list`)',
      {
        field: 'org',
      },
    );
  return org;
}
