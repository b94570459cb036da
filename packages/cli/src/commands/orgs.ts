import type { Command } from 'commander';
import { CLI_SOURCE } from '@entente/adapters';
import { DomainError, SHARING_GROUPS, type SharingGroup } from '@entente/core';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { mirrorMemberships, sharingOf } from './sharing-of.ts';

function parseRegimes(v: string): SharingGroup[] {
  const list = v
    .split(',')
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean);
  const bad = list.find((r) => !SHARING_GROUPS.includes(r as SharingGroup));
  if (bad)
    throw new DomainError('invalid-input', `Unknown regime "${bad}" (one of ${SHARING_GROUPS.join(', ')})`, {
      field: 'regimes',
    });
  return list as SharingGroup[];
}

/** `entente orgs create|list`: agencies (with jurisdiction and regime memberships) and exporters. */
export function registerOrgs(program: Command, ctx: () => CliContext): void {
  const orgs = program.command('orgs').description('organisations: allied agencies and exporters');
  orgs
    .command('create')
    .description(
      'create an organisation; an agency’s regimes come from the mirror’s country_regimes.csv unless --regimes is given',
    )
    .requiredOption('--name <name>', 'organisation name')
    .requiredOption('--kind <kind>', 'agency or exporter')
    .option('--jurisdiction <XX>', 'ISO-2 country of the agency (or exporter)')
    .option(
      '--regimes <list>',
      `comma-separated regime memberships (${SHARING_GROUPS.join(',')})`,
      parseRegimes,
    )
    .action(async (opts: { name: string; kind: string; jurisdiction?: string; regimes?: SharingGroup[] }) => {
      const c = ctx();
      if (opts.kind !== 'agency' && opts.kind !== 'exporter') {
        throw new DomainError('invalid-input', `--kind must be agency or exporter, got "${opts.kind}"`, {
          field: 'kind',
        });
      }
      const memberships = opts.kind === 'agency' && !opts.regimes ? await mirrorMemberships(c) : undefined;
      if (opts.kind === 'agency' && !opts.regimes && !memberships) {
        throw new DomainError(
          'invalid-input',
          'No mirror with country_regimes.csv: pass --regimes or set ENTENTE_MIRROR',
          { field: 'regimes' },
        );
      }
      const sharing = await sharingOf(c);
      // The mirror's memberships of the agency's country, unless --regimes names them.
      const regimes =
        opts.regimes ??
        (memberships ? (memberships.get(opts.jurisdiction?.toUpperCase() ?? '') ?? []) : undefined);
      const org = await sharing.orgs.createOrg(
        {
          name: opts.name,
          kind: opts.kind,
          ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}),
          ...(regimes ? { regimes } : {}),
        },
        CLI_SOURCE,
      );
      c.output(
        org,
        () =>
          `${org.id}  ${org.kind} ${org.name}${org.jurisdiction ? ` (${org.jurisdiction}; regimes ${org.regimes.join(', ') || 'none'})` : ''}`,
      );
    });
  orgs
    .command('list')
    .description('list organisations')
    .action(async () => {
      const c = ctx();
      const list = await (await sharingOf(c)).orgs.listOrgs();
      c.output(list, () =>
        formatTable(
          ['id', 'kind', 'name', 'jurisdiction', 'regimes'],
          list.map((o) => [o.id, o.kind, o.name, o.jurisdiction ?? '', o.regimes.join(',')]),
        ),
      );
    });
}
