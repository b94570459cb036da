import type { Command } from 'commander';
import { CLI_SOURCE } from '@entente/adapters';
import { DomainError, USER_ROLES, type UserRole } from '@entente/core';
import type { CliContext } from '../context.ts';
import { sharingOf } from './sharing-of.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `entente users create`: a user of one organisation, with a password for the web login when given. */
export function registerUsers(
  program: Command,
  ctx: () => CliContext,
  stdin: () => Promise<string> = readStdin,
): void {
  const users = program.command('users').description('users of organisations');
  users
    .command('create')
    .description('create a user; give a password (prefer --password-stdin) to allow web sign-in')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--email <email>', 'e-mail address (the login name)')
    .requiredOption('--role <role>', USER_ROLES.join(' | '))
    .option('--password <password>', 'password (visible in shell history: prefer --password-stdin)')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (opts: {
        org: string;
        email: string;
        role: string;
        password?: string;
        passwordStdin?: boolean;
      }) => {
        const c = ctx();
        if (!USER_ROLES.includes(opts.role as UserRole)) {
          throw new DomainError('invalid-input', `--role must be one of ${USER_ROLES.join(', ')}`, {
            field: 'role',
          });
        }
        if (opts.password && opts.passwordStdin)
          throw new DomainError('invalid-input', 'Give --password or --password-stdin, not both', {
            field: 'password',
          });
        const password = opts.passwordStdin ? await stdin() : opts.password;
        const sharing = await sharingOf(c);
        const user = await sharing.orgs.createUser(
          {
            orgId: opts.org,
            email: opts.email,
            role: opts.role as UserRole,
            ...(password !== undefined ? { password } : {}),
          },
          CLI_SOURCE,
        );
        c.output(user, () => `${user.id}  ${user.email} (${user.role}) in ${user.orgId}`);
      },
    );
}
