import type { Command } from 'commander';
import { classifyProduct } from '@entente/adapters';
import { parseJurisdiction, type ControlJurisdiction } from '@entente/core';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';
import { countOption } from '../numeric-option.ts';

/** `entente classify "<text>"`: candidate control entries for a product description, with their counterparts. */
export function registerClassify(program: Command, ctx: () => CliContext): void {
  program
    .command('classify')
    .description(
      'rank control entries for a product description (full-text and trigram), with their counterparts',
    )
    .argument('<text>', 'product description, e.g. "radiation-hardened integrated circuit"')
    .option('--jurisdiction <j>', "only this jurisdiction's lists: US, EU, UK or JP")
    .option('--limit <n>', 'candidates to return (default 10)', countOption('limit', 100))
    .action(async (text: string, opts: { jurisdiction?: string; limit?: number }) => {
      const c = ctx();
      const jurisdiction =
        opts.jurisdiction !== undefined
          ? (parseJurisdiction(opts.jurisdiction) as ControlJurisdiction)
          : undefined;
      const { searchedFor, hits } = await classifyProduct((await c.services()).db, text, {
        ...(jurisdiction ? { jurisdiction } : {}),
        limit: opts.limit ?? 10,
      });
      const candidates = hits.map((h) => ({
        id: h.id,
        heading: h.entry.heading,
        reasons: h.entry.reasons,
        score: h.score,
        features: h.features,
        counterparts: h.counterparts,
      }));
      c.output({ text, searchedFor, candidates }, () =>
        candidates.length
          ? (searchedFor !== text ? `searched for: ${searchedFor}\n\n` : '') +
            formatTable(
              ['entry', 'score', 'heading', 'counterparts'],
              candidates.map((h) => [
                h.id,
                h.score.toFixed(3),
                h.heading.slice(0, 60),
                [...new Set(h.counterparts.map((p) => (p.from === h.id ? p.to : p.from)))]
                  .slice(0, 4)
                  .join(' '),
              ]),
            )
          : `No control entry matches "${text}": the item may be unlisted (EAR99 / not controlled) — check the catch-all end-use controls.`,
      );
    });
}
