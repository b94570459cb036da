import type { Command } from 'commander';
import { DomainError, partyEntityId } from '@entente/core';
import type { CliContext } from '../context.ts';

/** `entente party <id>`: one listed party in full, with the parties on other lists that are the same (UN reference). */
export function registerParty(program: Command, ctx: () => CliContext): void {
  program
    .command('party')
    .description(
      'show a listed party (entity id `source:sourceId`) and its links to the same party on other lists',
    )
    .argument('<entityId>', 'e.g. un-sc:QDi.001')
    .action(async (entityId: string) => {
      const c = ctx();
      const store = await c.store();
      const found = await store.getParty(entityId);
      if (!found)
        throw new DomainError('not-found', `No party ${entityId} in the latest lists`, { field: 'entityId' });
      const p = found.party;
      const sameAs = p.unReference
        ? (await store.partiesByUnReference(p.unReference))
            .map((s) => s.entityId)
            .filter((id) => id !== partyEntityId(p))
        : [];
      c.output({ entityId, versionId: found.versionId, party: p, sameAs }, () =>
        [
          `${p.names[0]?.full ?? ''}  (${p.schema}, ${entityId})`,
          ...p.names
            .slice(1)
            .map(
              (n) =>
                `  aka ${n.full}${n.quality === 'weak' ? ' (weak)' : ''}${n.script && n.script !== 'Latn' ? ` [${n.script}]` : ''}`,
            ),
          p.birthDates.length
            ? `born:       ${p.birthDates.map((d) => `${d.circa ? 'circa ' : ''}${d.value}${d.to ? `–${d.to}` : ''}`).join('; ')}`
            : '',
          p.countries.length
            ? `countries:  ${p.countries.map((x) => `${x.code} (${x.role})`).join(', ')}`
            : '',
          p.identifiers.length
            ? `ids:        ${p.identifiers.map((i) => `${i.type} ${i.value}`).join('; ')}`
            : '',
          p.addresses.length ? `addresses:  ${p.addresses.map((a) => a.full).join(' | ')}` : '',
          p.programs.length ? `programmes: ${p.programs.join(', ')}` : '',
          p.licenceRequirement ? `licence requirement: ${p.licenceRequirement}` : '',
          p.licencePolicy ? `review policy: ${p.licencePolicy}` : '',
          p.citation ? `citation:   ${p.citation}` : '',
          p.unReference ? `UN ref:     ${p.unReference}` : '',
          sameAs.length ? `same as:    ${sameAs.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
    });
}
