import type { Command } from 'commander';
import { parseEntryId } from '@entente/adapters';
import { describeSource, DomainError } from '@entente/core';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { catalogueOf } from './catalogue-of.ts';

/** `entente crosswalk <LIST:code>`: every counterpart of an entry in the other lists, with type and basis. */
export function registerCrosswalk(program: Command, ctx: () => CliContext): void {
  program
    .command('crosswalk')
    .description('every counterpart of a control entry in the other lists, with the relation and its basis')
    .argument('<entry>', 'LIST:code, e.g. US:3A001')
    .action(async (entry: string) => {
      const c = ctx();
      const { list, code } = parseEntryId(entry, 'entry');
      const { catalogue } = await catalogueOf(c);
      const found = catalogue.find(`${list}:${code}`);
      if (!found)
        throw new DomainError('not-found', `No entry ${list}:${code} in the catalogue`, { field: 'entry' });
      const id = `${list}:${code}`;
      const counterparts = catalogue.counterparts(id);
      c.output({ entry: id, heading: found.entry.heading, exact: found.exact, counterparts }, () =>
        [
          `${id}  ${found.entry.heading}`,
          '',
          counterparts.length
            ? formatTable(
                ['counterpart', 'relation', 'basis', 'via', 'heading'],
                counterparts.map((p) => [
                  p.id,
                  p.warning || p.source?.status === 'unverified' ? `${p.type}, UNVERIFIED` : p.type,
                  p.basis,
                  p.via ?? '',
                  (p.heading ?? '').slice(0, 70),
                ]),
              )
            : 'No counterpart in the other lists (a national control, or not cross-walked yet).',
          '',
          `relation: how ${id} relates to the counterpart (narrower: it covers less).`,
          ...counterparts
            .filter((p) => p.warning)
            .map((p) => `UNVERIFIED ${p.id}: ${p.warning}; not followed by gaps or the crosswalk.`),
          ...counterparts
            .filter((p) => p.source && !p.via)
            .map((p) => `source of the link to ${p.id}: ${describeSource(p.source!)}`),
        ].join('\n'),
      );
    });
}
