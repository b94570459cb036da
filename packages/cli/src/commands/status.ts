import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format-table.ts';

/** `entente status`: where the store is, its schema version and what is loaded. */
export function registerStatus(program: Command, ctx: () => CliContext): void {
  program
    .command('status')
    .description('show the store kind and location, schema version and what is loaded')
    .action(async () => {
      const c = ctx();
      const store = await c.store();
      const info = store.info();
      const [counts, latest] = await Promise.all([store.counts(), store.latestVersions()]);
      const lists = latest.map((v) => ({
        source: v.source,
        publishedAt: v.publishedAt,
        records: v.recordCount,
      }));
      c.output({ store: info, counts, lists, mirrorDir: c.config.mirrorDir ?? null }, () =>
        [
          `store:    ${info.kind} at ${info.location}`,
          `schema:   ${info.schemaVersion} (${info.migrations.length} migrations)`,
          `mirror:   ${c.config.mirrorDir ?? '(none)'}`,
          `loaded:   ${Object.entries(counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
          '',
          lists.length
            ? formatTable(
                ['source', 'published', 'records'],
                lists.map((l) => [l.source, l.publishedAt, l.records]),
              )
            : 'No lists loaded yet: run `entente sync --mirror DIR` or `entente import <format> <path>`.',
        ].join('\n'),
      );
    });
}
